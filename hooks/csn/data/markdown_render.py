"""Markdown fields of the data -> HTML that can only be text, links, images, lists and tables.

The data is untrusted, so:
- It is read by cmark-gfm (GitHub's CommonMark parser, in C): linear time on any
  input. Python-Markdown, which MkDocs uses for the trusted docs/ pages, needs
  minutes for a field of 20,000 `[` characters: a pull request could stall
  every build.
- Raw HTML in a field is an error that validation reports with its line
  (`read_markdown`), so it is never dropped silently; the renderer leaves it out
  all the same (cmark's safe mode, as GitHub and Hugo do).
- Whatever cmark produces is then cleaned with an allow-list (nh3, the binding
  to the Ammonia sanitizer): only the elements and attributes Markdown needs,
  and only http, https, mailto or relative URLs. A parser quirk or a future
  option cannot let anything else reach a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

import nh3
from cmarkgfm.cmark import Options
from markupsafe import Markup

from csn.data.assets import ASSETS_FOLDER
from csn.data.cmark_render import markdown_to_html
from csn.messages import Message
from csn.security.safe_urls import LINK_SCHEMES

EXTENSIONS = ("table", "strikethrough", "autolink")
ALLOWED_TAGS = frozenset({"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
                          "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"},
                      "th": {"align"}, "td": {"align"}}
RAW_HTML_OMITTED = "<!-- raw HTML omitted -->"
# What CommonMark takes for raw HTML (a tag, a closing tag, a comment...), to quote it in a message.
_RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--|<\?|<![A-Z]|<!\[CDATA\[")


def _html(text: str, unsafe: bool) -> str:
    return markdown_to_html(text, Options.CMARK_OPT_UNSAFE if unsafe else 0, EXTENSIONS)


@dataclass
class MarkdownFacts:
    """What validation needs to know of a Markdown text."""

    urls: list[tuple[str, str]] = field(default_factory=list)  # ("a", href) and ("img", src), as browsers read them
    raw_html: str = ""  # the first raw HTML written in it, or ''
    unsupported: list[tuple[str, Message]] = field(default_factory=list)  # (what was written, why not shown)


# Syntax that other Markdown tools render but the site does not render as meant: footnotes would show as
# `[^1]`, a first-level heading competes with the page's title (and is not kept), a task list shows `[ ]`.
# Each is found in what cmark makes of it with the extension on (so code spans and blocks are left alone),
# then in the text, to give its line.
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_HEADING_1 = re.compile(r"^ {0,3}#(?:[ \t].*|)$|^.*\S.*\n {0,3}=+[ \t]*$", re.MULTILINE)
_TASK = re.compile(r"^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]", re.MULTILINE)
FOOTNOTES_NOT_SHOWN = Message("markdown.footnotes")
HEADING_1_NOT_SHOWN = Message("markdown.heading_1")
TASKS_NOT_SHOWN = Message("markdown.task_list")


def _unsupported(text: str, html: str) -> list[tuple[str, Message]]:
    found = []
    if "[^" in text and "data-footnote-ref" in markdown_to_html(text, Options.CMARK_OPT_FOOTNOTES, EXTENSIONS):
        match = _FOOTNOTE.search(text)
        found.append((match.group(0) if match else "[^", FOOTNOTES_NOT_SHOWN))
    if "<h1>" in html:
        match = _HEADING_1.search(text)
        found.append((match.group(0).strip().splitlines()[0] if match else "#", HEADING_1_NOT_SHOWN))
    if any(box in text for box in ("[ ]", "[x]", "[X]")) and 'type="checkbox"' in markdown_to_html(text, 0, (*EXTENSIONS, "tasklist")):
        match = _TASK.search(text)
        found.append((match.group(0).strip() if match else "[ ]", TASKS_NOT_SHOWN))
    return found


# cmark writes every link and image this way (attribute values quoted with ", entities escaped); links
# inside raw HTML may be written otherwise, but raw HTML is refused on its own.
_URL = re.compile(r'<(a) href="([^"]*)"|<(img) src="([^"]*)"')


# Every link, image, autolink, raw HTML, first-level title, task and footnote needs one of these; a text
# without any (most of the data's paragraphs) is not parsed at all: validation reads each text twice.
_MARKUP_HINTS = ("[", "<", "#", "=", "www.", "://", "@")


def read_markdown(text: str) -> MarkdownFacts:
    """The links and images of `text` (before any cleaning) and whether it holds raw HTML."""
    if not any(hint in text for hint in _MARKUP_HINTS):
        return MarkdownFacts()
    html = _html(text, unsafe=True)
    urls = [(match.group(1) or match.group(3), unescape(match.group(2) or match.group(4) or ""))
            for match in _URL.finditer(html)]  # entities decoded, as a browser reads them
    raw_html = ""
    # Raw HTML starts with `<`: without one, no second pass of the parser (half of validation's Markdown time).
    if "<" in text and RAW_HTML_OMITTED in _html(text, unsafe=False):
        match = _RAW_HTML.search(text)
        raw_html = match.group(0) if match else "<…>"
    return MarkdownFacts(urls, raw_html, _unsupported(text, html))


class MarkdownRenderer:
    """Markdown fields -> clean HTML."""

    def __call__(self, text: str, asset_root: str = "") -> Markup:
        """HTML for `text`; images (paths of assets/) are linked through `asset_root`, the way to the site root."""
        clean = nh3.clean(_html(text, unsafe=False), tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                          url_schemes=set(LINK_SCHEMES), link_rel=None, strip_comments=True,
                          attribute_filter=lambda tag, name, value: _image_source(tag, name, value, asset_root))
        return Markup(clean)


def _image_source(tag: str, attribute: str, value: str, asset_root: str) -> str | None:
    # Validation only lets assets/ paths through as images; they are published from the site root.
    if tag == "img" and attribute == "src":
        return asset_root + value if value.startswith(ASSETS_FOLDER + "/") else None
    return value
