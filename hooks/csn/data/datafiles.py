"""Which file of data/ belongs to which collection of schema.py."""

from __future__ import annotations

from pathlib import Path

from csn.data.schema import COLLECTIONS, Collection

DATA_SUFFIX = ".yml"


def collection_of(data_dir: Path, path: Path) -> Collection | None:
    """The collection a data file belongs to, or None for a file outside the collections."""
    try:
        relative = path.resolve().relative_to(data_dir.resolve()).as_posix()
    except ValueError:
        return None
    for collection in COLLECTIONS:
        if collection.one_file and relative == collection.path:
            return collection
        folder, _, name = relative.rpartition("/")
        if not collection.one_file and folder == collection.path and name.endswith(DATA_SUFFIX):
            return collection
    return None


def data_files(data_dir: Path) -> list[Path]:
    """Every file that belongs to a collection, in a stable order."""
    found = []
    for collection in COLLECTIONS:
        if collection.one_file:
            found.append(data_dir / collection.path)
        else:
            found += sorted((data_dir / collection.path).glob(f"*{DATA_SUFFIX}"))
    return [path for path in found if path.is_file()]
