"""Relative links between pages, so the site works at a domain root or under a sub-path."""

from __future__ import annotations

import posixpath


def relative_url(from_path: str, to_path: str) -> str:
    """Link from the page at directory path `from_path` to `to_path` (both from the site root)."""
    here = from_path.rstrip("/") or "."
    target = to_path.rstrip("/") or "."
    link = posixpath.relpath(target, here)
    if to_path.endswith("/") or to_path == "":
        link = "./" if link == "." else link + "/"
    return link


def absolute_url(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path
