"""The rules of RFC 4287 (Atom) that a feed must follow, checked on its XML; each problem names its section."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import urlsplit

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# RFC 3339 date-time, as section 3.3 requires (an upper-case T and a time zone).
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TEXT_TYPES = ("text", "html", "xhtml")


def is_absolute_iri(value: str) -> bool:
    parts = urlsplit(value)
    return bool(parts.scheme) and (parts.scheme == "tag" or bool(parts.netloc))


def _one(parent: ET.Element, name: str, where: str, problems: list[str]) -> ET.Element | None:
    found = parent.findall(ATOM + name)
    if len(found) != 1:
        problems.append(f"{where}: needs exactly one atom:{name}, has {len(found)}")
    return found[0] if found else None


def _check_common(element: ET.Element, where: str, problems: list[str]) -> None:
    """id, title, updated and links: the rules shared by atom:feed and atom:entry (4.1.1, 4.1.2, 4.2)."""
    ident = _one(element, "id", where, problems)
    if ident is not None and not is_absolute_iri((ident.text or "").strip()):
        problems.append(f"{where}: atom:id `{ident.text}` is not an absolute IRI (4.2.6)")
    title = _one(element, "title", where, problems)
    if title is not None and (title.get("type", "text") not in TEXT_TYPES or not (title.text or "").strip()):
        problems.append(f"{where}: atom:title is empty or of an unknown type (3.1)")
    updated = _one(element, "updated", where, problems)
    if updated is not None and not RFC3339.match((updated.text or "").strip()):
        problems.append(f"{where}: atom:updated `{updated.text}` is not an RFC 3339 date-time (3.3)")
    for date in element.findall(ATOM + "published"):
        if not RFC3339.match((date.text or "").strip()):
            problems.append(f"{where}: atom:published `{date.text}` is not an RFC 3339 date-time (3.3)")
    alternates = Counter()
    for link in element.findall(ATOM + "link"):
        href = link.get("href", "")
        if not is_absolute_iri(href):
            problems.append(f"{where}: link `{href}` is not absolute")
        if link.get("rel", "alternate") == "alternate":
            alternates[(link.get("type"), link.get("hreflang"))] += 1
    for key, count in alternates.items():
        if count > 1:
            problems.append(f"{where}: {count} alternate links share type and hreflang {key} (4.1.1, 4.1.2)")


def _has_author(element: ET.Element) -> bool:
    return any((a.findtext(ATOM + "name") or "").strip() for a in element.findall(ATOM + "author"))


def atom_problems(xml: bytes) -> list[str]:
    """Every departure from RFC 4287 found in `xml`; an empty list for a valid feed."""
    problems: list[str] = []
    feed = ET.fromstring(xml)
    if feed.tag != ATOM + "feed":
        return [f"the root element is {feed.tag}, not atom:feed (4.1.1)"]
    _check_common(feed, "feed", problems)
    if not any(link.get("rel") == "self" for link in feed.findall(ATOM + "link")):
        problems.append("feed: no link rel=self (4.1.1 SHOULD)")
    feed_has_author = _has_author(feed)
    ids = Counter()
    for index, entry in enumerate(feed.findall(ATOM + "entry")):
        where = f"entry {index + 1}"
        _check_common(entry, where, problems)
        ids[entry.findtext(ATOM + "id")] += 1
        if not feed_has_author and not _has_author(entry):
            problems.append(f"{where}: no atom:author here nor in the feed (4.1.1, 4.1.2)")
        content = entry.find(ATOM + "content")
        has_alternate = any(link.get("rel", "alternate") == "alternate" for link in entry.findall(ATOM + "link"))
        if content is None and not has_alternate:
            problems.append(f"{where}: neither atom:content nor an alternate link (4.1.2)")
        if content is not None and content.get("type", "text") not in TEXT_TYPES:
            problems.append(f"{where}: atom:content of type {content.get('type')} needs a summary (4.1.2)")
    problems += [f"the id {ident} is used by {count} entries (4.2.6)" for ident, count in ids.items() if count > 1]
    return problems


def feed_language(xml: bytes) -> str | None:
    return ET.fromstring(xml).get(XML_LANG)
