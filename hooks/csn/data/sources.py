"""The build reads nothing from outside the project: no symbolic link may lead out of its folder.

MkDocs copies the files of docs/ through symbolic links, and the data layer
would read a data file that is a link: a link to `~/.ssh/id_rsa` or to
`.git/config` would be published. A link must stay inside the folder that
holds it (docs/, data/, overrides/...).
"""

from __future__ import annotations

import os
from pathlib import Path

from csn.data.errors import Problem
from csn.messages import Message


def links_leading_out(folder: Path, project_dir: Path) -> list[Problem]:
    """One problem per symbolic link under `folder` (or `folder` itself) whose target is not inside it."""
    if not folder.exists() and not folder.is_symlink():
        return []
    problems = []
    try:
        inside = folder.resolve()
    except (OSError, RuntimeError):
        inside = None
    if folder.is_symlink() and (inside is None or not inside.is_relative_to(project_dir.resolve())):
        return [_problem(folder, project_dir)]
    for parent, folders, files in os.walk(folder):  # does not follow links to folders
        for name in folders + files:
            path = Path(parent) / name
            if path.is_symlink() and not _stays_in(path, inside):
                problems.append(_problem(path, project_dir))
    return problems


def _stays_in(link: Path, folder: Path | None) -> bool:
    try:
        return folder is not None and link.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):  # a loop of links
        return False


def _problem(path: Path, project_dir: Path) -> Problem:
    shown = path.relative_to(project_dir).as_posix()
    return Problem(shown, 0, "", Message("file.symlink"))
