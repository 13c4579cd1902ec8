"""Relative links between pages, so the site works at a domain root or under a sub-path."""

from __future__ import annotations


def relative_url(from_path: str, to_path: str) -> str:
    """Link from the page at directory path `from_path` to `to_path` (both from the site root)."""
    # Computed from the path segments: posixpath.relpath goes through abspath() and is several times slower.
    here = [part for part in from_path.split("/") if part]
    there = [part for part in to_path.split("/") if part]
    common = 0
    while common < len(here) and common < len(there) and here[common] == there[common]:
        common += 1
    link = "/".join([".."] * (len(here) - common) + there[common:])
    if to_path.endswith("/") or to_path == "":
        link = link + "/" if link else "./"
    return link


def absolute_url(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path
