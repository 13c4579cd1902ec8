"""Draw the illustrations of the sample data (assets/images/): the project has no photos it may publish.

Each is drawn with Pillow from shapes, light and grain, at 2400x1600 then saved at 1920x1280, so that
the site shows its picture pipeline at work (widths, WebP, link previews). Run once:
`.venv/bin/python -m tools.draw_sample_pictures`; the files are committed.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SIZE = (2400, 1600)
SAVED = (1920, 1280)  # about 300 KB each in JPEG: the repository stays small
OUT = Path(__file__).resolve().parent.parent / "assets" / "images"


def gradient(top: tuple[int, int, int], bottom: tuple[int, int, int], size=SIZE) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def grain(image: Image.Image, amount: int = 6) -> Image.Image:
    noise = Image.effect_noise(image.size, amount).convert("RGB")
    return ImageChops.add(ImageChops.subtract(image, Image.new("RGB", image.size, (amount,) * 3)), noise, 1, -122)


def glow(image: Image.Image, spots, radius: int) -> Image.Image:
    layer = Image.new("RGB", image.size, "black")
    draw = ImageDraw.Draw(layer)
    for x, y, r, colour in spots:
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    return ImageChops.screen(image, layer.filter(ImageFilter.GaussianBlur(radius)))


def symposium_hall(rng: random.Random) -> Image.Image:
    """A lecture hall seen from the back: rows of seats, a bright screen, warm ceiling lights."""
    width, height = SIZE
    image = gradient((38, 30, 40), (14, 12, 18))
    draw = ImageDraw.Draw(image)
    draw.polygon([(760, 330), (1640, 330), (1600, 820), (800, 820)], fill=(210, 225, 240))  # the screen
    draw.rectangle((0, 900, width, height), fill=(40, 26, 24))  # the floor
    for row in range(11):
        y = 960 + row * row * 6 + row * 36
        depth = 1 + row * 0.5
        for seat in range(-14, 15):
            x = width / 2 + seat * 64 * depth
            w, h = 26 * depth, 34 * depth
            shade = 70 + rng.randint(-12, 12) + row * 4
            draw.rounded_rectangle((x - w, y - h, x + w, y + h * 0.6), radius=int(8 * depth),
                                  fill=(shade + 40, shade // 2, shade // 2))
    image = glow(image, [(x, 120, 26, (255, 214, 150)) for x in range(150, width, 300)], 24)
    image = glow(image, [(1200, 575, 520, (70, 90, 120))], 160)
    return grain(image.filter(ImageFilter.GaussianBlur(2.2)))


def data_lake(rng: random.Random) -> Image.Image:
    """A still lake at dusk under a grid of lights, their reflections broken by ripples."""
    width, height = SIZE
    sky = gradient((22, 44, 92), (240, 150, 110), (width, 900))
    water = gradient((120, 90, 110), (10, 28, 60), (width, height - 900))
    image = Image.new("RGB", SIZE)
    image.paste(sky, (0, 0))
    image.paste(water, (0, 900))
    draw = ImageDraw.Draw(image)
    draw.polygon([(0, 900), (380, 820), (700, 870), (1100, 790), (1500, 860), (1900, 800), (width, 880),
                  (width, 905), (0, 905)], fill=(18, 24, 40))  # the far shore
    lights = [(x, y, 7, (150, 220, 255)) for x in range(140, width, 160) for y in range(160, 700, 130)
              if rng.random() < 0.55]
    image = glow(image, lights, 6)
    reflection = image.crop((0, 0, width, 900)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    reflection = reflection.resize((width, height - 905)).filter(ImageFilter.GaussianBlur(5))
    ripples = Image.new("L", reflection.size, 0)
    ripple_draw = ImageDraw.Draw(ripples)
    for y in range(0, reflection.height, 9):
        ripple_draw.line((0, y, width, y + rng.randint(-3, 3)), fill=rng.randint(60, 140), width=3)
    water_now = image.crop((0, 905, width, height))
    image.paste(Image.composite(reflection, water_now, ripples.filter(ImageFilter.GaussianBlur(1.5))), (0, 905))
    return grain(image)


def learning_network(rng: random.Random) -> Image.Image:
    """Points of light joined into a network over a soft teal field: people learning together."""
    width, height = SIZE
    image = gradient((12, 70, 84), (8, 24, 44))
    nodes = [(rng.randint(80, width - 80), rng.randint(80, height - 80)) for _ in range(70)]
    lines = Image.new("RGB", SIZE, "black")
    draw = ImageDraw.Draw(lines)
    for index, (x, y) in enumerate(nodes):
        for ox, oy in sorted(nodes, key=lambda n: (n[0] - x) ** 2 + (n[1] - y) ** 2)[1:4]:
            draw.line((x, y, ox, oy), fill=(60, 150, 150), width=3)
    image = ImageChops.screen(image, lines.filter(ImageFilter.GaussianBlur(1.2)))
    image = glow(image, [(x, y, rng.randint(8, 22), (255, 220, 160)) for x, y in nodes], 10)
    image = glow(image, [(width * 0.7, height * 0.35, 420, (30, 80, 90))], 200)
    return grain(image)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in (("munich-symposium", symposium_hall), ("data-lake", data_lake),
                       ("digital-health-training", learning_network)):
        picture = draw(random.Random(name)).resize(SAVED, Image.Resampling.LANCZOS)
        picture.save(OUT / f"{name}.jpg", "JPEG", quality=82, optimize=True, progressive=True)
        print(OUT / f"{name}.jpg", (OUT / f"{name}.jpg").stat().st_size)


if __name__ == "__main__":
    main()
