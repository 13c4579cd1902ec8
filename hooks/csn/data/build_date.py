"""The one date and time a build is made at: SOURCE_DATE_EPOCH when set, else now.

Everything in the output that depends on "today" (sitemap dates, feed timestamps,
which scheduled news is already published) takes it from here, so two builds of
the same commit with the same SOURCE_DATE_EPOCH are byte-identical
(https://reproducible-builds.org/specs/source-date-epoch/).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from importlib import resources
from zoneinfo import ZoneInfo

from csn.data.errors import DataError, Problem
from csn.messages import Message

VARIABLE = "SOURCE_DATE_EPOCH"
# The consortium's day is Montréal's day: a news item dated 2020-06-29 is published on
# that day there, whatever the time zone of the machine that builds the site.
SITE_TIME_ZONE = "America/Toronto"


class BuildDateError(DataError):
    """SOURCE_DATE_EPOCH is set to something that is not a time: reported like a problem of the data."""

    def __init__(self, message: Message):
        super().__init__([Problem(VARIABLE, 0, "", message)])


@functools.cache
def _site_zone() -> dt.tzinfo:
    # The pinned tzdata package, never the machine's own database: the same rules everywhere.
    with resources.files("tzdata").joinpath("zoneinfo", *SITE_TIME_ZONE.split("/")).open("rb") as rules:
        return ZoneInfo.from_file(rules, key=SITE_TIME_ZONE)


def site_time_zone() -> dt.tzinfo:
    """Montréal's time zone, from the pinned tzdata package."""
    return _site_zone()


def build_datetime(environ: dict[str, str] | None = None) -> dt.datetime:
    """The build's instant, in the site's time zone (raises BuildDateError on a bad SOURCE_DATE_EPOCH)."""
    environ = os.environ if environ is None else environ
    text = environ.get(VARIABLE, "").strip()
    if not text:
        return dt.datetime.now(_site_zone())
    if not text.isdigit():
        raise BuildDateError(Message("setting.epoch", value=text))
    try:
        return dt.datetime.fromtimestamp(int(text), dt.UTC).astimezone(_site_zone())
    except (OverflowError, OSError, ValueError):
        raise BuildDateError(Message("setting.epoch_too_large", value=text)) from None


def build_date(environ: dict[str, str] | None = None) -> dt.date:
    """The build's day in Montréal: what "today" means for this build."""
    return build_datetime(environ).date()
