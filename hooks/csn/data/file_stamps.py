"""What tells that an editor saved something: the path, size and modification time of each file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def stamps_under(folder: Path) -> Iterator[tuple[Path, int, int]]:
    """(path, size, modification time) of every file under `folder`, by path; none if it is not a folder."""
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file():
            stat = path.stat()
            yield path, stat.st_size, stat.st_mtime_ns


def folders_stamp(*folders: Path) -> tuple:
    """One value for all the files of `folders`: it changes when any of them is saved, added or removed."""
    return tuple((str(path), size, time) for folder in folders for path, size, time in stamps_under(folder))
