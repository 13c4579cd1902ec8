"""Markdown fields of the data -> HTML, with raw HTML shown as text, never passed through."""

from __future__ import annotations

import markdown
from markupsafe import Markup


class MarkdownRenderer:
    """One reusable Markdown converter (creating one per field is slow)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        # Data is untrusted: HTML written in a field is escaped like any other text.
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")

    def __call__(self, text: str) -> Markup:
        html = self._md.reset().convert(text)
        return Markup(html)
