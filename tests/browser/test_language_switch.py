"""The language switcher, clicked in Chromium, goes straight to the twin page: one request, no redirect,
nothing failed, nothing fetched from another host, and each language's name marked with its language."""

from __future__ import annotations

import pytest

from tests.helpers.browserkit import sample_pages

SWITCHABLE = [sample for sample in sample_pages() if not sample.is_not_found]


def other_language(lang: str) -> str:
    return "en" if lang == "fr" else "fr"


@pytest.mark.parametrize("sample", SWITCHABLE, ids=lambda sample: sample.name)
def test_switcher_click_goes_straight_to_the_twin_page(open_page, sample):
    recorded = open_page()
    page = recorded.page
    target = other_language(sample.lang)
    recorded.goto(sample.path)
    page.wait_for_load_state("networkidle")
    assert not [url for url in recorded.requests if url.endswith("sitemap.xml")], "Material fetched sitemaps"
    # Hidden from Material's bundle while it starts, the hreflang alternates are back for search engines.
    assert page.locator('link[rel="alternate"][hreflang]:not([type])').count() == 3
    recorded.forget()
    documents = []
    page.on("request", lambda request: request.is_navigation_request() and documents.append(request))

    with page.expect_navigation():
        page.locator(f'a.csn-lang[hreflang="{target}"]').click()
    page.wait_for_load_state("networkidle")

    recorded.save_requests(f"switch-{sample.name}")
    assert page.url == recorded.url(sample.twins[target])
    assert [request.url for request in documents] == [page.url], "more than one page was requested"
    assert documents[0].redirected_from is None and documents[0].response().status == 200
    assert page.locator("html").get_attribute("lang") == target
    assert not recorded.problems(), recorded.problems()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_switcher_is_a_visible_text_link_named_in_the_other_language(open_page, lang, width):
    """As Canada.ca does: "English" on French pages, "Français" on English ones, seen at both widths."""
    recorded = open_page(width)
    recorded.goto(next(sample for sample in SWITCHABLE if sample.lang == lang).path)
    links = recorded.page.locator("header a.csn-lang")
    assert links.count() == 1
    link = links.first
    other = other_language(lang)
    assert link.get_attribute("lang") == link.get_attribute("hreflang") == other
    assert link.inner_text().strip() == {"en": "English", "fr": "Français"}[other]
    assert link.is_visible() and link.bounding_box()["width"] > 30  # text, not an icon-only control
