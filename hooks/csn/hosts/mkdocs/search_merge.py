"""A preview rebuild renders some pages only: keep the search entries of the others.

The search index written by such a rebuild holds the entries of the pages it
rendered; the pages it left in place keep theirs from the previous index.
Entries are matched by page (the location before any `#`). Files that are
not a search index of that form are left as written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

INDEX_NAME = "search_index.json"


def read_indexes(site_dir: Path) -> dict[Path, dict[str, Any]]:
    """Every search index under `site_dir`, read before a rebuild overwrites it."""
    indexes = {}
    for path in site_dir.rglob(INDEX_NAME) if site_dir.is_dir() else ():
        index = _read(path)
        if index is not None:
            indexes[path] = index
    return indexes


def merge_indexes(previous: dict[Path, dict[str, Any]]) -> None:
    """Put back, into each rewritten index, the previous entries of the pages not rendered again."""
    for path, old in previous.items():
        fresh = _read(path) if path.is_file() else None
        if fresh is None:
            continue
        rendered = {_page(entry) for entry in fresh["docs"]}
        kept = [entry for entry in old["docs"] if _page(entry) not in rendered]
        if kept:
            merged = {**fresh, "docs": kept + fresh["docs"]}
            path.write_text(json.dumps(merged, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


def _read(path: Path) -> dict[str, Any] | None:
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(index, dict) or not isinstance(index.get("docs"), list):
        return None
    if not all(isinstance(entry, dict) and isinstance(entry.get("location"), str) for entry in index["docs"]):
        return None
    return index


def _page(entry: dict[str, Any]) -> str:
    return entry["location"].split("#", 1)[0]
