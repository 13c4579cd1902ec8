"""What Material's templates need to know about a planned page: titles, twins, URLs."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from csn.data.model import NamedInOneLanguage
from csn.data.schema import DEFAULT_LANGUAGE
from csn.outputs.feeds import FEED_TYPE, feed_path
from csn.outputs.seo import SeoContext, seo_context
from csn.site.plan import PlannedPage, language_prefix
from csn.site.strings import Translator
from csn.site.urls import absolute_url, relative_url


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str  # the language's own name, in that language
    href: str  # relative to the current page
    url: str  # absolute
    current: bool


@dataclass(frozen=True)
class FooterLink:
    title: str
    href: str  # relative to the current page
    type: str = ""  # the media type of a file that is not a page


@dataclass(frozen=True)
class PageContext:
    page: PlannedPage
    lang: str
    title: str
    description: str
    canonical: str
    alternates: tuple[Alternate, ...]
    default_url: str  # the x-default alternate
    site_name: str
    institution_name: str
    institution_url: str
    seo: SeoContext
    footer_links: tuple[FooterLink, ...]
    footer_label: str
    # The language to mark on a text written in another language than the page's, or None.
    title_lang: str | None = None
    site_name_lang: str | None = None
    institution_name_lang: str | None = None

    @property
    def others(self) -> tuple[Alternate, ...]:
        return tuple(a for a in self.alternates if not a.current)


def page_meta(page: PlannedPage) -> dict:
    """Front-matter values MkDocs and Material print unescaped: escape what came from data."""
    # The header tabs show the sections; the left sidebar would repeat them.
    meta = {"title": Markup(escape(page.title)), "hide": ["navigation"]}
    if is_archive_listing(page):
        meta["search"] = {"exclude": True}  # its items are found on their own pages
    return meta


def is_archive_listing(page: PlannedPage) -> bool:
    """A year archive or a later page of the news index: lists of items that have their own pages."""
    return page.kind == "news_year" or (page.kind == "news" and page.entity.number > 1)


def language_root(page: PlannedPage) -> str:
    """The root of the page's language relative to it, as MkDocs writes `base_url`: ".", "..", "../.."."""
    return relative_url(page.path, language_prefix(page.lang)).rstrip("/") or "."


def page_context(page: PlannedPage, build, config) -> PageContext:
    site_url = config.site_url or "/"
    info = build.site.info
    alternates = tuple(
        Alternate(lang=twin.lang, name=Translator(twin.lang)("language.name"),
                  href=relative_url(page.path, twin.path), url=absolute_url(site_url, twin.path),
                  current=twin is page)
        for twin in page.alternates.values())
    return PageContext(
        page=page, lang=page.lang, title=page.title,
        description=page.description or info.description[page.lang],
        canonical=absolute_url(site_url, page.path), alternates=alternates,
        default_url=absolute_url(site_url, page.twin(DEFAULT_LANGUAGE).path),
        site_name=info.name[page.lang], institution_name=info.institution.name[page.lang],
        institution_url=info.institution.url,
        title_lang=page.entity.name_lang_on(page.lang) if isinstance(page.entity, NamedInOneLanguage) else None,
        site_name_lang=info.name_lang_on(page.lang),
        institution_name_lang=info.institution.name_lang_on(page.lang),
        seo=seo_context(page, build.site, build.plan, site_url),
        footer_links=footer_links(page, build.plan), footer_label=Translator(page.lang)("footer.label"))


def footer_links(page: PlannedPage, plan) -> tuple[FooterLink, ...]:
    """The open data page and the news feed, in the page's language."""
    t = Translator(page.lang)
    links = []
    open_data = plan.by_key.get(("doc:open-data.md", page.lang))
    if open_data is not None:
        links.append(FooterLink(t("footer.open_data"), relative_url(page.path, open_data.path)))
    links.append(FooterLink(t("footer.feed"), relative_url(page.path, feed_path(page.lang)), FEED_TYPE))
    return tuple(links)


def theme_globals(build, lang: str) -> dict:
    """What Material's overrides print on every page of a language, the 404 included; `build` is None
    while a preview shows the data's problems instead of the site."""
    return {"csn_t": Translator(lang), "csn_site_name_lang": build.site.info.name_lang_on(lang) if build else None}
