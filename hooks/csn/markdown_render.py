"""Markdown fields of the data -> HTML that can only be text, links and images.

Two independent layers, because the data is untrusted:
- Raw HTML written in a field is escaped, so it shows as the text the editor
  typed (they see it in the preview and can rewrite it in Markdown) instead of
  being dropped silently or passed through.
- The HTML that Markdown produces is then cleaned with an allow-list (nh3, the
  binding to the Ammonia sanitizer): only the elements and attributes Markdown
  needs, and only http, https, mailto or relative URLs. Whatever a parser quirk
  or a future extension lets through, nothing else reaches a page.
Validation reads the links of every field first (`urls_in`) and reports a
forbidden one with its line, so the sanitizer never has to drop one silently.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import nh3
from markupsafe import Markup

from .assets import ASSETS_FOLDER
from .safe_urls import LINK_SCHEMES

ALLOWED_TAGS = frozenset({"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
                          "blockquote", "ul", "ol", "li", "a", "img"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}


def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


class _UrlCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        for name, value in attrs:
            if (tag, name) in (("a", "href"), ("img", "src")) and value is not None:
                self.urls.append((tag, value))  # entities decoded, as a browser reads them


def urls_in(text: str) -> list[tuple[str, str]]:
    """The ("a", href) and ("img", src) pairs of the HTML that `text` becomes, before cleaning."""
    collector = _UrlCollector()
    collector.feed(_converter().convert(text))
    collector.close()
    return collector.urls


class MarkdownRenderer:
    """One reusable Markdown converter (creating one per field is slow)."""

    def __init__(self) -> None:
        self._md = _converter()

    def __call__(self, text: str, asset_root: str = "") -> Markup:
        """HTML for `text`; images (paths of assets/) are linked through `asset_root`, the way to the site root."""
        html = self._md.reset().convert(text)
        clean = nh3.clean(html, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES, url_schemes=set(LINK_SCHEMES),
                          link_rel=None, strip_comments=True,
                          attribute_filter=lambda tag, name, value: _image_source(tag, name, value, asset_root))
        return Markup(clean)


def _image_source(tag: str, attribute: str, value: str, asset_root: str) -> str | None:
    # Validation only lets assets/ paths through as images; they are published from the site root.
    if tag == "img" and attribute == "src":
        return asset_root + value if value.startswith(ASSETS_FOLDER + "/") else None
    return value
