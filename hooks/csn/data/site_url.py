"""The site's address (SITE_URL, or `site_url` in mkdocs.yml) is input too: checked before it is used.

It goes into every page (canonical and alternate links, the social cards), the sitemaps, feeds,
robots.txt and open data. Only an absolute http(s) address of a host, with an optional path, can
go there as it is: no credentials, query or fragment, nothing that could close an attribute or
a string (quotes, spaces, angle brackets, backslashes, control characters).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from csn.data.errors import DataError, Problem
from csn.messages import Message

VARIABLE = "SITE_URL"
EXAMPLE = "https://consortium.example.org/ or https://<org>.github.io/<repo>/"
# A host name, an IPv4 address or a bracketed IPv6 address; a port.
_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                   r"[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::(?P<port>\d{1,5}))?$")
# A path's characters (RFC 3986 pchar and "/") without the quote, which could close a JavaScript string.
_PATH = re.compile(r"^[A-Za-z0-9\-._~%!$&()*+,;=:@/]*$")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _why_not(value: str) -> Message | None:
    """What is wrong with `value` as the site's address, or None."""
    bad = sorted({char for char in value if char.isspace() or ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0
                  or char in "\"'`<>\\{}|^"})
    if bad:
        shown = ", ".join(repr(char) if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"
                          for char in bad)
        return Message("site_url.characters", characters=shown)
    if not value.isascii():
        return Message("site_url.not_ascii")
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not value.lower().startswith(f"{parts.scheme.lower()}://"):
        return Message("site_url.not_absolute")
    if "@" in parts.netloc:
        return Message("site_url.credentials")
    host = _HOST.match(parts.netloc)
    if not parts.netloc or not host:
        return Message("site_url.no_host")
    if host["port"] and not 0 < int(host["port"]) < 65536:
        return Message("site_url.port", port=host["port"])
    if parts.query or parts.fragment or "?" in value or "#" in value:
        return Message("site_url.query")
    if not _PATH.match(parts.path) or _PERCENT.search(parts.path):
        return Message("site_url.path")
    return None


def site_url_problems(value: str, source: str = VARIABLE) -> list[Problem]:
    """A problem naming `source` (SITE_URL, or mkdocs.yml) when `value` cannot be the site's address."""
    why = _why_not(value)
    if not why:
        return []
    shown = value if value.isprintable() else value.encode("unicode_escape").decode("ascii")
    field = "site_url" if source != VARIABLE else ""
    return [Problem(source, 0, field, Message("site_url.invalid", value=shown, reason=why, example=EXAMPLE))]


def checked_site_url(value: str, source: str = VARIABLE) -> str:
    """`value`, ending with `/`, when it can be the site's address; else a DataError."""
    problems = site_url_problems(value, source)
    if problems:
        raise DataError(problems)
    return value if value.endswith("/") else value + "/"
