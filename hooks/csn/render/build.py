"""Everything one language's build needs, computed from the data and docs folders.

Loading and planning are language-independent, so their result is kept
between the language builds of one run (and between preview rebuilds) as
long as no input file changed; the per-language renderer is made anew.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from csn.data.assets import ASSETS_FOLDER
from csn.data.dates import CONSORTIUM_YEARS, YearRange
from csn.data.errors import DataError
from csn.data.file_stamps import folders_stamp
from csn.data.load import ReadMemory
from csn.data.model import Site
from csn.data.publishing import publication_date
from csn.data.settings import DEFAULT_NEWS_PER_PAGE, Settings
from csn.data.sources import source_problems
from csn.pictures.pipeline import load_site_with_pictures
from csn.render.pages import PageRenderer
from csn.render.template_cache import MemoryBytecodeCache
from csn.site.incremental import PreviousBuilds, pages_to_render
from csn.site.internal_links import internal_link_problems
from csn.site.plan import Plan, build_plan

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
    rerender: set[str] | None = None  # under --dirty: the record pages to render again (None: all)


@dataclass
class RunMemory:
    """What a run keeps from one language's build to the next, and a preview from one rebuild to the next."""

    # The checked site and plan of a data folder, with the stamp of the inputs they were made from.
    sites: dict[Path, tuple[tuple, Site, Plan]] = field(default_factory=dict)
    reads: ReadMemory = field(default_factory=dict)  # the record files as last read (preview only)
    builds: PreviousBuilds = field(default_factory=dict)  # the inputs and site of the last build (preview only)
    # The page kinds' templates, compiled once for both languages (one cache per kind of Jinja environment).
    templates: MemoryBytecodeCache = field(default_factory=MemoryBytecodeCache)


def check_project(project_dir: Path, docs_dir: Path, today: dt.date | None = None,
                  news_per_page: int = DEFAULT_NEWS_PER_PAGE, reuse: ReadMemory | None = None,
                  years: YearRange = CONSORTIUM_YEARS) -> tuple[Site, Plan]:
    """Everything a build reads, checked: the data, the docs pages, and no link leading out (raises DataError).

    `reuse`: the preview's memory of the files as last read: those unchanged since are not read again."""
    outside = [p for folder in BUILD_INPUTS for p in source_problems(project_dir / folder, project_dir)]
    if outside:
        raise DataError(outside)
    site = load_site_with_pictures(project_dir / "data", today, reuse, years)
    plan = build_plan(site, docs_dir, news_per_page)
    wrong_links = internal_link_problems(site, plan, project_dir)
    if wrong_links:
        raise DataError(wrong_links)
    return site, plan


def prepare(project_dir: Path, docs_dir: Path, templates_dir: Path, lang: str,
            settings: Settings | None = None, dirty: bool = False,
            memory: RunMemory | None = None) -> LanguageBuild:
    """Load, validate and plan (raises DataError, BuildDateError), then make this language's renderer.

    `dirty`: a preview rebuild that keeps the unchanged pages of the previous build.
    `memory`: the run's memory: the checked data, reused while no input file changed (the languages of
    one run, the preview's rebuilds), and under `dirty` the files as last read and the last build.
    """
    memory = memory or RunMemory()
    settings = settings or Settings()
    data_dir = project_dir / "data"
    today = publication_date()
    stamp = (folders_stamp(data_dir, docs_dir, project_dir / ASSETS_FOLDER), today, settings)
    cached = memory.sites.get(data_dir)
    if cached and cached[0] == stamp:
        site, plan = cached[1], cached[2]
    else:
        site, plan = check_project(project_dir, docs_dir, today, settings.news_per_page,
                                   reuse=memory.reads if dirty else None, years=settings.years)
        memory.sites[data_dir] = (stamp, site, plan)
    rerender = pages_to_render(project_dir, lang, site, memory.builds) if dirty else None
    return LanguageBuild(lang, site, plan, PageRenderer(templates_dir, site, plan, lang, today, settings, memory.templates), today,
                         settings, rerender)
