"""The reference for hooks/csn/security/html_tags.py: the same start tags, found by Python's HTMLParser.

The build's scanner is a regular-expression tokenizer, several times faster; the
tests check that both find the same tags, places and raw text on every page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from csn.security.html_tags import RAW_TEXT_ELEMENTS, Tag

# A start tag's name, as HTMLParser reads it.
_TAG_NAME = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)")


class _Scanner(HTMLParser):
    """HTMLParser's own tokenizer, with two shortcuts over its internals (a page has hundreds of tags):
    positions come from its index into the text, not from line counting; and the start tags that
    were not asked for are only stepped over, ending where HTMLParser would end them."""

    def __init__(self, html: str, names: frozenset[str] | None):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.names = names  # None: every start tag
        # Elements whose content is read as text: always parsed, they switch the tokenizer's mode.
        self.text_elements = frozenset(self.CDATA_CONTENT_ELEMENTS) | frozenset(
            getattr(self, "RCDATA_CONTENT_ELEMENTS", ()))
        self.base = 0  # where the text fed to the current pass starts in `html`
        self.tags: list[Tag] = []
        self._open: tuple[str, dict, int, int] | None = None
        self._at = 0

    def updatepos(self, i: int, j: int) -> int:
        return j

    def parse_starttag(self, i: int) -> int:
        if self.names is not None:
            match = _TAG_NAME.match(self.rawdata, i + 1)
            name = match.group(1).lower() if match else ""
            if name not in self.names and name not in self.text_elements:
                return self.check_for_whole_start_tag(i)
        self._at = self.base + i
        return super().parse_starttag(i)

    def parse_endtag(self, i: int) -> int:
        self._at = self.base + i
        return super().parse_endtag(i)

    def handle_starttag(self, tag: str, attrs) -> None:
        start = self._at
        end = start + len(self.get_starttag_text())
        values = {name: value for name, value in attrs}
        if tag in RAW_TEXT_ELEMENTS:
            self._open = (tag, values, start, end)
        else:
            self.tags.append(Tag(tag, values, start, end))

    def handle_startendtag(self, tag: str, attrs) -> None:
        start = self._at
        self.tags.append(Tag(tag, {name: value for name, value in attrs}, start, start + len(self.get_starttag_text())))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[0] == tag:
            name, values, start, end = self._open
            self._open = None
            self.tags.append(Tag(name, values, start, end, self.html[end:self._at]))


def reference_start_tags(html: str, names: frozenset[str] | None = None) -> list[Tag]:
    """Every start tag in document order (or those of `names`); <script> and <style> carry their raw text."""
    scanner = _Scanner(html, names)
    scanner.feed(html)
    scanner.base = len(html) - len(scanner.rawdata)  # what the first pass left for close() to read
    scanner.close()
    return sorted(scanner.tags, key=lambda tag: tag.start)
