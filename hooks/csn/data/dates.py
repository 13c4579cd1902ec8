"""Dates with their real precision (year, month or day) and their localized forms."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from babel.dates import format_date, format_skeleton

from csn.messages import Message

LOCALES = {"fr": "fr_CA", "en": "en_CA"}
# The consortium's years: a date outside them is a typo (1020, 9999) that would squeeze the timeline or
# overflow the calendar. mkdocs.yml's extra.csn.first_year and last_year change them.
DEFAULT_YEARS = (1950, 2100)


@dataclass(frozen=True)
class YearRange:
    first: int = DEFAULT_YEARS[0]
    last: int = DEFAULT_YEARS[1]

    def problem(self, date: PartialDate, text: str) -> Message | None:
        """Why `date` (written `text`) is out of range, or None."""
        if self.first <= date.year <= self.last:
            return None
        return Message("date.out_of_years", value=text, first=self.first, last=self.last)
# ISO 8601 calendar dates at their precision; ASCII digits only (`\d` would take any script's digits).
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day; never an invented day."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def first_day_after(self) -> dt.date:
        """The day after the last day this date may mean: 2020 -> 2021-01-01, 2020-06 -> 2020-07-01."""
        if self.day:
            return self.first_day() + dt.timedelta(days=1)
        if self.month:
            return dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return dt.date(self.year + 1, 1, 1)

    def localized(self, lang: str) -> str:
        """'29 juin 2020' / 'June 29, 2020', 'juin 2020' / 'June 2020', '2020'."""
        return _localized(self, lang)


# A date is shown on many pages (its item, the lists, the related items): Babel formats it once.
@cache
def _localized(date: PartialDate, lang: str) -> str:
    if date.precision == "year":
        return str(date.year)
    locale = LOCALES[lang]
    if date.precision == "month":
        return format_skeleton("yMMMM", date.first_day(), locale=locale)
    if lang == "en":
        return format_date(date.first_day(), "MMMM d, y", locale=locale)
    return format_date(date.first_day(), "d MMMM y", locale=locale)


class DateError(ValueError):
    """A text that is not a date; `message` says why to an editor."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(message.code)


CONSORTIUM_YEARS = YearRange()


def parse_partial_date(text: str) -> PartialDate:
    """Read `2020`, `2020-06` or `2020-06-29`; raise DateError with an editor's message."""
    match = _ISO.fullmatch(text.strip())
    if not match:
        raise DateError(Message("date.invalid", value=text))
    year, month, day = (int(part) if part else 0 for part in match.groups())
    if year < 1:
        raise DateError(Message("date.year_zero", value=text))
    if match.group(2) and not 1 <= month <= 12:
        raise DateError(Message("date.no_month", value=text, month=month))
    if match.group(3):
        try:
            dt.date(year, month, day)
        except ValueError:
            raise DateError(Message("date.no_day", value=text, day=day)) from None
    return PartialDate(year, month, day)
