"""What the map and the timeline compute: groups of markers, links, projection, bars and their precision."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re

import pytest

from csn.data.load import load_site
from csn.pictures.map_svg import basemap, build_partner_map
from csn.pictures.projection import MapFrame, great_circle
from csn.pictures.timeline_svg import build_timeline
from csn.site.strings import Translator
from tests.helpers.datafixtures import GOOD_PROJECT, write
from tests.helpers.sitebuild import FIXTURE_DATA

REAL = load_site(FIXTURE_DATA)
REAL_ECHALLIANCE = next(p for p in REAL.partners if p.id == "echalliance")
TODAY = dt.date(2026, 11, 29)


def located_partner(data_dir, pid: str, city: str, lat: float, lon: float, region: str = "") -> None:
    region_lines = f"region:\n  fr: {region}\n  en: {region}\n" if region else ""
    write(data_dir, f"partners/{pid}.yml", f"""\
name: Partenaire {pid}
kind: research
country: CA
description:
  fr: Un partenaire.
  en: A partner.
{region_lines}location:
  city: {city}
  latitude: {lat}
  longitude: {lon}
""")


def project(data_dir, pid: str, start: str, end: str | None = None, status: str = "active",
            partners: tuple[str, ...] = ("udem",)) -> None:
    text = GOOD_PROJECT.replace("start: 2021-03", f"start: {start}" + (f"\nend: {end}" if end else ""))
    text = text.replace("status: active", f"status: {status}").replace("  - udem\n", "".join(
        f"  - {p}\n" for p in partners))
    write(data_dir, f"projects/{pid}.yml", text)


def overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def assert_legible(partner_map) -> None:
    """In each layout: no two markers overlap, no name overlaps a marker or another name, all inside."""
    for layout in partner_map.layouts:
        for a, b in itertools.combinations(layout.markers, 2):
            assert math.dist((a.x, a.y), (b.x, b.y)) >= a.r + b.r - 1e-6, (layout.scale.name, a.place.city, b.place.city)
        texts = [m.label.box for m in layout.markers if m.label] + [label.box for label in layout.link_labels if label]
        for a, b in itertools.combinations(texts, 2):
            assert not overlap(a, b), (layout.scale.name, a, b)
        for box in texts:
            assert not any(overlap(box, marker.box) for marker in layout.markers), (layout.scale.name, box)
            assert 0 <= box[0] and box[2] <= partner_map.width and 0 <= box[1] and box[3] <= partner_map.height
        for marker in layout.markers:
            assert marker.r <= marker.x <= partner_map.width - marker.r and marker.r <= marker.y <= partner_map.height


def test_the_frame_round_trips_and_places_north_america_west_of_europe():
    frame = MapFrame.from_json(basemap()["frame"])
    assert MapFrame.from_json(frame.to_json()) == frame
    montreal, munich = frame.point(-73.5673, 45.5017), frame.point(11.5755, 48.1374)
    assert 0 < montreal[0] < frame.width / 3 < frame.width * 2 / 3 < munich[0] < frame.width
    assert munich[1] < montreal[1]  # further north on the page, as on the globe


def test_great_circles_start_and_end_at_their_places_and_bend_north():
    points = great_circle((-73.5673, 45.5017), (11.5755, 48.1374))
    assert points[0] == pytest.approx((-73.5673, 45.5017)) and points[-1] == pytest.approx((11.5755, 48.1374))
    assert max(lat for _, lat in points) > 55  # the shortest way crosses the North Atlantic far north


def test_partners_of_one_city_share_one_marker_with_their_count():
    partner_map = build_partner_map(REAL, Translator("en"))
    munich = next(place for place in partner_map.places if place.city == "Munich")
    assert {p.id for p in munich.partners} == {"bayfor", "delegation-munich"} and munich.count == 2
    for layout in partner_map.layouts:
        assert sorted(m.place.city for m in layout.markers) == sorted(p.city for p in partner_map.places)
        assert [m.x for m in layout.markers] == sorted(m.x for m in layout.markers)  # west to east
    assert_legible(partner_map)


def test_a_city_is_its_name_and_country_not_its_coordinates(data_dir):
    located_partner(data_dir, "laval", "Laval", 45.6066, -73.7124)
    located_partner(data_dir, "longueuil", "Longueuil", 45.5312, -73.5181)
    for index, spelling in enumerate(("Munich", "MUNICH", " munich ", "Munich", "Munich", "Munich")):
        located_partner(data_dir, f"munich-{index}", spelling, 48.1374 + index * 0.01, 11.5755 - index * 0.02)
    partner_map = build_partner_map(load_site(data_dir), Translator("fr"))
    cities = [(place.city.strip().casefold(), place.country) for place in partner_map.places]
    assert len(cities) == len(set(cities))  # each city once, in the list as on the map
    munich = next(place for place in partner_map.places if cities[partner_map.places.index(place)] == ("munich", "CA"))
    assert munich.count == 6  # these partners' country is CA: a Munich of Canada, apart from Bavaria's
    assert_legible(partner_map)
    for layout in partner_map.layouts:
        laval = next(m for m in layout.markers if m.place.city == "Laval")
        assert laval.leader or math.dist((laval.x, laval.y), (laval.place.x, laval.place.y)) < 0.5


@pytest.mark.parametrize("partners, projects", [(5, 4), (20, 30), (60, 30)])
def test_names_never_overlap_at_scale(tmp_path, partners, projects):
    from tests.helpers.synthetic import make_synthetic_project

    project_dir = make_synthetic_project(tmp_path / "project", partners, projects)
    site = load_site(project_dir / "data")
    partner_map = build_partner_map(site, Translator("fr"))
    assert_legible(partner_map)
    assert sum(place.count for place in partner_map.places) == partners
    montreal = next(place for place in partner_map.places if place.city == "Montréal")
    assert montreal.count == partners * 25 // 60 and partner_map.places[0] is montreal  # the busiest first
    for layout in partner_map.layouts:
        assert montreal in [m.place for m in layout.markers if m.label]  # the busiest city is named


def test_a_link_joins_regions_whose_partners_share_projects_and_only_them(data_dir):
    located_partner(data_dir, "ontario", "Ottawa", 45.4215, -75.6972, region="Ontario")
    project(data_dir, "commun", "2023", "2024", partners=("udem", "ontario"))
    project(data_dir, "local", "2023", "2024", partners=("udem", "mei"))
    links = build_partner_map(load_site(data_dir), Translator("fr")).links
    assert [(link.regions, link.projects) for link in links] == [("Québec ↔ Bavière", 4), ("Ontario ↔ Québec", 1)]
    assert links[1].count == "1 projet commun" and links[0].count == "4 projets communs"
    assert (links[1].side_a, links[1].side_b) == ("Ontario", "Québec")
    assert links[0].stroke > links[1].stroke  # more joint projects, a thicker line


def test_without_a_region_a_link_names_the_city_never_the_country_and_its_cities(data_dir):
    for pid in ("udem", "mrif", "mei"):
        path = data_dir / "partners" / f"{pid}.yml"
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^region:\n(  .*\n)*", "", text, flags=re.MULTILINE), encoding="utf-8")
    site = load_site(data_dir)
    assert all(p.region is None for p in site.partners if p.id in ("udem", "mrif", "mei"))
    links = build_partner_map(site, Translator("fr")).links
    sides = {side for link in links for side in (link.side_a, link.side_b)}
    assert "Montréal (Canada)" in sides and not any(side.startswith("Canada") for side in sides), sides


@pytest.mark.parametrize("lang, expected", [
    ("fr", "6 partenaires y sont situés, à Munich (2), Québec (2), Montréal et Toronto."),
    ("en", "6 partners are located there, in Munich (2), Québec City (2), Montréal, and Toronto."),
])
def test_the_map_description_reads_well_in_each_language(lang, expected):
    partner_map = build_partner_map(REAL, Translator(lang))
    assert expected in partner_map.description
    unplaced = [p.name[lang] for p in REAL.partners if p.location is None]
    assert unplaced == [REAL_ECHALLIANCE.name[lang]]  # no seat on the map: its seat could not be confirmed
    assert unplaced[0] in partner_map.unplaced_text and unplaced[0] in partner_map.description


def segments(bar) -> list[tuple[str, dt.date, dt.date]]:
    return [(s.kind, s.x, round(s.x + s.width, 3)) for s in bar.segments]


def percent(day: dt.date, start: dt.date, end: dt.date) -> float:
    return round((day - start).days / (end - start).days * 100, 3)


@pytest.mark.parametrize("start, end, kinds", [
    ("2021-03", "2021-09", [("in", "2021-03-01", "2021-04-01"), ("solid", "2021-04-01", "2021-09-01"),
                            ("out", "2021-09-01", "2021-10-01")]),
    ("2021-03-15", "2021-09-30", [("in", "2021-03-15", "2021-03-16"), ("solid", "2021-03-16", "2021-09-30"),
                                  ("out", "2021-09-30", "2021-10-01")]),
    ("2021", "2021", [("vague", "2021-01-01", "2022-01-01")]),
    ("2021-05", "2021", [("vague", "2021-05-01", "2022-01-01")]),
])
def test_each_bar_keeps_the_precision_of_its_dates(data_dir, start, end, kinds):
    project(data_dir, "essai", start, end)
    timeline = build_timeline(load_site(data_dir), Translator("fr"), TODAY)
    bar = next(b for b in timeline.bars if b.project.id == "essai")
    axis = (dt.date(2020, 1, 1), dt.date(2023, 1, 1))
    assert segments(bar) == [(kind, percent(dt.date.fromisoformat(a), *axis), percent(dt.date.fromisoformat(b), *axis))
                             for kind, a, b in kinds]
    assert timeline.today_x is None and not bar.open_end


@pytest.mark.parametrize("lang, meta", [("fr", "En cours · Depuis mars 2025"), ("en", "Active · Since March 2025")])
def test_an_ongoing_project_runs_to_today_then_fades_open(data_dir, lang, meta):
    project(data_dir, "essai", "2025-03")
    today = dt.date(2026, 6, 15)
    timeline = build_timeline(load_site(data_dir), Translator(lang), today)
    bar = next(b for b in timeline.bars if b.project.id == "essai")
    axis = (dt.date(2020, 1, 1), dt.date(2027, 1, 1))
    assert segments(bar) == [("in", percent(dt.date(2025, 3, 1), *axis), percent(dt.date(2025, 4, 1), *axis)),
                             ("solid", percent(dt.date(2025, 4, 1), *axis), percent(today, *axis)),
                             ("open", percent(today, *axis), 100.0)]
    assert bar.open_end and timeline.has_open_end and bar.meta == meta
    assert timeline.today_x == percent(today, *axis)
    assert [y.text for y in timeline.year_labels] == [str(year) for year in range(2020, 2027)]
    assert Translator(lang)("timeline.open_note") in timeline.description


def test_an_open_end_too_close_to_the_axis_end_gets_another_year(data_dir):
    project(data_dir, "essai", "2025-03")
    timeline = build_timeline(load_site(data_dir), Translator("en"), dt.date(2026, 12, 20))
    assert timeline.year_labels[-1].text == "2027"
    assert next(s for b in timeline.bars for s in b.segments if s.kind == "open").width > 4


def test_bars_run_oldest_first_and_titles_fit_a_small_phone(data_dir):
    project(data_dir, "essai", "2019-06", "2020-02", status="completed")
    timeline = build_timeline(load_site(data_dir), Translator("fr"), TODAY)
    assert timeline.bars[0].project.id == "essai"
    assert [y.text for y in timeline.year_labels] == ["2019", "2020", "2021", "2022"]
    assert len(timeline.minor_ticks) == 4 * 3  # quarters beyond three years
    for bar in timeline.bars:
        assert " ".join(bar.label_lines) == bar.project.title["fr"]
        assert all(len(line) <= 40 for line in bar.label_lines)


def test_no_project_no_timeline(data_dir):
    for path in (data_dir / "projects").glob("*.yml"):
        path.unlink()
    for path in (data_dir / "news").glob("*.yml"):
        path.write_text(path.read_text(encoding="utf-8").split("\nprojects:")[0] + "\n", encoding="utf-8")
    assert build_timeline(load_site(data_dir), Translator("fr"), TODAY) is None
