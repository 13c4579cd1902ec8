"""`make bench-pictures`: what pictures cost the build, first with an empty cache, then with a full one.

A copy of the project gets PHOTOS news items, each with its own camera-sized photo (4000x3000 JPEG,
quality 90, grain in it as a sensor's, so that it weighs what a real one does). Measured, each build in
its own process: the copy without those items (the reference), the first build (every photo processed),
then the next builds (nothing changed: every photo taken from the cache). The table is printed and
written to test-output/bench-pictures.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from .measure import Run, run
from .workspace import copy_project

PROJECT_DIR = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "docs", "data", "assets", "overrides", "hooks")  # the real site, its pictures included
SITE_URL = "https://csn.example.org/"
SIZE = (4000, 3000)
REPORT = PROJECT_DIR / "test-output" / "bench-pictures.md"

NEWS = """\
date: 2024-03-{day:02d}
title:
  fr: Photo de banc d'essai {n}
  en: Benchmark photo {n}
slug:
  fr: photo-banc-{n}
  en: bench-photo-{n}
summary:
  fr: Une actualité du banc d'essai des images.
  en: A news item of the pictures' benchmark.
body:
  fr: Texte.
  en: Text.
image:
  src: assets/bench/photo-{n}.jpg
  alt:
    fr: Photo de banc d'essai numéro {n}
    en: Benchmark photo number {n}
"""


def write_photos(project: Path, count: int) -> float:
    """`count` different photos and their news items; returns the photos' total size in MB."""
    folder = project / "assets" / "bench"
    folder.mkdir(parents=True)
    grain = Image.effect_noise(SIZE, 40).convert("RGB")
    scene = Image.linear_gradient("L").resize(SIZE).convert("RGB")
    total = 0
    for n in range(count):
        picture = ImageChops.multiply(scene, Image.new("RGB", SIZE, (120 + n * 2 % 130, 160, 220 - n % 90)))
        draw = ImageDraw.Draw(picture)
        for index in range(12):
            x, y = (n * 337 + index * 911) % SIZE[0], (n * 191 + index * 577) % SIZE[1]
            draw.ellipse((x, y, x + 600, y + 450), fill=((n * 40 + index * 70) % 255, 120, (index * 50) % 255))
        picture = ImageChops.overlay(picture.filter(ImageFilter.GaussianBlur(6)), grain)
        path = folder / f"photo-{n}.jpg"
        picture.save(path, "JPEG", quality=90)
        total += path.stat().st_size
        (project / "data" / "news" / f"2024-03-bench-{n}.yml").write_text(
            NEWS.format(n=n, day=n % 28 + 1), encoding="utf-8")
    return total / 1e6


def build(project: Path) -> Run:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "CSN_PICTURE_CACHE")}
    env.update(NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL, PYTHONPATH=str(project / "hooks"), CSN_LANG="en")
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
               project, env)


def work(output: str) -> str:
    found = re.search(r"Pictures processed: (\d+), taken from the cache: (\d+)", output)
    return f"{found[1]} processed, {found[2]} from the cache" if found else "no picture"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3, help="next builds measured")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="csn-bench-pictures-") as root:
        reference = copy_project(Path(root) / "reference", COPIED)
        project = copy_project(Path(root) / "project", COPIED)
        megabytes = write_photos(project, arguments.photos)
        rows = [("reference: no photo", build(reference))]
        rows.append(("first build: empty cache", build(project)))
        cache_mb = sum(p.stat().st_size for p in (project / ".cache").rglob("*") if p.is_file()) / 1e6
        nexts = [build(project) for _ in range(arguments.repeat)]
        middle = sorted(nexts, key=lambda r: r.seconds)[len(nexts) // 2]
        rows.append((f"next build: nothing changed (median of {len(nexts)})", middle))
        published = [p for p in (project / "site" / "assets" / "pictures").iterdir() if "photo-" in p.name]
        per_photo_kb = sum(p.stat().st_size for p in published) / arguments.photos / 1e3
    lines = [(f"Pictures: {arguments.photos} photos of {SIZE[0]}x{SIZE[1]} ({megabytes:.0f} MB of JPEG), "
             f"{platform.python_version()}, {os.cpu_count()} cores"), "",
             "| build | wall time | CPU time | peak memory | picture work |", "|---|---|---|---|---|"]
    lines += [f"| {label} | {r.seconds:.1f} s | {r.cpu_seconds:.1f} s | {r.peak_mb:.0f} MB | {work(r.output)} |"
              for label, r in rows]
    lines += ["", (f"Published per photo: {len(published) // arguments.photos} files, {per_photo_kb:.0f} kB in all "
              f"(every width and format and the preview); the cache holds {cache_mb:.0f} MB."),
              f"Next builds: {', '.join(f'{r.seconds:.1f} s' for r in nexts)}."]
    text = "\n".join(lines)
    print(text)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text + "\n", encoding="utf-8")
    print(f"(written to {REPORT.relative_to(PROJECT_DIR)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
