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
from csn.messages import Message

SPECIAL_FILES = ((stat.S_ISFIFO, "file.fifo"), (stat.S_ISSOCK, "file.socket"),
                 (stat.S_ISCHR, "file.character_device"), (stat.S_ISBLK, "file.block_device"))


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


LEADS_OUT = Message("file.symlink")


def _why_unreadable(path: Path, folder: Path | None) -> Message | None:
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None  # removed while walking
    if stat.S_ISLNK(mode):
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            return Message("file.dangling_link")
        except (OSError, RuntimeError):
            return Message("file.link_loop")
        if folder is None or not target.is_relative_to(folder):
            return LEADS_OUT
        if target.is_dir() and path.parent.resolve().is_relative_to(target):
            return Message("file.link_to_parent")
        mode = target.stat().st_mode
    for is_kind, kind in SPECIAL_FILES:
        if is_kind(mode):
            return Message("file.special", kind=Message(kind))
    return None


def _problem(path: Path, project_dir: Path, message: Message) -> Problem:
    return Problem(path.relative_to(project_dir).as_posix(), 0, "", message)
