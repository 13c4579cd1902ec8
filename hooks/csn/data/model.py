"""The typed model of the whole site: what templates and pages receive.

Every value here was checked by validation; references are objects, optional
lists are empty lists, dates are PartialDates, and collections are sorted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from csn.data.dates import PartialDate

Translated = dict  # {"fr": str, "en": str}


class NamedInOneLanguage:
    """Something whose name may be written once, in one language (`name_lang`)."""

    name_lang: str | None

    def name_lang_on(self, lang: str) -> str | None:
        """The language to mark on the name on a page in `lang`, or None when it is the page's."""
        return self.name_lang if self.name_lang and self.name_lang != lang else None


@dataclass(eq=False)
class Theme:
    id: str
    label: Translated


@dataclass(eq=False)
class Link:
    title: Translated
    url: str


@dataclass(eq=False)
class Source:
    name: str
    url: str | None


@dataclass(eq=False)
class Location:
    """A partner's seat: a city and its coordinates in decimal degrees."""

    city: Translated
    latitude: float
    longitude: float


@dataclass(eq=False)
class Picture:
    """A picture of the data (a record's image, a partner's logo) and, once processed, its published files."""

    src: str  # "assets/images/munich-symposium.jpg"
    alt: Translated | None = None  # None: it only decorates (alt="")
    credit: Translated | None = None
    file: str = ""  # where it is named, for the problems of its pixels
    line: int = 0
    field: str = "image.src"
    purpose: str = "photo"  # or "logo": the widths made (picture_render.WIDTHS)
    rendition: Any = None  # pictures.Rendition once processed; None for an SVG, published as it is

    def alt_in(self, lang: str) -> str:
        return self.alt[lang] if self.alt else ""

    @property
    def is_svg(self) -> bool:
        return self.src.lower().endswith(".svg")


@dataclass(eq=False)
class Programme:
    """A funding or cooperation programme: the period its projects belong to."""

    id: str
    name: Translated
    start: PartialDate
    end: PartialDate | None = None
    website: str | None = None
    projects: list[Project] = field(default_factory=list, repr=False)
    file: str = ""
    draft: bool = False  # published only by a preview with DRAFTS=1


@dataclass(eq=False)
class Partner(NamedInOneLanguage):
    id: str
    name: Translated
    slug: Translated
    kind: str
    country: str
    description: Translated
    name_lang: str | None = None
    acronym: str | None = None
    region: Translated | None = None
    website: str | None = None
    logo: str | None = None
    image: Picture | None = None  # the logo, processed like the records' pictures (alt="": the name is beside it)
    location: Location | None = None
    # Back-references stay out of repr: the graph's many paths would make it endless.
    projects: list[Participation] = field(default_factory=list, repr=False)
    news: list[News] = field(default_factory=list, repr=False)
    file: str = ""
    draft: bool = False

    @property
    def monogram(self) -> str:
        """The acronym, or the initials of the name, for a partner without a logo."""
        if self.acronym:
            return self.acronym[:12]
        words = [w for w in self.name["fr"].replace("-", " ").split() if w[:1].isupper()]
        return "".join(w[0] for w in words[:3]) or self.name["fr"][:2]


@dataclass(eq=False)
class Participation:
    """A partner in a project, with its role there."""

    project: Project = field(repr=False)
    partner: Partner
    role: Translated | None = None
    funder: bool = False  # the partner funds the project (schema.org `funder`, not `member`)


@dataclass(eq=False)
class Project:
    id: str
    title: Translated
    slug: Translated
    summary: Translated
    description: Translated  # Markdown
    status: str
    start: PartialDate
    themes: list[Theme]
    end: PartialDate | None = None
    featured: bool = False
    partners: list[Participation] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    news: list[News] = field(default_factory=list, repr=False)
    programme: Programme | None = None
    image: Picture | None = None
    file: str = ""
    draft: bool = False


@dataclass(eq=False)
class News:
    id: str
    date: PartialDate
    title: Translated
    slug: Translated
    summary: Translated
    body: Translated  # Markdown
    projects: list[Project] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    source: Source | None = None
    image: Picture | None = None
    file: str = ""
    draft: bool = False
    # The languages it is published in: both, or one (`languages: [fr]`); its texts exist in these only.
    languages: tuple[str, ...] = ("fr", "en")

    def text_lang(self, lang: str) -> str:
        """The language its texts are shown in on a page in `lang`: `lang`, or the one it is written in."""
        return lang if lang in self.languages else self.languages[0]

    def other_lang(self, lang: str) -> str | None:
        """The language to mark on its title on a page in `lang`, or None when it exists in `lang`."""
        return None if lang in self.languages else self.languages[0]


@dataclass(eq=False)
class Institution(NamedInOneLanguage):
    name: Translated
    url: str
    name_lang: str | None = None


@dataclass(frozen=True)
class SocialLink:
    name: str
    url: str


@dataclass(frozen=True)
class Typeface:
    """A typeface shipped as WOFF2 files of assets/: its family name and a file per weight (400, 600, 700)."""

    name: str
    files: dict[int, str]


# The identity a site.yml without `colors:` gets: the Université de Montréal's blue and a warm accent.
DEFAULT_PRIMARY = "#0057ac"
DEFAULT_ACCENT = "#b8410e"


@dataclass(frozen=True)
class Identity:
    """The site's look from site.yml: colours (contrast checked), logo, typeface."""

    primary: str = DEFAULT_PRIMARY
    accent: str = DEFAULT_ACCENT
    logo: str | None = None  # "assets/identity/csn-wordmark.svg"
    typeface: Typeface | None = None


@dataclass(eq=False)
class SiteInfo(NamedInOneLanguage):
    name: Translated
    acronym: str
    tagline: Translated
    description: Translated
    institution: Institution
    email: str | None = None
    name_lang: str | None = None
    address: Translated | None = None
    social: list[SocialLink] = field(default_factory=list)
    identity: Identity = field(default_factory=Identity)


@dataclass(eq=False)
class Site:
    info: SiteInfo
    themes: list[Theme]
    projects: list[Project]  # by start date, newest first, then title
    partners: list[Partner]  # by French name
    news: list[News]  # published ones, newest first
    today: dt.date  # the day this site is published for
    programmes: list[Programme] = field(default_factory=list)  # by start, then name
    assets: list[str] = field(default_factory=list)  # checked images to publish: "assets/logos/udem.svg"
    # Processed pictures to publish: their path from the site root -> the file in the cache (pictures.py).
    picture_files: dict[str, Any] = field(default_factory=dict)
    picture_work: tuple[int, int] = (0, 0)  # pictures made, and taken from the cache, by the load
    scheduled: list[News] = field(default_factory=list)  # dated after `today`: on no page, feed or export
    drafts: list[str] = field(default_factory=list)  # the files of the drafts left out (all shown with DRAFTS=1)
    warnings: list = field(default_factory=list)  # Problems of severity "warning" met while checking

    @property
    def featured_projects(self) -> list[Project]:
        return [p for p in self.projects if p.featured] or self.projects[:3]
