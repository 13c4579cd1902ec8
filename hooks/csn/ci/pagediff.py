"""`python -m csn pagediff OLD_SITE NEW_SITE`: the pages a change adds, changes and removes, as Markdown.

Two built site folders are compared page by page (every HTML file, by its
URL). A page counts as changed when its title or main content (Material's
`<article>`) differs: the header, navigation, footer and asset names around
it change with unrelated edits and are left out. Twin pages (the French and
English versions, linked by `hreflang`) are shown on one row.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from html import unescape
from pathlib import Path

from csn.ci.markdown_table import cell, code, table
from csn.data.schema import LANGUAGES
from csn.messages import say, say_count

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.DOTALL)
_BODY = re.compile(r"<body\b[^>]*>(.*)</body>", re.DOTALL)
_LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]+)\"")
_ALTERNATE = re.compile(r"<link rel=\"alternate\" hreflang=\"(?!x-default)[^\"]+\" href=\"([^\"]+)\"")
LANGUAGE_HEADERS = {"fr": "Français", "en": "English"}
HEADINGS = (("added", "pagediff.added"), ("changed", "pagediff.changed"), ("removed", "pagediff.removed"))


@dataclass(frozen=True)
class SitePage:
    url: str  # "/", "/en/news/joining-echalliance/", "/404.html"
    lang: str
    title: str
    digest: str  # of the title and main content
    twins: frozenset[str]  # the hreflang addresses, the same on both twins


@dataclass
class PageDiff:
    added: list[SitePage]
    changed: list[SitePage]
    removed: list[SitePage]

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def url_of(relative: str) -> str:
    """The address of a built file: `en/news/x/index.html` -> `/en/news/x/`."""
    if relative == "index.html":
        return "/"
    return "/" + relative.removesuffix("index.html")


def read_page(site: Path, path: Path) -> SitePage:
    html = path.read_text(encoding="utf-8")
    title = _TITLE.search(html)
    content = _ARTICLE.search(html) or _BODY.search(html)
    main = (title.group(1) if title else "") + "\0" + (content.group(1) if content else html)
    lang = _LANG.search(html)
    return SitePage(url=url_of(path.relative_to(site).as_posix()), lang=lang.group(1) if lang else "",
                    title=unescape(title.group(1)).strip() if title else "",
                    digest=hashlib.sha256(main.encode("utf-8")).hexdigest(),
                    twins=frozenset(_ALTERNATE.findall(html)))


def read_site(site: Path) -> dict[str, SitePage]:
    pages = [read_page(site, path) for path in sorted(site.rglob("*.html")) if path.is_file()]
    # Material titles pages "<page> - <site name>": the site name, on every page, says nothing here.
    suffixes = {page.title.rpartition(" - ")[2] for page in pages if " - " in page.title}
    if len(suffixes) == 1:
        suffix = " - " + suffixes.pop()
        pages = [replace(page, title=page.title.removesuffix(suffix)) for page in pages]
    return {page.url: page for page in pages}


def compare_sites(old_site: Path, new_site: Path) -> PageDiff:
    old, new = read_site(old_site), read_site(new_site)
    return PageDiff(added=[new[url] for url in sorted(new.keys() - old.keys())],
                    changed=[new[url] for url in sorted(new.keys() & old.keys()) if new[url].digest != old[url].digest],
                    removed=[old[url] for url in sorted(old.keys() - new.keys())])


def _rows(pages: list[SitePage]) -> list[dict[str, SitePage]]:
    """Twins on one row, by language; a page without twins on its own row."""
    rows: dict[object, dict[str, SitePage]] = {}
    for page in pages:
        rows.setdefault(page.twins or page.url, {})[page.lang] = page
    return sorted(rows.values(), key=lambda row: min(page.url for page in row.values()))


def format_markdown(diff: PageDiff) -> str:
    if diff.empty:
        return say("pagediff.none")
    found = {page.lang for pages in (diff.added, diff.changed, diff.removed) for page in pages}
    languages = [lang for lang in LANGUAGES if lang in found] + sorted(found - set(LANGUAGES))
    lines: list[str] = []
    for which, heading in HEADINGS:
        pages = getattr(diff, which)
        if not pages:
            continue
        rows = []
        for row in _rows(pages):
            title = next(row[lang] for lang in languages if lang in row).title
            rows.append([cell(title)] + [code(row[lang].url) if lang in row else "" for lang in languages])
        header = [say("pagediff.page"), *(LANGUAGE_HEADERS.get(lang, lang or "?") for lang in languages)]
        lines += [say_count(heading, len(pages)), "", table(header, rows), ""]
    return "\n".join(lines).rstrip()
