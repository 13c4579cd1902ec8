"""Text from YAML is shown as text wherever it lands, never run as markup or template code."""

from __future__ import annotations

import json

import pytest

from tests.helpers.hostile import (
    HOSTILE_NEWS_PATHS,
    HOSTILE_PARTNER_PATHS,
    HOSTILE_PROJECT_PATHS,
    PAYLOADS,
    SUMMARY,
    TITLE,
)
from tests.helpers.htmlcheck import target_file


def scripts_from_data(soup) -> list[str]:
    """Scripts that would run and hold text from the data (JSON-LD is data, checked by json_ld_names)."""
    return [s.get_text() for s in soup.find_all("script")
            if "csn-xss" in s.get_text() and s.get("type") != "application/ld+json"]


def json_ld_names(soup) -> list[str]:
    """The names and headlines of the page's JSON-LD, which must not let a `<` close its script element."""
    names = []
    for script in soup.select('script[type="application/ld+json"]'):
        assert "<" not in script.get_text(), "a < inside JSON-LD could close its script element"
        for node in json.loads(script.get_text())["@graph"]:
            names += [node.get("name") or node.get("headline") or ""]  # exact texts (test_exact_texts.py)
    return names


@pytest.mark.parametrize("path", HOSTILE_PROJECT_PATHS)
def test_hostile_title_is_text_on_its_page_and_in_its_title(hostile_site, path):
    soup = hostile_site.html(path)
    assert soup.select_one("article h1").get_text() == TITLE
    assert soup.title.get_text().startswith(TITLE)
    assert not scripts_from_data(soup)
    assert not soup.select("[onerror], [onmouseover], [onload]")
    assert soup.select_one(".csn-lead").get_text() == SUMMARY
    assert soup.select_one('meta[name="description"]')["content"] == SUMMARY
    assert "{{ 7*7 }}" in soup.select_one("article h1").get_text()  # Jinja in data is never evaluated
    assert "49" not in soup.select_one("article h1").get_text()
    assert TITLE in json_ld_names(soup)


@pytest.mark.parametrize("path", ["projets/", "en/projects/", "", "en/"])
def test_hostile_title_is_text_in_the_cards(hostile_site, path):
    soup = hostile_site.html(path)
    titles = [a.get_text() for a in soup.select(".csn-card__title a")]
    assert TITLE in titles
    assert not scripts_from_data(soup)
    assert not soup.select("[onerror], [onmouseover], [onload]")


def test_hostile_tagline_is_text_on_the_home_page(hostile_site):
    tagline = hostile_site.html("").select_one(".csn-tagline").get_text()
    assert tagline == PAYLOADS[4] + " " + PAYLOADS[7]  # pre-escaped entities stay as typed, not decoded


@pytest.mark.parametrize("path", HOSTILE_NEWS_PATHS)
def test_markup_in_markdown_is_shown_as_text(hostile_site, path):
    article = hostile_site.html(path).select_one("article")
    assert not scripts_from_data(article)
    assert not article.select("[onmouseover], [onerror], iframe, style")
    text = article.get_text()
    assert '<script>alert("csn-xss-b1")</script>' in article.select_one("p code").get_text()
    assert "a <3 heart and x < y > z" in text
    assert "<style>body { display: none }</style> csn-xss-b8 <script>alert(9)</script>" in text
    assert '<iframe src="https://evil.example/csn-xss-b5">' in article.select_one("td code").get_text()
    assert "{{ 7*7 }} {% raw %} csn-jinja-body" in text


@pytest.mark.parametrize("path", HOSTILE_NEWS_PATHS)
def test_markdown_links_and_images_survive_cleaning(hostile_site, path):
    article = hostile_site.html(path).select_one("article")
    link = article.find("a", string="A link")
    assert link["href"] == "https://example.org/?q=%22csn"
    assert link["title"] == "a title' onmouseover='alert(csn-xss-b4)" and not link.has_attr("onmouseover")
    assert article.find("a", string="a mail")["href"] == "mailto:csn@example.org"
    assert article.find("a", string="www.example.org/csn-xss-b2")["href"] == "http://www.example.org/csn-xss-b2"
    image = article.find("img", alt="A photo")
    assert image["title"] == "a title\" onerror=\"alert('csn-xss-b3')" and not image.has_attr("onerror")
    assert image["src"] == ("../../" if path.startswith("actualites") else "../../../") + "assets/photos/hostile.png"
    assert (hostile_site.site / "assets/photos/hostile.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("path", HOSTILE_PARTNER_PATHS)
def test_a_checked_logo_is_published_and_shown(hostile_site, path):
    soup = hostile_site.html(path)
    logo = soup.select_one("article img.csn-logo")
    published = target_file(hostile_site.site, path, logo["src"])
    assert published == hostile_site.site / "assets/logos/hostile.svg"
    assert published.read_text(encoding="utf-8").startswith("<svg")
    assert soup.select_one("article .csn-acronym").get_text() == "(<svg onload=alert('csn-xss-a')>)"
