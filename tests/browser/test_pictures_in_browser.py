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
def test_the_keyboard_reaches_every_partner_through_the_list_not_the_markers(served_site, recorded_page, width):
    page = recorded_page.page
    page.set_viewport_size({"width": width, "height": 900})
    # Idle first: navigating while the search worker still loads its scripts would abort them.
    page.goto(served_site.origin + "/partenaires/", wait_until="networkidle")
    reached = []
    for _ in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            if (e.matches('a.csn-map__marker')) return 'marker';
            return e.closest('figure.csn-map figcaption') ? e.textContent : null; }""")
        assert focused != "marker"  # a shortcut for the mouse: the list below serves the keyboard
        if focused:
            reached.append(focused)
        elif reached:
            break
    assert sorted(reached) == sorted(p.name["fr"] for p in LOCATED)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    assert page.locator("article h1").first.inner_text().startswith(reached[-1])
    assert_stays_home(recorded_page, served_site.origin)


def test_a_marker_names_its_city_to_the_mouse_and_leads_to_its_partner(served_site, recorded_page):
    page = recorded_page.page
    page.goto(server_url := served_site.origin + "/en/partners/", wait_until="networkidle")
    single = next(place for place in build_partner_map(SITE, Translator("en")).places if place.count == 1)
    marker = page.locator(f'.csn-map__layout--wide a.csn-map__marker[data-place="{single.anchor}"]')
    assert marker.locator("title").text_content() == f"{single.partners[0].name['en']} — {single.where}"
    marker.locator("circle").click()
    page.wait_for_load_state("load")
    assert page.url != server_url and page.locator("article h1").first.inner_text().startswith(
        single.partners[0].name["en"])
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
