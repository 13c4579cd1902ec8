"""Generate hooks/csn/pictures/basemap.json: the coastlines and borders behind the partner map.

Run by `make world-map` (which installs the source first with `npm ci`). The
source is Natural Earth's 1:50m Admin-0 countries, public domain, as the
TopoJSON of the npm package `world-atlas`. This script decodes its arcs,
projects them once with hooks/csn/pictures/projection.py, simplifies them and clips
them to the North Atlantic frame, and writes compact SVG path data. The site
build only reads the result: it never needs npm.

    python tools/make_world_map.py            # write hooks/csn/pictures/basemap.json
    python tools/make_world_map.py --check    # exit 1 when the committed file is out of date
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from csn.pictures.projection import ConicConformal, MapFrame

SOURCE_PACKAGE = ROOT / "node_modules" / "world-atlas"
SOURCE_FILE = "countries-50m.json"
OUTPUT = ROOT / "hooks" / "csn" / "pictures" / "basemap.json"

# The frame: from the Great Lakes to Central Europe, with Greenland between them.
PROJECTION = ConicConformal(central_meridian=-32.0, parallels=(38.0, 58.0), origin_latitude=48.0)
WEST, SOUTH, EAST, NORTH = -86.0, 39.0, 20.0, 58.0
WIDTH = 1000.0
TOLERANCE = 0.45  # simplification, in picture units (the picture is WIDTH units wide)
MIN_RING_AREA = 2.0  # islands smaller than this (square units) vanish at this scale
GRATICULE_STEP = 10  # degrees between the lines of latitude and longitude
MARGIN = 4.0  # clip a little outside the frame so that strokes do not end at its edge

Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """TopoJSON's quantized, delta-encoded arcs -> lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_indexes(geometry: dict) -> list[list[list[int]]]:
    """The rings of a Polygon or MultiPolygon, each a list of arc indexes (~i means reversed)."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative (long arcs would overflow recursion)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length2 == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
                d2 = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
            if d2 > worst:
                worst, index = d2, i
        if index >= 0 and worst > tolerance * tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep) if kept]


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc[1:] if points else arc
    return points


def area(points: list[Point]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def clip_polygon(points: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman against a rectangle: what of a filled ring lies inside the frame."""
    x0, y0, x1, y1 = box
    edges = [(lambda p: p[0] >= x0, lambda a, b: _cut_x(a, b, x0)),
             (lambda p: p[0] <= x1, lambda a, b: _cut_x(a, b, x1)),
             (lambda p: p[1] >= y0, lambda a, b: _cut_y(a, b, y0)),
             (lambda p: p[1] <= y1, lambda a, b: _cut_y(a, b, y1))]
    for inside, cut in edges:
        if not points:
            break
        output = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    output.append(cut(previous, point))
                output.append(point)
            elif inside(previous):
                output.append(cut(previous, point))
            previous = point
        points = output
    return points


def _cut_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _cut_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def clip_line(points: list[Point], box: tuple[float, float, float, float]) -> list[list[Point]]:
    """The pieces of a polyline inside the frame (Liang-Barsky on each segment)."""
    pieces: list[list[Point]] = []
    current: list[Point] = []
    for a, b in itertools.pairwise(points):
        segment = _clip_segment(a, b, box)
        if segment is None:
            if current:
                pieces.append(current)
                current = []
            continue
        start, end = segment
        if current and current[-1] == start:
            current.append(end)
        else:
            if current:
                pieces.append(current)
            current = [start, end]
        if end != b:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return [piece for piece in pieces if len(piece) > 1]


def _clip_segment(a: Point, b: Point, box) -> tuple[Point, Point] | None:
    x0, y0, x1, y1 = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    start = a if low == 0 else (a[0] + low * dx, a[1] + low * dy)
    end = b if high == 1 else (a[0] + high * dx, a[1] + high * dy)
    return start, end


def path_data(lines: list[list[Point]], closed: bool) -> str:
    """Compact SVG path data: an absolute move, then relative lines, on a 0.1-unit grid."""
    parts = []
    for line in lines:
        grid = [(round(x * 10), round(y * 10)) for x, y in line]
        deduped = [grid[0]] + [p for p, q in zip(grid[1:], grid) if p != q]
        if len(deduped) < 2:
            continue
        (x, y), rest = deduped[0], deduped[1:]
        steps = " ".join(f"{_n(bx - ax)} {_n(by - ay)}" for (ax, ay), (bx, by) in zip(deduped, rest))
        parts.append(f"M{_n(x)} {_n(y)}l{steps}{'z' if closed else ''}")
    return "".join(parts)


def _n(tenths: int) -> str:
    """A number of tenths, written as short as SVG allows: 12.3 -> '12.3', 0.5 -> '.5', 2 -> '2'."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    text = f"{whole}.{tenth}" if tenth else f"{whole}"
    return sign + (text[1:] if text.startswith("0.") else text)


def graticule(frame: MapFrame, box) -> list[list[Point]]:
    lines = []
    for lon in range(-180, 180, GRATICULE_STEP):
        lines.append([frame.point(lon, lat / 2) for lat in range(2 * 80 + 1)])
    for lat in range(GRATICULE_STEP, 90, GRATICULE_STEP):
        lines.append([frame.point(lon / 2, lat) for lon in range(-360, 361)])
    return [piece for line in lines for piece in clip_line(simplify(line, TOLERANCE), box)]


def build_basemap(topology: dict, package_version: str) -> dict:
    frame = MapFrame.around(PROJECTION, WEST, SOUTH, EAST, NORTH, WIDTH)
    box = (-MARGIN, -MARGIN, frame.width + MARGIN, frame.height + MARGIN)
    # Project every arc once and simplify it once: neighbours share arcs, so they stay joined.
    projected = [simplify([frame.point(lon, lat) for lon, lat in arc], TOLERANCE) for arc in decode_arcs(topology)]
    land_rings, coast_arcs = [], set()
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in arc_indexes(geometry):
            for ring in polygon:
                coast_arcs.update(i if i >= 0 else ~i for i in ring)
                points = ring_points(ring, projected)
                if area(points) >= MIN_RING_AREA:  # smaller islands vanish at this scale
                    clipped = clip_polygon(points, box)
                    if len(clipped) > 2 and area(clipped) >= MIN_RING_AREA:
                        land_rings.append(clipped)
    border_arcs = set()
    for geometry in topology["objects"]["countries"]["geometries"]:
        for polygon in arc_indexes(geometry):
            for ring in polygon:
                border_arcs.update(i if i >= 0 else ~i for i in ring)
    border_arcs -= coast_arcs  # an arc inside the land is a border between two countries

    def lines(indexes):
        return [piece for i in sorted(indexes) for piece in clip_line(projected[i], box)]

    return {
        "source": f"Natural Earth 1:50m Admin-0 countries (public domain), from the npm package "
                  f"world-atlas {package_version} ({SOURCE_FILE})",
        "generator": "tools/make_world_map.py",
        "frame": frame.to_json(),
        # Stroked, the land is its coastline: its cuts along the frame lie outside the picture (MARGIN).
        "land": path_data(land_rings, closed=True),
        "borders": path_data(lines(border_arcs), closed=False),
        "graticule": path_data(graticule(frame, box), closed=False),
    }


def render(package: Path = SOURCE_PACKAGE) -> str:
    source = package / SOURCE_FILE
    if not source.is_file():
        raise SystemExit(f"{source} is missing: run `make world-map` (it installs world-atlas with `npm ci`)")
    topology = json.loads(source.read_text(encoding="utf-8"))
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    return json.dumps(build_basemap(topology, version), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the committed file is up to date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run `make world-map` and commit it", file=sys.stderr)
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is up to date.")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(text.encode()) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
