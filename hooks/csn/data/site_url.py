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

VARIABLE = "SITE_URL"
EXAMPLE = "https://consortium.example.org/ or https://<org>.github.io/<repo>/"
# A host name, an IPv4 address or a bracketed IPv6 address; a port.
_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                   r"[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::(?P<port>\d{1,5}))?$")
# A path's characters (RFC 3986 pchar and "/") without the quote, which could close a JavaScript string.
_PATH = re.compile(r"^[A-Za-z0-9\-._~%!$&()*+,;=:@/]*$")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _why_not(value: str) -> str:
    """What is wrong with `value` as the site's address, or ''."""
    bad = sorted({char for char in value if char.isspace() or ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0
                  or char in "\"'`<>\\{}|^"})
    if bad:
        shown = ", ".join(repr(char) if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"
                          for char in bad)
        return f"holds characters an address cannot ({shown})"
    if not value.isascii():
        return "holds non-ASCII characters: write the host in its xn-- form and %-encode the path"
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not value.lower().startswith(f"{parts.scheme.lower()}://"):
        return "is not an absolute http:// or https:// address"
    if "@" in parts.netloc:
        return "holds a user name or password: the address is published on every page, leave them out"
    host = _HOST.match(parts.netloc)
    if not parts.netloc or not host:
        return "has no valid host name"
    if host["port"] and not 0 < int(host["port"]) < 65536:
        return f"has port {host['port']}, which does not exist"
    if parts.query or parts.fragment or "?" in value or "#" in value:
        return "has a query (?) or fragment (#): give only the host and path"
    if not _PATH.match(parts.path) or _PERCENT.search(parts.path):
        return "has a path with characters an address cannot hold: %-encode them"
    return ""


def site_url_problems(value: str, source: str = VARIABLE) -> list[Problem]:
    """A problem naming `source` (SITE_URL, or mkdocs.yml) when `value` cannot be the site's address."""
    why = _why_not(value)
    if not why:
        return []
    shown = value if value.isprintable() else value.encode("unicode_escape").decode("ascii")
    field = "site_url" if source != VARIABLE else ""
    return [Problem(source, 0, field, f"`{shown}` {why}: set it to the site's public address, like {EXAMPLE}")]


def checked_site_url(value: str, source: str = VARIABLE) -> str:
    """`value`, ending with `/`, when it can be the site's address; else a DataError."""
    problems = site_url_problems(value, source)
    if problems:
        raise DataError(problems)
    return value if value.endswith("/") else value + "/"
