"""The real site plus hostile fixtures, built; then every output file scanned for anything that could run."""

from __future__ import annotations

import os

from csn.editors.cms_admin import ADMIN_FOLDER
from csn.security.html_tags import start_tags
from csn.security.page_security import SCRIPT_TYPES, page_policy, template_scripts
from tests.helpers.outputscan import baseline_of, scan_site
from tests.helpers.sitebuild import build, copy_project
from tests.helpers.themes import THEME_DIRS

SECRET = "CSN-OUTSIDE-SECRET-91c2"
TRUSTED = template_scripts(THEME_DIRS)


def test_hostile_output_holds_nothing_that_runs(real_site, hostile_site):
    findings, read = scan_site(hostile_site.site, baseline_of(real_site.site))
    # Every file of the output: the pages, search index, sitemap and assets of both languages.
    assert read == sum(1 for path in hostile_site.site.rglob("*") if path.is_file()) > 90
    # The editing interface's configuration holds the themes' labels as its choices' labels, which the CMS
    # shows as text (never as HTML): the hostile theme is expected there, and only there.
    in_admin_config = [f for f in findings if f.startswith(f"{ADMIN_FOLDER}/config.json: ")]
    assert in_admin_config
    findings = [f for f in findings if f not in in_admin_config]
    assert findings == [], "\n".join(findings[:30])


def test_the_scan_sees_what_it_must_refuse(real_site, tmp_path):
    """The scanner itself: a site with one of each injection is caught on each."""
    site = tmp_path / "site"
    site.mkdir()
    page = (real_site.site / "index.html").read_text(encoding="utf-8")
    injections = {
        "script.html": page.replace("</article>", "<script>alert(1)</script></article>"),
        "handler.html": page.replace("</article>", "<p onclick=x()>x</p></article>"),
        "url.html": page.replace("</article>", "<a href=' javascript:x()'>x</a></article>"),
        "data.html": page.replace("</article>", '<img src="data:image/svg+xml,x"></article>'),
        "foreign.html": page.replace("</article>", '<script src="https://evil.example/x.js"></script></article>'),
        "ldjson.html": page.replace("</article>", '<script type="application/ld+json">{"a": "<img src=x onerror=y>"}'
                                                  "</script></article>"),
        "feed.xml": '<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;script&gt;x&lt;/script&gt;'
                    '</title></feed>',
        "api/v1/news.json": '{"records": [{"title": {"fr": "<b>ok: text</b>"}, "body": {"fr": "<img onerror=x>"}}]}',
        "api/v1/partners.json": '{"records": [{"website": "javascript:x()"}]}',
        "index.json": '{"docs": [{"title": "<b onmouseover=x>t</b>"}]}',
        "secret.txt": f"leaked {SECRET}",
    }
    for name, text in injections.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    os.symlink("index.json", site / "link.json")
    findings, _ = scan_site(site, baseline_of(real_site.site), forbidden=(SECRET,))
    for name in (*injections, "link.json"):
        assert any(f.startswith(name) for f in findings), name


def test_every_page_has_a_policy_that_hashes_exactly_its_inline_scripts(hostile_site):
    # The editing interface (admin/) has a policy of its own: tests/browser/test_admin.py.
    pages = sorted(page for page in hostile_site.site.rglob("*.html")
                   if page.relative_to(hostile_site.site).parts[0] != ADMIN_FOLDER)
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        tags = start_tags(html)
        metas = [t for t in tags if t.name == "meta" and t.attrs.get("http-equiv") == "Content-Security-Policy"]
        assert len(metas) == 1, page
        first_script = next(t for t in tags if t.name == "script")
        assert metas[0].start < first_script.start, page
        # The policy written is the one the page's own scripts call for, and it allows no inline code.
        assert metas[0].attrs["content"] == page_policy(tags, TRUSTED), page
        inline = [t for t in tags if t.name == "script" and "src" not in t.attrs
                  and (t.attrs.get("type") or "") in SCRIPT_TYPES]
        assert inline and metas[0].attrs["content"].count("'sha256-") >= len({t.raw_text for t in inline})
        sources = metas[0].attrs["content"].split()
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources


def test_every_external_link_is_noopener_noreferrer(hostile_site):
    checked = 0
    for page in hostile_site.site.rglob("*.html"):
        for tag in start_tags(page.read_text(encoding="utf-8")):
            href = tag.attrs.get("href") or ""
            if tag.name == "a" and href.startswith(("http:", "https:")):
                assert {"noopener", "noreferrer"} <= set((tag.attrs.get("rel") or "").split()), (page, href)
                checked += 1
    assert checked > 50


def test_a_build_that_links_outside_fails_and_leaks_nothing(tmp_path):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    project = copy_project(tmp_path / "project")
    os.symlink(secret, project / "docs" / "fr" / "secret.txt")
    result = build(project)
    assert result.returncode != 0
    assert "docs/fr/secret.txt: est un lien symbolique qui mène hors de son dossier" in result.output
    assert SECRET not in result.output
    assert not result.site.exists()
