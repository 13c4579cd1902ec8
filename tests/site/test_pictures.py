"""The partner map and the project timeline in the built site: valid SVG, both languages, links that work."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from csn.data.load import load_site
from csn.pictures.map_svg import anchor_of, basemap
from csn.pictures.projection import MapFrame
from csn.site.strings import strings_table
from tests.helpers.htmlcheck import page_url, target_file
from tests.helpers.sitebuild import FIXTURE_DATA
from tests.helpers.svgcheck import classes, inline_svg, q

SITE = load_site(FIXTURE_DATA)
INDEX = {"fr": {"home": "", "partners": "partenaires/", "projects": "projets/"},
         "en": {"home": "en/", "partners": "en/partners/", "projects": "en/projects/"}}
PICTURES = [("home", "csn-map__svg", "map.title"), ("partners", "csn-map__svg", "map.title"),
            ("projects", "csn-timeline__svg", "timeline.title")]
LANGS = ("fr", "en")


def source(real_site, url: str) -> str:
    return (real_site.site / url / "index.html").read_text(encoding="utf-8")


def text_of(element) -> str:
    return "".join(element.itertext())


def resolved(real_site, url: str, href: str) -> str:
    target = target_file(real_site.site, url, href)
    assert target is not None and target.is_file(), (url, href)
    return page_url(real_site.site, target)


def entity_url(entity, lang: str) -> str:
    section = "partners" if hasattr(entity, "kind") else "projects"
    return f"{INDEX[lang][section]}{entity.slug[lang]}/"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page, css_class, title_key", PICTURES)
def test_each_picture_is_valid_xml_titled_in_the_page_language(real_site, lang, page, css_class, title_key):
    html = source(real_site, INDEX[lang][page])
    svg = inline_svg(html, css_class)  # raises on anything that is not well-formed XML
    assert svg.tag == q("svg")
    title, desc = svg.find(q("title")), svg.find(q("desc"))
    assert title.text == strings_table(lang)[title_key]
    other = "en" if lang == "fr" else "fr"
    assert strings_table(other)[title_key] not in html
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == desc.get("id")
    assert len(desc.text) > 40
    ids = [element.get("id") for element in svg.iter() if element.get("id")]
    assert len(ids) == len(set(ids)) and all(html.count(f'id="{i}"') == 1 for i in ids)
    for element in svg.iter():
        for name in ("href", "fill", "mask"):
            value = element.get(name) or ""
            assert "//" not in value, f"{element.tag} {name}={value}: a picture loads nothing from elsewhere"


def layers(svg) -> dict[str, object]:
    """The map's two layouts, by name (wide, narrow)."""
    return {c.split("--")[-1]: g for g in svg.iter(q("g")) for c in classes(g) if c.startswith("csn-map__layout--")}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["home", "partners"])
def test_every_located_partner_is_reached_from_its_city_s_marker(real_site, lang, page):
    url = INDEX[lang][page]
    svg = inline_svg(source(real_site, url), "csn-map__svg")
    partners_page = real_site.html(INDEX[lang]["partners"])
    located = [p for p in SITE.partners if p.location]
    cities = {(p.location.city["fr"], p.country) for p in located}
    assert set(layers(svg)) == {"wide", "narrow"}
    for name, layer in layers(svg).items():
        markers = list(layer.iter(q("a")))
        assert len(markers) == len(cities), name  # one marker per city
        reached = set()
        for marker in markers:
            assert marker.get("tabindex") == "-1"  # the keyboard uses the list, which links every partner
            count = int(text_of(next(t for t in marker.iter(q("text")) if "csn-map__count" in classes(t))))
            href = marker.get("href")
            if count == 1:
                reached.add(resolved(real_site, url, href))
                continue
            target, _, fragment = href.partition("#")
            assert resolved(real_site, url, target) == INDEX[lang]["partners"] and fragment
            entry = partners_page.select_one(f"li#{fragment}")
            links = [resolved(real_site, INDEX[lang]["partners"], a["href"]) for a in entry.select("a")]
            assert len(links) == count, fragment
            reached |= set(links)
        assert reached == {entity_url(p, lang) for p in located}, name


def test_markers_stand_on_their_city_or_are_joined_to_it(real_site):
    frame = MapFrame.from_json(basemap()["frame"])
    svg = inline_svg(source(real_site, "en/partners/"), "csn-map__svg")
    for name, layer in layers(svg).items():
        dots = [(float(c.get("cx")), float(c.get("cy"))) for c in layer.iter(q("circle")) if "csn-map__dot" in classes(c)]
        leaders = [tuple(float(line.get(k)) for k in ("x1", "y1", "x2", "y2")) for line in layer.iter(q("line"))]
        pins = {a.get("data-place"): a.find(q("circle")) for a in layer.iter(q("a"))}
        by_city: dict[tuple, list] = {}
        for partner in (p for p in SITE.partners if p.location):
            by_city.setdefault((partner.location.city["fr"], partner.country), []).append(partner)
        for (city, country), members in by_city.items():
            lon = sum(p.location.longitude for p in members) / len(members)
            lat = sum(p.location.latitude for p in members) / len(members)
            x, y = frame.point(lon, lat)
            assert 0 < x < frame.width and 0 < y < frame.height, city
            pin = pins[anchor_of(city, country)]
            px, py = float(pin.get("cx")), float(pin.get("cy"))
            on_place = math.dist((px, py), (x, y)) < 0.2
            joined = any(math.dist((px, py), line[:2]) < 0.2 and math.dist((x, y), line[2:]) < 0.2 for line in leaders)
            assert on_place or (joined and any(math.dist((x, y), dot) < 0.2 for dot in dots)), (name, city)


@pytest.mark.parametrize("lang, regions", [("fr", "Québec ↔ Bavière"), ("en", "Québec ↔ Bavaria")])
def test_the_cooperation_quebec_bavaria_is_drawn_and_named(real_site, lang, regions):
    svg = inline_svg(source(real_site, INDEX[lang]["partners"]), "csn-map__svg")
    links = [p for p in svg.iter(q("path")) if "csn-map__link" in classes(p)]
    assert len(links) == 1  # the regions' partners share projects: one arc between their busiest cities
    wide = layers(svg)["wide"]
    labels = [text_of(t) for t in wide.iter(q("text")) if "csn-map__link-label" in classes(t)]
    assert len(labels) == 1 and labels[0].startswith(regions)
    assert regions in svg.find(q("desc")).text


@pytest.mark.parametrize("lang", LANGS)
def test_the_map_says_the_same_as_a_list(real_site, lang):
    url = INDEX[lang]["partners"]
    soup = real_site.html(url)
    caption = soup.select_one("figure.csn-map figcaption")
    assert "csn-visually-hidden" not in caption["class"]
    listed = {resolved(real_site, url, a["href"]) for a in caption.select("a")}
    assert listed == {entity_url(p, lang) for p in SITE.partners if p.location}
    text = caption.get_text(" ", strip=True)
    unplaced = [p for p in SITE.partners if not p.location]
    assert all(p.name[lang] in text for p in unplaced)
    assert ("Québec City" if lang == "en" else "Québec (Canada)") in text and "Natural Earth" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_map_list_is_for_screen_readers_and_has_no_hidden_links(real_site, lang):
    caption = real_site.html(INDEX[lang]["home"]).select_one("figure.csn-map figcaption")
    assert "csn-visually-hidden" in caption["class"] and not caption.select("a")
    assert all(p.name[lang] in caption.get_text(" ") for p in SITE.partners if p.location)


@pytest.mark.parametrize("lang", LANGS)
def test_every_project_has_a_bar_linking_to_its_page(real_site, lang):
    url = INDEX[lang]["projects"]
    svg = inline_svg(source(real_site, url), "csn-timeline__svg")
    rows = {resolved(real_site, url, a.get("href")): a for a in svg.iter(q("a"))}
    assert set(rows) == {entity_url(p, lang) for p in SITE.projects} and len(rows) == len(SITE.projects)
    status = strings_table(lang)["status.completed"]
    for project in SITE.projects:
        row = rows[entity_url(project, lang)]
        assert row.get("aria-label").startswith(f"{project.title[lang]} — {status} — 2020 – 2022")
        assert any("csn-timeline__bar" in classes(r) for r in row.iter(q("rect")))
        assert text_of(row.find(q("title"))) == row.get("aria-label")  # the mouse's tooltip: the whole title
        titles = {c.split("--")[-1]: text_of(t) for t in row.iter(q("text")) for c in classes(t)
                  if c.startswith("csn-timeline__title--")}
        assert set(titles) == {"wide", "narrow"}
        for shown in titles.values():  # whole, or cut at a word and marked
            assert shown == project.title[lang] or (shown.endswith("…") and project.title[lang].startswith(
                shown[:-1]) and row.find(q("text[@class='csn-timeline__full']")) is not None)


def test_year_precision_dates_fill_their_whole_year_and_fade_across_it(real_site):
    svg = inline_svg(source(real_site, "en/projects/"), "csn-timeline__svg")
    total = (dt.date(2023, 1, 1) - dt.date(2020, 1, 1)).days

    def percent(day: dt.date) -> float:
        return (day - dt.date(2020, 1, 1)).days / total * 100

    for row in svg.iter(q("a")):
        bars = {c.split("--")[-1]: r for r in row.iter(q("rect")) for c in classes(r) if c.startswith("csn-timeline__bar--")}
        assert list(bars) == ["in", "solid", "out"]  # 2020 (year) to 2022 (year): no invented day
        for kind, start, end in (("in", dt.date(2020, 1, 1), dt.date(2021, 1, 1)),
                                 ("solid", dt.date(2021, 1, 1), dt.date(2022, 1, 1)),
                                 ("out", dt.date(2022, 1, 1), dt.date(2023, 1, 1))):
            x, width = float(bars[kind].get("x").rstrip("%")), float(bars[kind].get("width").rstrip("%"))
            assert x == pytest.approx(percent(start), abs=0.01) and x + width == pytest.approx(percent(end), abs=0.01)
        assert bars["in"].get("mask") == "url(#csn-tl-in)" and bars["out"].get("mask") == "url(#csn-tl-out)"
    years = [text_of(t) for t in svg.iter(q("text")) if "csn-timeline__year" in classes(t)]
    assert years == ["2020", "2021", "2022"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_programme_period_stands_behind_the_bars(real_site, lang):
    svg = inline_svg(source(real_site, INDEX[lang]["projects"]), "csn-timeline__svg")
    bands = [r for r in svg.iter(q("rect")) if "csn-timeline__band" in classes(r)]
    assert [(b.get("x"), b.get("width")) for b in bands] == [("0.0%", "100.0%")]
    programme = SITE.programmes[0]
    label = next(t for t in svg.iter(q("text")) if "csn-timeline__band-label" in classes(t))
    assert " ".join(text_of(span) for span in label) == programme.name[lang]
    assert all(p.programme is programme for p in SITE.projects)
    legend = real_site.html(INDEX[lang]["projects"]).select_one(".csn-timeline__legend").get_text(" ")
    assert strings_table(lang)["timeline.legend_programme"] in legend
    assert strings_table(lang)["timeline.legend_precision"] in legend


@pytest.mark.parametrize("lang", LANGS)
def test_the_map_legend_names_its_marks(real_site, lang):
    soup = real_site.html(INDEX[lang]["partners"])
    legend = [li.get_text(strip=True) for li in soup.select("figure.csn-map .csn-legend li")]
    table = strings_table(lang)
    assert legend == [table["map.legend_marker"], table["map.legend_link"]]


@pytest.mark.parametrize("path, fact, value", [
    ("projets/lac-de-donnees/", "Programme", "Programme de coopération Québec–Bavière 2020-2022"),
    ("en/projects/data-lake/", "Program", "Québec–Bavaria cooperation program 2020–2022"),
    ("partenaires/mrif/", "Ville", "Québec"),
    ("en/partners/mrif/", "City", "Québec City"),
])
def test_detail_pages_name_the_programme_and_the_city(real_site, path, fact, value):
    facts = real_site.html(path).select_one("dl.csn-facts")
    pairs = {dt_.get_text(strip=True): dt_.find_next_sibling("dd").get_text(strip=True) for dt_ in facts.select("dt")}
    assert pairs[fact] == value
