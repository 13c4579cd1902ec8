"""The one error page GitHub Pages serves for every missing address: bilingual, with absolute paths.

`404.html` is served as is at any depth (`/en/a/b/`), so every link and asset
starts from the site's root path ("/" or "/csn/"), never from the page.
It is written once, by the default language's build.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from csn.data.schema import DEFAULT_LANGUAGE, LANGUAGES
from csn.site.plan import Plan, language_prefix
from csn.site.strings import Translator

ERROR_TEMPLATE = "404.html"
LINKED_PAGES = ("doc:index.md", "doc:projects.md", "doc:partners.md", "doc:news.md", "doc:about.md")


@dataclass(frozen=True)
class ErrorLink:
    title: str
    href: str  # absolute path


@dataclass(frozen=True)
class ErrorBlock:
    """The page's text in one language."""

    lang: str
    prefix: str  # the language's root path, which a missing address under it belongs to
    title: str
    text: str
    links_label: str
    links: tuple[ErrorLink, ...]


@dataclass(frozen=True)
class ErrorPage:
    site_root: str  # "/" or "/csn/"
    default_lang: str
    title: str  # both languages, for <title>
    blocks: tuple[ErrorBlock, ...]


def site_root_path(site_url: str) -> str:
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def error_page(plan: Plan, site_url: str) -> ErrorPage:
    root = site_root_path(site_url)
    blocks = []
    for lang in LANGUAGES:
        t = Translator(lang)
        links = tuple(ErrorLink(plan.page(key, lang).title, root + plan.page(key, lang).path)
                      for key in LINKED_PAGES)
        blocks.append(ErrorBlock(lang, root + language_prefix(lang), t("error.title"), t("error.text"),
                                 t("error.links"), links))
    return ErrorPage(root, DEFAULT_LANGUAGE, " · ".join(block.title for block in blocks), tuple(blocks))
