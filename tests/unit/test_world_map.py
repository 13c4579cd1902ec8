"""The base map's generator (tools/make_world_map.py) and its committed output."""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.helpers.sitebuild import PROJECT_DIR

TOOL = PROJECT_DIR / "tools" / "make_world_map.py"
spec = importlib.util.spec_from_file_location("make_world_map", TOOL)
make_world_map = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_world_map)


def test_the_committed_base_map_is_what_the_generator_writes():
    """`make test` installs world-atlas with npm ci; a stale basemap.json means: run `make world-map`."""
    assert make_world_map.render() == make_world_map.OUTPUT.read_text(encoding="utf-8")


def test_the_source_is_pinned_without_registry_addresses():
    lock = (PROJECT_DIR / "package-lock.json").read_text(encoding="utf-8")
    assert json.loads(lock)["packages"]["node_modules/world-atlas"]["integrity"].startswith("sha512-")
    assert '"resolved"' not in lock
    # No address but the packages' funding pages, which npm keeps in the lock (@sveltia/cms has one).
    packages = json.loads(lock)["packages"]
    assert "://" not in json.dumps({name: {key: value for key, value in entry.items() if key != "funding"}
                                    for name, entry in packages.items()})
    assert "omit-lockfile-registry-resolved=true" in (PROJECT_DIR / ".npmrc").read_text()


def test_the_base_map_stays_inside_its_frame_and_is_compact():
    data = json.loads(make_world_map.OUTPUT.read_text(encoding="utf-8"))
    frame = data["frame"]
    assert frame["width"] == 1000 and 300 < frame["height"] < 450
    assert len(make_world_map.OUTPUT.read_bytes()) < 48_000
    for key in ("land", "borders", "graticule"):
        moves = [part.split("l")[0].split() for part in data[key].split("M")[1:]]
        assert moves, key
        for x, y in moves:
            assert -5 <= float(x) <= frame["width"] + 5 and -5 <= float(y) <= frame["height"] + 5, (key, x, y)
    assert "Natural Earth" in data["source"] and "world-atlas" in data["source"]


def test_arcs_decode_from_quantized_deltas():
    topology = {"transform": {"scale": [0.5, 0.25], "translate": [-180, -90]}, "arcs": [[[0, 0], [2, 4], [-1, 0]]]}
    assert make_world_map.decode_arcs(topology) == [[(-180, -90), (-179, -89), (-179.5, -89)]]


def test_simplify_keeps_the_ends_and_drops_what_does_not_show():
    line = [(0, 0), (1, 0.1), (2, -0.1), (3, 0), (3, 5)]
    assert make_world_map.simplify(line, 0.45) == [(0, 0), (3, 0), (3, 5)]


def test_clipping_cuts_polygons_and_lines_at_the_frame():
    square = [(-10, -10), (10, -10), (10, 10), (-10, 10)]
    clipped = make_world_map.clip_polygon(square, (0, 0, 20, 20))
    assert make_world_map.area(clipped) == pytest.approx(100)
    pieces = make_world_map.clip_line([(-5, 5), (25, 5), (25, 8), (-5, 8)], (0, 0, 20, 20))
    assert pieces == [[(0, 5), (20, 5)], [(20, 8), (0, 8)]]


def test_path_data_is_relative_and_short():
    assert make_world_map.path_data([[(1, 2), (1.5, 2), (1.5, 0.5)]], closed=True) == "M1 2l.5 0 0 -1.5z"
    assert make_world_map._n(-5) == "-.5" and make_world_map._n(123) == "12.3"
