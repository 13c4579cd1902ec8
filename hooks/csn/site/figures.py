"""The home page's key figures, counted from the data: projects, partners, countries, years of activity."""

from __future__ import annotations

from dataclasses import dataclass

from csn.data.model import Site


@dataclass(frozen=True)
class Figure:
    value: int
    label: str  # the strings key of its label, plural by the value: "figures.projects"
    section: str  # the section page it leads to: "projects", "partners", "news"
    detail: str = ""  # what the figure covers, e.g. the years "2020–2022"


def key_figures(site: Site) -> list[Figure]:
    """What the consortium can show as proof of activity; a figure of zero is left out."""
    first, last = activity_years(site)
    figures = [
        Figure(len(site.projects), "figures.projects", "projects"),
        Figure(len(site.partners), "figures.partners", "partners"),
        Figure(len({partner.country for partner in site.partners}), "figures.countries", "partners"),
        Figure(last - first + 1 if first else 0, "figures.years", "news",
               f"{first}–{last}" if first and last > first else str(first)),
    ]
    return [figure for figure in figures if figure.value > 0]


def activity_years(site: Site) -> tuple[int, int]:
    """The first and last years with a project running or a news item, (0, 0) without any.

    A project without an end runs until the day the site is published for."""
    starts = [project.start.year for project in site.projects] + [news.date.year for news in site.news]
    if not starts:
        return 0, 0
    ends = [(project.end.year if project.end else site.today.year) for project in site.projects]
    ends += [news.date.year for news in site.news]
    return min(starts), min(max(ends), max(site.today.year, min(starts)))
