"""The institutional design in the built site: current tabs, pictures never empty, home figures and strip,
the footer from site.yml, the 404's frame, and the identity's colours in every page's head."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from bs4 import BeautifulSoup

from csn.data.load import load_site
from csn.data.settings import Settings
from csn.pictures.cover import record_cover
from csn.site.figures import key_figures
from csn.site.plan import build_plan
from tests.helpers.htmlcheck import target_file
from tests.helpers.sitebuild import FIXTURE_DATA, FIXTURE_DOCS, build, copy_project

SITE = load_site(FIXTURE_DATA)
PLAN = build_plan(SITE, FIXTURE_DOCS)
SECTION_OF = {"project": "doc:projects.md", "partner": "doc:partners.md", "news_item": "doc:news.md",
              "news_year": "doc:news.md", "projects": "doc:projects.md", "partners": "doc:partners.md",
              "news": "doc:news.md"}


def sectioned_pages():
    return [page for page in PLAN.pages if page.kind in SECTION_OF]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_current_section_s_tab_is_marked_on_every_page_of_it(real_site, lang):
    checked = 0
    for page in (p for p in sectioned_pages() if p.lang == lang):
        soup = real_site.html(page.path)
        current = soup.select(".md-tabs a[aria-current]")
        assert len(current) == 1, page.path
        section = PLAN.page(SECTION_OF[page.kind], lang)
        target = target_file(real_site.site, page.path, current[0]["href"])
        assert target == real_site.site / section.path / "index.html", page.path
        expected = "page" if page is section else "true"
        assert current[0]["aria-current"] == expected, page.path
        assert "md-tabs__item--active" in current[0].parent["class"]
        checked += 1
    assert checked == len([p for p in sectioned_pages() if p.lang == lang])


def test_pages_outside_the_sections_mark_their_own_tab_or_none(real_site):
    home = real_site.html("").select(".md-tabs a[aria-current]")
    assert [a["aria-current"] for a in home] == ["page"] and home[0]["href"] in (".", "./")
    privacy = PLAN.page("doc:privacy.md", "fr")
    assert real_site.html(privacy.path).select(".md-tabs a[aria-current]") == []  # reached from the footer


def record_pages():
    return [page for page in PLAN.pages if page.kind in ("project", "news_item", "partner")]


def test_every_record_header_and_card_shows_a_picture_never_an_empty_box(real_site):
    for page in record_pages():
        media = real_site.html(page.path).select_one(".csn-record-head__media")
        assert media is not None and filled(media), page.path
    for path in ("", "en/", "projets/", "en/news/", "partenaires/"):
        cards = real_site.html(path).select(".csn-card")
        assert cards, path
        for card in cards:
            assert filled(card.select_one(".csn-card__media")), (path, card.get_text(" ", strip=True)[:60])


def filled(media) -> bool:
    """An image with a source, a generated cover with shapes, or a logo box with a logo or a monogram."""
    if media.select_one("img[src]"):
        return True
    cover = media.select_one("svg.csn-cover")
    if cover is not None:
        return cover.get("aria-hidden") == "true" and len(cover.select("path[d]")) >= 1
    monogram = media.select_one(".csn-logo-box .csn-monogram")
    return monogram is not None and monogram.get_text(strip=True) != ""


def test_covers_are_the_record_s_own_and_the_same_at_every_build():
    identity = SITE.info.identity
    covers = [record_cover(record, identity) for record in [*SITE.projects, *SITE.news]]
    assert len({cover.layers for cover in covers}) == len(covers)  # one per record
    assert [record_cover(record, identity) for record in [*SITE.projects, *SITE.news]] == covers
    for cover in covers:
        assert cover.background.startswith("#") and cover.layers
        assert {layer.fill for layer in cover.layers} <= {"#ffffff", identity.accent}


@pytest.mark.parametrize("path, lang", [("", "fr"), ("en/", "en")])
def test_home_figures_are_counted_from_the_data_and_lead_to_their_section(real_site, path, lang):
    soup = real_site.html(path)
    shown = [(int(li.select_one(".csn-figure__value").get_text()), li.select_one("a")["href"])
             for li in soup.select(".csn-figures .csn-figure")]
    expected = key_figures(SITE)
    assert [value for value, _ in shown] == [figure.value for figure in expected]
    assert {figure.section for figure in expected} <= {"projects", "partners", "news"}
    for (_, href), figure in zip(shown, expected, strict=True):
        section = PLAN.page(f"doc:{figure.section}.md", lang)
        assert target_file(real_site.site, path, href) == real_site.site / section.path / "index.html"
    countries = {partner.country for partner in SITE.partners}
    assert len(countries) in [figure.value for figure in expected if figure.label == "figures.countries"]


def test_the_hero_has_the_name_tagline_and_two_calls_to_action(real_site):
    for path, lang in (("", "fr"), ("en/", "en")):
        hero = real_site.html(path).select_one(".csn-hero")
        assert hero.select_one("h1").get_text(strip=True) == SITE.info.name[lang]
        assert hero.select_one(".csn-tagline").get_text() == SITE.info.tagline[lang]
        targets = [target_file(real_site.site, path, a["href"]) for a in hero.select("a.csn-button")]
        sections = [PLAN.page(key, lang) for key in ("doc:projects.md", "doc:news.md")]
        assert targets == [real_site.site / s.path / "index.html" for s in sections]


def test_the_partner_strip_follows_home_partners_and_links_to_all_partners(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert re.search(r"home_partners: \d+", text)
    config.write_text(re.sub(r"home_partners: \d+", "home_partners: 2", text), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    for path, lang in (("", "fr"), ("en/", "en")):
        section = result.html(path).select_one('section[aria-labelledby="csn-partners"]')
        items = section.select(".csn-strip__item a")
        assert len(items) == min(2, len(SITE.partners))
        for link in items:  # each logo is a link named by the partner
            assert link.get_text(strip=True)
        more = section.select_one("a.csn-more")
        assert str(len(SITE.partners)) in more.get_text()
        partners = PLAN.page("doc:partners.md", lang)
        assert target_file(result.site, path, more["href"]) == result.site / partners.path / "index.html"


def test_the_default_home_partners_setting_is_within_its_limits():
    assert 0 < Settings().home_partners <= 40


@pytest.mark.parametrize("path, lang", [("", "fr"), ("en/", "en"), ("projets/lac-de-donnees/", "fr"),
                                        ("en/projects/data-lake/", "en")])
def test_the_footer_says_who_runs_the_site_and_how_to_reach_them(real_site, path, lang):
    footer = real_site.html(path).select_one("footer.csn-footer")
    text = footer.get_text(" ", strip=True)
    assert SITE.info.name[lang] in text and SITE.info.institution.name[lang] in text
    if SITE.info.address:
        assert footer.select_one("address").get_text(strip=True) == SITE.info.address[lang]
    if SITE.info.email:
        assert footer.select_one(f'a[href="mailto:{SITE.info.email}"]')
    for account in SITE.info.social:
        assert footer.select_one(f'a[href="{account.url}"]')
    for key in ("doc:privacy.md", "doc:accessibility.md", "doc:open-data.md"):
        page = PLAN.page(key, lang)
        hrefs = [target_file(real_site.site, path, a["href"]) for a in footer.select("a[href]")]
        assert real_site.site / page.path / "index.html" in hrefs, (path, key)


@pytest.mark.parametrize("key, words", [("doc:privacy.md", {"fr": "Loi 25", "en": "Law 25"}),
                                        ("doc:accessibility.md", {"fr": "WCAG", "en": "WCAG"})])
def test_privacy_and_accessibility_pages_exist_in_both_languages_and_are_twins(real_site, key, words):
    for lang in ("fr", "en"):
        page = PLAN.page(key, lang)
        soup = real_site.html(page.path)
        assert soup.html["lang"] == lang
        assert words[lang] in soup.select_one("article").get_text()
        twin = soup.select_one("a.csn-lang")
        other = page.twin("en" if lang == "fr" else "fr")
        assert target_file(real_site.site, page.path, twin["href"]) == real_site.site / other.path / "index.html"


def test_the_404_has_the_site_s_header_tabs_in_both_languages_and_footer(real_site):
    soup = BeautifulSoup((real_site.site / "404.html").read_text(encoding="utf-8"), "lxml")
    assert soup.select_one("header .csn-brand img[src^='/']")  # absolute: served at any depth
    lists = soup.select(".md-tabs ul.md-tabs__list")
    assert sorted(ul["lang"] for ul in lists) == ["en", "fr"]
    for ul in lists:
        hrefs = [a["href"] for a in ul.select("a")]
        assert hrefs and all(href.startswith("/") for href in hrefs)
        assert (real_site.site / hrefs[1].lstrip("/") / "index.html").is_file()
    footer = soup.select_one("footer.csn-footer")
    assert footer and SITE.info.institution.name["fr"] in footer.get_text()
    assert all(a["href"].startswith(("/", "https://", "mailto:")) for a in footer.select("a[href]"))


def test_every_page_carries_the_identity_s_colours_in_a_style_its_policy_allows(real_site):
    identity = SITE.info.identity
    for path in ("", "en/", "projets/lac-de-donnees/", "en/privacy/"):
        soup = real_site.html(path)
        styles = [style.get_text() for style in soup.select("head style")]
        identity_styles = [s for s in styles if "--csn-primary:" in s]
        assert len(identity_styles) == 1, path
        assert f"--csn-primary:{identity.primary}" in identity_styles[0]
        assert f"--csn-accent:{identity.accent}" in identity_styles[0]
        policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        digest = base64.b64encode(hashlib.sha256(identity_styles[0].encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy
        assert not soup.select("[style]")  # no style attribute anywhere: the policy allows none


def test_the_header_shows_the_identity_s_logo_and_name(real_site):
    for path, lang in (("", "fr"), ("en/news/", "en")):
        brand = real_site.html(path).select_one("header a.csn-brand")
        logo = brand.select_one("img.csn-brand__logo")
        target = target_file(real_site.site, path, logo["src"])
        assert target == real_site.site / SITE.info.identity.logo and target.is_file()
        assert logo["alt"] == ""  # the name beside it names the link
        assert brand.select_one(".csn-brand__name").get_text(strip=True) == SITE.info.name[lang]
