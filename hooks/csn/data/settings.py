"""The site's own settings, under `extra: csn:` in mkdocs.yml, checked like the data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from csn.data.errors import DataError, Problem
from csn.messages import Message

CONFIG_FILE = "mkdocs.yml"
SECTION = "extra.csn"
DEFAULT_NEWS_PER_PAGE = 10



@dataclass(frozen=True)
class Settings:
    news_per_page: int = DEFAULT_NEWS_PER_PAGE  # items on each page of the news index and year archives
    home_news: int = 3  # latest news items shown on the home page


LIMITS = {"news_per_page": (1, 100), "home_news": (0, 20)}


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
    if problems:
        raise DataError(problems)
    return Settings(**{key: values[key] for key in known if key in values})
