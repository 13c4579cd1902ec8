"""The build reads only the project's own, ordinary files: no link leading out, no loop, no special file.

MkDocs copies the files of docs/ through symbolic links, and the data layer
would read a data file that is a link: a link to `~/.ssh/id_rsa` or to
`.git/config` would be published. A link must stay inside the folder that
holds it (docs/, data/, overrides/...). A link to a folder that holds it
makes MkDocs walk in circles until the path is too long (OSError), a link
to nothing or a link loop cannot be read, and a named pipe (FIFO), socket
or device blocks the build that opens it forever: each is reported first,
on its own, before anything reads the folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from csn.data.errors import Problem

SPECIAL_FILES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                 (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def source_problems(folder: Path, project_dir: Path) -> list[Problem]:
    """One problem per entry under `folder` (or `folder` itself) that the build must not read."""
    if not folder.exists() and not folder.is_symlink():
        return []
    try:
        inside = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        inside = None
    if folder.is_symlink() and (inside is None or not inside.is_relative_to(project_dir.resolve())):
        return [_problem(folder, project_dir, LEADS_OUT)]
    problems = []
    for parent, folders, files in os.walk(folder):  # does not follow links to folders
        for name in folders + files:
            path = Path(parent) / name
            why = _why_unreadable(path, inside)
            if why:
                problems.append(_problem(path, project_dir, why))
    return problems


LEADS_OUT = ("is a symbolic link that leads outside its folder: the site reads only the project's own files, "
             "so copy the file here instead of linking to it")


def _why_unreadable(path: Path, folder: Path | None) -> str:
    try:
        mode = path.lstat().st_mode
    except OSError:
        return ""  # removed while walking
    if stat.S_ISLNK(mode):
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            return "is a symbolic link to nothing (its target was moved or deleted): remove it or link again"
        except (OSError, RuntimeError):
            return "is a loop of symbolic links (it leads back to itself): remove it"
        if folder is None or not target.is_relative_to(folder):
            return LEADS_OUT
        if target.is_dir() and path.parent.resolve().is_relative_to(target):
            return ("is a symbolic link to a folder that holds it: the build would walk in circles; remove it "
                    "(link to the files themselves, or copy them)")
        mode = target.stat().st_mode
    for is_kind, kind in SPECIAL_FILES:
        if is_kind(mode):
            return (f"is {kind}, not an ordinary file: reading it would block the build; remove it "
                    "(only text files, pictures and folders belong here)")
    return ""


def _problem(path: Path, project_dir: Path, message: str) -> Problem:
    return Problem(path.relative_to(project_dir).as_posix(), 0, "", message)
