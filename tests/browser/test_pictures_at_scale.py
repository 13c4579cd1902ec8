"""The map and the timeline with a realistic consortium, measured in Chromium at a phone's width and a laptop's.

Made-up data only (tests/synthetic.py): 5, 20 and 60 partners (a crowd of them in Montréal), 4 and 30
projects. What is measured is what a visitor sees: the boxes of the texts the browser draws, the
markers' circles, the bars; screenshots are kept in test-output/.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from csn.data.load import load_site
from tests.helpers.browserkit import StaticServer, screenshot_path
from tests.helpers.sitebuild import build
from tests.helpers.synthetic import make_synthetic_project

pytestmark = pytest.mark.xdist_group("pictures_at_scale")
SIZES = [(5, 4), (20, 30), (60, 30)]
WIDTHS = [375, 1280]

# Every drawn text of the map (of the layout shown), every marker, and the picture's own box.
MAP_BOXES = """() => {
  const svg = document.querySelector('figure.csn-map .csn-map__svg');
  const shown = e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0
                     && getComputedStyle(e).visibility !== 'hidden';
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const layer = [...svg.querySelectorAll('.csn-map__layout')].find(shown);
  return {
    svg: box(svg), layout: layer.getAttribute('class'),
    texts: [...layer.querySelectorAll('.csn-map__place, .csn-map__link-label')].filter(shown)
             .map(e => ({text: e.textContent, box: box(e)})),
    markers: [...layer.querySelectorAll('.csn-map__pin')].map(box),
    counts: [...layer.querySelectorAll('.csn-map__count')].map(e => ({text: e.textContent, size: box(e)[3] - box(e)[1]})),
  };
}"""

TIMELINE_BOXES = """() => {
  const shown = e => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden'
                     && e.getClientRects().length > 0;
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const svg = document.querySelector('figure.csn-timeline svg');
  return {
    svg: box(svg),
    rows: [...svg.querySelectorAll('a.csn-timeline__row')].map(row => ({
      name: row.getAttribute('aria-label'), tooltip: row.querySelector('title').textContent,
      texts: [...row.querySelectorAll('.csn-timeline__title, .csn-timeline__meta')].filter(shown)
               .map(e => ({text: e.textContent, box: box(e)})),
      bar: [...row.querySelectorAll('rect.csn-timeline__bar')].map(box)
             .reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]),
    })),
    others: [...svg.querySelectorAll('.csn-timeline__band-label, .csn-timeline__year, .csn-timeline__today-label')]
              .filter(shown).map(e => ({text: e.textContent, box: box(e)})),
  };
}"""


def overlap(a, b, tolerance: float = 0.5) -> bool:
    return a[0] + tolerance < b[2] and b[0] + tolerance < a[2] and a[1] + tolerance < b[3] and b[1] + tolerance < a[3]


def overlapping_pairs(items: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for i, a in enumerate(items) for b in items[i + 1:] if overlap(a["box"], b["box"])]


@dataclass
class Synthetic:
    server: StaticServer
    site: object  # the model of its data
    partners: int
    projects: int

    def open(self, open_page, width: int, path: str):
        """The page at `path`, `width` px wide, once its scripts are idle."""
        page = open_page(width=width, origin=self.server.origin).page
        page.goto(self.server.origin + path, wait_until="networkidle")
        return page


@pytest.fixture(scope="module", params=SIZES, ids=lambda size: f"{size[0]}-partners-{size[1]}-projects")
def synthetic(request, tmp_path_factory):
    partners, projects = request.param
    project = make_synthetic_project(tmp_path_factory.mktemp(f"synthetic-{partners}-{projects}") / "project",
                                     partners, projects)
    result = build(project)
    assert result.returncode == 0, result.output
    with StaticServer(result.site) as server:
        yield Synthetic(server, load_site(project / "data"), partners, projects)


@pytest.mark.parametrize("width", WIDTHS)
def test_map_names_overlap_nothing_and_every_partner_is_reachable(synthetic, open_page, width):
    page = synthetic.open(open_page, width, "/partenaires/")
    page.locator("figure.csn-map svg").screenshot(path=screenshot_path(f"map-{synthetic.partners}-partners-{width}"))
    drawn = page.evaluate(MAP_BOXES)
    assert ("narrow" if width < 720 else "wide") in drawn["layout"]
    assert overlapping_pairs(drawn["texts"]) == []
    for text in drawn["texts"]:
        covering = [m for m in drawn["markers"] if overlap(text["box"], m)]
        assert not covering, f"{text['text']} lies on a marker at {width} px"
        inside = drawn["svg"]
        assert inside[0] - 1 <= text["box"][0] and text["box"][2] <= inside[2] + 1, text
    for i, a in enumerate(drawn["markers"]):  # circles apart: their centres at least their radii apart
        for b in drawn["markers"][i + 1:]:
            ra, rb = (a[2] - a[0]) / 2, (b[2] - b[0]) / 2
            distance = (((a[0] + a[2]) - (b[0] + b[2])) ** 2 + ((a[1] + a[3]) - (b[1] + b[3])) ** 2) ** 0.5 / 2
            assert distance >= ra + rb - 0.5, (a, b)
    assert all(count["size"] >= 8 for count in drawn["counts"])  # a count is legible: 8 px or more
    assert sum(int(count["text"]) for count in drawn["counts"]) == synthetic.partners
    names = [text["text"] for text in drawn["texts"]]
    assert "Montréal" in names  # the busiest city is always named

    # Every partner from the map or its list: a city's marker leads to its partner, or to the city's entry.
    reached = set(page.eval_on_selector_all(
        "figure.csn-map figcaption a", "links => links.map(a => new URL(a.href).pathname)"))
    for href in page.eval_on_selector_all(".csn-map__layout a.csn-map__marker", "m => m.map(a => a.href.baseVal)"):
        if "#" in href:
            fragment = href.split("#", 1)[1]
            assert page.locator(f"li#{fragment} a").count() >= 2
        else:
            reached.add(page.evaluate("h => new URL(h, location.href).pathname", href))
    assert reached == {f"/partenaires/{p.slug['fr']}/" for p in synthetic.site.partners}
    cities = page.locator("figure.csn-map .csn-map__places > li .csn-map__city").all_inner_texts()
    assert len(cities) == len(set(cities))  # each city once


def test_a_city_marker_leads_to_its_entry_in_the_list(synthetic, open_page):
    page = synthetic.open(open_page, 1280, "/en/partners/")
    marker = page.locator('.csn-map__layout--wide a.csn-map__marker[data-place="csn-place-montreal-ca"]')
    assert "Montréal" in marker.locator("title").text_content()  # the mouse's tooltip names the city
    marker.locator("circle").click()
    page.wait_for_function("location.hash === '#csn-place-montreal-ca'")
    entry = page.locator("li#csn-place-montreal-ca")
    assert entry.evaluate("e => e.matches(':target')") and entry.locator("a").count() == synthetic.partners * 25 // 60
    assert entry.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")


@pytest.mark.parametrize("width", WIDTHS)
def test_on_a_phone_the_list_comes_first(synthetic, open_page, width):
    page = synthetic.open(open_page, width, "/partenaires/")
    svg = page.locator("figure.csn-map svg").bounding_box()
    listing = page.locator("figure.csn-map .csn-map__places").bounding_box()
    assert (listing["y"] < svg["y"]) == (width < 720)


@pytest.mark.parametrize("width", WIDTHS)
def test_timeline_titles_stand_beside_their_own_bar_and_overlap_nothing(synthetic, open_page, width):
    page = synthetic.open(open_page, width, "/projets/")
    page.locator("figure.csn-timeline").screenshot(
        path=screenshot_path(f"timeline-{synthetic.projects}-projects-{width}"))
    drawn = page.evaluate(TIMELINE_BOXES)
    assert len(drawn["rows"]) == synthetic.projects
    texts = [text for row in drawn["rows"] for text in row["texts"]] + drawn["others"]
    assert overlapping_pairs(texts) == []
    bars = [row["bar"] for row in drawn["rows"]]
    for row in drawn["rows"]:
        title, meta = row["texts"]
        bar = row["bar"]
        assert 0 <= bar[1] - title["box"][3] <= 40, row["name"]  # just above its own bar ...
        assert title["box"][2] > bar[0] - 6 and title["box"][0] < bar[2] + 6, row["name"]  # ... along it
        assert not any(overlap(title["box"], other) or overlap(meta["box"], other) for other in bars), row["name"]
        assert drawn["svg"][0] - 1 <= title["box"][0] and title["box"][2] <= drawn["svg"][2] + 1, row["name"]
        whole = next(p.title["fr"] for p in synthetic.site.projects if row["name"].startswith(p.title["fr"] + " — "))
        assert title["text"] == whole or (title["text"].endswith("…") and whole.startswith(title["text"][:-1]))
        assert row["tooltip"] == row["name"]  # the mouse's tooltip and the screen reader's name: the whole title


def test_a_shortened_title_shows_whole_on_keyboard_focus(synthetic, open_page):
    page = synthetic.open(open_page, 375, "/projets/")
    rows = page.locator("a.csn-timeline__row:has(.csn-timeline__full)")
    if synthetic.projects < 30:
        return  # four short titles: none is shortened
    assert rows.count() > 0
    row = rows.first
    row.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by the keyboard: :focus-visible
    full = row.locator(".csn-timeline__full")
    assert full.evaluate("e => getComputedStyle(e).visibility") == "visible"
    assert row.get_attribute("aria-label").replace(" ", "").startswith(full.text_content().replace(" ", ""))
    page.locator("figure.csn-timeline").screenshot(path=screenshot_path("timeline-focus-375"))
