"""The project timeline: one bar per project on a time axis, the programmes' periods behind them.

Horizontal positions are percentages of the picture's width, vertical ones
pixels: the picture takes the page's width while its text keeps its size, so
it reads the same on a phone and on a wide screen. Dates keep their precision:
a date known to the year or the month is an interval, drawn as a faded edge
across it, never as an invented day.

Each project's title stands on one line just above its own bar, from the bar's
start or up to its end (whichever side has more room), shortened with "…" to
fit: once for the narrowest phone, once for wide screens (the stylesheet shows
one). The full title is the row's tooltip, its accessible name, and shows on
keyboard focus.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

from csn.data.dates import PartialDate
from csn.data.model import Programme, Project, Site

# The page language's strings: t(key, **values) -> text (csn.site.strings.Translator).
Translate = Callable[..., str]

TITLE_SIZE = 14  # px, the projects' titles
SMALL_SIZE = 12  # px, every other text
TITLE_LINE = 18
SMALL_LINE = 16
BAR_HEIGHT = 12
ROW_GAP = 14
AXIS_ROW = 24  # the row of year labels
NARROWEST = 288  # px: the picture's width on the smallest phones (320 px wide) ...
NARROW_WIDEST = 690  # ... and on the widest screens that still use the narrow layout (44.9375em)
WIDE_NARROWEST = 600  # px: the picture's width on the narrowest screens of the wide layout
CHARACTER = 0.56  # the width of an average character, in em: how long a line may be
ELLIPSIS = "…"
MAX_YEAR_LABELS = 8
OPEN_MIN_SHARE = 4.0  # percent: an open end gets at least this much room to fade out


@dataclass(eq=False)
class Segment:
    """A stretch of a bar: `in` fades in over an imprecise start, `out` fades out over an imprecise
    end, `solid` is known for sure, `vague` is a period that lies somewhere inside it, `open` runs on."""

    kind: str
    x: float  # percent
    width: float  # percent


@dataclass(eq=False)
class Bar:
    project: Project
    label_lines: list[str]  # the full title, wrapped for the narrowest phone: shown on keyboard focus
    label_x: float  # percent: the bar's start (anchor start) or its end (anchor end)
    meta: str  # "Terminé · 2020 – 2022"
    aria_label: str
    label_y: float  # px, the title's baseline
    meta_y: float
    bar_y: float  # px, the bar's top
    segments: list[Segment]
    open_end: bool
    label_anchor: str = "start"
    short_narrow: str = ""  # the title on one line, shortened to fit a phone
    short_wide: str = ""  # ... and a wide screen
    meta_narrow: str = ""
    project_title: str = ""

    @property
    def label_dx(self) -> int:
        """A few pixels off the bar's edge, inwards."""
        return 4 if self.label_anchor == "start" else -4

    @property
    def shortened(self) -> bool:
        return self.short_narrow != self.project_title or self.short_wide != self.project_title

    @property
    def full_dy(self) -> list[str]:
        """The full title's lines, stacked upwards from the title's baseline: over the rows before it,
        which are painted earlier, so that nothing covers it while it shows."""
        count = len(self.label_lines)
        return [f"{-1.25 * (count - 1):.2f}em"] + ["1.25em"] * (count - 1)


@dataclass(eq=False)
class Band:
    programme: Programme
    x: float
    width: float
    label_lines: list[str]
    label_x: float
    label_y: float
    label_anchor: str
    period: str


@dataclass(eq=False)
class YearLabel:
    x: float  # percent, the middle of the year
    text: str


@dataclass(eq=False)
class Timeline:
    height: float
    axis_y: float  # px, the top of the axis row
    rows_top: float
    ticks: list[float]  # percent: every first of January
    minor_ticks: list[float]  # percent: months or quarters, when the span is short
    year_labels: list[YearLabel]
    bands: list[Band]
    bars: list[Bar]
    today_x: float | None
    title: str
    description: str
    statuses: list[str]  # those shown, for the legend
    imprecise: bool  # some edge fades
    has_open_end: bool
    summary_items: list[str] = field(default_factory=list)  # the same facts as a list


def build_timeline(site: Site, t: Translate, today: dt.date) -> Timeline | None:
    """None when there is no project to draw."""
    projects = sorted(site.projects, key=lambda p: (p.start.first_day(), _end_key(p), p.title[t.lang].casefold()))
    if not projects:
        return None
    programmes = [p for p in site.programmes if p.projects] or list(site.programmes)
    open_ended = any(p.end is None for p in projects) or any(p.end is None for p in programmes)
    first_year = min([p.start.year for p in projects] + [p.start.year for p in programmes])
    last_year = max([(p.end or p.start).year for p in projects] + [(p.end or p.start).year for p in programmes])
    if open_ended:
        last_year = max(last_year, today.year)
    axis = _Axis(dt.date(first_year, 1, 1), dt.date(last_year + 1, 1, 1))
    if open_ended and axis.x(_open_from(projects, today)) > 100 - OPEN_MIN_SHARE:
        axis = _Axis(axis.start, dt.date(last_year + 2, 1, 1))

    y = 4.0
    bands = []
    for programme in programmes:
        band, y = _band(programme, axis, t, y)
        bands.append(band)
    axis_y = y
    rows_top = y + AXIS_ROW
    bars, y = [], rows_top + 6
    for project in projects:
        bar, y = _bar(project, axis, t, today, y)
        bars.append(bar)
    years = list(range(axis.start.year, axis.end.year))
    step = -(-len(years) // MAX_YEAR_LABELS)
    imprecise = any(s.kind in ("in", "out", "vague") and s.width > 0.05 for b in bars for s in b.segments)
    timeline = Timeline(
        height=round(y + 4, 1), axis_y=axis_y, rows_top=rows_top,
        ticks=[axis.x(dt.date(year, 1, 1)) for year in years[1:]],
        minor_ticks=_minor_ticks(axis, years),
        year_labels=[YearLabel(axis.x(dt.date(year, 7, 2)), str(year)) for year in years[::step]],
        bands=bands, bars=bars,
        today_x=axis.x(today) if axis.start <= today < axis.end else None,
        title=t("timeline.title"), description="", statuses=[], imprecise=imprecise,
        has_open_end=any(b.open_end for b in bars))
    timeline.statuses = [s for s in ("planned", "active", "completed") if any(b.project.status == s for b in bars)]
    timeline.description = _description(timeline, projects, t)
    timeline.summary_items = [bar.aria_label for bar in bars]
    return timeline


class _Axis:
    def __init__(self, start: dt.date, end: dt.date):
        self.start, self.end = start, end
        self.days = (end - start).days

    def x(self, day: dt.date) -> float:
        return round(min(max((day - self.start).days / self.days, 0.0), 1.0) * 100, 3)


def _end_key(project: Project) -> dt.date:
    return project.end.first_day_after() if project.end else dt.date.max


def _open_from(projects: list[Project], today: dt.date) -> dt.date:
    return max(max(today, p.start.first_day_after()) for p in projects if p.end is None) \
        if any(p.end is None for p in projects) else today


def _period(start: PartialDate, end: PartialDate | None, t: Translate) -> str:
    if end is None:
        return t("project.since", start=start.localized(t.lang))
    if end == start:
        return start.localized(t.lang)
    return t("period.range", start=start.localized(t.lang), end=end.localized(t.lang))


def _wrap(text: str, x: float) -> tuple[list[str], float, str]:
    """Lines that fit the narrowest picture from `x` on; from the left edge when too little room is left."""
    room = int((100 - x) / 100 * NARROWEST / (TITLE_SIZE * CHARACTER))
    if room < 20:
        x, room = 0.0, int(NARROWEST / (TITLE_SIZE * CHARACTER))
    return textwrap.wrap(text, room) or [text], x, "start"


def _band(programme: Programme, axis: _Axis, t: Translate, y: float) -> tuple[Band, float]:
    x0 = axis.x(programme.start.first_day())
    x1 = axis.x(programme.end.first_day_after()) if programme.end else 100.0
    lines, label_x, anchor = _wrap(programme.name[t.lang], x0)
    label_y = y + SMALL_SIZE
    band = Band(programme, x0, round(x1 - x0, 3), lines, label_x, label_y, anchor,
                _period(programme.start, programme.end, t))
    return band, y + len(lines) * SMALL_LINE + 2


def _bar(project: Project, axis: _Axis, t: Translate, today: dt.date, y: float) -> tuple[Bar, float]:
    s0, s1 = project.start.first_day(), project.start.first_day_after()
    segments = []

    def add(kind: str, start: dt.date, end: dt.date) -> None:
        x0, x1 = axis.x(start), axis.x(end)
        if x1 > x0:
            segments.append(Segment(kind, x0, round(x1 - x0, 3)))

    if project.end is not None:
        e0, e1 = project.end.first_day(), project.end.first_day_after()
        if s1 <= e0:
            add("in", s0, s1)
            add("solid", s1, e0)
            add("out", e0, e1)
        else:  # start and end share a year or a month: somewhere inside it
            add("vague", s0, e1)
    else:
        known = max(today, s1)
        add("in", s0, s1)
        add("solid", s1, known)
        add("open", known, axis.end)
    title = project.title[t.lang]
    start_x = axis.x(s0)
    end_x = segments[-1].x + segments[-1].width if segments else start_x
    # Beside its own bar: from its start rightwards, or up to its end leftwards, where the room is larger.
    anchor, label_x, room = ("start", start_x, 100 - start_x) if 100 - start_x >= end_x else ("end", end_x, end_x)
    status = t("status." + project.status)
    period = _period(project.start, project.end, t)
    meta = f"{status} · {period}"
    aria = t("timeline.bar", title=title, status=status, period=period)
    if project.programme:
        aria = t("timeline.in_programme", text=aria, programme=project.programme.name[t.lang])
    label_y = y + TITLE_SIZE
    meta_y = y + TITLE_LINE + SMALL_SIZE - 1
    bar_y = y + TITLE_LINE + SMALL_LINE + 2
    bar = Bar(project, _wrap_lines(title, NARROWEST), label_x, meta, aria, label_y, meta_y, bar_y, segments,
              open_end=project.end is None, label_anchor=anchor,
              short_narrow=shorten(title, _fits(room, NARROWEST, TITLE_SIZE)),
              short_wide=shorten(title, _fits(room, WIDE_NARROWEST, TITLE_SIZE)),
              meta_narrow=shorten(meta, _fits(room, NARROWEST, SMALL_SIZE)), project_title=title)
    return bar, bar_y + BAR_HEIGHT + ROW_GAP


def _fits(room: float, width: float, size: float) -> int:
    """How many characters of text `size` px high fit in `room` percent of a `width` px picture."""
    return max(8, int(room / 100 * width / (size * CHARACTER)) - 1)


def shorten(text: str, limit: int) -> str:
    """`text` when it fits `limit` characters, else cut at a word and ended with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + ELLIPSIS


def _wrap_lines(text: str, width: float) -> list[str]:
    return textwrap.wrap(text, int(width / (TITLE_SIZE * CHARACTER))) or [text]


def _minor_ticks(axis: _Axis, years: list[int]) -> list[float]:
    """Months on a span of up to three years, quarters up to six; none beyond."""
    months = (1,) if len(years) > 6 else (4, 7, 10) if len(years) > 3 else range(2, 13)
    return [axis.x(dt.date(year, month, 1)) for year in years for month in months if month != 1]


def _description(timeline: Timeline, projects: list[Project], t: Translate) -> str:
    first = min(p.start for p in projects)
    last = max((p.end or p.start) for p in projects)
    parts = [t.plural("timeline.summary", len(projects), start=first.localized(t.lang), end=last.localized(t.lang))]
    if timeline.has_open_end:
        parts.append(t("timeline.open_note"))
    if timeline.bands:
        parts.append(t("timeline.programmes", list=t.join([f"{b.programme.name[t.lang]} ({b.period})"
                                                              for b in timeline.bands])))
    if timeline.imprecise:
        parts.append(t("timeline.precision"))
    return " ".join(parts)
