"""The site's own settings, under `extra: csn:` in mkdocs.yml, checked like the data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .archive import DEFAULT_NEWS_PER_PAGE
from .errors import DataError, Problem

CONFIG_FILE = "mkdocs.yml"
SECTION = "extra.csn"


@dataclass(frozen=True)
class Settings:
    news_per_page: int = DEFAULT_NEWS_PER_PAGE  # items on each page of the news index and year archives
    home_news: int = 3  # latest news items shown on the home page
    home_partners: int = 8  # partner logos in the home page's strip (then a link to all partners)


LIMITS = {"news_per_page": (1, 100), "home_news": (0, 20), "home_partners": (0, 40)}


def read_settings(values: Mapping[str, Any] | None) -> Settings:
    """Settings from the `extra.csn` mapping; a DataError names every wrong key."""
    values = values or {}
    problems = []
    known = {f.name for f in fields(Settings)}
    for key in values:
        if key not in known:
            problems.append(Problem(CONFIG_FILE, 0, f"{SECTION}.{key}",
                                    f"unknown setting: use {', '.join(sorted(known))}"))
    for key, (low, high) in LIMITS.items():
        value = values.get(key, getattr(Settings, key))
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            problems.append(Problem(CONFIG_FILE, 0, f"{SECTION}.{key}",
                                    f"`{value}` is not allowed: write a whole number from {low} to {high}"))
    if problems:
        raise DataError(problems)
    return Settings(**{key: values[key] for key in known if key in values})
