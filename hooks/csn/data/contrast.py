"""Colour contrast as WCAG 2.1 defines it, and the identity's colour pairs that must reach it.

The identity's primary colour is used for links, headings and the navigation
bar's background (white text on it); the accent for the calls to action (white
text on it), highlights and focus rings. Each such pair must reach AA: 4.5:1
for text, 3:1 for large text and for the outlines of controls.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass

from csn.messages import Message

HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
TEXT_RATIO = 4.5  # WCAG 2.1 SC 1.4.3, normal text
LARGE_RATIO = 3.0  # large text (SC 1.4.3), focus outlines and control borders (SC 1.4.11)


@dataclass(frozen=True)
class Pair:
    """A foreground colour drawn on a background, and the ratio its use needs."""

    use: str  # what the pair is on the pages: the code of its words in the editors' messages
    foreground: str
    background: str
    minimum: float


@dataclass(frozen=True)
class Failure:
    pair: Pair
    ratio: float
    suggestion: str  # a colour of the same hue that reaches the minimum on the same background

    def message(self) -> Message:
        darker = relative_luminance(self.suggestion) < relative_luminance(self.pair.foreground)
        return Message("color.contrast_darker" if darker else "color.contrast_lighter", color=self.pair.foreground,
                       use=Message(self.pair.use), ratio=f"{self.ratio:.2f}", background=self.pair.background,
                       minimum=f"{self.pair.minimum:g}", suggestion=self.suggestion.upper(),
                       suggested_ratio=f"{contrast(self.suggestion, self.pair.background):.2f}")


def parse_hex(color: str) -> tuple[int, int, int]:
    if not HEX_COLOR.match(color):
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(channel))):02x}" for channel in rgb)


def relative_luminance(color: str) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour, from 0 (black) to 1 (white)."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in parse_hex(color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """The contrast ratio of two colours, from 1 to 21, whichever is lighter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(color: str, other: str, weight: float) -> str:
    """`color` with `weight` (0..1) of `other` mixed in, channel by channel."""
    return to_hex(tuple(a + (b - a) * weight for a, b in zip(parse_hex(color), parse_hex(other), strict=True)))


def passing_shade(color: str, background: str, minimum: float) -> str:
    """The shade of `color` (same hue and saturation) nearest to it that reaches `minimum` on `background`."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in parse_hex(color)))
    # Away from the background's lightness: darker on a light background, lighter on a dark one.
    step = -0.005 if relative_luminance(background) > 0.18 else 0.005
    while 0 <= lightness <= 1:
        candidate = to_hex(tuple(c * 255 for c in colorsys.hls_to_rgb(hue, lightness, saturation)))
        if contrast(candidate, background) >= minimum:
            return candidate
        lightness += step
    return "#000000" if step < 0 else WHITE


def tint(color: str) -> str:
    """The light background of panels and cards' covers: the colour at 6% on white."""
    return mix(WHITE, color, 0.06)


def shade(color: str) -> str:
    """The dark variant of a colour: hero backgrounds and hovered buttons."""
    return mix(color, "#000000", 0.35)


def identity_pairs(primary: str, accent: str) -> dict[str, list[Pair]]:
    """Every pair the templates draw from the identity's colours, by the colour field it comes from."""
    return {
        "primary": [
            Pair("color.use_links", primary, WHITE, TEXT_RATIO),
            Pair("color.use_panels", primary, tint(primary), TEXT_RATIO),
        ],
        "accent": [
            Pair("color.use_buttons", accent, WHITE, TEXT_RATIO),
            Pair("color.use_focus", accent, tint(primary), LARGE_RATIO),
        ],
    }


def identity_failures(primary: str, accent: str) -> dict[str, Failure]:
    """The first failing pair of each colour field, with a shade that passes all of that field's pairs."""
    colors = {"primary": primary, "accent": accent}
    failures = {}
    for name, pairs in identity_pairs(primary, accent).items():
        failing = [pair for pair in pairs if contrast(pair.foreground, pair.background) < pair.minimum]
        if failing:
            worst = failing[0]
            failures[name] = Failure(worst, contrast(worst.foreground, worst.background),
                                     _shade_passing_all(name, colors))
    return failures


def _shade_passing_all(name: str, colors: dict[str, str]) -> str:
    """A shade of colors[name] that passes every pair of its field, the backgrounds derived from it included."""
    suggestion = colors[name]
    for _ in range(20):  # the panels' tint follows the primary colour: a few rounds settle it
        trial = {**colors, name: suggestion}
        pairs = identity_pairs(trial["primary"], trial["accent"])[name]
        failing = [pair for pair in pairs if contrast(suggestion, pair.background) < pair.minimum]
        if not failing:
            break
        suggestion = passing_shade(suggestion, failing[0].background, failing[0].minimum)
    return suggestion
