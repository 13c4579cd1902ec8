"""What Material's templates need to know about a planned page: titles, twins, URLs."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from csn.data.model import Identity, NamedInOneLanguage, Site, SocialLink
from csn.data.schema import LANGUAGES
from csn.outputs.feeds import FEED_TYPE, feed_path
from csn.outputs.seo import SeoContext, seo_context
from csn.site.identity_style import identity_properties
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
    # The page has no twin in this language (a news item in one language): the link goes to that
    # language's news index, `note` says why, and no hreflang alternate is announced.
    missing: bool = False
    note: str = ""


@dataclass(frozen=True)
class FooterLink:
    title: str
    path: str  # from the site's root: templates write it with MkDocs' `url` filter (relative, absolute on the 404)
    type: str = ""  # the media type of a file that is not a page


@dataclass(frozen=True)
class Footer:
    """Who runs the site and how to reach them, in one language: the same on every page of it."""

    lang: str
    site_name: str
    institution_name: str
    institution_url: str
    address: str | None
    email: str | None
    social: tuple[SocialLink, ...]
    links: tuple[FooterLink, ...]
    site_name_lang: str | None = None
    institution_name_lang: str | None = None


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
    section_path: str | None  # the path of the section index the page belongs to, whose tab is current
    # The language to mark on a text written in another language than the page's, or None.
    title_lang: str | None = None
    site_name_lang: str | None = None
    institution_name_lang: str | None = None

    @property
    def searchable(self) -> bool:
        """Whether the search indexes the page (main.html marks its body for Pagefind)."""
        return not is_archive_listing(self.page)

    @property
    def others(self) -> tuple[Alternate, ...]:
        return tuple(a for a in self.alternates if not a.current)


def page_meta(page: PlannedPage) -> dict:
    """Front-matter values MkDocs and Material print unescaped: escape what came from data."""
    # The header tabs show the sections; the left sidebar would repeat them. Only free pages (about,
    # privacy) keep the table of contents: the others use the whole width for their own layout.
    hide = ["navigation"] if page.kind == "doc" else ["navigation", "toc"]
    return {"title": Markup(escape(page.title)), "hide": hide}


def is_archive_listing(page: PlannedPage) -> bool:
    """A year archive or a later page of the news index: lists of items that have their own pages,
    where the search finds them."""
    return page.kind == "news_year" or (page.kind == "news" and page.entity.number > 1)


def language_root(page: PlannedPage) -> str:
    """The root of the page's language relative to it, as MkDocs writes `base_url`: ".", "..", "../.."."""
    return relative_url(page.path, language_prefix(page.lang)).rstrip("/") or "."


def page_context(page: PlannedPage, build, config) -> PageContext:
    site_url = config.site_url or "/"
    info = build.site.info
    alternates = tuple(_alternate(page, lang, build.plan, site_url) for lang in LANGUAGES)
    return PageContext(
        page=page, lang=page.lang, title=page.title,
        description=page.description or info.description[page.lang],
        canonical=absolute_url(site_url, page.path), alternates=alternates,
        default_url=absolute_url(site_url, page.default_twin.path),
        site_name=info.name[page.lang], institution_name=info.institution.name[page.lang],
        institution_url=info.institution.url,
        title_lang=page.entity.name_lang_on(page.lang) if isinstance(page.entity, NamedInOneLanguage) else None,
        site_name_lang=info.name_lang_on(page.lang),
        institution_name_lang=info.institution.name_lang_on(page.lang),
        seo=seo_context(page, build.site, build.plan, site_url),
        section_path=section_path(page, build.plan))


def _alternate(page: PlannedPage, lang: str, plan, site_url: str) -> Alternate:
    """The switcher's entry for `lang`: the page's twin, or that language's news index when it has none."""
    t = Translator(lang)
    twin = page.alternates.get(lang)
    if twin is not None:
        return Alternate(lang=lang, name=t("language.name"), href=relative_url(page.path, twin.path),
                         url=absolute_url(site_url, twin.path), current=twin is page)
    index = plan.page("doc:news.md", lang)
    written_in = page.entity.languages[0] if page.kind == "news_item" else page.lang
    return Alternate(lang=lang, name=t("language.name"), href=relative_url(page.path, index.path),
                     url=absolute_url(site_url, index.path), current=False, missing=True,
                     note=t(f"language.only_in.{written_in}"))


# The section each kind of record page belongs to, by the docs page of its index.
SECTION_OF_KIND = {"project": "doc:projects.md", "partner": "doc:partners.md", "news_item": "doc:news.md",
                   "news_year": "doc:news.md", "news": "doc:news.md"}


def section_path(page: PlannedPage, plan) -> str | None:
    key = SECTION_OF_KIND.get(page.kind)
    return plan.page(key, page.lang).path if key else None


# Docs pages linked from every footer, when the site has them (file names, the same in every language).
FOOTER_PAGES = (("doc:privacy.md", "footer.privacy"), ("doc:accessibility.md", "footer.accessibility"),
                ("doc:open-data.md", "footer.open_data"))


def footer(site: Site, plan, lang: str) -> Footer:
    t = Translator(lang)
    info = site.info
    links = [FooterLink(t(label), plan.by_key[(key, lang)].path) for key, label in FOOTER_PAGES
             if (key, lang) in plan.by_key]
    links.append(FooterLink(t("footer.feed"), feed_path(lang), FEED_TYPE))
    return Footer(lang=lang, site_name=info.name[lang], institution_name=info.institution.name[lang],
                  institution_url=info.institution.url, address=info.address[lang] if info.address else None,
                  email=info.email, social=tuple(info.social), links=tuple(links),
                  site_name_lang=info.name_lang_on(lang), institution_name_lang=info.institution.name_lang_on(lang))


def theme_globals(build, lang: str) -> dict:
    """What Material's overrides print on every page of a language, the 404 included; `build` is None
    while a preview shows the data's problems instead of the site."""
    identity = build.site.info.identity if build else Identity()
    return {"csn_t": Translator(lang), "csn_site_name_lang": build.site.info.name_lang_on(lang) if build else None,
            "csn_identity": identity, "csn_identity_css": identity_properties(identity),
            "csn_footer": footer(build.site, build.plan, lang) if build else None,
            "csn_site_name": build.site.info.name[lang] if build else None,
            "csn_institution": build.site.info.institution.name[lang] if build else None,
            "csn_institution_lang": build.site.info.institution.name_lang_on(lang) if build else None}
