"""The real content of data/ and docs/, as editors leave it: valid, built, every page linked to its twin.

The other site tests build the fixture project (tests/fixtures/project/): these are the only tests
that read the real content, and they count nothing, so that an editor's new record changes no test.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from csn.data.errors import DataError
from csn.data.load import load_site
from tests.helpers.htmlcheck import html_pages, page_url, parse, references, target_file
from tests.helpers.sitebuild import PROJECT_DIR, BuildResult, build, copy_project

SITE_URL = "https://csn.example.org/"


@pytest.fixture(scope="module")
def real_content_site(tmp_path_factory) -> BuildResult:
    project = copy_project(tmp_path_factory.mktemp("real-content") / "project", content=PROJECT_DIR)
    return build(project, site_url=SITE_URL)


def test_the_real_data_is_valid():
    try:
        site = load_site(PROJECT_DIR / "data")
    except DataError as error:
        pytest.fail("\n".join(map(str, error.problems)))
    assert site.projects and site.partners and site.news


def test_the_real_site_builds_strictly(real_content_site):
    assert real_content_site.returncode == 0, real_content_site.output
    assert (real_content_site.site / "index.html").is_file() and (real_content_site.site / "en/index.html").is_file()


def test_every_real_page_names_its_language_and_its_twins_exist(real_content_site):
    pages = [p for p in html_pages(real_content_site.site) if p.name == "index.html"]
    assert pages
    missing = []
    for page in pages:
        url = page_url(real_content_site.site, page)
        soup = parse(page)
        lang = soup.html.get("lang")
        alternates = {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}
        if lang not in ("fr", "en") or alternates.get(lang) != SITE_URL + url:
            missing.append(f"{url}: lang {lang!r}, alternates {alternates}")
        for href in alternates.values():
            if not (real_content_site.site / href[len(SITE_URL):] / "index.html").is_file():
                missing.append(f"{url} -> {href}")
    assert not missing, "\n".join(missing[:20])


def test_every_real_internal_link_resolves(real_content_site):
    broken = []
    for page in html_pages(real_content_site.site):
        url = page_url(real_content_site.site, page)
        for element, href in references(parse(page)):
            external = urlsplit(href).scheme in ("http", "https") and not href.startswith(SITE_URL)
            if href.startswith(("mailto:", "#")) or (element.name == "a" and external):
                continue
            target = target_file(real_content_site.site, url, href, SITE_URL)
            if target is None or not target.exists():
                broken.append(f"{url} -> {href}")
    assert not broken, "\n".join(broken[:20])
