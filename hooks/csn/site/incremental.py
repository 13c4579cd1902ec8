"""Which pages a preview rebuild must render again after an editor saved some files.

`mkdocs serve --dirty` rebuilds in the same process and leaves the pages of
the previous build in place; only the pages reported here are rendered again.
When an editor changes one record, that is the record's own page and the
pages that show something of it: the records it is linked with (a project
and its partners and news items, both ways) and, for a news item, the news
items before and after it; and the pages of the news index and of the year
archives that list one of those. Other pages that are not a record's (the home
page, the section indexes, the docs pages) are always rendered again. Any other change
(a file added or removed, site.yml, themes.yml, docs/, templates, code, the
configuration) renders every page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from csn.data.file_stamps import stamps_under
from csn.data.model import News, Partner, Project, Site
from csn.site.archive import Listing
from csn.site.plan import PlannedPage, entity_key

RECORD_FILE = re.compile(r"^data/(projects|partners|news)/[^/]+\.yml$")
WATCHED = ("data", "docs", "overrides", "hooks", "assets")
RECORD_KINDS = frozenset({"project", "partner", "news_item"})
LISTING_KINDS = frozenset({"news", "news_year"})

# One entry per language: the inputs and the site of the previous build of a preview.
PreviousBuilds = dict[tuple[Path, str], tuple[dict[str, tuple[int, int]], Site]]


def input_stamps(project_dir: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file a page can depend on, by path from the project."""
    config = project_dir / "mkdocs.yml"
    stamps = {"mkdocs.yml": (config.stat().st_size, config.stat().st_mtime_ns)} if config.is_file() else {}
    for name in WATCHED:
        for path, size, time in stamps_under(project_dir / name):
            if "__pycache__" not in path.parts:
                stamps[path.relative_to(project_dir).as_posix()] = (size, time)
    return stamps


def pages_to_render(project_dir: Path, lang: str, site: Site, builds: PreviousBuilds) -> set[str] | None:
    """Keys of the record pages to render again in `lang`; None for every page (first build, wide change).

    `builds`: the preview's previous builds, which this one replaces for `lang`."""
    stamps = input_stamps(project_dir)
    previous = builds.get((project_dir, lang))
    builds[(project_dir, lang)] = (stamps, site)
    if previous is None:
        return None
    old_stamps, old_site = previous
    changed = {path for path in stamps.keys() | old_stamps.keys() if stamps.get(path) != old_stamps.get(path)}
    return affected_records(old_site, site, changed, stamps.keys() ^ old_stamps.keys())


def affected_records(old: Site, new: Site, changed: set[str], added_or_removed: set[str]) -> set[str] | None:
    if added_or_removed or any(not RECORD_FILE.match(path) for path in changed):
        return None
    if _records_by_file(old).keys() != _records_by_file(new).keys():  # e.g. a news item's day has come
        return None
    if _news_order(old) != _news_order(new):  # the news lists and their year counts change everywhere
        return None
    keys: set[str] = set()
    for site in (old, new):
        by_file = _records_by_file(site)
        for path in changed:
            record = by_file.get(path)
            if record is not None:
                keys.add(entity_key(record))
                keys.update(entity_key(other) for other in _shown_with(record, site))
    return keys


def must_render(page: PlannedPage, rerender: set[str]) -> bool:
    """Whether a preview rebuild renders `page` again, given the records it must render again."""
    if page.kind in RECORD_KINDS:
        return page.key in rerender
    if page.kind in LISTING_KINDS and isinstance(page.entity, Listing):
        # A page of the news index or of a year's archive shows its own items only.
        return any(entity_key(item) in rerender for item in page.entity.items)
    return True


def _news_order(site: Site) -> list[tuple[str, int, tuple[str, ...]]]:
    """The news items in order, with their years and languages: a change of `languages` adds or removes
    a page and changes how the other language lists the item."""
    return [(item.id, item.date.year, item.languages) for item in site.news]


def _records_by_file(site: Site) -> dict[str, Any]:
    return {record.file: record for record in [*site.projects, *site.partners, *site.news]}


def _shown_with(record: Any, site: Site) -> list[Any]:
    """The records whose pages show something of `record` (links are shown on both sides)."""
    if isinstance(record, Project):
        return [p.partner for p in record.partners] + record.news
    if isinstance(record, Partner):
        return [p.project for p in record.projects] + record.news
    if isinstance(record, News):
        index = next(i for i, item in enumerate(site.news) if item is record)
        return record.projects + record.partners + site.news[max(0, index - 1):index] + site.news[index + 1:index + 2]
    return []
