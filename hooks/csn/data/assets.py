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
        self._verdicts: dict[str, str] = {}
        self.valid: set[str] = set()  # the paths to publish

    @cached_property
    def stamp(self) -> tuple:
        """Path, size and time of every file of the images folder: verdicts hold while it is the same."""
        return folders_stamp(self.folder)

    def problem(self, value: str, font: bool = False) -> str:
        """Why `value` cannot be used as an image (or a font), or '' (and it is then published)."""
        verdict = self._verdicts.get((value, font))
        if verdict is None:
            verdict = self._verdicts[(value, font)] = self._judge(value, font)
        if not verdict:
            self.valid.add(value)  # at every use: a caller may collect the uses of one file apart
        return verdict

    def picture_problem(self, value: str) -> str:
        """Why `value` cannot be a picture to process (a photo, a raster logo), or ''.

        A raster picture is not published as it is (only its processed copies are, see pictures.py):
        it may weigh megabytes and carry its GPS position. An SVG one is published as it is, once checked.
        """
        key = f"picture:{value}"
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._path_problem(value)
            if not verdict and PurePosixPath(value).suffix.lower() == ".svg":
                verdict = self.problem(value)
            elif not verdict:
                header, problem = read_header(self.project_dir / value)
                verdict = f"`{value}` {problem}" if header is None else ""
            self._verdicts[key] = verdict
        if not verdict and PurePosixPath(value).suffix.lower() == ".svg":
            self.valid.add(value)
        return verdict

    def _judge(self, value: str, font: bool = False) -> str:
        problem = self._path_problem(value, font)
        if problem:
            return problem
        path = self.project_dir / value
        suffix = PurePosixPath(value).suffix.lower()
        with path.open("rb") as stream:
            data = stream.read(MAX_ASSET_BYTES + 1)
        if len(data) > MAX_ASSET_BYTES:
            return f"`{value}` is over {MAX_ASSET_BYTES // 1_000_000} MB: make the image smaller"
        problem = content_problem(suffix, data)
        return f"`{value}` {problem}" if problem else ""

    def _path_problem(self, value: str, font: bool = False) -> str:
        """Why `value` is not the path of an existing image (or font) file inside the assets folder, or ''."""
        example = f"e.g. `{ASSETS_FOLDER}/fonts/source-sans-3.woff2`" if font else f"e.g. `{ASSETS_FOLDER}/logos/udem.svg`"
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:", value) and not re.match(r"^[a-zA-Z]:[\\/]", value):
            return (f"`{value}` is an address, not a file of the project: a page loads nothing from other "
                    f"sites, so copy the image into the {ASSETS_FOLDER}/ folder and write its path, {example}")
        if "\\" in value or value.startswith("/") or re.match(r"^[a-zA-Z]:", value):
            return f"`{value}` must be a relative path with `/` between folders, {example}"
        parts = value.split("/")
        if any(part in ("", ".", "..") for part in parts):
            return f"`{value}` must not contain `..`, `.` or `//`: write the plain path, {example}"
        if any(part.startswith(".") for part in parts):
            return f"`{value}` names a hidden file or folder (starting with `.`): rename it"
        if parts[0] != ASSETS_FOLDER or len(parts) < 2:
            return f"`{value}` must be a file of the {ASSETS_FOLDER}/ folder, {example}"
        suffix = PurePosixPath(value).suffix.lower()
        if font and suffix not in FONT_SUFFIXES:
            return f"`{value}` is not a web font: convert the typeface to WOFF2 (a `.woff2` file)"
        if not font and suffix not in IMAGE_SUFFIXES:
            return f"`{value}` is not an image: use a {', '.join(IMAGE_SUFFIXES)} file"
        path = self.project_dir / value
        try:
            inside = path.resolve().is_relative_to(self.folder.resolve()) and \
                self.folder.resolve().is_relative_to(self.project_dir.resolve())
        except (OSError, RuntimeError):  # a loop of symbolic links
            inside = False
        if not inside:
            return f"`{value}` leads outside the {ASSETS_FOLDER}/ folder (a symbolic link): copy the file itself there"
        if not path.is_file() or not _spelled_as_on_disk(self.project_dir, parts):
            return f"`{value}`: no such file; add it to the {ASSETS_FOLDER}/ folder (names are case-sensitive)"
        return ""


def _spelled_as_on_disk(root: Path, parts: list[str]) -> bool:
    """Each name exactly as on disk: `Logo.PNG` found on a Mac's disk would be missing on the server."""
    folder = root
    for part in parts:
        if part not in os.listdir(folder):
            return False
        folder = folder / part
    return True


def content_problem(suffix: str, data: bytes) -> str:
    """Why the bytes are not a safe image of that type, or ''."""
    if suffix == ".svg":
        return svg_problem(data)
    if suffix == ".woff2":
        return "" if data[:4] == b"wOF2" else "is not a WOFF2 font (its content does not match its extension)"
    if suffix == ".webp":
        ok = data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    elif suffix == ".avif":
        ok = data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis")
    else:
        ok = data.startswith(RASTER_SIGNATURES[suffix])
    return "" if ok else f"is not a {suffix[1:].upper()} image (its content does not match its extension)"
