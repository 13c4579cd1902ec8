"""The map and the timeline in Chromium: at a phone's width and a laptop's, by mouse and by keyboard."""

from __future__ import annotations

import pytest

from csn.data.load import load_site
from csn.pictures.map_svg import build_partner_map
from csn.site.strings import Translator
from tests.helpers.browserkit import screenshot_path
from tests.helpers.sitebuild import FIXTURE_DATA

SITE = load_site(FIXTURE_DATA)
LOCATED = [p for p in SITE.partners if p.location]
PICTURES = [("/partenaires/", "figure.csn-map", "map-partners-fr"), ("/en/partners/", "figure.csn-map", "map-partners-en"),
            ("/", "figure.csn-map", "map-home-fr"), ("/projets/", "figure.csn-timeline", "timeline-fr"),
            ("/en/projects/", "figure.csn-timeline", "timeline-en")]
OVERFLOW = """() => {
  const width = window.innerWidth;
  const wide = [...document.querySelectorAll('.md-content *')].filter(e => e.getBoundingClientRect().right > width + 0.5);
  return {page: document.documentElement.scrollWidth, body: document.body.scrollWidth, width,
          wide: wide.slice(0, 5).map(e => e.tagName + '.' + e.getAttribute('class'))};
}"""


def assert_stays_home(record, origin: str) -> None:
    """Nothing loads from elsewhere, nothing fails, nothing is logged as an error."""
    assert record.requests[0].startswith(origin)
    assert not record.problems(), record.problems()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path, figure, name", PICTURES)
def test_each_picture_fits_the_screen_and_is_saved(served_site, recorded_page, path, figure, name, width):
    page = recorded_page.page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served_site.origin + path)
    picture = page.locator(figure)
    picture.scroll_into_view_if_needed()
    picture.screenshot(path=screenshot_path(f"{name}-{width}"))
    overflow = page.evaluate(OVERFLOW)
    assert overflow["page"] <= width and overflow["body"] <= width and not overflow["wide"], overflow
    box = page.locator(f"{figure} svg").first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["width"] >= min(width - 60, 600) and box["height"] > 100
    assert_stays_home(recorded_page, served_site.origin)


@pytest.mark.parametrize("width", [375, 1280])
def test_each_marker_is_reached_by_keyboard_and_shows_its_name_inside_the_map(served_site, recorded_page, width):
    page = recorded_page.page
    page.set_viewport_size({"width": width, "height": 900})
    # Idle first: navigating while the search worker still loads its scripts would abort them.
    page.goto(served_site.origin + "/partenaires/", wait_until="networkidle")
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            return e.matches('a.csn-map__marker') ? e.getAttribute('aria-label') : null; }""")
        if focused:
            reached.append(focused)
            label = page.locator("a.csn-map__marker:focus .csn-map__label")
            assert label.evaluate("e => getComputedStyle(e).visibility") == "visible", focused
            seen = page.evaluate("""() => {
                const map = document.querySelector('.csn-map__svg').getBoundingClientRect();
                const text = document.querySelector('a.csn-map__marker:focus .csn-map__label').getBoundingClientRect();
                const hiding = [...document.querySelectorAll('a.csn-map__marker:not(:focus) .csn-map__pin')]
                    .map(pin => pin.getBoundingClientRect())
                    .filter(p => p.left < text.right && text.left < p.right && p.top < text.bottom && text.top < p.bottom);
                return {inside: text.left >= map.left - 1 && text.right <= map.right + 1
                                && text.top >= map.top - 1 && text.bottom <= map.bottom + 1,
                        covered: hiding.length}; }""")
            assert seen == {"inside": True, "covered": 0}, f"the name of {focused} at {width} px: {seen}"
            if len(reached) == 2:
                page.locator("figure.csn-map svg").screenshot(path=screenshot_path(f"map-focus-fr-{width}"))
        elif reached:
            break
    assert len(reached) == len(LOCATED) == len(set(reached))
    west_to_east = [pin.aria_label for pin in build_partner_map(SITE, Translator("fr")).pins]
    assert reached == west_to_east
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    last = reached[-1].split(" — ")[0]
    assert page.locator("article h1").first.inner_text().startswith(last)
    assert_stays_home(recorded_page, served_site.origin)


def test_hovering_a_marker_shows_its_name(served_site, recorded_page):
    page = recorded_page.page
    page.goto(served_site.origin + "/en/partners/", wait_until="networkidle")
    marker = page.locator('a.csn-map__marker[href="universite-de-montreal/"]')
    label = marker.locator(".csn-map__label")
    assert label.evaluate("e => getComputedStyle(e).visibility") == "hidden"
    marker.locator("circle").hover()
    assert label.evaluate("e => getComputedStyle(e).visibility") == "visible"
    assert label.text_content() == "Université de Montréal"
    marker.locator("circle").click()
    page.wait_for_load_state("load")
    assert page.url == served_site.origin + "/en/partners/universite-de-montreal/"
    assert_stays_home(recorded_page, served_site.origin)


def test_a_timeline_bar_leads_to_its_project(served_site, recorded_page):
    page = recorded_page.page
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(served_site.origin + "/en/projects/", wait_until="networkidle")
    row = page.locator('a.csn-timeline__row[href="data-lake/"]')
    row.locator("rect.csn-timeline__bar--solid").click()
    page.wait_for_load_state("load")
    assert page.url == served_site.origin + "/en/projects/data-lake/"
    assert_stays_home(recorded_page, served_site.origin)
