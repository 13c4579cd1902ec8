"""The real site's built output: pages, languages, twins, links and resources."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from csn.data.load import load_site
from tests.helpers.htmlcheck import html_pages, page_url, parse, references, target_file
from tests.helpers.sitebuild import FIXTURE_DATA, FIXTURE_DOCS

SITE_URL = "https://csn.example.org/"
SITE = load_site(FIXTURE_DATA)
NEWS_PER_PAGE = 10  # extra.csn.news_per_page in mkdocs.yml
SECTIONS = {"fr": {"projects": "projets", "partners": "partenaires", "news": "actualites"},
            "en": {"projects": "en/projects", "partners": "en/partners", "news": "en/news"}}


def pages_per_language() -> int:
    """Docs pages, one page per record, one archive per year and the news index's later pages."""
    years = {news.date.year for news in SITE.news}
    later_index_pages = max(0, -(-len(SITE.news) // NEWS_PER_PAGE) - 1)
    docs_pages = len(list((FIXTURE_DOCS / "fr").rglob("*.md")))
    return docs_pages + len(SITE.projects) + len(SITE.partners) + len(SITE.news) + len(years) + later_index_pages


def entity_pages():
    for lang in ("fr", "en"):
        for project in SITE.projects:
            yield lang, f"{SECTIONS[lang]['projects']}/{project.slug[lang]}/", project.title[lang]
        for partner in SITE.partners:
            yield lang, f"{SECTIONS[lang]['partners']}/{partner.slug[lang]}/", partner.name[lang]
        for news in SITE.news:
            yield lang, f"{SECTIONS[lang]['news']}/{news.slug[lang]}/", news.title[lang]


@pytest.mark.parametrize("lang, path, title", list(entity_pages()))
def test_every_entity_has_a_page_in_each_language_with_its_title_as_h1(real_site, lang, path, title):
    soup = real_site.html(path)
    assert soup.html["lang"] == lang
    h1s = soup.select("article h1")
    assert [h.get_text(" ", strip=True) for h in h1s][:1] == [title] or h1s[0].get_text(strip=True).startswith(title)
    assert soup.title.get_text().startswith(title)


def test_localized_paths(real_site):
    assert (real_site.site / "projets/lac-de-donnees/index.html").is_file()
    assert (real_site.site / "en/projects/data-lake/index.html").is_file()
    assert (real_site.site / "a-propos/index.html").is_file()
    assert (real_site.site / "en/about/index.html").is_file()
    assert not (real_site.site / "en/projets").exists() and not (real_site.site / "projects").exists()


def test_every_page_has_its_language_and_absolute_alternates(real_site):
    pages = [p for p in html_pages(real_site.site) if p.name == "index.html" and "search" not in p.parts]
    assert len(pages) == 2 * pages_per_language()
    for page in pages:
        url = page_url(real_site.site, page)
        soup = parse(page)
        lang = "en" if url.startswith("en/") else "fr"
        assert soup.html["lang"] == lang, url
        alternates = {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}
        assert set(alternates) == {"fr", "en", "x-default"}, url
        assert alternates[lang] == SITE_URL + url, url
        assert alternates["x-default"] == alternates["fr"]
        assert soup.select_one('link[rel="canonical"]')["href"] == SITE_URL + url
        for href in alternates.values():
            assert href.startswith(SITE_URL)
            assert (real_site.site / href[len(SITE_URL):] / "index.html").is_file(), href


def switcher_target(real_site, url: str, lang: str) -> str:
    page = real_site.site / url / "index.html"
    link = parse(page).select_one(f'a.csn-lang[hreflang="{lang}"]')
    assert link is not None and link["lang"] == lang, url
    # Named in its own language, as text (Canada.ca's convention): "English" on French pages, "Français" on English.
    assert link.get_text(strip=True) == {"en": "English", "fr": "Français"}[lang], url
    target = target_file(real_site.site, url, link["href"])
    assert target is not None and target.is_file(), (url, link["href"])
    return page_url(real_site.site, target)


def test_switcher_goes_to_the_twin_page_and_back(real_site):
    checked = 0
    for page in html_pages(real_site.site):
        url = page_url(real_site.site, page)
        if page.name != "index.html" or url.startswith(("search", "assets")):
            continue
        lang, other = ("en", "fr") if url.startswith("en/") else ("fr", "en")
        twin = switcher_target(real_site, url, other)
        assert twin != "" or url in ("", "en/"), f"{url} switches to the home page"
        assert (twin.startswith("en/") or twin == "en/") == (other == "en")
        assert switcher_target(real_site, twin, lang) == url
        checked += 1
    assert checked == 2 * pages_per_language()
    assert switcher_target(real_site, "projets/lac-de-donnees/", "en") == "en/projects/data-lake/"


def test_every_internal_link_and_resource_resolves(real_site):
    broken = []
    for page in html_pages(real_site.site):
        url = page_url(real_site.site, page)
        for element, href in references(parse(page)):
            external = urlsplit(href).scheme in ("http", "https") and not href.startswith(SITE_URL)
            if href.startswith(("mailto:", "#")) or (element.name == "a" and external):
                continue
            target = target_file(real_site.site, url, href, SITE_URL)
            if target is None or not target.exists():
                broken.append(f"{url} -> {href}")
    assert not broken, "\n".join(broken[:20])


def test_no_resource_from_another_host(real_site):
    outside = []
    for page in html_pages(real_site.site):
        soup = parse(page)
        for element, href in references(soup):
            if element.name == "a" or (element.name == "link" and "alternate" in element.get("rel", []) or
                                       element.name == "link" and "canonical" in element.get("rel", [])):
                continue
            if urlsplit(href).netloc:
                outside.append(f"{page}: <{element.name}> {href}")
        for style in soup.find_all("style"):
            if "url(http" in style.get_text() or "@import" in style.get_text():
                outside.append(f"{page}: <style> imports")
    assert not outside, "\n".join(outside[:20])
    assert "fonts.googleapis" not in (real_site.site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path, expected", [
    ("actualites/adhesion-a-echalliance/", "29 juin 2020"),
    ("en/news/joining-echalliance/", "June 29, 2020"),
    ("actualites/appui-du-mrif/", "juin 2020"),
    ("en/news/mrif-support/", "June 2020"),
])
def test_dates_are_written_as_readers_expect(real_site, path, expected):
    times = [t.get_text() for t in real_site.html(path).select("article time")]
    assert expected in times


def test_project_page_links_its_partners_themes_and_news(real_site):
    soup = real_site.html("en/projects/data-lake/")
    text = soup.select_one("article").get_text(" ", strip=True)
    assert "Bavarian Research Alliance" in text and "2020 – 2022" in text
    hrefs = {a["href"] for a in soup.select("article a")}
    assert "../../partners/bavarian-research-alliance/" in hrefs


def test_interface_strings_follow_the_page_language(real_site):
    fr = real_site.html("").get_text(" ", strip=True)
    en = real_site.html("en/").get_text(" ", strip=True)
    assert "Projets en vedette" in fr and "Featured projects" not in fr
    assert "Featured projects" in en and "Projets en vedette" not in en


def test_partner_without_logo_has_a_monogram(real_site):
    soup = real_site.html("partenaires/mrif/")
    assert soup.select_one(".csn-monogram").get_text(strip=True) == "MRIF"


def test_detail_pages_are_not_in_the_navigation(real_site):
    nav_links = real_site.html("").select("nav.md-nav--primary a.md-nav__link")
    assert 0 < len(nav_links) <= 10


@pytest.mark.parametrize("path, section", [("projets/lac-de-donnees/", "projets/"),
                                           ("en/partners/mrif/", "en/partners/"),
                                           ("en/news/joining-echalliance/", "en/news/")])
def test_detail_pages_lead_back_to_their_section_in_their_language(real_site, path, section):
    link = real_site.html(path).select_one("nav.csn-breadcrumb a")
    target = target_file(real_site.site, path, link["href"])
    assert target == real_site.site / section / "index.html"


def test_footer_names_the_institution_in_both_languages(real_site):
    for path in ("", "en/"):
        footer = real_site.html(path).select_one("footer.csn-footer").get_text(" ", strip=True)
        assert "Consortium Santé Numérique" in footer and "Université de Montréal" in footer
        assert "Made with" not in footer
