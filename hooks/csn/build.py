"""Everything one language's build needs, computed from the data and docs folders.

Loading and planning are language-independent, so their result is kept
between the language builds of one run (and between preview rebuilds) as
long as no input file changed; the per-language renderer is made anew.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .archive import DEFAULT_NEWS_PER_PAGE
from .assets import ASSETS_FOLDER
from .dates import CONSORTIUM_YEARS, YearRange
from .errors import DataError
from .file_stamps import folders_stamp
from .incremental import pages_to_render
from .internal_links import internal_link_problems
from .load import load_site
from .model import Site
from .pages import PageRenderer
from .plan import Plan, build_plan
from .publishing import publication_date
from .settings import Settings
from .sources import source_problems
from .theme_blocks import SharedBlocks

# Folders MkDocs reads besides data/ (which load_site checks itself).
BUILD_INPUTS = ("docs", "overrides")


@dataclass
class LanguageBuild:
    lang: str
    site: Site
    plan: Plan
    renderer: PageRenderer
    today: dt.date  # the day this build publishes for (CSN_TODAY, else SOURCE_DATE_EPOCH's or today's)
    settings: Settings
    shared_blocks: SharedBlocks
    rerender: set[str] | None = None  # under --dirty: the record pages to render again (None: all)


_cache: dict[Path, tuple[tuple, Site, Plan]] = {}


def check_project(project_dir: Path, docs_dir: Path, today: dt.date | None = None,
                  news_per_page: int = DEFAULT_NEWS_PER_PAGE, reuse: bool = False,
                  years: YearRange = CONSORTIUM_YEARS) -> tuple[Site, Plan]:
    """Everything a build reads, checked: the data, the docs pages, and no link leading out (raises DataError).

    `reuse`: data files unchanged since the last check in this process are not read again (the preview)."""
    outside = [p for folder in BUILD_INPUTS for p in source_problems(project_dir / folder, project_dir)]
    if outside:
        raise DataError(outside)
    site = load_site(project_dir / "data", today, reuse, years)
    plan = build_plan(site, docs_dir, news_per_page)
    wrong_links = internal_link_problems(site, plan, project_dir)
    if wrong_links:
        raise DataError(wrong_links)
    return site, plan


def prepare(project_dir: Path, docs_dir: Path, templates_dir: Path, lang: str,
            settings: Settings | None = None, dirty: bool = False) -> LanguageBuild:
    """Load, validate and plan (raises DataError, BuildDateError), then make this language's renderer.

    `dirty`: a preview rebuild that keeps the unchanged pages of the previous build.
    """
    settings = settings or Settings()
    data_dir = project_dir / "data"
    today = publication_date()
    stamp = (folders_stamp(data_dir, docs_dir, project_dir / ASSETS_FOLDER), today, settings)
    cached = _cache.get(data_dir)
    if cached and cached[0] == stamp:
        site, plan = cached[1], cached[2]
    else:
        site, plan = check_project(project_dir, docs_dir, today, settings.news_per_page, reuse=dirty,
                                   years=settings.years)
        _cache[data_dir] = (stamp, site, plan)
    rerender = pages_to_render(project_dir, lang, site) if dirty else None
    return LanguageBuild(lang, site, plan, PageRenderer(templates_dir, site, plan, lang, today, settings), today,
                         settings, SharedBlocks(), rerender)
