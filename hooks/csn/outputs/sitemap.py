"""The sitemaps, from the plan: every page once, with its hreflang alternates (the twins that exist) and x-default.

`sitemap.xml` at the root lists every page of every language (robots.txt
names it). Each other language also gets its own at its root (`en/sitemap.xml`,
its pages only), where Material's scripts look for the sitemap of the English
part of the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from csn.site.plan import Plan, language_prefix
from csn.site.urls import absolute_url

SITEMAP_FILE = "sitemap.xml"


@dataclass(frozen=True)
class SitemapAlternate:
    hreflang: str  # "fr", "en" or "x-default"
    url: str


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    alternates: tuple[SitemapAlternate, ...]


def sitemap_path(lang: str) -> str:
    return language_prefix(lang) + SITEMAP_FILE


def sitemap_entries(plan: Plan, site_url: str, lang: str | None = None) -> list[SitemapEntry]:
    """One entry per page (of `lang` only, when given), in the plan's order."""
    entries = []
    for page in plan.pages:
        if lang is not None and page.lang != lang:
            continue
        alternates = [SitemapAlternate(twin.lang, absolute_url(site_url, twin.path))
                      for twin in page.alternates.values()]
        alternates.append(SitemapAlternate("x-default", absolute_url(site_url, page.default_twin.path)))
        entries.append(SitemapEntry(absolute_url(site_url, page.path), tuple(alternates)))
    return entries


def robots_txt(site_url: str) -> str:
    """Everything may be crawled; the sitemap is announced."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url(site_url, SITEMAP_FILE)}\n"
