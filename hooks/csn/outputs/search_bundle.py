"""The site's search: Pagefind's index of the finished site, written once after every language.

Pagefind (the `pagefind[bin]` package: its binary ships inside the wheel) reads
the built pages, keeps what main.html marks with `data-pagefind-body` (the
article, on every page but the archive listings) and writes one index per
language, by each page's `<html lang>`, under `pagefind/`: the search box
(csn-search.js) loads the one of its page's language, in small chunks,
with Snowball stemming of French and English and without regard to accents.
"""

from __future__ import annotations

import json
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
    _sort_languages(site_dir / BUNDLE_FOLDER / ENTRY_FILE)


def _sort_languages(entry: Path) -> None:
    """Pagefind lists the languages in no fixed order: sorted, two builds of one commit are byte-identical."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def has_search_bundle(site_dir: Path) -> bool:
    return (site_dir / BUNDLE_FOLDER / ENTRY_FILE).is_file()
