"""Compare two built sites byte for byte, and find symbolic links in one."""

from __future__ import annotations

import difflib
from pathlib import Path


def symbolic_links(tree: Path) -> list[str]:
    return sorted(path.relative_to(tree).as_posix() for path in tree.rglob("*") if path.is_symlink())


def _files(tree: Path) -> dict[str, Path]:
    return {path.relative_to(tree).as_posix(): path for path in tree.rglob("*")
            if path.is_file() and not path.is_symlink()}


def differences(first: Path, second: Path, context: int = 1) -> list[str]:
    """Every way the two trees differ: missing files, symbolic links, and the first changed lines of a file."""
    found = [f"symbolic link: {name}" for tree in (first, second) for name in symbolic_links(tree)]
    a, b = _files(first), _files(second)
    found += [f"only in the first build: {name}" for name in sorted(a.keys() - b.keys())]
    found += [f"only in the second build: {name}" for name in sorted(b.keys() - a.keys())]
    for name in sorted(a.keys() & b.keys()):
        old, new = a[name].read_bytes(), b[name].read_bytes()
        if old != new:
            lines = difflib.unified_diff(old.decode("utf-8", "replace").splitlines(),
                                         new.decode("utf-8", "replace").splitlines(), lineterm="", n=context)
            found.append(f"differs: {name}\n" + "\n".join(list(lines)[2:12]))
    return found
