"""Addresses the site takes for itself, which an id or a slug may not take."""

from __future__ import annotations

# Paths the site itself uses at the top of each language: an id or slug there would collide.
RESERVED_NAMES = frozenset({"index", "en", "fr", "assets", "search", "api", "404", "sitemap", "feed", "feeds",
                            "atom", "rss", "robots", "static", "stylesheets", "javascripts", "images", "schemas",
                            "page", "tags", "media", "pagefind"})
PAGE_SEGMENT = "page"  # actualites/page/2/, news/page/2/: the news index's later pages


def reserved_problem(value: str) -> str:
    return f"`{value}` is reserved for the site's own pages: choose another" if value in RESERVED_NAMES else ""


def archive_slug_problem(slug: str) -> str:
    """Why a news item cannot take `slug`: the archive's own addresses use it."""
    if slug == PAGE_SEGMENT:
        return f"`{slug}` is the address of the news index's later pages: choose another"
    if len(slug) == 4 and slug.isdigit():
        return f"`{slug}` is the address of that year's news archive: choose another"
    return ""
