"""Links from the data's Markdown to the site's own pages lead to a page that exists, in the same language.

A Markdown field is shown on its record's page, in each language: a relative link there is read from
that page's address. A link that reaches no page is a 404 for every visitor; one that reaches the
other language's page sends a reader to a language they did not choose; a root-absolute path (`/projets/`)
works on a domain's root but breaks when the site is published under a sub-path
(https://org.github.io/repo/). Each is reported on its line, with the link to write instead.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from csn.data.errors import Problem
from csn.data.markdown_render import read_markdown
from csn.data.model import Site
from csn.data.schema import LANGUAGES
from csn.data.yaml_loader import Mapping, Scalar, load_yaml_file
from csn.messages import Message
from csn.security.safe_urls import scheme_of
from csn.site.plan import Plan
from csn.site.urls import relative_url

# The Markdown fields of the records that have a page, by the model's collection name.
MARKDOWN_FIELDS = {"projects": "description", "news": "body"}
# Files of the site that are not pages but may be linked to (open data, feeds, the data's images).
FILE_PREFIXES = ("api/", "assets/")
FILES = ("feed.xml", "en/feed.xml", "sitemap.xml")


def internal_link_problems(site: Site, plan: Plan, project_dir: Path) -> list[Problem]:
    """Every link of a Markdown field that does not lead to a page of the site in its own language."""
    pages = {lang: {page.path: page for page in plan.in_language(lang)} for lang in LANGUAGES}
    problems = []
    for collection, field in MARKDOWN_FIELDS.items():
        for entity in getattr(site, collection):
            for lang in getattr(entity, "languages", LANGUAGES):  # a news item may exist in one language
                text = getattr(entity, field)[lang]
                if "]" not in text:
                    continue  # no link of its own ([text](…) or [ref]: …); autolinks are full addresses
                page = plan.for_entity(entity, lang)
                for tag, url in read_markdown(text).urls:
                    if tag != "a":
                        continue
                    why = _why_not(url, page.path, lang, pages)
                    if why:
                        line = _line_of(project_dir, entity.file, field, lang, url)
                        problems.append(Problem(entity.file, line, f"{field}.{lang}", Message("link.in_text", reason=why)))
    return problems


def _why_not(url: str, here: str, lang: str, pages: dict[str, dict]) -> Message | None:
    if scheme_of(url) or url.startswith(("#", "?")) or not url.strip():
        return None  # another site (checked by validation), or a place in this page
    path = unquote(urlsplit(url.strip()).path)
    if path.startswith("/"):
        target = path.lstrip("/")
        fix = f"`{relative_url(here, _as_page(target))}`" if _as_page(target) in pages[lang] \
            else Message("link.a_relative_path")
        return Message("link.root_path", url=url, fix=fix)
    target = _resolved(here, path)
    if target is None:
        return Message("link.above_root", url=url, here=here)
    if target.startswith(FILE_PREFIXES) or target in FILES:
        return None
    page_path = _as_page(target)
    if page_path in pages[lang]:
        return None
    for other in LANGUAGES:
        twin = pages[other].get(page_path)
        if other != lang and twin is not None:
            own = twin.alternates.get(lang)
            if own is None:
                return None  # a news item in the other language only: its one page is the one to link to
            return Message("link.other_language", url=url, page=page_path, fix=relative_url(here, own.path))
    return Message("link.no_page", url=url, target=target, here=here)


def _resolved(here: str, path: str) -> str | None:
    """`path` read from the page at `here`, as a path from the site's root; None above the root."""
    parts = [part for part in here.split("/") if part]
    segments = path.split("/")
    for part in segments:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    joined = "/".join(parts)
    return joined + "/" if joined and segments[-1] in ("", ".", "..") else joined


def _as_page(target: str) -> str:
    """A page's address as the plan writes it: `projets/x/` (from `projets/x`, `projets/x/index.html`)."""
    target = target.removesuffix("index.html")
    return target if target == "" or target.endswith("/") else target + "/"


def _line_of(project_dir: Path, file: str, field: str, lang: str, url: str) -> int:
    """The line of `url` in the field, read again from the file (only for a link found wrong)."""
    mapping, _ = load_yaml_file(project_dir / file, file)
    node = mapping.items.get(field) if mapping else None
    if isinstance(node, Mapping) and isinstance(node.items.get(lang), Scalar):
        return node.items[lang].line_of(url)
    return node.line if node is not None else 0
