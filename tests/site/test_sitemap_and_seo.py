"""What search engines and social networks read: sitemaps, robots.txt, meta tags, Open Graph, JSON-LD."""

from __future__ import annotations

import json
import struct
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from csn.data.load import load_site
from csn.site.strings import Translator
from tests.helpers.htmlcheck import html_pages, page_url, parse
from tests.helpers.sitebuild import FIXTURE_DATA

SITE_URL = "https://csn.example.org/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SITE = load_site(FIXTURE_DATA)
LOCALES = {"fr": "fr_CA", "en": "en_CA"}
NEWS_PAGES = {f"actualites/{n.slug['fr']}/" for n in SITE.news} | {f"en/news/{n.slug['en']}/" for n in SITE.news}


def sitemap(real_site, path: str) -> dict[str, dict[str, str]]:
    """{page URL: {hreflang: URL}} of a sitemap; fails on a URL listed twice."""
    root = ET.fromstring((real_site.site / path).read_bytes())
    assert root.tag == SITEMAP + "urlset"
    locs = [url.findtext(SITEMAP + "loc") for url in root.findall(SITEMAP + "url")]
    assert [loc for loc, n in Counter(locs).items() if n > 1] == []
    return {url.findtext(SITEMAP + "loc"): {link.get("hreflang"): link.get("href")
                                            for link in url.findall(XHTML + "link") if link.get("rel") == "alternate"}
            for url in root.findall(SITEMAP + "url")}


def site_pages(real_site) -> list[str]:
    """The URL of every HTML page of the built site but the error page."""
    return sorted(SITE_URL + page_url(real_site.site, page) for page in html_pages(real_site.site)
                  if page.name == "index.html")


def language_of(url: str) -> str:
    return "en" if url.startswith(SITE_URL + "en/") else "fr"


def test_the_sitemap_lists_every_html_page_exactly_once(real_site):
    assert sorted(sitemap(real_site, "sitemap.xml")) == site_pages(real_site)
    assert len(site_pages(real_site)) > 40


def test_every_sitemap_entry_has_its_alternates_and_x_default(real_site):
    entries = sitemap(real_site, "sitemap.xml")
    for url, alternates in entries.items():
        lang = language_of(url)
        assert set(alternates) == {"fr", "en", "x-default"}, url
        assert alternates[lang] == url
        assert alternates["x-default"] == alternates["fr"]
        for href in alternates.values():
            assert href in entries, f"{url}: alternate {href} is not a page of the sitemap"
            assert entries[href] == alternates, f"{url} and {href} disagree on their alternates"
        assert real_site.html(url[len(SITE_URL):]).html["lang"] == lang


def test_the_english_sitemap_lists_the_english_pages_with_the_same_alternates(real_site):
    english = sitemap(real_site, "en/sitemap.xml")
    everything = sitemap(real_site, "sitemap.xml")
    assert sorted(english) == [url for url in site_pages(real_site) if language_of(url) == "en"]
    assert all(english[url] == everything[url] for url in english)


def test_robots_txt_points_to_the_sitemap(real_site):
    lines = (real_site.site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines and f"Sitemap: {SITE_URL}sitemap.xml" in lines
    assert "Disallow: /" not in lines


def pages_with_lang(real_site):
    for page in html_pages(real_site.site):
        if page.name == "index.html":
            url = page_url(real_site.site, page)
            yield url, ("en" if url.startswith("en/") else "fr"), parse(page)


def meta(soup, attribute: str, name: str) -> list[str]:
    return [tag["content"] for tag in soup.select(f'head meta[{attribute}="{name}"]')]


def test_every_page_has_description_open_graph_and_twitter_card_in_its_language(real_site):
    for url, lang, soup in pages_with_lang(real_site):
        description = meta(soup, "name", "description")
        assert len(description) == 1 and len(description[0]) > 20, url
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        assert meta(soup, "property", "og:url") == [canonical] == [SITE_URL + url]
        assert meta(soup, "property", "og:locale") == [LOCALES[lang]]
        assert meta(soup, "property", "og:locale:alternate") == [LOCALES["en" if lang == "fr" else "fr"]]
        assert meta(soup, "property", "og:description") == description == meta(soup, "name", "twitter:description")
        assert meta(soup, "property", "og:site_name") == [SITE.info.name[lang]]
        title = meta(soup, "property", "og:title")
        assert len(title) == 1 and title == meta(soup, "name", "twitter:title")
        assert meta(soup, "name", "twitter:card") == ["summary_large_image"]
        expected_type = "article" if url in NEWS_PAGES else "website"
        assert meta(soup, "property", "og:type") == [expected_type], url


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, which must come first, right after the signature."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    length, chunk = struct.unpack(">I4s", data[8:16])
    assert chunk == b"IHDR" and length == 13
    return struct.unpack(">II", data[16:24])


def test_every_page_without_its_own_picture_has_the_social_card_of_its_language(real_site):
    cards = set()
    for url, lang, soup in pages_with_lang(real_site):
        if soup.select_one(".csn-record-head__media .csn-picture__img"):  # its own picture's crop: test_picture_pipeline.py
            continue
        image = meta(soup, "property", "og:image")
        assert image == [f"{SITE_URL}assets/images/social-card-{lang}.png"] == meta(soup, "name", "twitter:image"), url
        assert meta(soup, "property", "og:image:width") == ["1200"] and meta(soup, "property", "og:image:height") == ["630"]
        alt = Translator(lang)("social_card.alt", site=SITE.info.name[lang], tagline=SITE.info.tagline[lang])
        assert SITE.info.tagline[lang] in alt
        assert meta(soup, "property", "og:image:alt") == [alt] == meta(soup, "name", "twitter:image:alt"), url
        cards.add(image[0])
    assert len(cards) == 2
    for card in cards:
        assert png_size((real_site.site / card[len(SITE_URL):]).read_bytes()) == (1200, 630), card


def test_the_two_cards_differ_and_each_alt_is_in_its_language(real_site):
    alts = {lang: meta(real_site.html(url), "property", "og:image:alt")[0] for lang, url in (("fr", ""), ("en", "en/"))}
    assert alts["fr"] != alts["en"]
    assert "devise" in alts["fr"] and "motto" in alts["en"]
    fr, en = ((real_site.site / f"assets/images/social-card-{lang}.png").read_bytes() for lang in ("fr", "en"))
    assert fr != en


def test_meta_description_of_a_record_is_its_summary(real_site):
    project = next(p for p in SITE.projects if p.id == "lac-de-donnees")
    for lang, url in (("fr", "projets/lac-de-donnees/"), ("en", "en/projects/data-lake/")):
        assert meta(real_site.html(url), "name", "description") == [project.summary[lang]]
    news = next(n for n in SITE.news if n.id == "2020-06-29-adhesion-echalliance")
    soup = real_site.html("en/news/joining-echalliance/")
    assert meta(soup, "name", "description") == [news.summary["en"]]
    assert meta(soup, "property", "article:published_time") == ["2020-06-29"]


def json_ld(soup) -> list[dict]:
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].get_text())
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def node_of_type(graph: list[dict], kind: str) -> dict:
    found = [node for node in graph if node["@type"] == kind]
    assert len(found) == 1, kind
    return found[0]


def test_every_page_describes_the_consortium_in_its_language(real_site):
    for _url, lang, soup in pages_with_lang(real_site):
        consortium = json_ld(soup)[0]
        assert consortium["@type"] == "Organization" and consortium["@id"] == SITE_URL + "#organization"
        assert consortium["name"] == SITE.info.name[lang] and consortium["alternateName"] == SITE.info.acronym
        assert consortium["url"] == SITE_URL + ("en/" if lang == "en" else "")


def visible_links(soup, heading: str) -> list[str]:
    title = soup.find(lambda tag: tag.name == "h2" and tag.get_text(strip=True) == heading)
    return [a.get_text(strip=True) for a in title.find_next_sibling("ul").select("li a")]


@pytest.mark.parametrize("lang, path, partners_heading", [("fr", "projets/lac-de-donnees/", "Partenaires"),
                                                          ("en", "en/projects/data-lake/", "Partners")])
def test_project_json_ld_matches_the_page(real_site, lang, path, partners_heading):
    soup = real_site.html(path)
    project = node_of_type(json_ld(soup), "ResearchProject")
    assert project["name"] == soup.select_one("article h1").get_text(strip=True)
    assert project["description"] == soup.select_one(".csn-lead").get_text()
    assert project["url"] == SITE_URL + path
    assert project["foundingDate"] == "2020" and project["dissolutionDate"] == "2022"
    assert sorted(project["keywords"]) == sorted(t.get_text() for t in soup.select(".csn-facts .csn-tag"))
    listed = visible_links(soup, partners_heading)
    described = [p["name"] for p in project["member"] + project["funder"]]
    assert sorted(described) == sorted(listed)
    mrif = next(p for p in SITE.partners if p.id == "mrif")  # `funder: true` in the project's data
    assert [p["name"] for p in project["funder"]] == [mrif.name[lang]]
    for partner in project["member"] + project["funder"]:
        assert real_site.html(partner["url"][len(SITE_URL):]).select_one("article h1").get_text(" ", strip=True) \
            .startswith(partner["name"])


@pytest.mark.parametrize("path", ["actualites/adhesion-a-echalliance/", "en/news/mrif-support/"])
def test_news_json_ld_matches_the_page(real_site, path):
    soup = real_site.html(path)
    article = node_of_type(json_ld(soup), "NewsArticle")
    assert article["headline"] == soup.select_one("article h1").get_text(strip=True)
    assert article["datePublished"] == soup.select_one("article .csn-card__meta time")["datetime"]
    assert article["inLanguage"] == soup.html["lang"]
    assert article["url"] == article["mainEntityOfPage"] == SITE_URL + path
    assert article["author"] == article["publisher"] == {"@id": SITE_URL + "#organization"}
    mentioned = sorted(p["name"] for p in article.get("mentions", []))
    on_page = sorted(a.get_text(strip=True) for h in soup.select("article h2")
                     if h.get_text(strip=True) in ("Partenaires mentionnés", "Partners mentioned")
                     for a in h.find_next_sibling("ul").select("a"))
    assert mentioned == on_page and mentioned


@pytest.mark.parametrize("path", ["partenaires/alliance-bavaroise-pour-la-recherche/", "en/partners/mrif/"])
def test_partner_json_ld_matches_the_page(real_site, path):
    soup = real_site.html(path)
    graph = json_ld(soup)
    partner = graph[1]
    assert partner["@type"] in ("ResearchOrganization", "GovernmentOrganization")
    assert soup.select_one("article h1").get_text(" ", strip=True).startswith(partner["name"])
    assert partner["description"] == soup.select_one(".csn-lead").get_text()
    assert partner["url"] == SITE_URL + path
    assert partner["address"]["addressCountry"] in ("CA", "DE")


def test_a_partner_has_the_same_id_in_both_languages(real_site):
    fr = json_ld(real_site.html("partenaires/mrif/"))[1]
    en = json_ld(real_site.html("en/partners/mrif/"))[1]
    assert fr["@id"] == en["@id"] == SITE_URL + "partenaires/mrif/#organization"
    assert fr["name"] != en["name"]
