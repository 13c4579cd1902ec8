"""Find the start tags of a finished page with their exact place, to rewrite a few of them in place.

A tokenizer of regular expressions, as HTML reads a document: comments, doctypes
and other `<!`/`<?` constructs, end tags, start tags (a `>` inside a quoted value
does not end one), and the elements whose content is text up to their end tag
(script and style, whose exact text the policy hashes; title, textarea and the
like). Every page passes through it: Python's HTMLParser, which it replaced, took
a quarter of the build's time; tests/html_tags_reference.py keeps it, and the
tests check that both find the same tags on every page of the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

RAW_TEXT_ELEMENTS = ("script", "style")  # those whose text a Tag carries
# Elements whose content is text up to their end tag: a `<` in them starts no tag.
_TEXT_CONTENT = frozenset({"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"})


@dataclass(frozen=True)
class Tag:
    name: str
    attrs: dict[str, str | None]
    start: int  # offset of "<"
    end: int  # offset after ">"
    raw_text: str | None = None  # the exact content of a <script> or <style>, as the browser hashes it


_SPACE = "\t\n\f\r "
# One token starting at a `<`; a `<` that starts none is text. Quoted values may hold `>`.
_ATTRIBUTES = r"""(?:[^>"']+|"[^"]*"|'[^']*')*"""
_TOKEN = re.compile(rf"""
    (<!--(?:-?>|.*?(?:--!?>|\Z)))                          # 1: a comment (`<!-->` is a whole one)
  | (<[!?][^>]*(?:>|\Z))                                   # 2: doctype, CDATA, processing instruction
  | (</(?:[a-zA-Z]{_ATTRIBUTES}|[^>]*)(?:>|\Z))            # 3: an end tag, or a bogus comment
  | <([a-zA-Z][^{_SPACE}/>]*)({_ATTRIBUTES})(>|\Z)         # 4, 5, 6: a start tag, its attributes, its end
""", re.DOTALL | re.VERBOSE)
_ATTRIBUTE = re.compile(rf"""[{_SPACE}/]*([^{_SPACE}/>][^{_SPACE}/=>]*)"""
                        rf"""(?:[{_SPACE}]*=[{_SPACE}]*("[^"]*"|'[^']*'|[^{_SPACE}>]*))?""")
_END_TAGS: dict[str, re.Pattern] = {}


def _end_tag(name: str) -> re.Pattern:
    pattern = _END_TAGS.get(name)
    if pattern is None:
        pattern = _END_TAGS[name] = re.compile(rf"</{name}[{_SPACE}/>]", re.IGNORECASE)
    return pattern


def _attributes(text: str) -> dict[str, str | None]:
    """Attribute names lowercased, values unquoted and unescaped; a repeated name keeps its first value."""
    attrs: dict[str, str | None] = {}
    for match in _ATTRIBUTE.finditer(text):
        name, value = match.group(1).lower(), match.group(2)
        if value is not None:
            if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) > 1:
                value = value[1:-1]
            value = unescape(value)
        attrs.setdefault(name, value)
    return attrs


def start_tags(html: str, names: frozenset[str] | None = None) -> list[Tag]:
    """Every start tag in document order (or those of `names`); <script> and <style> carry their raw text."""
    tags: list[Tag] = []
    find, match = html.find, _TOKEN.match
    position = find("<")
    while position >= 0:
        token = match(html, position)
        if token is None or token.lastindex != 6:  # text, a comment, a doctype or an end tag
            position = find("<", token.end() if token else position + 1)
            continue
        if not token.group(6):  # a start tag cut off by the end of the page: browsers drop it
            break
        name, end = token.group(4).lower(), token.end()
        if name in _TEXT_CONTENT:
            close = _end_tag(name).search(html, end)
            text_end = close.start() if close else len(html)
            if names is None or name in names:
                raw = html[end:text_end] if name in RAW_TEXT_ELEMENTS else None
                tags.append(Tag(name, _attributes(token.group(5)), position, end, raw))
            position = find("<", text_end) if close else -1
            continue
        if names is None or name in names:
            tags.append(Tag(name, _attributes(token.group(5)), position, end))
        position = find("<", end)
    return tags


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
