"""Search in Chromium: each language searches its own pages, whatever the accents and inflections typed."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from tests.helpers.browserkit import screenshot_path

# (page the search starts from, what the visitor types, a page that must be among the results)
REAL_SITE_QUERIES = [
    ("/", "donnee", "/projets/lac-de-donnees/"),
    ("/", "donnée", "/projets/lac-de-donnees/"),
    ("/", "données", "/projets/lac-de-donnees/"),
    ("/", "DONNÉES", "/projets/propriete-des-donnees/"),
    ("/", "quebec", "/partenaires/delegation-du-quebec-a-munich/"),
    ("/", "partenariat", "/partenaires/mei/"),
    ("/", "adhesions", "/actualites/adhesion-a-echalliance/"),
    ("/", "symposium", "/actualites/symposium-de-munich/"),
    ("/projets/lac-de-donnees/", "echalliance", "/partenaires/echalliance/"),
    ("/en/", "project", "/en/projects/"),
    ("/en/", "projects", "/en/projects/"),
    ("/en/", "partnership", "/en/partners/mei/"),
    ("/en/", "memberships", "/en/news/joining-echalliance/"),
    ("/en/", "symposiums", "/en/news/munich-symposium/"),
    ("/en/", "quebec", "/en/partners/quebec-delegation-munich/"),
    ("/en/projects/data-lake/", "data lakes", "/en/projects/data-lake/"),
]
FIXTURE_QUERIES = [
    ("/", "protégés", "/actualites/donnees-mieux-protegees/"),
    ("/", "protege", "/actualites/donnees-mieux-protegees/"),
    ("/en/news/", "policies", "/en/news/better-protected-data/"),
]


def wait_for_search_result(page) -> None:
    """Until the search says how many documents it found (not while it starts or waits for a query)."""
    strings = json.loads(page.locator("#__config").text_content())["translations"]
    page.wait_for_function(r"""([el, none, one, other]) => {
        const text = el.textContent.trim();
        return text === none || text === one || new RegExp("^" + other.replace("#", "\\d+") + "$").test(text);
    }""", arg=[page.locator(".md-search-result__meta").element_handle(), strings["search.result.none"],
               strings["search.result.one"], strings["search.result.other"]])


def search_results(page, origin: str, start: str, query: str) -> list[str]:
    """Open `start` with the search deep link (?q=) and return the result paths once the search has answered."""
    page.goto(f"{origin}{start}?q={quote(query)}")
    wait_for_search_result(page)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return [href[len(origin):].split("?")[0] for href in hrefs]


def assert_found_in_its_language(results: list[str], start: str, expected: str) -> None:
    assert expected in results, results
    english = start.startswith("/en/")
    assert all(path.startswith("/en/") == english for path in results), results


# Pagefind's files that belong to one language's index: its metadata, WebAssembly, index and text chunks.
LANGUAGE_FILE = re.compile(r"/pagefind/(?:pagefind\.|wasm\.|index/|fragment/)([a-z]+)[_.]")


def search_requests_of_one_language(requests: list[str], origin: str, lang: str) -> list[str]:
    """The search's requests, checked: Pagefind's bundle at the site root, one language's index only."""
    searched = [url for url in requests if "/pagefind/" in url]
    assert searched and all(url.startswith(origin + "/pagefind/") for url in searched), searched
    languages = {match.group(1) for url in searched if (match := LANGUAGE_FILE.search(url))}
    assert languages == {lang}, searched
    return searched


@pytest.mark.parametrize("start, query, expected", REAL_SITE_QUERIES)
def test_search_finds_the_page_in_the_visitor_s_language(served_site, recorded_page, start, query, expected):
    results = search_results(recorded_page.page, served_site.origin, start, query)
    assert_found_in_its_language(results, start, expected)
    search_requests_of_one_language(recorded_page.requests, served_site.origin, "en" if start.startswith("/en/") else "fr")
    assert recorded_page.problems() == []


@pytest.mark.xdist_group("fixture_site")
@pytest.mark.parametrize("start, query, expected", FIXTURE_QUERIES)
def test_search_tolerates_inflection_on_the_fixture_site(served_fixture_site, open_page, start, query, expected):
    recorded = open_page(origin=served_fixture_site.origin)
    results = search_results(recorded.page, served_fixture_site.origin, start, query)
    assert_found_in_its_language(results, start, expected)


def test_typing_in_the_search_box_shows_results_and_leads_to_the_page(served_site, recorded_page):
    page = recorded_page.page
    page.goto(served_site.origin + "/en/partners/")
    page.locator("input.md-search__input").click()
    page.keyboard.type("data lake", delay=40)
    first = page.locator(".md-search-result__item > a").first
    first.wait_for()
    page.wait_for_function(
        "document.querySelector('.md-search-result__item > a').href.includes('/en/projects/data-lake/')")
    page.screenshot(path=screenshot_path("search-en-data-lake"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(served_site.origin + "/en/projects/data-lake/**")
    assert page.locator("article h1").inner_text() == "A data lake for affiliated health institutions"
