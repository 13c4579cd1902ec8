"""The build's pictures: each raster image the data uses, processed once per content and kept in a cache.

A picture's files are made in `.cache/pictures/<key>/`, where the key is a hash of the
source's bytes and of everything that shapes the result (widths, qualities, Pillow's
version): a build where no picture changed reads a small manifest per picture and
decodes nothing. A picture that cannot be read is remembered there too, so that its
problem is told again without decoding it again. `make clean` removes the folder.
The published files are named after the source and the key
(`assets/pictures/munich-symposium-3f2a9c1b7e-800.webp`): a changed picture gets new
addresses, so that a browser never shows an old copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import PIL

from csn.data.dates import CONSORTIUM_YEARS, YearRange
from csn.data.errors import DataError, Problem
from csn.data.load import load_site
from csn.data.model import Picture, Site
from csn.messages import Message
from csn.pictures.picture_render import (
    COPIED_SUFFIXES,
    RENDER_VERSION,
    PictureError,
    Rendered,
    Variant,
    render_picture,
)

CACHE_FOLDER = ".cache/pictures"
# Another cache folder, shared by builds of copies of one project (the tests' copies); empty: the project's.
CACHE_VARIABLE = "CSN_PICTURE_CACHE"
PUBLISHED_FOLDER = "assets/pictures"
DIGESTS_FILE = "digests.json"
MANIFEST = "manifest.json"
# Pillow decodes, resizes and encodes without holding Python's lock: two threads use two cores.
WORKERS = 2


@dataclass(frozen=True)
class Published:
    """One file of a picture, at its address from the site root."""

    path: str
    width: int
    height: int
    type: str


@dataclass(frozen=True)
class Rendition:
    """What a page needs to show a picture: `<source>`s by type, the fallback `<img>` and the link preview."""

    width: int
    height: int
    sources: tuple[tuple[str, tuple[Published, ...]], ...]  # (MIME type, variants by width), WebP first
    fallback: tuple[Published, ...]  # in the source's format, by width
    preview: Published | None  # 1200x630 (og:image), for photos

    @property
    def img(self) -> Published:
        """The largest fallback: the `src` of the `<img>`, for browsers without `srcset`."""
        return self.fallback[-1]


@dataclass
class Work:
    """What the last processing did: the pictures made and those taken from the cache."""

    made: int = 0
    reused: int = 0


last_work = Work()


def load_site_with_pictures(data_dir: Path, today=None, reuse=None, years: YearRange = CONSORTIUM_YEARS) -> Site:
    """`load_site`, then every picture processed (or taken from the cache) and attached to its record.

    A picture whose pixels cannot be read is a problem on its `src` line like any other, told at once with
    the data's other problems: when those stop the load, the pictures checked so far are processed still."""
    project_dir = data_dir.parent
    try:
        site = load_site(data_dir, today, reuse, years)
    except DataError as error:
        problems = process_pictures(error.pictures, project_dir)[1]
        if problems:
            raise DataError(error.problems + problems) from None
        raise
    problems = process_site_pictures(site, project_dir)
    if problems:
        raise DataError(problems)
    return site


def process_site_pictures(site: Site, project_dir: Path) -> list[Problem]:
    """Process the site's pictures and the images of its texts; fill `picture_files` and `picture_work`."""
    site.assets, copies, problems = clean_assets(site.assets, project_dir)
    published = [r.image for r in (*site.projects, *site.news, *site.partners) if r.image is not None]
    scheduled = [item.image for item in site.scheduled if item.image is not None]
    site.picture_files, picture_problems = process_pictures(published + scheduled, project_dir, published)
    site.picture_files.update(copies)
    site.picture_work = (last_work.made, last_work.reused)
    return problems + picture_problems


def process_pictures(pictures: list[Picture], project_dir: Path,
                     published: list[Picture] | None = None) -> tuple[dict[str, Path], list[Problem]]:
    """Process every raster picture (each distinct file once), attach its Rendition, and return the files
    to publish (of `published`, all by default: a scheduled item's picture is checked, not published)
    with the problems of pictures that cannot be read, each on the line that names it."""
    global last_work
    cache = PictureCache(Path(os.environ.get(CACHE_VARIABLE) or project_dir / CACHE_FOLDER))
    jobs = sorted({(p.src, p.purpose) for p in pictures if not p.is_svg})
    results = _map(lambda job: cache.rendered(project_dir / job[0], job[1]), jobs)
    outcome = dict(zip(jobs, results))
    problems = []
    for picture in pictures:
        if picture.is_svg:
            continue
        key, rendered = outcome[(picture.src, picture.purpose)]
        if isinstance(rendered, Message):
            problems.append(Problem(picture.file, picture.line, picture.field,
                                    Message("picture.about", src=picture.src, reason=rendered)))
        else:
            picture.rendition = _rendition(picture.src, key, rendered)
    cache.save_digests()
    last_work = Work(cache.made, cache.reused)
    files: dict[str, Path] = {}
    for picture in pictures if published is None else published:
        if picture.rendition is not None:
            key = outcome[(picture.src, picture.purpose)][0]
            for published_file in _files_of(picture.rendition):
                files[published_file.path] = cache.folder / key / published_file.path.rsplit("-", 1)[1]
    return files, problems


def clean_assets(assets: list[str], project_dir: Path) -> tuple[list[str], dict[str, Path], list[Problem]]:
    """The images of Markdown texts, published at their own path: JPEG, PNG and WebP ones as clean copies
    (no metadata, upright, sRGB); the others (SVG, GIF, AVIF) as they are. Returns the paths still to
    publish as they are, the clean copies by path, and the problems of images that cannot be read."""
    cache = PictureCache(Path(os.environ.get(CACHE_VARIABLE) or project_dir / CACHE_FOLDER))
    raster = [path for path in assets if Path(path).suffix.lower() in COPIED_SUFFIXES]
    results = _map(lambda path: cache.rendered(project_dir / path, "copy"), raster)
    cache.save_digests()
    copies, problems = {}, []
    for path, (key, rendered) in zip(raster, results):
        if isinstance(rendered, Message):
            problems.append(Problem(path, 0, "", Message("picture.about", src=path, reason=rendered)))
        else:
            copies[path] = cache.folder / key / rendered.variants[0].name
    return [path for path in assets if path not in raster], copies, problems


def _map(function, items: list) -> list:
    if len(items) < 2:
        return [function(item) for item in items]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(function, items))


def _files_of(rendition: Rendition) -> list[Published]:
    files = [variant for _, variants in rendition.sources for variant in variants] + list(rendition.fallback)
    return files + ([rendition.preview] if rendition.preview else [])


def published_name(src: str, key: str, variant: Variant) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", Path(src).stem.lower()).strip("-")[:60] or "picture"
    return f"{PUBLISHED_FOLDER}/{stem}-{key[:10]}-{variant.name}"


def _published(src: str, key: str, variant: Variant) -> Published:
    return Published(published_name(src, key, variant), variant.width, variant.height, variant.type)


def _rendition(src: str, key: str, rendered: Rendered) -> Rendition:
    webp = tuple(_published(src, key, v) for v in rendered.in_type("image/webp"))
    fallback = tuple(_published(src, key, v) for v in rendered.fallback)
    preview = _published(src, key, rendered.preview) if rendered.preview else None
    return Rendition(rendered.width, rendered.height, (("image/webp", webp),), fallback, preview)


class PictureCache:
    """The processed pictures of a project, by content and parameters."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.made = self.reused = 0
        self._lock = threading.Lock()
        self._digests: dict[str, str] = {}
        self._digests_changed = False
        try:
            self._digests = json.loads((folder / DIGESTS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass

    def digest(self, source: Path) -> str:
        """The hash of the file's bytes; remembered by path, size and time so that an unchanged file is not
        read again."""
        stat = source.stat()
        stamp = f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
        known = self._digests.get(stamp)
        if known:
            return known
        with source.open("rb") as stream:
            value = hashlib.file_digest(stream, "sha256").hexdigest()
        with self._lock:
            self._digests[stamp] = value
            self._digests_changed = True
        return value

    def rendered(self, source: Path, purpose: str) -> tuple[str, Rendered | Message]:
        """(the cache key, the files made or why the picture cannot be read), made at most once per key."""
        key = hashlib.sha256(f"{self.digest(source)}|{purpose}|{RENDER_VERSION}|{PIL.__version__}".encode()
                             ).hexdigest()[:32]
        folder = self.folder / key
        known = _read_manifest(folder)
        if known is not None:
            with self._lock:
                self.reused += 1
            return key, known
        self.folder.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=".making-", dir=self.folder))
        try:
            try:
                result: Rendered | Message = render_picture(source, building, purpose)
                manifest = {"width": result.width, "height": result.height,
                            "variants": [[v.name, v.width, v.height] for v in result.variants],
                            "preview": [result.preview.name, result.preview.width, result.preview.height]
                            if result.preview else None}
            except PictureError as error:
                result = error.message
                manifest = {"problem": {"code": result.code, "params": dict(result.params)}}
            (building / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
            try:
                os.rename(building, folder)  # whole or absent: another build may be making the same key
            except OSError:
                if _read_manifest(folder) is None:  # a damaged folder (files removed by hand): replaced
                    shutil.rmtree(folder, ignore_errors=True)
                    os.rename(building, folder)
        finally:
            shutil.rmtree(building, ignore_errors=True)
        with self._lock:
            self.made += 1
        return key, result

    def save_digests(self) -> None:
        if not self._digests_changed:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".digests-", dir=self.folder)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(self._digests, stream)
        os.replace(temporary, self.folder / DIGESTS_FILE)


def _read_manifest(folder: Path) -> Rendered | Message | None:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if "problem" in manifest:
            return Message(manifest["problem"]["code"], **manifest["problem"]["params"])
        variants = tuple(Variant(name, width, height) for name, width, height in manifest["variants"])
        preview = Variant(*manifest["preview"]) if manifest["preview"] else None
        if not all((folder / v.name).is_file() for v in (*variants, *([preview] if preview else []))):
            return None
        return Rendered(manifest["width"], manifest["height"], variants, preview)
    except (OSError, ValueError, KeyError, TypeError):
        return None
