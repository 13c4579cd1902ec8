"""The partner map: one marker per city with its count, city names that never overlap, and the
cooperation between regions.

Partners are grouped by city (its name and country, not its coordinates: two addresses in Montréal
are one place). Everything is computed here in picture units (the base map is 1000 units wide);
overrides/csn/partner_map.html only prints it. The picture is laid out twice, for wide screens and
for narrow ones (where the map is about a third as many pixels wide, so markers and texts are drawn
larger in units): in each layout the markers of nearby cities are moved apart, joined to their
place by a line, and a city's name is written where it overlaps no marker and no other name, or
left out (the list below the map names every city and links to every partner).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel import Locale

from csn.data.errors import Problem
from csn.data.model import Partner, Site
from csn.messages import Bilingual, Message
from csn.pictures.projection import MapFrame, great_circle

# The page language's strings: t(key, **values) -> text (csn.site.strings.Translator).
Translate = Callable[..., str]

BASEMAP = Path(__file__).with_name("basemap.json")
MARKER_GAP = 3.0  # between two markers, in units
LABEL_GAP = 3.0  # between a marker and its name
CHAR_WIDTH = 0.66  # of the font size: the widest average measured in Chromium (0.62) and a margin
ASCENT, DESCENT = 0.95, 0.27  # of the font size, above and below the baseline (Chromium: 0.92, 0.25)


@dataclass(frozen=True)
class Scale:
    """The sizes of one layout, in units; the stylesheet draws the same sizes for the same screens."""

    name: str  # "wide" or "narrow": the class that shows this layout
    radius_one: float  # a city with one partner
    radius_base: float  # a city with several: base + step * sqrt(count - 1)
    radius_step: float
    count_font: float  # the number in the marker
    label_font: float  # the city's name
    link_font: float  # a cooperation's count
    link_labels: int  # the most cooperations counted on the map (the busiest): more would blur which is which

    def radius(self, count: int) -> float:
        return self.radius_one if count == 1 else self.radius_base + self.radius_step * math.sqrt(count - 1)


# Wide: the map is 600 to 940 px wide (0.6 to 0.94 px a unit); narrow: 340 to 700 px (a 375 px phone:
# 0.34 px a unit, where a 35-unit name is 12 px high and a 30-unit count 10 px).
SCALES = (Scale("wide", 8.0, 10.0, 2.2, 12.0, 15.0, 13.0, 6), Scale("narrow", 16.0, 20.0, 5.0, 28.0, 35.0, 30.0, 3))


@lru_cache(maxsize=1)
def basemap() -> dict:
    """The committed output of tools/make_world_map.py: frame and path data."""
    return json.loads(BASEMAP.read_text(encoding="utf-8"))


@dataclass(eq=False)
class Place:
    """One city (name and country) with its located partners."""

    city: str
    country: str
    country_name: str
    region: str | None  # the region one of its partners names, if any
    longitude: float
    latitude: float
    x: float  # where the city is on the map (the mean of its partners' coordinates)
    y: float
    partners: list[Partner]
    anchor: str = ""  # the id of its entry in the list below the map

    @property
    def count(self) -> int:
        return len(self.partners)

    @property
    def where(self) -> str:
        return f"{self.city} ({self.country_name})"


@dataclass(eq=False)
class Marker:
    """A city's marker in one layout: maybe moved off its place (a leader line joins them), maybe named."""

    place: Place
    x: float
    y: float
    r: float
    label: Label | None = None

    @property
    def leader(self) -> bool:
        return math.hypot(self.x - self.place.x, self.y - self.place.y) > 0.5

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.x - self.r, self.y - self.r, self.x + self.r, self.y + self.r


@dataclass(eq=False)
class Label:
    text: str
    x: float
    y: float  # the baseline
    anchor: str  # start, middle, end
    box: tuple[float, float, float, float]


@dataclass(eq=False)
class Layout:
    scale: Scale
    markers: list[Marker]  # west to east
    link_labels: list[Label | None]  # one per link of the map, None where no room was found

    @property
    def named(self) -> int:
        return sum(1 for marker in self.markers if marker.label)


@dataclass(eq=False)
class Link:
    """The cooperation between two regions (or, where no region is given, two cities): their partners
    share projects. One arc joins their busiest cities."""

    side_a: str  # "Québec", or "Ottawa (Canada)" where no region is given
    side_b: str
    projects: int
    regions: str  # "Québec ↔ Bavière"
    count: str  # "4 projets communs"
    label: str  # "Québec ↔ Bavière : 4 projets": the label on the map ...
    short_count: str  # ... or "4 projets" where that does not fit
    path: str
    points: list[tuple[float, float]] = field(repr=False, default_factory=list)

    @property
    def stroke(self) -> float:
        """The arc's width in pixels: thicker for more projects, readable at 1 and at 30."""
        return round(1.5 + 1.2 * math.log2(self.projects), 1)


@dataclass(eq=False)
class PartnerMap:
    width: float
    height: float
    land: str
    borders: str
    graticule: str
    places: list[Place]  # by count, then name: the list below the map
    layouts: list[Layout]  # one per Scale
    links: list[Link]
    unplaced: list[Partner]
    unplaced_text: str  # "Not placed on the map: …", or ""
    title: str
    description: str


def _frame() -> MapFrame:
    return MapFrame.from_json(basemap()["frame"])


def _inside(partner: Partner, frame: MapFrame) -> bool:
    """Whether the partner's location falls inside the base map's picture (it covers North America to Europe)."""
    x, y = frame.point(partner.location.longitude, partner.location.latitude)
    return 0 <= x <= frame.width and 0 <= y <= frame.height


def off_map_warnings(site: Site) -> list[Problem]:
    """A warning per located partner outside the base map: listed under the map, never drawn off the picture."""
    frame = _frame()
    return [Problem(p.file, 0, "location", Message("map.off_map", latitude=f"{p.location.latitude:g}",
                                                   longitude=f"{p.location.longitude:g}",
                                                   city=Bilingual.of_mapping(p.location.city)),
                    severity="warning")
            for p in site.partners if p.location and not _inside(p, frame)]


def build_partner_map(site: Site, t: Translate) -> PartnerMap:
    data = basemap()
    frame = _frame()
    lang = t.lang
    countries = Locale.parse(lang).territories
    places = _places([p for p in site.partners if p.location and _inside(p, frame)], frame, lang, countries)
    links = _links(places, frame, t)
    layouts = [_layout(places, links, frame, scale) for scale in SCALES]
    unplaced = [p for p in site.partners if not p.location or not _inside(p, frame)]
    return PartnerMap(
        width=frame.width, height=frame.height, land=data["land"], borders=data["borders"],
        graticule=data["graticule"], places=places, layouts=layouts, links=links, unplaced=unplaced,
        unplaced_text=t("map.unplaced", names=t.join([p.name[lang] for p in unplaced])) if unplaced else "",
        title=t("map.title"), description=_description(places, links, unplaced, t))


def _city_key(city: str) -> str:
    """The same city however its name is spaced, cased or accented: "Montréal", "montreal ", "MONTRÉAL"."""
    folded = unicodedata.normalize("NFKD", city.casefold())
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


def anchor_of(city: str, country: str) -> str:
    return "csn-place-" + re.sub(r"[^a-z0-9]+", "-", _city_key(city)).strip("-") + "-" + country.lower()


def _places(partners: list[Partner], frame: MapFrame, lang: str, countries: dict) -> list[Place]:
    """One place per city name and country (in French, the data's first language: the same grouping
    in both languages), at the mean of its partners' coordinates."""
    groups: dict[tuple[str, str], list[Partner]] = {}
    for partner in partners:
        groups.setdefault((_city_key(partner.location.city["fr"]), partner.country), []).append(partner)
    places = []
    for (_, country), members in groups.items():
        members.sort(key=lambda p: p.name[lang].casefold())
        longitude = sum(p.location.longitude for p in members) / len(members)
        latitude = sum(p.location.latitude for p in members) / len(members)
        region = next((p.region[lang] for p in members if p.region), None)
        city = members[0].location.city[lang]
        places.append(Place(city, country, countries.get(country, country), region, longitude, latitude,
                            *frame.point(longitude, latitude), members, anchor_of(members[0].location.city["fr"],
                                                                                  country)))
    return sorted(places, key=lambda p: (-p.count, _city_key(p.city)))


# Markers --------------------------------------------------------------------------------------------

def _spread(places: list[Place], scale: Scale, frame: MapFrame) -> list[Marker]:
    """Markers on their places, then pushed apart until no two overlap (a few hundred small steps:
    cities are few, tens at most), and kept inside the map."""
    markers = [Marker(place, place.x, place.y, scale.radius(place.count)) for place in places]
    for _ in range(400):
        moved = False
        for i, a in enumerate(markers):
            for b in markers[i + 1:]:
                dx, dy = b.x - a.x, b.y - a.y
                distance = math.hypot(dx, dy)
                needed = a.r + b.r + MARKER_GAP
                if distance >= needed:
                    continue
                moved = True
                if distance < 1e-6:  # the very same spot: part them along a fixed direction
                    dx, dy, distance = 1.0, 0.3, math.hypot(1.0, 0.3)
                push = (needed - distance) / 2 + 0.01
                # The bigger marker moves less: the busiest city stays nearest its place.
                share_a = b.r / (a.r + b.r)
                a.x -= dx / distance * push * 2 * share_a
                a.y -= dy / distance * push * 2 * share_a
                b.x += dx / distance * push * 2 * (1 - share_a)
                b.y += dy / distance * push * 2 * (1 - share_a)
        for marker in markers:
            marker.x = min(max(marker.x, marker.r + 1), frame.width - marker.r - 1)
            marker.y = min(max(marker.y, marker.r + 1), frame.height - marker.r - 1)
        if not moved:
            break
    return markers


# Labels ---------------------------------------------------------------------------------------------

def _text_box(text: str, font: float, x: float, y: float, anchor: str) -> tuple[float, float, float, float]:
    width = len(text) * font * CHAR_WIDTH
    left = x - width / 2 if anchor == "middle" else x if anchor == "start" else x - width
    return left, y - font * ASCENT, left + width, y + font * DESCENT


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class _Taken:
    """The boxes already used in a layout: markers, names, counts."""

    def __init__(self, frame: MapFrame, boxes: list[tuple]):
        self.frame, self.boxes = frame, list(boxes)

    def free(self, box: tuple) -> bool:
        inside = box[0] >= 0 and box[1] >= 0 and box[2] <= self.frame.width and box[3] <= self.frame.height
        return inside and not any(_overlap(box, other) for other in self.boxes)


def _name(marker: Marker, markers: list[Marker], taken: _Taken, font: float) -> Label | None:
    """The city's name beside its marker, right, left, below or above, a little further out if need be."""
    text = marker.place.city
    for extra in (0.0, font * 0.5, font):
        gap = marker.r + LABEL_GAP + extra
        middle = marker.y + font * (ASCENT - DESCENT) / 2  # the baseline that centres the text on the marker
        for anchor, x, y in (("start", marker.x + gap, middle), ("end", marker.x - gap, middle),
                             ("middle", marker.x, marker.y + gap + font * ASCENT),
                             ("middle", marker.x, marker.y - gap - font * DESCENT),
                             ("start", marker.x + gap * 0.7, marker.y + gap * 0.7 + font * ASCENT),
                             ("end", marker.x - gap * 0.7, marker.y + gap * 0.7 + font * ASCENT),
                             ("start", marker.x + gap * 0.7, marker.y - gap * 0.7),
                             ("end", marker.x - gap * 0.7, marker.y - gap * 0.7)):
            box = _text_box(text, font, x, y, anchor)
            # Right against its marker a name reads as its own; further out, only if no other marker is nearer.
            if taken.free(box) and (not extra or _nearest(box, markers) is marker):
                return Label(text, x, y, anchor, box)
    return None


def _nearest(box: tuple, markers: list[Marker]) -> Marker:
    """The marker whose edge is closest to the box: a name must read as its own marker's, not a neighbour's."""
    def gap(marker: Marker) -> float:
        dx = max(box[0] - marker.x, 0.0, marker.x - box[2])
        dy = max(box[1] - marker.y, 0.0, marker.y - box[3])
        return math.hypot(dx, dy) - marker.r
    return min(markers, key=gap)


def _link_label(link: Link, taken: _Taken, font: float) -> Label | None:
    """A cooperation on its arc near the middle, where nothing else is: named with its count, or
    its count alone where the name does not fit."""
    points = link.points
    for text in (link.label, link.short_count):
        for share in (0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74):
            x, y = points[round(share * (len(points) - 1))]
            baseline = y + font * (ASCENT - DESCENT) / 2
            box = _text_box(text, font, x, baseline, "middle")
            if taken.free(box):
                return Label(text, x, baseline, "middle", box)
    return None


def _layout(places: list[Place], links: list[Link], frame: MapFrame, scale: Scale) -> Layout:
    """Markers apart, then names by the busiest city first, then the cooperations' counts."""
    markers = _spread(places, scale, frame)
    taken = _Taken(frame, [marker.box for marker in markers])
    for marker in markers:  # the busiest cities first: they get the best spots
        marker.label = _name(marker, markers, taken, scale.label_font)
        if marker.label:
            taken.boxes.append(marker.label.box)
    link_labels = []
    for index, link in enumerate(links):
        label = _link_label(link, taken, scale.link_font) if index < scale.link_labels else None
        if label:
            taken.boxes.append(label.box)
        link_labels.append(label)
    return Layout(scale, sorted(markers, key=lambda m: (m.x, m.y)), link_labels)


# Cooperation ----------------------------------------------------------------------------------------

def _side(place: Place) -> tuple[str, str]:
    """What a link joins: the region when one is given, else the city (never a country named after
    its cities, such as "Canada (Montréal et Québec)")."""
    return (place.country, place.region) if place.region else (place.country, place.where)


def _links(places: list[Place], frame: MapFrame, t: Translate) -> list[Link]:
    """One link per pair of sides whose partners share projects, drawn between their busiest cities."""
    projects_of = {id(place): {part.project.id for partner in place.partners for part in partner.projects}
                   for place in places}
    sides: dict[tuple, list[Place]] = {}
    for place in places:  # busiest first, as `places` is sorted
        sides.setdefault(_side(place), []).append(place)
    keys = list(sides)
    side_projects = {key: set().union(*(projects_of[id(p)] for p in members)) for key, members in sides.items()}
    links = []
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            shared = side_projects[a] & side_projects[b]
            if not shared:
                continue
            west, east = (a, b) if (sides[a][0].x, sides[a][0].y) <= (sides[b][0].x, sides[b][0].y) else (b, a)
            hub_a, hub_b = sides[west][0], sides[east][0]
            points = [frame.point(*ll) for ll in great_circle((hub_a.longitude, hub_a.latitude),
                                                                (hub_b.longitude, hub_b.latitude))]
            links.append(Link(west[1], east[1], len(shared), t("map.link", a=west[1], b=east[1]),
                              t.plural("map.joint_projects", len(shared)),
                              t("map.cooperation_item", a=west[1], b=east[1],
                                count=t.plural("map.link_count", len(shared))),
                              t.plural("map.link_count", len(shared)),
                              _path(points), points))
    return sorted(links, key=lambda link: (-link.projects, link.regions))


def _path(points: list[tuple[float, float]]) -> str:
    head, *rest = points
    return f"M{head[0]:.1f} {head[1]:.1f}" + "".join(f"L{x:.1f} {y:.1f}" for x, y in rest)


def _description(places: list[Place], links: list[Link], unplaced: list[Partner], t: Translate) -> str:
    located = sum(place.count for place in places)
    where = [f"{place.city} ({place.count})" if place.count > 1 else place.city for place in places]
    parts = [t.plural("map.located", located, places=t.join(where))] if located else []
    if links:
        parts.append(t("map.cooperation", links=t.join([f"{link.regions} ({link.count})" for link in links])))
    if unplaced:
        parts.append(t("map.unplaced", names=t.join([p.name[t.lang] for p in unplaced])))
    return " ".join(parts)
