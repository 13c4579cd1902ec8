"""Find the start tags of a finished page with their exact place, to rewrite a few of them in place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

RAW_TEXT_ELEMENTS = ("script", "style")


@dataclass(frozen=True)
class Tag:
    name: str
    attrs: dict[str, str | None]
    start: int  # offset of "<"
    end: int  # offset after ">"
    raw_text: str | None = None  # the exact content of a <script> or <style>, as the browser hashes it


class _Scanner(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.tags: list[Tag] = []
        self._open: tuple[str, dict, int, int] | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text())
        values = {name: value for name, value in attrs}
        if tag in RAW_TEXT_ELEMENTS:
            self._open = (tag, values, start, end)
        else:
            self.tags.append(Tag(tag, values, start, end))

    def handle_startendtag(self, tag: str, attrs) -> None:
        start = self._offset()
        self.tags.append(Tag(tag, {name: value for name, value in attrs}, start, start + len(self.get_starttag_text())))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[0] == tag:
            name, values, start, end = self._open
            self._open = None
            self.tags.append(Tag(name, values, start, end, self.html[end:self._offset()]))


def start_tags(html: str) -> list[Tag]:
    """Every start tag in document order; <script> and <style> carry their raw text."""
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    return sorted(scanner.tags, key=lambda tag: tag.start)


def start_tag(name: str, attrs: dict[str, str | None]) -> str:
    """A start tag written anew from its attributes (values escaped)."""
    written = "".join(f" {key}" if value is None else f' {key}="{_attribute(value)}"' for key, value in attrs.items())
    return f"<{name}{written}>"


def _attribute(value: str) -> str:
    # Double-quoted: `'` may stay as it is (policies are full of them).
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def replace_spans(html: str, replacements: list[tuple[int, int, str]]) -> str:
    """`html` with each (start, end) span replaced; spans must not overlap."""
    parts, position = [], 0
    for start, end, text in sorted(replacements):
        parts += [html[position:start], text]
        position = end
    parts.append(html[position:])
    return "".join(parts)
