"""Under the preview (`mkdocs serve --dirty`), an edit of any kind of record leaves every page's navigation as a
full build draws it: the pages rendered again show the tabs of the pages they did not render ("Actualités", never
"None"), in both languages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from bs4 import BeautifulSoup

from tests.helpers.sitebuild import build, copy_project

# One preview process: a first build, then one rebuild after each edit, as `make serve` does them. The site
# after each rebuild is kept aside for the test to read.
PREVIEW = textwrap.dedent("""
    import json, os, shutil, sys
    from pathlib import Path
    sys.argv = ["mkdocs", "serve", "--dirty"]  # mkdocs-static-i18n reads the flag there
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project, site_dir, edits = json.loads(os.environ["PREVIEW_ARGS"])
    os.chdir(project)
    from csn.hosts.mkdocs import reloading
    reloading.start("serve", dirty=True)

    def rebuild():
        build(load_config(config_file="mkdocs.yml", site_dir=site_dir), dirty=True)

    rebuild()
    for name, (path, old, new) in edits.items():
        path = Path(path)
        text = path.read_text(encoding="utf-8")
        assert old in text, (path, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
        rebuild()
        shutil.copytree(site_dir, f"{site_dir}-{name}")
""")

# One edit per kind of record: a text on its own page, in neither a title nor a navigation label.
EDITS = {
    # A partner named in no news item: the news index is not rendered again, its tab label must stay.
    "partner": ("data/partners/udem.yml", "Le CSN agit au sein de", "Le CSN (texte modifié) agit au sein de"),
    "project": ("data/projects/propriete-des-donnees.yml", "  en: Data ownership and access to health data",
                "  en: Data ownership and access to health data (edited)"),
    "news": ("data/news/2020-01-symposium-munich.yml", "En janvier 2020,", "En janvier 2020 (texte modifié),"),
    "programme": ("data/programmes/quebec-baviere-2020-2022.yml", "  en: Québec–Bavaria cooperation program 2020–2022",
                  "  en: Québec–Bavaria cooperation programme 2020–2022"),
}
EDITED_PAGES = {"partner": "partenaires/universite-de-montreal/", "project": "en/projects/data-ownership/",
                "news": "actualites/symposium-de-munich/", "programme": "en/projects/data-ownership/"}
EDITED_TEXT = {"partner": "texte modifié", "project": "(edited)", "news": "texte modifié",
               "programme": "cooperation programme"}


def navigation(page: Path) -> list[str]:
    """What a reader sees of the site's navigation on a page: the header tabs and the navigation drawer."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    return [" | ".join(a.get_text(" ", strip=True) + " -> " + a.get("href", "") for a in nav.find_all("a"))
            for nav in soup.select("nav.md-tabs, nav.md-nav--primary")]


def navigations(site: Path) -> dict[str, list[str]]:
    return {page.relative_to(site).as_posix(): navigation(page) for page in sorted(site.rglob("index.html"))}


def test_each_kind_of_record_edited_under_the_preview_keeps_the_navigation_of_a_full_build(tmp_path):
    project = copy_project(tmp_path / "preview")
    site = tmp_path / "preview-site"
    edits = {name: (str(project / path), old, new) for name, (path, old, new) in EDITS.items()}
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://csn.example.org/",
           "PREVIEW_ARGS": json.dumps([str(project), str(site), edits])}
    done = subprocess.run([sys.executable, "-c", PREVIEW], env=env, capture_output=True, text=True, timeout=900,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr

    clean = build(project, site_url="https://csn.example.org/")  # the edited project, built in full
    assert clean.returncode == 0, clean.output
    reference = navigations(clean.site)
    tabs = reference["index.html"][0]
    assert "Actualités -> " in tabs and "None" not in tabs
    assert "News -> " in reference["en/index.html"][0]
    for name in EDITS:
        after_edit = tmp_path / f"preview-site-{name}"
        assert EDITED_TEXT[name] in (after_edit / EDITED_PAGES[name] / "index.html").read_text(encoding="utf-8")
        previewed = navigations(after_edit)
        assert previewed.keys() == reference.keys(), name
        different = [page for page in reference if previewed[page] != reference[page]]
        assert different == [], (name, different[:5], previewed[different[0]] if different else None)
