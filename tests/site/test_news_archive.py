"""The news archive and scheduled publishing, on the fixture site (two news per page, one item dated tomorrow)."""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys

import pytest

from csn.data.load import load_site
from tests.helpers.fixturesite import FUTURE_DAY, FUTURE_MARKER, FUTURE_SLUGS, NEWS_PER_PAGE, TODAY, build_fixture_site
from tests.helpers.htmlcheck import target_file
from tests.helpers.search_bundle import indexed_pages

pytestmark = pytest.mark.xdist_group("fixture_site")
INDEX = {"fr": "actualites/", "en": "en/news/"}


@pytest.fixture(scope="module")
def published(fixture_site):
    return load_site(fixture_site.project / "data", dt.date.fromisoformat(TODAY)).news


def linked(result, from_path: str, element) -> str:
    """The site path a link of the page at `from_path` leads to."""
    target = target_file(result.site, from_path, element["href"])
    return target.relative_to(result.site).as_posix().removesuffix("index.html")


def listing_titles(result, path: str) -> list[str]:
    return [a.get_text(strip=True) for a in result.html(path).select(".csn-list .csn-card__title a")]


def index_pages(result, lang: str) -> list[str]:
    """Follow the index's "next page" links from its first page to its last."""
    pages, path = [], INDEX[lang]
    while path:
        pages.append(path)
        following = result.html(path).select_one('.csn-pagination a[rel="next"]')
        path = linked(result, path, following) if following else None
    return pages


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_index_is_paginated_newest_first(fixture_site, published, lang):
    pages = index_pages(fixture_site, lang)
    assert len(pages) == math.ceil(len(published) / NEWS_PER_PAGE) == 3
    assert pages[1] == f"{INDEX[lang]}page/2/"
    titles = [title for path in pages for title in listing_titles(fixture_site, path)]
    assert titles == [news.title[lang] for news in published]
    assert all(len(listing_titles(fixture_site, path)) <= NEWS_PER_PAGE for path in pages)
    last = fixture_site.html(pages[-1])
    assert linked(fixture_site, pages[-1], last.select_one('.csn-pagination a[rel="prev"]')) == pages[-2]
    assert last.select_one('.csn-pagination [aria-current="page"]').get_text() == "3"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_year_has_its_archive(fixture_site, published, lang):
    index = fixture_site.html(INDEX[lang])
    years = {a.get_text(strip=True): linked(fixture_site, INDEX[lang], a) for a in index.select(".csn-years a")}
    assert list(years) == ["2021", "2020"]
    for year, path in years.items():
        assert path == f"{INDEX[lang]}{year}/"
        expected = [n.title[lang] for n in published if str(n.date.year) == year]
        titles, page = [], path
        while page:
            titles += listing_titles(fixture_site, page)
            following = fixture_site.html(page).select_one('.csn-pagination a[rel="next"]')
            page = linked(fixture_site, page, following) if following else None
        assert titles == expected
        heading = fixture_site.html(path).select_one("article h1").get_text()
        assert year in heading


def test_a_year_archive_has_its_twin_in_the_other_language(fixture_site):
    fr = fixture_site.html("actualites/2020/page/2/")
    assert fr.select_one('link[hreflang="en"]')["href"] == "https://csn.example.org/en/news/2020/page/2/"
    assert fr.title.get_text().startswith("Actualités de 2020 – page 2")
    assert fixture_site.html("en/news/2020/").title.get_text().startswith("News from 2020")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_news_pages_chain_from_newest_to_oldest(fixture_site, published, lang):
    path = fixture_site.html(INDEX[lang]).select_one(".csn-list .csn-card__title a")
    path = linked(fixture_site, INDEX[lang], path)
    seen = []
    while path:
        page = fixture_site.html(path)
        seen.append(page.select_one("article h1").get_text(strip=True))
        newer = page.select_one('.csn-neighbours a[rel="next"]')
        if len(seen) > 1:
            assert newer is not None and newer.select_one(".csn-neighbours__title").get_text() == seen[-2]
        else:
            assert newer is None
        older = page.select_one('.csn-neighbours a[rel="prev"]')
        path = linked(fixture_site, path, older) if older else None
    assert seen == [news.title[lang] for news in published]


def test_the_home_page_shows_the_latest_items(fixture_site, published):
    for lang, path in (("fr", ""), ("en", "en/")):
        home = fixture_site.html(path)
        cards = [a.get_text(strip=True) for a in home.select('section[aria-labelledby="csn-news"] .csn-card__title a')]
        assert cards == [news.title[lang] for news in published[:3]]


def test_the_scheduled_item_appears_nowhere(fixture_site):
    """Not a page, a card, a feed entry, a search entry, a sitemap entry, a JSON or CSV record, a link."""
    found = []
    for path in fixture_site.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".txt"):
            content = path.read_text(encoding="utf-8", errors="replace").lower()
            if FUTURE_MARKER in content or any(slug in content for slug in FUTURE_SLUGS.values()):
                found.append(path.relative_to(fixture_site.site).as_posix())
    for lang in ("fr", "en"):  # the search index's fragments are compressed: read as the browser reads them
        found += [url for url, page in indexed_pages(fixture_site.site, lang).items()
                  if FUTURE_MARKER in json.dumps(page, ensure_ascii=False).lower()]
    assert found == []
    assert not (fixture_site.site / "actualites" / FUTURE_SLUGS["fr"]).exists()
    assert not (fixture_site.site / "actualites" / "2030").exists()
    assert "2030" not in json.dumps(json.loads((fixture_site.site / "api/v1/news.json").read_text()))


def test_the_build_says_why_without_a_warning(fixture_site):
    assert f"avertissement : programmée pour le {FUTURE_DAY}" in fixture_site.output
    assert "WARNING" not in fixture_site.output


def test_validate_warns_about_the_scheduled_item(fixture_site):
    done = subprocess.run([sys.executable, "-m", "csn", "--project", str(fixture_site.project), "validate"], check=False,
                          capture_output=True, text=True, env={"CSN_TODAY": TODAY, "PATH": "/usr/bin:/bin"},
                          cwd=fixture_site.project / "hooks")
    assert done.returncode == 0, done.stderr
    assert f"avertissement : programmée pour le {FUTURE_DAY}" in done.stdout
    assert "1 programmée pour plus tard" in done.stdout
    english = subprocess.run([sys.executable, "-m", "csn", "--project", str(fixture_site.project), "validate"],
                             check=False, capture_output=True, text=True, cwd=fixture_site.project / "hooks",
                             env={"CSN_TODAY": TODAY, "PATH": "/usr/bin:/bin", "CSN_LANG": "en"})
    assert f"warning: scheduled for {FUTURE_DAY}" in english.stdout and "1 scheduled for later" in english.stdout


def test_the_item_is_published_on_its_day(tmp_path):
    result = build_fixture_site(tmp_path / "project", FUTURE_DAY)
    page = result.html(f"actualites/{FUTURE_SLUGS['fr']}/")
    assert FUTURE_MARKER in page.select_one("article h1").get_text()
    assert listing_titles(result, "actualites/")[0] == page.select_one("article h1").get_text(strip=True)
    assert FUTURE_MARKER in (result.site / "en/feed.xml").read_text(encoding="utf-8")
    assert any(FUTURE_MARKER in page["meta"]["title"] for page in indexed_pages(result.site, "en").values())
    assert "2030" in [a.get_text(strip=True) for a in result.html("en/news/").select(".csn-years a")]
    assert FUTURE_SLUGS["en"] in (result.site / "sitemap.xml").read_text(encoding="utf-8")
    records = json.loads((result.site / "api/v1/news.json").read_text(encoding="utf-8"))["records"]
    assert records[0]["date"] == FUTURE_DAY
    project = result.html("en/projects/data-lake/").select_one("article").get_text()
    assert FUTURE_MARKER in project
