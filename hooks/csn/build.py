"""Everything one language's build needs, computed from the data and docs folders.

Loading and planning are language-independent, so their result is kept
between the language builds of one run (and between preview rebuilds) as
long as no input file changed; the per-language renderer is made anew.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .build_date import build_date
from .load import load_site
from .model import Site
from .pages import PageRenderer
from .plan import Plan, build_plan


@dataclass
class LanguageBuild:
    lang: str
    site: Site
    plan: Plan
    renderer: PageRenderer
    today: dt.date  # the build's day (SOURCE_DATE_EPOCH when set)


_cache: dict[Path, tuple[tuple, Site, Plan]] = {}


def _fingerprint(*folders: Path) -> tuple:
    """Names, sizes and modification times of every input file: changes when an editor saves."""
    entries = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                entries.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def prepare(project_dir: Path, docs_dir: Path, templates_dir: Path, lang: str) -> LanguageBuild:
    """Load, validate and plan (raises DataError, BuildDateError), then make this language's renderer."""
    today = build_date()
    data_dir = project_dir / "data"
    stamp = _fingerprint(data_dir, docs_dir)
    cached = _cache.get(data_dir)
    if cached and cached[0] == stamp:
        site, plan = cached[1], cached[2]
    else:
        site = load_site(data_dir)
        plan = build_plan(site, docs_dir)
        _cache[data_dir] = (stamp, site, plan)
    return LanguageBuild(lang, site, plan, PageRenderer(templates_dir, site, plan, lang, today), today)
