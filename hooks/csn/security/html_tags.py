"""Find the start tags of a finished page with their exact place, to rewrite a few of them in place.

A tokenizer of regular expressions, as HTML reads a document: comments, doctypes
and other `<!`/`<?` constructs, end tags, start tags (a `>` inside a quoted value
does not end one), and the elements whose content is text up to their end tag
(script and style, whose exact text the policy hashes; title, textarea and the
like). Every page passes through it: Python's HTMLParser, which it replaced, took
a quarter of the build's time; tests/html_tags_reference.py keeps it, and the
tests check that both find the same tags on every page of the site. Looking for a
few names (the security pass), it reads past the rest in one regular expression
(`_skipper`) and parses a tag's attributes only when they are asked for.
"""

from __future__ import annotations

import re
from html import unescape

RAW_TEXT_ELEMENTS = ("script", "style")  # those whose text a Tag carries
# Elements whose content is text up to their end tag: a `<` in them starts no tag.
_TEXT_CONTENT = frozenset({"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"})


class Tag:
    """A start tag: its name, where it is, and its attributes (read from their text when first asked for)."""

    __slots__ = ("_attrs", "attr_text", "end", "name", "raw_text", "start")

    def __init__(self, name: str, attrs: dict[str, str | None] | str, start: int, end: int,
                 raw_text: str | None = None) -> None:
        self.name, self.start, self.end, self.raw_text = name, start, end, raw_text
        # Most tags of a page are read by name only: their attributes are parsed on demand.
        self.attr_text, self._attrs = ("", attrs) if isinstance(attrs, dict) else (attrs, None)

    @property
    def attrs(self) -> dict[str, str | None]:
        if self._attrs is None:
            self._attrs = _attributes(self.attr_text)
        return self._attrs

    def mentions(self, *fragments: str) -> bool:
        """Whether the text of its attributes holds one of `fragments` (lowercase): a quick test before
        reading them. A tag made from attributes already read always may."""
        if self._attrs is not None and not self.attr_text:
            return True
        text = self.attr_text.lower()
        return any(fragment in text for fragment in fragments)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tag) and (self.name, self.attrs, self.start, self.end, self.raw_text) == (
            other.name, other.attrs, other.start, other.end, other.raw_text)

    def __repr__(self) -> str:
        return f"Tag({self.name!r}, {self.attrs!r}, {self.start}, {self.end}, {self.raw_text!r})"


_SPACE = "\t\n\f\r "
# One token starting at a `<`; a `<` that starts none is text. Quoted values may hold `>`. Possessive:
# its parts start with different characters, so backtracking into them finds no other reading, only
# time (exponential in the length of an unclosed tag whose quote is never closed).
_ATTRIBUTES = r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+"""
_COMMENT = r"<!--(?:-?>|.*?(?:--!?>|\Z))"  # `<!-->` is a whole one
_DECLARATION = r"<[!?][^>]*(?:>|\Z)"  # doctype, CDATA, processing instruction
_END_TAG = rf"</(?:[a-zA-Z]{_ATTRIBUTES}|[^>]*)(?:>|\Z)"  # an end tag, or a bogus comment
_NAME = rf"[a-zA-Z][^{_SPACE}/>]*"
_TOKEN = re.compile(rf"""
    ({_COMMENT})                                       # 1: a comment
  | ({_DECLARATION})                                   # 2: a declaration
  | ({_END_TAG})                                       # 3: an end tag
  | <({_NAME})({_ATTRIBUTES})(>|\Z)                    # 4, 5, 6: a start tag, its attributes, its end
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
    skip = _skipper(names).match if names is not None else None
    position = find("<")
    while position >= 0:
        if skip is not None:  # over the text and the tags of no interest, in one call
            position = skip(html, position).end()
            if position == len(html):
                break
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
                tags.append(Tag(name, token.group(5), position, end, raw))
            position = find("<", text_end) if close else -1
            continue
        if names is None or name in names:
            tags.append(Tag(name, token.group(5), position, end))
        position = find("<", end)
    return tags


_SKIPPERS: dict[frozenset[str], re.Pattern] = {}


def _skipper(names: frozenset[str]) -> re.Pattern:
    """What `start_tags` reads past when it looks for `names` only: text, and the tokens of _TOKEN (the
    same patterns, in the same order) but the start tags of `names` and of the elements whose content is
    text, where it stops, as at a `<` that starts no token, and at a name holding a quote (_TOKEN may read
    a shorter name there). Atomic and possessive: no backtracking."""
    pattern = _SKIPPERS.get(names)
    if pattern is None:
        stop = "|".join(sorted(re.escape(name) for name in names | _TEXT_CONTENT))
        pattern = _SKIPPERS[names] = re.compile(rf"""(?>
            [^<]+
          | {_COMMENT} | {_DECLARATION} | {_END_TAG}
          | <(?!(?i:{stop})(?:[{_SPACE}/>]|\Z))[a-zA-Z][^{_SPACE}/>"']*+(?!["']){_ATTRIBUTES}(?:>|\Z)
          | <(?![a-zA-Z!?/])
        )*+""", re.DOTALL | re.VERBOSE)
    return pattern


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
