"""The site's own settings, under `extra: csn:` in mkdocs.yml, checked like the data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from csn.data.dates import DEFAULT_YEARS, YearRange
from csn.data.errors import DataError, Problem
from csn.messages import Message

CONFIG_FILE = "mkdocs.yml"
SECTION = "extra.csn"
DEFAULT_NEWS_PER_PAGE = 10



@dataclass(frozen=True)
class Settings:
    news_per_page: int = DEFAULT_NEWS_PER_PAGE  # items on each page of the news index and year archives
    home_news: int = 3  # latest news items shown on the home page
    home_partners: int = 8  # partner logos in the home page's strip (then a link to all partners)
    first_year: int = DEFAULT_YEARS[0]  # the years a date of the data may fall in (a typo outside is reported)
    last_year: int = DEFAULT_YEARS[1]

    @property
    def years(self) -> YearRange:
        return YearRange(self.first_year, self.last_year)


# The calendar ends in 9999: the last year leaves room for a period's "day after" and the timeline's margin.
LIMITS = {"news_per_page": (1, 100), "home_news": (0, 20), "home_partners": (0, 40), "first_year": (1000, 9000),
          "last_year": (1000, 9000)}


def read_settings(values: Mapping[str, Any] | None) -> Settings:
    """Settings from the `extra.csn` mapping; a DataError names every wrong key."""
    values = values or {}
    problems = []
    known = {f.name for f in fields(Settings)}
    for key in values:
        if key not in known:
            problems.append(Problem(CONFIG_FILE, 0, f"{SECTION}.{key}",
                                    Message("setting.unknown", known=", ".join(sorted(known)))))
    for key, (low, high) in LIMITS.items():
        value = values.get(key, getattr(Settings, key))
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            problems.append(Problem(CONFIG_FILE, 0, f"{SECTION}.{key}",
                                    Message("setting.range", value=value, low=low, high=high)))
    if not problems and values.get("first_year", Settings.first_year) > values.get("last_year", Settings.last_year):
        problems.append(Problem(CONFIG_FILE, 0, f"{SECTION}.first_year", Message("setting.years_swapped")))
    if problems:
        raise DataError(problems)
    return Settings(**{key: values[key] for key in known if key in values})


def project_settings(project_dir: Path) -> Settings:
    """The settings in the project's mkdocs.yml, for the commands that run without MkDocs (validate)."""
    config = project_dir / CONFIG_FILE
    try:
        document = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader) if config.is_file() else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return Settings()  # MkDocs reports a broken mkdocs.yml itself, with its line
    extra = document.get("extra") if isinstance(document, dict) else None
    section = extra.get("csn") if isinstance(extra, dict) else None
    return read_settings(section if isinstance(section, dict) else None)


class _AnyTagLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """mkdocs.yml's own tags (!ENV, !relative) read as plain values: only extra.csn is used."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)
