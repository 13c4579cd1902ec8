"""The language switcher, clicked in Chromium, lands on the twin page."""

from __future__ import annotations

import pytest

from browserkit import screenshot_path


@pytest.mark.parametrize("start, lang, expected", [
    ("/projets/lac-de-donnees/", "en", "/en/projects/data-lake/"),
    ("/en/partners/bavarian-research-alliance/", "fr", "/partenaires/alliance-bavaroise-pour-la-recherche/"),
    ("/a-propos/", "en", "/en/about/"),
])
def test_switcher_click_lands_on_the_twin_page(served_site, recorded_page, start, lang, expected):
    page = recorded_page.page
    page.goto(served_site.origin + start)
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_load_state("load")
    assert page.url == served_site.origin + expected
    assert page.locator("html").get_attribute("lang") == lang


def test_home_page_screenshot(served_site, recorded_page):
    page = recorded_page.page
    page.goto(served_site.origin + "/")
    page.screenshot(path=screenshot_path("home-fr-1280"), full_page=False)
    assert page.locator("h2#csn-featured").is_visible()
