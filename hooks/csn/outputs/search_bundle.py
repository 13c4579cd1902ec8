"""The site's search: Pagefind's index of the built pages, one index per language.

Pagefind (the `pagefind[bin]` package: its binary ships inside the wheel) reads
the built pages, keeps what main.html marks with `data-pagefind-body` (the
article, on every page but the archive listings) and writes one index per
language, by each page's `<html lang>`, under `pagefind/`: the search box
(csn-search.js) loads the one of its page's language, in small chunks,
with Snowball stemming of French and English and without regard to accents.

`make build` indexes each language in its own process, over that language's
pages only (Pagefind's memory grows with the words it indexes: one language at a
time halves its peak, and the first language done indexes while the other still
renders); `merge_entries` then writes the one entry file that lists both.
The preview indexes the whole site in one run (`write_search_bundle`).
"""

from __future__ import annotations

import json
import resource
import subprocess
from pathlib import Path

BUNDLE_FOLDER = "pagefind"
ENTRY_FILE = "pagefind-entry.json"  # the languages and their index files


class SearchIndexError(Exception):
    """Pagefind could not index the site: the message says why."""


def pagefind_executable() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError("Pagefind is not installed: run `make build` (requirements.txt has pagefind[bin])") \
            from None
    return str(get_executable())


def write_search_bundle(site_dir: Path) -> None:
    """Index the finished site in `site_dir` into `site_dir/pagefind/` (replacing an earlier index)."""
    command = [pagefind_executable(), "--site", str(site_dir), "--output-subdir", BUNDLE_FOLDER, "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        raise SearchIndexError(f"Pagefind could not index {site_dir}: {detail}")
    entry = site_dir / BUNDLE_FOLDER / ENTRY_FILE
    _write_entry(entry, json.loads(entry.read_text(encoding="utf-8")))


def indexing_cost() -> tuple[float, float]:
    """CPU seconds and peak MB of the Pagefind runs of this process so far (its only child processes)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def take_entry(site_dir: Path) -> dict:
    """Remove the entry file of the bundle in `site_dir` and return what it said (for `merge_entries`)."""
    entry = site_dir / BUNDLE_FOLDER / ENTRY_FILE
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.unlink()
    return data


def merge_entries(site_dir: Path, entries: list[dict]) -> None:
    """Write the entry file of `site_dir`'s bundle from those of bundles indexed apart (one per language).
    Their other files are Pagefind's own (the same in every run) or named by their content's hash."""
    merged = dict(entries[0])
    merged["languages"] = {}
    for entry in entries:
        if entry.get("version") != merged.get("version"):
            raise SearchIndexError(f"two versions of Pagefind indexed the languages: {entry.get('version')}, "
                                   f"{merged.get('version')}")
        merged["languages"].update(entry.get("languages", {}))
    _write_entry(site_dir / BUNDLE_FOLDER / ENTRY_FILE, merged)


def _write_entry(entry: Path, data: dict) -> None:
    """Pagefind lists the languages in no fixed order: sorted, two builds of one commit are byte-identical."""
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def has_search_bundle(site_dir: Path) -> bool:
    return (site_dir / BUNDLE_FOLDER / ENTRY_FILE).is_file()
