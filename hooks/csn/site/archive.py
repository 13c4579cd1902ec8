"""The news archive: the paginated news index, one archive per year, and each item's neighbours.

The first page of the index is the section's docs page (`docs/<lang>/news.md`);
its later pages and the year archives are generated pages of the plan:

    actualites/            actualites/page/2/        (newest first)
    actualites/2020/       actualites/2020/page/2/
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from csn.data.addresses import PAGE_SEGMENT
from csn.data.model import News
from csn.site.strings import Translator


@dataclass(eq=False)
class Listing:
    """One page of a list of news items, with what its pagination needs to know."""

    items: list[News]
    number: int  # 1-based
    page_count: int
    total: int  # items in the whole list, every page
    year: int | None = None  # None for the main index
    pages: list = field(default_factory=list)  # this list's PlannedPages, one per page number, set by the plan

    @property
    def previous(self):
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self):
        return self.pages[self.number] if self.number < self.page_count else None


@dataclass(frozen=True)
class YearCount:
    year: int
    count: int


def paginate(items: list[News], per_page: int, year: int | None = None) -> list[Listing]:
    """Cut `items` (already newest first) into pages; an empty list still has its first page."""
    chunks = [items[start:start + per_page] for start in range(0, len(items), per_page)] or [[]]
    return [Listing(chunk, number, len(chunks), len(items), year) for number, chunk in enumerate(chunks, 1)]


def by_year(news: list[News]) -> list[tuple[int, list[News]]]:
    """The published news grouped by year, most recent year first (news is newest first)."""
    return [(year, list(items)) for year, items in groupby(news, key=lambda n: n.date.year)]


def year_counts(news: list[News]) -> list[YearCount]:
    return [YearCount(year, len(items)) for year, items in by_year(news)]


def listing_path(section_path: str, year: int | None, number: int) -> str:
    base = f"{section_path}{year}/" if year is not None else section_path
    return base if number == 1 else f"{base}{PAGE_SEGMENT}/{number}/"


def listing_key(year: int | None, number: int) -> str:
    return f"news:{year or 'all'}:{number}"


def listing_title(section_title: str, listing: Listing, lang: str) -> str:
    t = Translator(lang)
    title = t("news.year_title", year=listing.year) if listing.year is not None else section_title
    return title if listing.number == 1 else t("news.page_title", title=title, n=listing.number)


def listing_description(section_description: str, listing: Listing, lang: str) -> str:
    if listing.year is None:
        return section_description
    return Translator(lang)("news.year_description", year=listing.year)


def neighbours(news: list[News], item: News) -> tuple[News | None, News | None]:
    """(older, newer) next to `item` in the published news, which is newest first."""
    index = news.index(item)
    older = news[index + 1] if index + 1 < len(news) else None
    newer = news[index - 1] if index > 0 else None
    return older, newer
