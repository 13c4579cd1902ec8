"""Preview rebuilds (`mkdocs serve --dirty`): only the pages an edit touches are rendered again,
and the result is the site a clean build of the edited data gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from csn.data.load import load_site
from csn.site.incremental import affected_records
from tests.helpers.sitebuild import FIXTURE_DATA, build, copy_project

# Two builds in one process, as the preview server does them, with an edit in between: one run of
# the hooks for the whole process (started as on_startup starts it), then a configuration loaded
# afresh and a dirty build for each rebuild. The run is a `build` one so that its pages carry the
# policy a clean build writes, to compare them.
REBUILD = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path
    sys.argv = ["mkdocs", "serve", "--dirty"]  # mkdocs-static-i18n reads the flag there
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project, site_dir, edited, old, new = json.loads(os.environ["REBUILD_ARGS"])
    os.chdir(project)
    from csn.hosts.mkdocs import reloading
    reloading.start("build", dirty=True)

    def rebuild():
        config = load_config(config_file="mkdocs.yml", site_dir=site_dir)
        build(config, dirty=True)

    def mtimes():
        return {str(p.relative_to(site_dir)): p.stat().st_mtime_ns for p in Path(site_dir).rglob("*.html")}

    rebuild()
    before = mtimes()
    path = Path(edited)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    rebuild()
    after = mtimes()
    print(json.dumps(sorted(name for name in after if after[name] != before.get(name))))
""")

EDITED = "data/news/2020-06-29-adhesion-echalliance.yml"
OLD_TITLE = "fr: Le CSN devient membre d'ECHAlliance"
NEW_TITLE = "fr: Le CSN adhère à ECHAlliance (titre modifié)"


def _html_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_a_dirty_rebuild_renders_the_touched_pages_only_and_matches_a_clean_build(tmp_path):
    project = copy_project(tmp_path / "incremental")
    site = tmp_path / "incremental-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://csn.example.org/",
           "REBUILD_ARGS": json.dumps([str(project), str(site), str(project / EDITED), OLD_TITLE, NEW_TITLE])}
    env.pop("PYTHONPATH", None)
    done = subprocess.run([sys.executable, "-c", REBUILD], env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    rewritten = set(json.loads(done.stdout.strip().splitlines()[-1]))

    # The edited item, in both languages, and the pages that show it were rendered again...
    for page in ("actualites/adhesion-a-echalliance/index.html", "en/news/joining-echalliance/index.html",
                 "partenaires/echalliance/index.html", "actualites/index.html", "index.html"):
        assert page in rewritten, sorted(rewritten)
    # ...and the pages of records it has nothing to do with were left as they were.
    for page in ("projets/lac-de-donnees/index.html", "en/projects/data-lake/index.html",
                 "partenaires/universite-de-montreal/index.html"):
        assert page not in rewritten
    # Docs pages (home, sections, about, privacy, accessibility, open data) are always rendered again.
    docs_pages = 2 * len(list((project / "docs" / "fr").rglob("*.md")))
    assert len(rewritten) - docs_pages < (len(list(site.rglob("*.html"))) - docs_pages) / 2

    # The result is what a clean build of the edited data writes.
    clean = build(project, site_url="https://csn.example.org/")
    assert clean.returncode == 0, clean.output
    assert "titre modifié" in (clean.site / "actualites/adhesion-a-echalliance/index.html").read_text()
    incremental, reference = _html_files(site), _html_files(clean.site)
    assert incremental.keys() == reference.keys()
    assert [name for name in reference if incremental[name] != reference[name]] == []
    # The search index too: Pagefind's index of each language names the hash of its content.
    assert _search_indexes(site) == _search_indexes(clean.site)


def _search_indexes(site: Path) -> dict:
    return json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]


def test_a_record_edit_touches_its_links_both_ways_and_its_neighbouring_news():
    site = load_site(FIXTURE_DATA)
    keys = affected_records(site, site, {"data/projects/lac-de-donnees.yml"}, set())
    project = next(p for p in site.projects if p.id == "lac-de-donnees")
    expected = {"project:lac-de-donnees"} | {f"partner:{p.partner.id}" for p in project.partners} | \
        {f"news_item:{n.id}" for n in project.news}
    assert keys == expected
    news = site.news[2]
    keys = affected_records(site, site, {news.file}, set())
    assert {f"news_item:{site.news[1].id}", f"news_item:{site.news[3].id}", f"news_item:{news.id}"} <= keys


def test_any_other_change_renders_every_page():
    site = load_site(FIXTURE_DATA)
    assert affected_records(site, site, {"data/site.yml"}, set()) is None
    assert affected_records(site, site, {"overrides/csn/news_item.html"}, set()) is None
    assert affected_records(site, site, {"data/news/2030-01-01-new.yml"}, {"data/news/2030-01-01-new.yml"}) is None
