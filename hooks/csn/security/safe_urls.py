"""Which addresses data may hold: web pages, mail, and paths inside the site.

A link is judged as a browser would read it (browsers drop tabs and new lines
anywhere in a URL and spaces or controls at its ends, so `java\\tscript:` is
still a script). Anything that names a scheme other than http, https or
mailto is refused: `javascript:`, `data:` and `vbscript:` run code or hide
content, and the others have no place on a public showcase.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from csn.messages import Message
from csn.security.characters import hidden_character_problem

LINK_SCHEMES = ("http", "https", "mailto")
WEB_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_DROPPED_BY_BROWSERS = re.compile(r"[\t\n\r]")
_WEB_ADDRESS = re.compile(r"^https?://[^\s/$.?#][^\s<>\"'\\]*$", re.IGNORECASE)


def as_browsers_read(url: str) -> str:
    return _DROPPED_BY_BROWSERS.sub("", url.strip("".join(map(chr, range(0x21)))))


def scheme_of(url: str) -> str:
    """The scheme a browser would use for `url`, lowercased ('' for a relative path)."""
    match = _SCHEME.match(as_browsers_read(url))
    return match.group(1).lower() if match else ""


def _refused_scheme(scheme: str) -> Message:
    return Message("link.scheme", scheme=scheme)


def link_problem(url: str) -> Message | None:
    """Why a link (in Markdown or a field) is refused, or None when it is a web, mail or site address."""
    hidden = hidden_character_problem(url, prose=False)
    if hidden:
        return Message("link.hidden", reason=hidden)
    seen = as_browsers_read(url)
    scheme = scheme_of(url)
    if scheme and scheme not in LINK_SCHEMES:
        return _refused_scheme(scheme)
    if scheme in WEB_SCHEMES:
        return web_address_problem(seen)
    if not scheme and re.match(r"^[/\\][/\\]", seen):
        return Message("link.no_scheme", url=url)
    if not scheme and re.search(r"\s", seen):
        return Message("link.space", url=url)
    return None


def web_address_problem(url: str) -> Message | None:
    """Why `url` is not the full address of a web page (http or https), or None."""
    hidden = hidden_character_problem(url, prose=False)
    if hidden:
        return Message("link.hidden", reason=hidden)
    scheme = scheme_of(url)
    if scheme and scheme not in WEB_SCHEMES:
        return _refused_scheme(scheme)
    if not _WEB_ADDRESS.match(url):
        return Message("link.not_web", url=url)
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return Message("link.not_web", url=url)
    if "@" in parts.netloc:
        return Message("link.userinfo", url=url)
    return None
