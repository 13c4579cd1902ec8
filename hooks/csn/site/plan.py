"""The plan of the site: which page exists in which language at which URL.

Pages come from two sources: the Markdown files of `docs/<lang>/` (the home
page, the section introductions, free pages such as "about") and the
records of the model (one page per project, partner and news item). Every
page exists in every language and knows its twins, except a news item
published in one language (`languages: [fr]`): its page exists in that
language alone, and the other language lists it as written in the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from csn.data.addresses import reserved_problem
from csn.data.errors import DataError, Problem
from csn.data.front_matter import read_front_matter
from csn.data.model import Site
from csn.data.schema import DEFAULT_LANGUAGE, LANGUAGES
from csn.data.settings import DEFAULT_NEWS_PER_PAGE
from csn.data.validate import id_problem
from csn.messages import Message
from csn.site import archive

# The docs file that introduces each section, and the page kinds it leads to.
SECTIONS = {"projects": "project", "partners": "partner", "news": "news"}
HOME_FILE = "index.md"
# Docs pages whose body the data layer completes, by file name: the open data page lists the datasets.
DATA_PAGES = {"open-data": "open_data"}


@dataclass(eq=False)
class PlannedPage:
    key: str  # the same in every language: "doc:about.md", "project:lac-de-donnees"
    kind: str  # home, doc, open_data, projects, partners, news (indexes), news_year, project, partner, news_item
    lang: str
    path: str  # URL path from the site root: "" (home), "projets/lac-de-donnees/", "en/news/"
    title: str
    entity: Any = None
    source: str | None = None  # docs file for Markdown pages: "fr/about.md"
    description: str = ""
    alternates: dict[str, PlannedPage] = field(default_factory=dict)

    @property
    def is_generated(self) -> bool:
        return self.source is None

    @property
    def dest_uri(self) -> str:
        return self.path + "index.html"

    def twin(self, lang: str) -> PlannedPage:
        return self.alternates[lang]

    @property
    def default_twin(self) -> PlannedPage:
        """The x-default alternate: the page in the default language, or this page when it has no twin there."""
        return self.alternates.get(DEFAULT_LANGUAGE, self)


@dataclass
class Plan:
    pages: list[PlannedPage]
    by_key: dict[tuple[str, str], PlannedPage]

    def page(self, key: str, lang: str) -> PlannedPage:
        return self.by_key[(key, lang)]

    def for_entity(self, entity: Any, lang: str) -> PlannedPage:
        """The record's page in `lang`; for a news item in one language only, its page in that language."""
        key = entity_key(entity)
        page = self.by_key.get((key, lang))
        return page if page is not None else self.by_key[(key, entity.text_lang(lang))]

    def in_language(self, lang: str) -> list[PlannedPage]:
        return [p for p in self.pages if p.lang == lang]


def entity_key(entity: Any) -> str:
    kind = {"Project": "project", "Partner": "partner", "News": "news_item"}[type(entity).__name__]
    return f"{kind}:{entity.id}"


def language_prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def section_path(docs_dir: Path, section: str, lang: str) -> str:
    """The URL path of a section's index page ("projets/", "en/projects/"), from its docs page."""
    meta, _ = read_front_matter(docs_dir / lang / f"{section}.md", f"docs/{lang}/{section}.md")
    return language_prefix(lang) + f"{meta.get('slug') or section}/"


def build_plan(site: Site, docs_dir: Path, news_per_page: int = DEFAULT_NEWS_PER_PAGE) -> Plan:
    """Every page in every language; raise DataError when docs pages lack a twin or collide."""
    problems: list[Problem] = []
    pages: list[PlannedPage] = []
    section_pages: dict[tuple[str, str], PlannedPage] = {}
    docs = {lang: sorted(p.relative_to(docs_dir / lang).as_posix() for p in (docs_dir / lang).rglob("*.md"))
            for lang in LANGUAGES}
    unreadable: set[tuple[str, str]] = set()
    for name in sorted(set().union(*docs.values())):
        for lang in LANGUAGES:
            shown = f"docs/{lang}/{name}"
            if name not in docs[lang]:
                problems.append(Problem(shown, 0, "", Message("missing.twin", lang=lang)))
                continue
            meta, front_problems = read_front_matter(docs_dir / lang / name, shown)
            problems += front_problems
            if front_problems:
                unreadable.add((name, lang))  # reported once, not again as a missing section
                continue
            page = _doc_page(name, lang, meta, shown, problems)
            if page:
                pages.append(page)
                if page.kind in SECTIONS:
                    section_pages[(page.kind, lang)] = page
    for section in SECTIONS:
        for lang in LANGUAGES:
            if (section, lang) not in section_pages and (f"{section}.md", lang) not in unreadable:
                problems.append(Problem(f"docs/{lang}/{section}.md", 0, "", Message("missing.section_page")))
    if problems:
        raise DataError(problems)
    for lang in LANGUAGES:
        for entity, kind, section in [(p, "project", "projects") for p in site.projects] + \
                [(p, "partner", "partners") for p in site.partners] + \
                [(n, "news_item", "news") for n in site.news if lang in n.languages]:
            title = entity.name[lang] if kind == "partner" else entity.title[lang]
            description = entity.description[lang] if kind == "partner" else entity.summary[lang]
            pages.append(PlannedPage(
                key=f"{kind}:{entity.id}", kind=kind, lang=lang,
                path=f"{section_pages[(section, lang)].path}{entity.slug[lang]}/",
                title=title, entity=entity, description=description))
        pages += _news_archive_pages(site, section_pages[("news", lang)], news_per_page)
    return _link_twins(pages)


def _news_archive_pages(site: Site, index: PlannedPage, per_page: int) -> list[PlannedPage]:
    """The news index's later pages and the year archives; the index's first page is the docs page."""
    generated = []
    lists = [(None, site.news)] + archive.by_year(site.news)
    for year, items in lists:
        listings = archive.paginate(items, per_page, year)
        shared: list[PlannedPage] = []  # every page of this list, in order, seen from each of them
        for listing in listings:
            listing.pages = shared
            if year is None and listing.number == 1:
                page = index
                page.entity = listing
            else:
                page = PlannedPage(
                    key=archive.listing_key(year, listing.number), kind="news" if year is None else "news_year",
                    lang=index.lang, path=archive.listing_path(index.path, year, listing.number),
                    title=archive.listing_title(index.title, listing, index.lang), entity=listing,
                    description=archive.listing_description(index.description, listing, index.lang))
                generated.append(page)
            shared.append(page)
    return generated


def _doc_page(name: str, lang: str, meta: dict[str, Any], shown: str, problems: list[Problem]) -> PlannedPage | None:
    stem = name[: -len(".md")]
    folder, _, base = stem.rpartition("/")
    title = str(meta.get("title") or "").strip()
    if not title:
        problems.append(Problem(shown, 1, "title", Message("missing.page_title")))
        return None
    if name == HOME_FILE:
        kind, path = "home", ""
    else:
        slug = str(meta.get("slug") or base)
        problem = id_problem(slug) or (reserved_problem(slug) if not folder else None)
        if problem:
            problems.append(Problem(shown, 1, "slug", problem))
            return None
        kind = base if not folder and base in SECTIONS else DATA_PAGES.get(base, "doc") if not folder else "doc"
        path = f"{folder}/{slug}/" if folder else f"{slug}/"
    return PlannedPage(key=f"doc:{name}", kind=kind, lang=lang, path=language_prefix(lang) + path, title=title,
                       source=f"{lang}/{name}", description=str(meta.get("description") or ""))


def _link_twins(pages: list[PlannedPage]) -> Plan:
    by_key: dict[tuple[str, str], PlannedPage] = {}
    for page in pages:
        by_key[(page.key, page.lang)] = page
    for page in pages:
        page.alternates = {lang: by_key[(page.key, lang)] for lang in LANGUAGES if (page.key, lang) in by_key}
    paths: dict[str, PlannedPage] = {}
    problems = []
    for page in pages:
        if page.path in paths:
            other = paths[page.path]
            problems.append(Problem(_where(page), 0, "slug", Message("address.page_taken", path=page.path,
                                                                     other=_where(other))))
        paths[page.path] = page
    if problems:
        raise DataError(problems)
    return Plan(pages, by_key)


def _where(page: PlannedPage) -> str:
    if page.source:
        return f"docs/{page.source}"
    return getattr(page.entity, "file", page.key)
