"""The one 404.html, served by a GitHub-Pages-like server at missing addresses of any depth."""

from __future__ import annotations

import pytest

from tests.helpers.browserkit import screenshot_path


@pytest.mark.parametrize("missing, lang, heading, home", [
    ("/en/a/b/", "en", "Page not found", "/en/"),
    ("/en/projects/no-such-project/deeper/", "en", "Page not found", "/en/"),
    ("/projets/x/y/z/", "fr", "Page introuvable", "/"),
])
def test_the_error_page_works_at_any_depth_in_the_visitor_s_language(served_site, recorded_page, missing, lang,
                                                                      heading, home):
    page = recorded_page.page
    response = page.goto(served_site.origin + missing)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(".csn-error__title span").first.inner_text() == heading
    first_block = page.locator(".csn-error__block").first
    assert first_block.get_attribute("lang") == lang and first_block.is_visible()
    assert page.title().startswith(heading)
    # Every style sheet, script and image of the page loaded from the site's root.
    assert recorded_page.problems({served_site.origin + missing}) == []  # the page itself answers 404
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"  # styled
    assert page.evaluate("document.documentElement.classList.contains('js')")  # Material's script ran
    if lang == "en":
        page.screenshot(path=screenshot_path("404-en-deep"))
    first_block.get_by_role("link").first.click()
    page.wait_for_load_state("load")
    assert page.url == served_site.origin + home
    assert page.locator("html").get_attribute("lang") == lang


def test_every_link_of_the_error_page_leads_to_a_page(served_site, recorded_page):
    page = recorded_page.page
    page.goto(served_site.origin + "/en/a/b/")
    hrefs = page.eval_on_selector_all(".csn-error a", "links => links.map(a => a.href)")
    assert len(hrefs) == 10
    for href in hrefs:
        assert page.request.get(href).status == 200, href


def test_search_on_the_english_error_page_searches_english_pages(served_site, recorded_page):
    page = recorded_page.page
    page.goto(served_site.origin + "/en/a/b/")
    search = page.locator("input.md-search__input")
    assert search.get_attribute("placeholder") == "Search"
    search.click()
    page.keyboard.type("partners", delay=30)
    # A function, not an expression: polling an expression would eval() it, which the page's policy refuses.
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item > a').length > 0")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    assert hrefs and all(href.startswith(served_site.origin + "/en/") for href in hrefs), hrefs
    assert any(url.startswith(served_site.origin + "/pagefind/wasm.en.") for url in recorded_page.requests)
    assert not any(url.startswith(served_site.origin + "/pagefind/wasm.fr.") for url in recorded_page.requests)
