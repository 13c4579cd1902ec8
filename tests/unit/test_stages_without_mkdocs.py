"""The data, site and outputs stages called as plain Python, without MkDocs: plan, page bodies,
feeds, sitemaps and open data of the fixture project, both languages."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup

from csn.data.schema import LANGUAGES
from csn.render.build import LanguageBuild, prepare
from csn.site.plan import language_prefix
from tests.helpers.sitebuild import FIXTURE_DIR, FIXTURE_DOCS, PROJECT_DIR

SITE_URL = "https://csn.example.org/"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module", params=LANGUAGES)
def language_build(request) -> LanguageBuild:
    return prepare(FIXTURE_DIR, FIXTURE_DOCS, PROJECT_DIR / "overrides" / "csn", request.param)


def test_the_stages_import_nothing_of_mkdocs():
    code = ("import sys, csn.render.build, csn.render.site_files, csn.editors.scaffold, csn.ci.summary, csn.cli\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs', 'material', 'mkdocs_static_i18n'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_plan_gives_every_page_one_address_and_a_twin_in_each_language(language_build):
    plan = language_build.plan
    addresses = [page.path for page in plan.pages]
    assert len(addresses) == len(set(addresses))
    for page in plan.in_language(language_build.lang):
        assert page.path.startswith(language_prefix(page.lang))
        for lang in LANGUAGES:
            twin = page.twin(lang)
            assert twin.lang == lang and twin.twin(page.lang) is page


def test_each_record_body_is_rendered_in_its_language_with_its_title(language_build):
    lang = language_build.lang
    for project in language_build.site.projects:
        page = language_build.plan.for_entity(project, lang)
        body = BeautifulSoup(language_build.renderer.render_content(page, ""), "lxml")
        assert project.title[lang] in body.get_text(" ")


def test_the_feed_lists_the_published_news_newest_first(language_build):
    files = dict(_language_files(language_build))
    feed = feedparser.parse(files[language_prefix(language_build.lang) + "feed.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    published = [news for news in language_build.site.news]
    assert {entry.title for entry in feed.entries} == {news.title[language_build.lang] for news in published}
    updated = [entry.updated for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)


def test_the_sitemaps_list_every_page_once_with_its_alternates(language_build):
    """The root sitemap lists every page of the site; each other language's, its own pages."""
    files = dict(_language_files(language_build))
    root = ET.fromstring(files[language_prefix(language_build.lang) + "sitemap.xml"])
    urls = [url.findtext("sm:loc", namespaces=SITEMAP_NS) for url in root.findall("sm:url", SITEMAP_NS)]
    plan = language_build.plan
    listed = plan.pages if language_build.lang == LANGUAGES[0] else plan.in_language(language_build.lang)
    expected = [SITE_URL + page.path for page in listed]
    assert sorted(urls) == sorted(expected)
    for url in root.findall("sm:url", SITEMAP_NS):
        languages = {link.get("hreflang") for link in url.findall("xhtml:link", SITEMAP_NS)}
        assert languages == {*LANGUAGES, "x-default"}


def test_open_data_holds_every_record_with_both_languages():
    """Written once, by the default language's build."""
    language_build = prepare(FIXTURE_DIR, FIXTURE_DOCS, PROJECT_DIR / "overrides" / "csn", LANGUAGES[0])
    files = dict(_language_files(language_build))
    projects = json.loads(files["api/v1/projects.json"])
    records = projects["records"]
    assert {record["id"] for record in records} == {project.id for project in language_build.site.projects}
    for record in records:
        assert set(record["title"]) == set(LANGUAGES)


def _language_files(build: LanguageBuild):
    from csn.render.site_files import language_files
    return language_files(build, SITE_URL)
