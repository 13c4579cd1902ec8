"""In Chromium, the site served under a project sub-path: pages, language switch, search and 404 page."""

from __future__ import annotations

import pytest

from tests.helpers.browserkit import screenshot_path

pytestmark = pytest.mark.xdist_group("subpath")


def test_home_switch_and_search_work_under_the_subpath(subpath_site, open_page):
    recorded_page = open_page(origin=subpath_site.origin)
    page = recorded_page.page
    page.goto(subpath_site.url)
    # Leave no request in flight (the search worker loads its scripts after the page) before leaving.
    page.wait_for_load_state("networkidle")
    page.locator('a.csn-lang[hreflang="en"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == subpath_site.url + "en/"
    assert page.locator("html").get_attribute("lang") == "en"
    query = page.locator("input.md-search__input")
    query.click()
    query.press_sequentially("Bavarian", delay=20)  # the search answers as the visitor types
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0
    # Pagefind's bundle under the sub-path, and the results' addresses too (checked by following one).
    assert any(url.startswith(subpath_site.url + "pagefind/wasm.en.") for url in recorded_page.requests)
    page.wait_for_load_state("networkidle")
    results.first.locator("a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(subpath_site.url) and page.locator("article h1").count() == 1
    assert all(url.startswith(subpath_site.url) for url in recorded_page.requests), recorded_page.requests
    assert recorded_page.problems() == []  # no sitemap probe either: the switcher goes straight to the twin


def test_the_404_page_is_styled_and_complete_at_a_deep_address(subpath_site, open_page):
    recorded_page = open_page(origin=subpath_site.origin)
    page = recorded_page.page
    missing = subpath_site.url + "en/projects/no-such-project/deeper/"
    response = page.goto(missing)
    assert response.status == 404
    page.screenshot(path=screenshot_path("subpath-404-1280"))
    header = page.locator("header.md-header")
    assert header.is_visible()
    # Material's stylesheet loaded: the header has the indigo palette, not the browser's default.
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert [failure.url for failure in recorded_page.failures] == [missing]
    assert recorded_page.problems({missing}) == []
    assert all(url.startswith(subpath_site.url) for url in recorded_page.requests), recorded_page.requests
