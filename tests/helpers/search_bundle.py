"""Read Pagefind's index as the browser gets it: each page's fragment (URL, title, text), per language."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"  # what a fragment starts with once decompressed


def indexed_pages(site: Path, lang: str) -> dict[str, dict]:
    """{url: fragment} of the pages of `lang`'s index: fragment["meta"]["title"], fragment["content"]."""
    pages = {}
    for path in sorted((site / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        fragment = json.loads(data[len(SIGNATURE):])
        pages[fragment["url"]] = fragment
    return pages
