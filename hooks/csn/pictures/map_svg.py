"""The partner map: where each located partner goes on the base map, and the links of the cooperation.

Everything is computed here in picture units (the base map is 1000 units
wide); overrides/csn/partner_map.html only prints it. Markers are laid out for
their largest size (narrow screens, where CSS enlarges them), so markers that
would overlap there are grouped in a row, each joined to its exact place.
"""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale

from csn.data.errors import Problem
from csn.data.model import Partner, Site
from csn.data.schema import PARTNER_KINDS
from csn.pictures.projection import MapFrame, great_circle

# The page language's strings: t(key, **values) -> text (csn.site.strings.Translator).
Translate = Callable[..., str]

BASEMAP = Path(__file__).with_name("basemap.json")
PIN_RADIUS = 9.0  # drawn on wide screens
PIN_RADIUS_MAX = 18.0  # drawn on narrow screens (CSS), what the layout leaves room for
PIN_SPACING = 2 * PIN_RADIUS_MAX + 4
GROUP_LIFT = 36.0  # a group's row of markers stands this far above its places
LABEL_CHARACTERS = 24  # a name on hover or focus wraps at this many characters
LABEL_FONT_MAX = 34.0  # such a label's largest font size (CSS, narrow screens), in units
LABEL_CHAR_WIDTH = 0.56  # of the font size: an average character, generously
LABEL_LINE_MAX = LABEL_FONT_MAX * 1.15
LABEL_GAP = 6.0
PLACE_FONT = 13.0  # the names of the places (wide screens only), in units
PLACE_CHAR_WIDTH = 0.55  # of the font size: a generous estimate, so that estimated boxes do not overlap


@lru_cache(maxsize=1)
def basemap() -> dict:
    """The committed output of tools/make_world_map.py: frame and path data."""
    return json.loads(BASEMAP.read_text(encoding="utf-8"))


@dataclass(eq=False)
class Place:
    """One city with its located partners."""

    city: str
    country: str
    region: str
    longitude: float
    latitude: float
    x: float
    y: float
    partners: list[Partner]
    label: str = ""
    label_x: float = 0.0
    label_y: float = 0.0
    label_anchor: str = "middle"


@dataclass(eq=False)
class Pin:
    """One partner's marker: a link to its page, with its name shown on hover and focus."""

    partner: Partner
    place: Place
    x: float
    y: float
    aria_label: str
    label_lines: list[str]
    label_x: float = 0.0
    label_y: float = 0.0
    label_anchor: str = "middle"
    label_above: bool = True

    @property
    def leader(self) -> bool:
        """Set apart from its place (in a group): a line joins it to the exact spot."""
        return math.hypot(self.x - self.place.x, self.y - self.place.y) > 0.5

    @property
    def label_dy(self) -> list[str]:
        """Each line's shift, in em: stacked upwards above the marker, downwards below it."""
        count = len(self.label_lines)
        if self.label_above:
            return [f"{-1.15 * (count - 1):.2f}em"] + ["1.15em"] * (count - 1)
        return ["0.8em"] + ["1.15em"] * (count - 1)


@dataclass(eq=False)
class Link:
    """The cooperation between two regions: their partners share projects."""

    side_a: str  # "Québec (Montréal et Québec)"
    side_b: str
    projects: int
    regions: str  # "Québec ↔ Bavière"
    count: str  # "4 projets communs"
    paths: list[str]
    label_x: float = 0.0
    label_y: float = 0.0


@dataclass(eq=False)
class PartnerMap:
    width: float
    height: float
    land: str
    borders: str
    graticule: str
    places: list[Place]  # west to east
    pins: list[Pin]  # west to east: the keyboard's order
    links: list[Link]
    unplaced: list[Partner]
    unplaced_text: str  # "Not placed on the map: …", or ""
    kinds: list[str]  # of the partners on the map, in the schema's order: the legend
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
    return [Problem(p.file, 0, "location", f"warning: {p.location.latitude:g}, {p.location.longitude:g} "
                                           f"({p.location.city['en']}) is outside the partner map, which shows "
                                           "North America to Europe: the partner is listed under the map; check "
                                           "the latitude and longitude (not swapped? west is negative)",
                    severity="warning")
            for p in site.partners if p.location and not _inside(p, frame)]


def build_partner_map(site: Site, t: Translate) -> PartnerMap:
    data = basemap()
    frame = _frame()
    lang = t.lang
    countries = Locale.parse(lang).territories
    places = _places([p for p in site.partners if p.location and _inside(p, frame)], frame, lang, countries)
    pins = _layout_pins(places, frame, t, countries)
    links = _links(places, frame, t, countries)
    _place_labels(places, pins, frame)
    unplaced = [p for p in site.partners if not p.location or not _inside(p, frame)]
    return PartnerMap(
        width=frame.width, height=frame.height, land=data["land"], borders=data["borders"],
        graticule=data["graticule"], places=places, pins=pins, links=links, unplaced=unplaced,
        unplaced_text=t("map.unplaced", names=t.join([p.name[lang] for p in unplaced])) if unplaced else "",
        kinds=[kind for kind in PARTNER_KINDS if any(pin.partner.kind == kind for pin in pins)],
        title=t("map.title"), description=_description(places, links, unplaced, t))


def _places(partners: list[Partner], frame: MapFrame, lang: str, countries: dict) -> list[Place]:
    """Partners in the same city at the same coordinates (to the hundredth of a degree) share a place."""
    by_key: dict[tuple, Place] = {}
    for partner in partners:
        loc = partner.location
        key = (loc.city[lang], partner.country, round(loc.latitude, 2), round(loc.longitude, 2))
        if key in by_key:
            by_key[key].partners.append(partner)
            continue
        region = partner.region[lang] if partner.region else countries.get(partner.country, partner.country)
        by_key[key] = Place(loc.city[lang], partner.country, region, loc.longitude, loc.latitude,
                            *frame.point(loc.longitude, loc.latitude), [partner])
    places = list(by_key.values())
    for place in places:
        place.partners.sort(key=lambda p: p.name[lang].casefold())
    return sorted(places, key=lambda p: (p.x, p.y))


def _layout_pins(places: list[Place], frame: MapFrame, t: Translate, countries: dict) -> list[Pin]:
    """Group places whose markers would overlap, until no two markers of different groups do."""
    groups = [[place] for place in places]
    while True:
        laid = [_row(group, frame) for group in groups]
        clash = _first_clash(laid)
        if clash is None:
            break
        a, b = clash
        groups[a] = sorted(groups[a] + groups[b], key=lambda p: (p.x, p.y))
        del groups[b]
    pins = []
    for group, positions in zip(groups, laid):
        members = [(place, partner) for place in group for partner in place.partners]
        for (place, partner), (x, y) in zip(members, positions):
            where = t("map.place", city=place.city, country=countries.get(place.country, place.country))
            name = partner.name[t.lang]
            pins.append(Pin(partner, place, x, y, t("map.pin", name=name, place=where),
                            textwrap.wrap(name, LABEL_CHARACTERS) or [name]))
    boxes = _BoxGrid([(pin, _pin_box(pin)) for pin in pins])
    for pin in pins:
        _label_beside(pin, boxes, frame)
    return sorted(pins, key=lambda p: (p.x, p.y))


def _row(group: list[Place], frame: MapFrame) -> list[tuple[float, float]]:
    """Marker centres: on the place itself when alone, else in a row above the group's places."""
    count = sum(len(place.partners) for place in group)
    if count == 1:
        return [(group[0].x, group[0].y)]
    cx = sum(p.x for p in group) / len(group)
    cy = min(p.y for p in group) - GROUP_LIFT
    if cy < PIN_RADIUS_MAX + 2:  # no room above: below the places
        cy = max(p.y for p in group) + GROUP_LIFT
    half = (count - 1) * PIN_SPACING / 2
    cx = min(max(cx, half + PIN_RADIUS_MAX), frame.width - half - PIN_RADIUS_MAX)
    return [(cx - half + i * PIN_SPACING, cy) for i in range(count)]


def _first_clash(laid: list[list[tuple[float, float]]]) -> tuple[int, int] | None:
    for a in range(len(laid)):
        for b in range(a + 1, len(laid)):
            for ax, ay in laid[a]:
                for bx, by in laid[b]:
                    if math.hypot(ax - bx, ay - by) < PIN_SPACING:
                        return a, b
    return None


class _BoxGrid:
    """The markers' boxes filed by the cells of a grid: a label's box is checked against its neighbours
    only, not against every marker (hundreds of partners made that quadratic)."""

    CELL = 64.0

    def __init__(self, boxes: list[tuple[Pin, tuple[float, float, float, float]]]):
        self._cells: dict[tuple[int, int], list[tuple[Pin, tuple]]] = {}
        for pin, box in boxes:
            for cell in self._cells_of(box):
                self._cells.setdefault(cell, []).append((pin, box))

    def _cells_of(self, box: tuple) -> list[tuple[int, int]]:
        x0, y0 = math.floor(box[0] / self.CELL), math.floor(box[1] / self.CELL)
        x1, y1 = math.floor(box[2] / self.CELL), math.floor(box[3] / self.CELL)
        return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]

    def covered(self, box: tuple, pin: Pin) -> int:
        """How many markers other than `pin`'s the box overlaps."""
        seen = set()
        for cell in self._cells_of(box):
            for other, other_box in self._cells.get(cell, ()):
                if other is not pin and id(other) not in seen and _overlap(box, other_box):
                    seen.add(id(other))
        return len(seen)


def _label_beside(pin: Pin, others: _BoxGrid, frame: MapFrame) -> None:
    """The hover/focus label, sized at its largest: inside the map first, then covering no other marker
    (markers drawn later would hide it), then as close to its marker as that allows."""
    width = max(len(line) for line in pin.label_lines) * LABEL_FONT_MAX * LABEL_CHAR_WIDTH
    height = len(pin.label_lines) * LABEL_LINE_MAX
    best = None
    for shift in (0.0, LABEL_LINE_MAX, 2 * LABEL_LINE_MAX, 3 * LABEL_LINE_MAX):
        reach = PIN_RADIUS_MAX + LABEL_GAP + shift
        for above in (True, False):
            top = pin.y - reach - height if above else pin.y + reach - LABEL_FONT_MAX * 0.2
            for anchor, left in (("start", pin.x - PIN_RADIUS), ("end", pin.x + PIN_RADIUS - width),
                                 ("middle", pin.x - width / 2)):
                box = (left, top, left + width, top + height)
                outside = box[0] < 0 or box[2] > frame.width or box[1] < 0 or box[3] > frame.height
                covered = others.covered(box, pin)
                cost = (outside, covered, shift)
                if best is None or cost < best[0]:
                    best = (cost, above, anchor, left, reach)
    _, pin.label_above, pin.label_anchor, left, reach = best
    pin.label_x = {"start": left, "end": left + width, "middle": left + width / 2}[pin.label_anchor]
    pin.label_y = pin.y - reach if pin.label_above else pin.y + reach


def _pin_box(pin: Pin) -> tuple[float, float, float, float]:
    return pin.x - PIN_RADIUS_MAX, pin.y - PIN_RADIUS_MAX, pin.x + PIN_RADIUS_MAX, pin.y + PIN_RADIUS_MAX


def _links(places: list[Place], frame: MapFrame, t: Translate, countries: dict) -> list[Link]:
    """One link per pair of regions whose partners share projects, drawn along the great circles."""
    def side(place: Place) -> tuple[str, str]:
        return place.country, place.region

    shared: dict[tuple, set] = {}
    arcs: dict[tuple, list[tuple[Place, Place]]] = {}
    for i, a in enumerate(places):
        for b in places[i + 1:]:
            if side(a) == side(b):
                continue
            projects = {part.project.id for pa in a.partners for part in pa.projects} & \
                       {part.project.id for pb in b.partners for part in pb.projects}
            if projects:
                key = (side(a), side(b)) if (a.x, a.y) <= (b.x, b.y) else (side(b), side(a))
                shared.setdefault(key, set()).update(projects)
                arcs.setdefault(key, []).append((a, b))
    links = []
    for key, projects in shared.items():
        west = sorted({p.city for pair in arcs[key] for p in pair if side(p) == key[0]})
        east = sorted({p.city for pair in arcs[key] for p in pair if side(p) == key[1]})
        side_a = t("map.side", region=key[0][1], places=t.join(west))
        side_b = t("map.side", region=key[1][1], places=t.join(east))
        regions = t("map.link", a=key[0][1], b=key[1][1])
        count = t.plural("map.joint_projects", len(projects))
        points = [[frame.point(*ll) for ll in great_circle((a.longitude, a.latitude), (b.longitude, b.latitude))]
                  for a, b in arcs[key]]
        link = Link(side_a, side_b, len(projects), regions, count, [_path(line) for line in points])
        longest = max(points, key=lambda line: math.dist(line[0], line[-1]))
        link.label_x, link.label_y = longest[len(longest) // 2]
        links.append(link)
    return sorted(links, key=lambda link: -link.projects)


def _path(points: list[tuple[float, float]]) -> str:
    head, *rest = points
    return f"M{head[0]:.1f} {head[1]:.1f}" + "".join(f"L{x:.1f} {y:.1f}" for x, y in rest)


def _place_labels(places: list[Place], pins: list[Pin], frame: MapFrame) -> None:
    """City names (wide screens): below, beside or above the place, wherever nothing else is.

    Above comes last: the rows of grouped markers and their leaders stand there.
    """
    taken = [(p.x - PIN_RADIUS, p.y - PIN_RADIUS, p.x + PIN_RADIUS, p.y + PIN_RADIUS) for p in pins]
    for place in places:
        width = len(place.city) * PLACE_FONT * PLACE_CHAR_WIDTH
        gap = PIN_RADIUS + 3
        below, beside = place.y + gap + PLACE_FONT * 0.8, place.y + PLACE_FONT * 0.35
        candidates = [
            ("middle", place.x, below), ("start", place.x - 4, below), ("end", place.x + 4, below),
            ("start", place.x + gap, beside), ("end", place.x - gap, beside),
            ("middle", place.x, place.y - gap),
        ]
        for anchor, x, y in candidates:
            left = x - width / 2 if anchor == "middle" else x if anchor == "start" else x - width
            box = (left, y - PLACE_FONT * 0.8, left + width, y + PLACE_FONT * 0.25)
            inside = box[0] >= 0 and box[2] <= frame.width and box[1] >= 0 and box[3] <= frame.height
            if inside and not any(_overlap(box, other) for other in taken):
                break
        place.label, place.label_anchor, place.label_x, place.label_y = place.city, anchor, x, y
        taken.append(box)


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _description(places: list[Place], links: list[Link], unplaced: list[Partner], t: Translate) -> str:
    located = sum(len(p.partners) for p in places)
    parts = [t.plural("map.located", located, places=t.join([p.city for p in places]))] if located else []
    if links:
        parts.append(t("map.cooperation", links=t.join([f"{link.regions} ({link.count})" for link in links])))
    if unplaced:
        parts.append(t("map.unplaced", names=t.join([p.name[t.lang] for p in unplaced])))
    return " ".join(parts)
