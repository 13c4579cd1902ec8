"""Scheduled publishing: which day "today" is, and whether a news item may be published yet.

A news item dated after today is left out of the whole site (page, cards,
feeds, search, sitemap, open data) until a build on or after its date.
Today is the build's day in Montréal (build_date.py: SOURCE_DATE_EPOCH when
set); `CSN_TODAY=2030-06-15` pins the day to publish for (tests, or a preview
of what will appear on a given day).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from csn.data.build_date import build_date
from csn.data.dates import PartialDate
from csn.data.errors import DataError, Problem
from csn.messages import Message

TODAY_VARIABLE = "CSN_TODAY"
# Set by `make serve DRAFTS=1`: the preview then shows the records marked `draft: true`.
DRAFTS_VARIABLE = "CSN_DRAFTS"


def show_drafts(environ: Mapping[str, str] | None = None) -> bool:
    """Whether this build publishes the drafts too (a preview only: `make serve DRAFTS=1`)."""
    environ = os.environ if environ is None else environ
    return environ.get(DRAFTS_VARIABLE, "").strip() not in ("", "0")


def publication_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """The day the build publishes for: $CSN_TODAY when set, else the build's day in Montréal."""
    environ = os.environ if environ is None else environ
    value = environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return build_date(dict(environ))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DataError([Problem(TODAY_VARIABLE, 0, "", Message("setting.today", value=value))]) from None


def is_published(date: PartialDate, today: dt.date) -> bool:
    """An item is published from the first day its date can mean (June 2030 -> 1 June 2030)."""
    return date.first_day() <= today


def scheduled_warnings(site) -> list[Problem]:
    """The data's warnings, and one per news item dated after today: checked, but on no page until its day."""
    return site.warnings + [Problem(item.file, 0, "date", Message("scheduled.news", date=item.date.iso(), today=site.today.isoformat(),
                                                  variable=TODAY_VARIABLE), severity="warning")
            for item in site.scheduled]
