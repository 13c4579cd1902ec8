"""The Atom feeds: one per language, valid per RFC 4287, read by a feed parser, found from every page."""

from __future__ import annotations

import feedparser
import pytest

from csn.data.load import load_site
from tests.helpers.atomcheck import atom_problems, feed_language
from tests.helpers.htmlcheck import html_pages, page_url, parse, target_file
from tests.helpers.sitebuild import FIXTURE_DATA

SITE_URL = "https://csn.example.org/"
FEEDS = {"fr": "feed.xml", "en": "en/feed.xml"}
SITE = load_site(FIXTURE_DATA)


def feed_bytes(real_site, lang: str) -> bytes:
    return (real_site.site / FEEDS[lang]).read_bytes()


@pytest.mark.parametrize("lang", FEEDS)
def test_feed_follows_rfc_4287(real_site, lang):
    assert atom_problems(feed_bytes(real_site, lang)) == []
    assert feed_language(feed_bytes(real_site, lang)) == lang


@pytest.mark.parametrize("lang", FEEDS)
def test_a_feed_reader_reads_every_published_item_newest_first(real_site, lang):
    parsed = feedparser.parse(feed_bytes(real_site, lang))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [entry.title for entry in parsed.entries] == [news.title[lang] for news in SITE.news]
    dates = [entry.published_parsed for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    assert parsed.feed.updated_parsed == dates[0]
    assert parsed.feed.author == SITE.info.name[lang]


@pytest.mark.parametrize("lang", FEEDS)
def test_each_entry_links_to_its_page_in_the_feed_language(real_site, lang):
    parsed = feedparser.parse(feed_bytes(real_site, lang))
    for entry in parsed.entries:
        assert entry.link.startswith(SITE_URL), entry.link
        page = real_site.html(entry.link[len(SITE_URL):])
        assert page.html["lang"] == lang
        assert page.select_one("article h1").get_text(strip=True) == entry.title
        assert entry.summary == page.select_one(".csn-lead").get_text()
        assert entry.content[0].type == "text/html" and entry.content[0].value.startswith("<p>")
    assert len({entry.id for entry in parsed.entries}) == len(parsed.entries)


def test_entry_ids_stay_the_same_for_a_record_and_differ_between_languages(real_site):
    ids = {lang: [e.id for e in feedparser.parse(feed_bytes(real_site, lang)).entries] for lang in FEEDS}
    assert not set(ids["fr"]) & set(ids["en"])
    for fr_id, en_id, news in zip(ids["fr"], ids["en"], SITE.news, strict=True):
        assert fr_id.startswith("tag:csn.example.org,") and f"/news/{news.id}/" in fr_id
        assert fr_id.replace("/fr", "/en") == en_id


def test_every_page_announces_the_feed_of_its_language(real_site):
    checked = 0
    for page in html_pages(real_site.site):
        url = page_url(real_site.site, page)
        if page.name != "index.html":
            continue
        lang = "en" if url.startswith("en/") else "fr"
        links = parse(page).select('head link[rel="alternate"][type="application/atom+xml"]')
        assert [link["href"] for link in links] == [SITE_URL + FEEDS[lang]], url
        assert links[0]["title"]
        checked += 1
    assert checked > 40


@pytest.mark.parametrize("path, lang", [("actualites/", "fr"), ("en/news/", "en"), ("actualites/2020/", "fr")])
def test_the_news_index_links_to_its_feed(real_site, path, lang):
    link = real_site.html(path).select_one('article a[type="application/atom+xml"]')
    assert link is not None and link.get_text(strip=True)
    assert target_file(real_site.site, path, link["href"]) == real_site.site / FEEDS[lang]


def test_the_checker_finds_what_rfc_4287_forbids():
    broken = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><updated>2020-06-29</updated>
      <entry><id>/relative</id><title>e</title><updated>2020-06-29T00:00:00-04:00</updated></entry>
      <entry><id>/relative</id><title>f</title><updated>2020-06-29T00:00:00Z</updated></entry></feed>"""
    problems = "\n".join(atom_problems(broken))
    for words in ("needs exactly one atom:id", "not an RFC 3339 date-time", "not an absolute IRI", "no link rel=self",
                  "no atom:author", "neither atom:content nor an alternate link", "used by 2 entries"):
        assert words in problems
