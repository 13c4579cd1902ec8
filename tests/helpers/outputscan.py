"""Scan every file of a built site for markup that could run: whatever feature wrote the file.

HTML pages are parsed as a browser would; XML (feeds, sitemaps, SVG) and JSON
(search index, data exports, JSON-LD) are walked value by value. A text that
its consumer renders as HTML (the search box's, an Atom `type="html"` text,
the open data's HTML fields) is read as an HTML fragment; a text that is
declared plain text (open data and JSON-LD texts, Atom `type="text"`) holds
the editors' exact words, whatever they are, and only its addresses are
checked. JSON inside a script must not hold a `<` that could close it.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from lxml import etree

from csn.security.page_security import SCRIPT_TYPES
from csn.security.safe_urls import scheme_of

DANGEROUS_SCHEMES = ("javascript", "data", "vbscript")
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background",
                            "cite", "ping", "srcset", "longdesc", "manifest", "codebase"})
EMBEDDING_ELEMENTS = frozenset({"iframe", "frame", "object", "embed", "applet", "base", "portal"})
HTML_SUFFIXES = (".html", ".htm")
XML_SUFFIXES = (".xml", ".atom", ".rss", ".svg", ".xsl")
JSON_SUFFIXES = (".json", ".jsonld", ".webmanifest", ".geojson")
# Data outputs whose texts are plain text but for these HTML fields (see csn/open_data.py); JSON-LD has none.
DATA_JSON_HTML_KEYS = {"api/v1/projects.json": frozenset({"description"}), "api/v1/news.json": frozenset({"body"})}
DATA_JSON_PREFIX = "api/"
URL_KEYS = frozenset({"url", "website", "@id", "sameAs", "isBasedOn", "mainEntityOfPage", "schema", "json", "csv",
                      "$id"})
LANGUAGE_KEYS = frozenset({"fr", "en"})  # {fr, en} values are what their parent key says
ATOM = "{http://www.w3.org/2005/Atom}"
ATOM_TEXT_CONSTRUCTS = frozenset({"title", "subtitle", "summary", "rights", "content"})


@dataclass
class Baseline:
    """What the theme itself puts in pages, read from a build of the real data."""

    inline_scripts: set[str] = field(default_factory=set)
    inline_styles: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)


def _is_executable(script) -> bool:
    return (script.get("type") or "").strip().lower() in SCRIPT_TYPES


def baseline_of(site: Path) -> Baseline:
    baseline = Baseline(files={p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()})
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        baseline.inline_scripts |= {s.string or "" for s in soup.find_all("script")
                                    if not s.get("src") and _is_executable(s)}
        baseline.inline_styles |= {s.string or "" for s in soup.find_all("style")}
    return baseline


def _attribute_findings(where: str, element) -> list[str]:
    found = []
    for name, value in element.attrs.items():
        values = value if isinstance(value, list) else [value]
        if name.lower().startswith("on"):
            found.append(f"{where}: <{element.name} {name}=…> event handler")
        if name.lower() in URL_ATTRIBUTES:
            for url in values:
                for candidate in str(url).split(","):  # srcset lists several
                    if scheme_of(candidate) in DANGEROUS_SCHEMES:
                        found.append(f"{where}: <{element.name} {name}={candidate[:60]!r}>")
    return found


def fragment_findings(where: str, text: str) -> list[str]:
    """What could run if `text` were rendered as HTML (as feed readers and the search box do)."""
    found = []
    if scheme_of(text) in DANGEROUS_SCHEMES:
        found.append(f"{where}: {text[:60]!r} is a {scheme_of(text)}: URL")
    if "<" not in text:
        return found
    soup = BeautifulSoup(text, "html.parser")
    for element in soup.find_all(True):
        if element.name in ("script", "style") or element.name in EMBEDDING_ELEMENTS:
            found.append(f"{where}: <{element.name}> in a text value")
        found += _attribute_findings(where, element)
    return found


def _json_findings(where: str, value, html_keys: frozenset[str] | None, key: str = "",
                   as_html: bool = False) -> list[str]:
    """`html_keys` None: every text is rendered as HTML; else only the texts under those keys."""
    if isinstance(value, str):
        if html_keys is None or as_html:
            return fragment_findings(where, value)
        if key in URL_KEYS and scheme_of(value) in DANGEROUS_SCHEMES:
            return [f"{where}: {key} {value[:60]!r} is a {scheme_of(value)}: URL"]
        return []
    if isinstance(value, dict):
        found = _json_findings(where, list(value), html_keys) if html_keys is None else []
        return found + [f for name, child in value.items()
                        for f in _json_findings(where, child, html_keys, key if name in LANGUAGE_KEYS else name,
                                                as_html or (html_keys is not None and name in html_keys))]
    if isinstance(value, list):
        return [f for child in value for f in _json_findings(where, child, html_keys, key, as_html)]
    return []


def json_findings(where: str, text: str, html_keys: frozenset[str] | None = None) -> list[str]:
    try:
        value = json.loads(text)
    except ValueError as error:
        return [f"{where}: not valid JSON ({error})"]
    return _json_findings(where, value, html_keys)


def xml_findings(where: str, data: bytes) -> list[str]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return [f"{where}: not well-formed XML ({error})"]
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        local = etree.QName(element).localname.lower()
        if local in ("script", "foreignobject") or local in EMBEDDING_ELEMENTS:
            found.append(f"{where}: <{local}> element")
        for name, value in element.attrib.items():
            attribute = etree.QName(name).localname.lower()
            if attribute.startswith("on"):
                found.append(f"{where}: <{local} {attribute}=…> event handler")
            found += fragment_findings(f"{where} <{local} {attribute}>", value)
        plain_text = (element.tag.startswith(ATOM) and local in ATOM_TEXT_CONSTRUCTS
                      and element.get("type", "text") == "text")
        if element.text and element.text.strip() and not plain_text:
            found += fragment_findings(f"{where} <{local}>", element.text.strip())
        if element.tail and element.tail.strip():
            found += fragment_findings(f"{where} <{local}>", element.tail.strip())
    return found


def html_findings(where: str, text: str, baseline: Baseline) -> list[str]:
    soup = BeautifulSoup(text, "lxml")
    found = []
    base = "http://site.invalid/" + where
    for element in soup.find_all(True):
        found += _attribute_findings(where, element)
        if element.name in EMBEDDING_ELEMENTS:
            found.append(f"{where}: <{element.name}> element")
        if element.name == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append(f"{where}: <meta http-equiv=refresh>")
        if element.name == "style" and (element.string or "") not in baseline.inline_styles:
            found.append(f"{where}: a <style> the theme did not write: {(element.string or '')[:60]!r}")
        if element.name != "script":
            continue
        if element.get("src"):
            target = urlsplit(urljoin(base, element["src"]))
            path = target.path.lstrip("/")
            if target.netloc != "site.invalid" or path not in baseline.files:
                found.append(f"{where}: <script src={element['src']!r}> is not one of the theme's scripts")
        elif _is_executable(element):
            if (element.string or "") not in baseline.inline_scripts:
                found.append(f"{where}: an inline script the theme did not write: {(element.string or '')[:80]!r}")
        else:
            if "<" in (element.string or ""):
                found.append(f"{where} <script type={element.get('type')}>: a raw < in JSON could close its script")
            found += json_findings(f"{where} <script type={element.get('type')}>", element.string or "",
                                   frozenset())
    return found


def scan_site(site: Path, baseline: Baseline, forbidden: tuple[str, ...] = ()) -> tuple[list[str], int]:
    """Every finding in `site`, and the number of files read."""
    found, read = [], 0
    for path in sorted(site.rglob("*")):
        where = path.relative_to(site).as_posix()
        if path.is_symlink():
            found.append(f"{where}: a symbolic link")
            continue
        if not path.is_file():
            continue
        data = path.read_bytes()
        name = where
        if where.endswith(".gz"):
            data, name = gzip.decompress(data), where[:-3]
        read += 1
        found += [f"{where}: holds {text!r}" for text in forbidden if text.encode("utf-8") in data]
        if name.endswith(HTML_SUFFIXES):
            found += html_findings(where, data.decode("utf-8"), baseline)
        elif name.endswith(XML_SUFFIXES):
            found += xml_findings(where, data)
        elif name.endswith(JSON_SUFFIXES):
            html_keys = DATA_JSON_HTML_KEYS.get(name, frozenset()) if name.startswith(DATA_JSON_PREFIX) else None
            found += json_findings(where, data.decode("utf-8"), html_keys)
    return found, read
