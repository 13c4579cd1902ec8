"""Images that data points to (logos, pictures in Markdown): files of the project's `assets/` folder only.

An image is published on the site's own origin, which it shares with
everything else the organisation publishes: an SVG file opened there runs
its scripts like a page would. So a path must stay inside `assets/` (no
`..`, no absolute path, no symbolic link leading out), the file must exist
and be what its extension says, and an SVG file must be self-contained
artwork, decided by an allow-list of elements and attributes (svg_allowlist.py).
"""

from __future__ import annotations

import os
import re
from functools import cached_property
from pathlib import Path, PurePosixPath

from csn.data.file_stamps import folders_stamp
from csn.data.picture_check import read_header
from csn.messages import Message
from csn.security.svg_allowlist import svg_problem

ASSETS_FOLDER = "assets"
MAX_ASSET_BYTES = 2_000_000
RASTER_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
}
IMAGE_SUFFIXES = (*RASTER_SIGNATURES, ".webp", ".avif", ".svg")
FONT_SUFFIXES = (".woff2",)


def from_site_root(value: str) -> str:
    """`/assets/images/x.png` (the editing interface writes paths from the site's root) -> `assets/images/x.png`;
    any other value as it is, for the checker to judge."""
    return value[1:] if value.startswith(f"/{ASSETS_FOLDER}/") else value


class AssetChecker:
    """Checks the image paths of one project; each file is read and judged once."""

    def __init__(self, project_dir: Path):
        self.project_dir = project_dir
        self.folder = project_dir / ASSETS_FOLDER
        self._verdicts: dict[object, Message | None] = {}
        self.valid: set[str] = set()  # the paths to publish

    @cached_property
    def stamp(self) -> tuple:
        """Path, size and time of every file of the images folder: verdicts hold while it is the same."""
        return folders_stamp(self.folder)

    def problem(self, value: str, font: bool = False) -> Message | None:
        """Why `value` cannot be used as an image (or a font), or None (and it is then published)."""
        if (value, font) in self._verdicts:
            verdict = self._verdicts[(value, font)]
        else:
            verdict = self._verdicts[(value, font)] = self._judge(value, font)
        if not verdict:
            self.valid.add(value)  # at every use: a caller may collect the uses of one file apart
        return verdict

    def picture_problem(self, value: str) -> Message | None:
        """Why `value` cannot be a picture to process (a photo, a raster logo), or None.

        A raster picture is not published as it is (only its processed copies are, see pictures/pipeline.py):
        it may weigh megabytes and carry its GPS position. An SVG one is published as it is, once checked.
        """
        key = f"picture:{value}"
        if key in self._verdicts:
            verdict = self._verdicts[key]
        else:
            verdict = self._path_problem(value)
            if not verdict and PurePosixPath(value).suffix.lower() == ".svg":
                verdict = self.problem(value)
            elif not verdict:
                header, reason = read_header(self.project_dir / value)
                verdict = Message("picture.about", src=value, reason=reason) if header is None else None
            self._verdicts[key] = verdict
        if not verdict and PurePosixPath(value).suffix.lower() == ".svg":
            self.valid.add(value)
        return verdict

    def _judge(self, value: str, font: bool = False) -> Message | None:
        problem = self._path_problem(value, font)
        if problem:
            return problem
        with (self.project_dir / value).open("rb") as stream:
            data = stream.read(MAX_ASSET_BYTES + 1)
        if len(data) > MAX_ASSET_BYTES:
            return Message("image.too_large", value=value, megabytes=MAX_ASSET_BYTES // 1_000_000)
        problem = content_problem(PurePosixPath(value).suffix.lower(), data)
        return Message("image.content", value=value, reason=problem) if problem else None

    def _path_problem(self, value: str, font: bool = False) -> Message | None:
        """Why `value` is not the path of an existing image (or font) file inside the assets folder, or None."""
        example = f"{ASSETS_FOLDER}/fonts/source-sans-3.woff2" if font else f"{ASSETS_FOLDER}/logos/udem.svg"
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:", value) and not re.match(r"^[a-zA-Z]:[\\/]", value):
            return Message("image.address", value=value, folder=ASSETS_FOLDER, example=example)
        if "\\" in value or value.startswith("/") or re.match(r"^[a-zA-Z]:", value):
            return Message("image.not_relative", value=value, example=example)
        parts = value.split("/")
        if any(part in ("", ".", "..") for part in parts):
            return Message("image.dots", value=value, example=example)
        if any(part.startswith(".") for part in parts):
            return Message("image.hidden_file", value=value)
        if parts[0] != ASSETS_FOLDER or len(parts) < 2:
            return Message("image.outside_assets", value=value, folder=ASSETS_FOLDER, example=example)
        suffix = PurePosixPath(value).suffix.lower()
        if font and suffix not in FONT_SUFFIXES:
            return Message("image.not_font", value=value)
        if not font and suffix not in IMAGE_SUFFIXES:
            return Message("image.not_image", value=value, suffixes=", ".join(IMAGE_SUFFIXES))
        path = self.project_dir / value
        try:
            inside = path.resolve().is_relative_to(self.folder.resolve()) and \
                self.folder.resolve().is_relative_to(self.project_dir.resolve())
        except (OSError, RuntimeError):  # a loop of symbolic links
            inside = False
        if not inside:
            return Message("image.symlink", value=value, folder=ASSETS_FOLDER)
        if not path.is_file() or not _spelled_as_on_disk(self.project_dir, parts):
            return Message("image.missing", value=value, folder=ASSETS_FOLDER)
        return None


def _spelled_as_on_disk(root: Path, parts: list[str]) -> bool:
    """Each name exactly as on disk: `Logo.PNG` found on a Mac's disk would be missing on the server."""
    folder = root
    for part in parts:
        if part not in os.listdir(folder):
            return False
        folder = folder / part
    return True


def content_problem(suffix: str, data: bytes) -> Message | None:
    """Why the bytes are not a safe image of that type, or None."""
    if suffix == ".svg":
        return svg_problem(data)
    if suffix == ".woff2":
        return None if data[:4] == b"wOF2" else Message("image.not_woff2")
    if suffix == ".webp":
        ok = data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    elif suffix == ".avif":
        ok = data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis")
    else:
        ok = data.startswith(RASTER_SIGNATURES[suffix])
    return None if ok else Message("image.wrong_content", format=suffix[1:].upper())
