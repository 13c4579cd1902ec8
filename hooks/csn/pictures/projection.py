"""The map's projection: longitude and latitude -> x and y of the picture.

The generator of the base map (tools/make_world_map.py) and the build both use
this module with the parameters stored in basemap.json, so the partners land
exactly where the coastlines were drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Below this latitude the conic projection runs off to infinity; nothing there is on our map.
SOUTHERNMOST = -80.0


@dataclass(frozen=True)
class ConicConformal:
    """Lambert's conformal conic on the sphere: true shapes, little distortion between its two parallels.

    It suits a band of middle latitudes as wide as the North Atlantic, from the Great Lakes to Bavaria.
    """

    central_meridian: float
    parallels: tuple[float, float]
    origin_latitude: float

    def _n_f(self) -> tuple[float, float]:
        phi1, phi2 = (math.radians(p) for p in self.parallels)
        if math.isclose(phi1, phi2):
            n = math.sin(phi1)
        else:
            n = math.log(math.cos(phi1) / math.cos(phi2)) / math.log(
                math.tan(math.pi / 4 + phi2 / 2) / math.tan(math.pi / 4 + phi1 / 2))
        f = math.cos(phi1) * math.tan(math.pi / 4 + phi1 / 2) ** n / n
        return n, f

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        """Unscaled plane coordinates, y growing northwards."""
        n, f = self._n_f()
        phi = math.radians(max(lat, SOUTHERNMOST))
        rho = f / math.tan(math.pi / 4 + phi / 2) ** n
        rho0 = f / math.tan(math.pi / 4 + math.radians(self.origin_latitude) / 2) ** n
        delta = math.radians(((lon - self.central_meridian + 180) % 360) - 180)
        return rho * math.sin(n * delta), rho0 - rho * math.cos(n * delta)


@dataclass(frozen=True)
class MapFrame:
    """The projection, then a scale and shift into the picture's box (y growing downwards)."""

    projection: ConicConformal
    scale: float
    left: float  # plane x at the picture's left edge
    top: float  # plane y at the picture's top edge
    width: float
    height: float

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.projection(lon, lat)
        return (x - self.left) * self.scale, (self.top - y) * self.scale

    def to_json(self) -> dict:
        p = self.projection
        return {"projection": {"name": "conic_conformal", "central_meridian": p.central_meridian,
                               "parallels": list(p.parallels), "origin_latitude": p.origin_latitude},
                "scale": self.scale, "left": self.left, "top": self.top, "width": self.width, "height": self.height}

    @classmethod
    def from_json(cls, data: dict) -> MapFrame:
        p = data["projection"]
        projection = ConicConformal(p["central_meridian"], tuple(p["parallels"]), p["origin_latitude"])
        return cls(projection, data["scale"], data["left"], data["top"], data["width"], data["height"])

    @classmethod
    def around(cls, projection: ConicConformal, west: float, south: float, east: float, north: float,
               width: float) -> MapFrame:
        """The smallest box holding the whole lon/lat rectangle, `width` units wide."""
        edge = [(west + (east - west) * i / 64, lat) for i in range(65) for lat in (south, north)]
        edge += [(lon, south + (north - south) * i / 64) for i in range(65) for lon in (west, east)]
        xs, ys = zip(*(projection(lon, lat) for lon, lat in edge))
        scale = width / (max(xs) - min(xs))
        return cls(projection, scale, min(xs), max(ys), width, round((max(ys) - min(ys)) * scale, 1))


def great_circle(start: tuple[float, float], end: tuple[float, float], steps: int = 48) -> list[tuple[float, float]]:
    """Points (lon, lat) along the shortest way on the globe between two (lon, lat) points."""
    def vector(lon: float, lat: float) -> tuple[float, float, float]:
        lam, phi = math.radians(lon), math.radians(lat)
        return math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)

    a, b = vector(*start), vector(*end)
    angle = math.acos(max(-1.0, min(1.0, sum(p * q for p, q in zip(a, b)))))
    if angle < 1e-9:
        return [start, end]
    points = []
    for i in range(steps + 1):
        t = i / steps
        wa, wb = math.sin((1 - t) * angle) / math.sin(angle), math.sin(t * angle) / math.sin(angle)
        x, y, z = (wa * p + wb * q for p, q in zip(a, b))
        points.append((math.degrees(math.atan2(y, x)), math.degrees(math.atan2(z, math.hypot(x, y)))))
    return points
