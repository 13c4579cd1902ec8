"""Generated covers for projects and news items without a picture: a pattern in the identity's colours.

A cover is a 16:9 field of small shapes that thickens towards one side, like the
wordmark's cross dissolving into pixels. The record's themes choose the shapes
(squares, dots, diamonds), its id seeds where they fall: every record gets its
own cover, the same at every build, recognisably of the same family.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from csn.data.contrast import mix, shade
from csn.data.model import Identity, News, Project

WIDTH, HEIGHT, CELL = 160, 90, 10  # the viewBox, in cells of 10 units: 16 x 9
SHAPES = ("square", "dot", "diamond")
OPACITIES = (".1", ".2", ".35", ".6")


@dataclass(frozen=True)
class Layer:
    fill: str
    opacity: str
    path: str  # SVG path data of every shape of this colour and opacity


@dataclass(frozen=True)
class Cover:
    background: str
    layers: tuple[Layer, ...]
    width: int = WIDTH
    height: int = HEIGHT


def _shape(kind: str, x: int, y: int, size: int) -> str:
    inset = (CELL - size) // 2
    x, y = x + inset, y + inset
    if kind == "dot":
        r = size / 2
        return f"M{x} {y + r:g}a{r:g} {r:g} 0 1 0 {size} 0a{r:g} {r:g} 0 1 0 -{size} 0"
    if kind == "diamond":
        h = size / 2
        return f"M{x + h:g} {y}l{h:g} {h:g} -{h:g} {h:g} -{h:g} -{h:g}z"
    return f"M{x} {y}h{size}v{size}h-{size}z"


def cover_seed(*parts: str) -> bytes:
    """A long enough stream of bytes that depends on the record only."""
    digest = b""
    key = "\0".join(parts).encode("utf-8")
    for round_ in range(WIDTH // CELL * HEIGHT // CELL // 32 + 2):
        digest += hashlib.sha256(key + bytes([round_])).digest()
    return digest


def record_cover(record: Project | News, identity: Identity) -> Cover:
    if isinstance(record, Project):
        themes = [theme.id for theme in record.themes]
        background = shade(identity.primary)
    else:
        themes = sorted({theme.id for project in record.projects for theme in project.themes})
        background = mix(identity.primary, "#000000", 0.15)
    kind = type(record).__name__.lower()
    return draw_cover(cover_seed(kind, record.id, *themes), themes, background, identity.accent)


def draw_cover(seed: bytes, themes: list[str], background: str, accent: str) -> Cover:
    """The shapes of a cover: denser towards the side the seed picks, one shape per theme in bands."""
    shapes = [SHAPES[hashlib.sha256(theme.encode("utf-8")).digest()[0] % len(SHAPES)] for theme in themes] or ["square"]
    columns, rows = WIDTH // CELL, HEIGHT // CELL
    towards_right = seed[-1] % 2 == 0
    paths: dict[tuple[str, str], list[str]] = {}
    for row in range(rows):
        for column in range(columns):
            byte = seed[row * columns + column]
            depth = (column if towards_right else columns - 1 - column) / (columns - 1)  # 0 .. 1
            if byte / 255 > 0.12 + 0.7 * depth:
                continue  # sparse on one side, dense on the other
            shape = shapes[min(len(shapes) - 1, column * len(shapes) // columns)]
            size = 8 if byte % 3 else 6
            fill = accent if byte % 23 == 0 else "#ffffff"
            opacity = "1" if fill == accent else OPACITIES[byte % len(OPACITIES)]
            paths.setdefault((fill, opacity), []).append(_shape(shape, column * CELL, row * CELL, size))
    layers = tuple(Layer(fill, opacity, "".join(parts)) for (fill, opacity), parts in sorted(paths.items()))
    return Cover(background, layers)
