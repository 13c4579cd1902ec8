"""Addresses the site takes for itself, which an id or a slug may not take."""

from __future__ import annotations

from csn.messages import Message

# Paths the site itself uses at the top of each language: an id or slug there would collide.
RESERVED_NAMES = frozenset({"index", "en", "fr", "assets", "search", "api", "404", "sitemap", "feed", "feeds",
                            "atom", "rss", "robots", "static", "stylesheets", "javascripts", "images", "schemas",
                            "page", "tags", "media", "pagefind"})
PAGE_SEGMENT = "page"  # actualites/page/2/, news/page/2/: the news index's later pages


def reserved_problem(value: str) -> Message | None:
    return Message("reserved.address", value=value) if value in RESERVED_NAMES else None


def archive_slug_problem(slug: str) -> Message | None:
    """Why a news item cannot take `slug`: the archive's own addresses use it."""
    if slug == PAGE_SEGMENT:
        return Message("reserved.news_pages", slug=slug)
    if len(slug) == 4 and slug.isdigit():
        return Message("reserved.news_year", slug=slug)
    return None
