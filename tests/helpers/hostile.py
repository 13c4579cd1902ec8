"""Hostile content that is valid data: it must build, and land in every output as harmless text.

Each payload carries a marker (csn-xss-N) so that a scan can tell it from the
theme's own markup. Raw HTML in Markdown is a validation error (tests of
validation cover it); here markup reaches Markdown as code, entities and titles. Records are written with yaml.safe_dump, which quotes
whatever needs quoting.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import yaml

PAYLOADS = [
    '</title><script>alert("csn-xss-1")</script>',
    '"><img src=x onerror=alert("csn-xss-2")>',
    "'><svg onload=alert('csn-xss-3')>",
    '{{ 7*7 }} {% include "/etc/passwd" %} {{ config.site_name }} {# csn-jinja #}',
    ']]></content><script>alert("csn-xss-4")</script>',
    '</script><script>alert("csn-xss-5")</script><!--',
    'javascript:alert("csn-xss-6") as plain text',
    '&lt;script&gt;alert("csn-xss-7")&lt;/script&gt; stays as typed',
    '<a href="javascript:alert(8)">csn-xss-8</a> \\u003cscript\\u003e "\\" \\\\',
]
TITLE = PAYLOADS[0] + " " + PAYLOADS[3]
SUMMARY = PAYLOADS[1] + ' & "quoted" ' + PAYLOADS[5]
BODY = """\
Text with `<script>alert("csn-xss-b1")</script>` as code, a <3 heart and x < y > z.

[A link](https://example.org/?q=%22csn "a title' onmouseover='alert(csn-xss-b4)")
and <https://example.org/auto> and [a mail](mailto:csn@example.org) and www.example.org/csn-xss-b2.

![A photo](assets/photos/hostile.png "a title\\" onerror=\\"alert('csn-xss-b3')")

{{ 7*7 }} {% raw %} csn-jinja-body

    <script>alert("csn-xss-b7")</script>

> &lt;style&gt;body { display: none }&lt;/style&gt; csn-xss-b8 &#60;script&#62;alert(9)&#60;/script&#62;

| csn | table |
|---|---|
| <3 | `<iframe src="https://evil.example/csn-xss-b5">` |

~~struck~~ **&quot;bold&quot;**
"""
# Ordinary text that an escaping export would garble: `&`, `<`, quotes and emoji, as a partner's name.
ORDINARY_NAME = {"fr": "Recherche & Innovation « l'équipe » 🧬", "en": 'Research & Innovation "the team" 🧬'}
ORDINARY_DESCRIPTION = {"fr": "Quand a < b & c > d : l'« essai » 🩺 &amp; rien d'autre.",
                        "en": "When a < b & c > d: the \"trial\" 🩺 &amp; nothing else."}
ORDINARY_PARTNER_PATHS = ("partenaires/recherche-innovation/", "en/partners/research-innovation/")
HOSTILE_PROJECT_PATHS = ("projets/projet-hostile/", "en/projects/hostile-project/")
HOSTILE_PARTNER_PATHS = ("partenaires/partenaire-hostile/", "en/partners/hostile-partner/")
HOSTILE_NEWS_PATHS = ("actualites/nouvelle-hostile/", "en/news/hostile-news/")
LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>csn logo</title>'
        '<circle cx="5" cy="5" r="4" fill="#335"/></svg>\n')


def both(text: str) -> dict[str, str]:
    return {"fr": text, "en": text}


def png_bytes() -> bytes:
    """A valid 1x1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + \
        chunk(b"IEND", b"")


def _dump(path: Path, record: dict) -> None:
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def add_hostile_fixtures(project: Path) -> None:
    """Add a hostile project, partner and news item, a hostile theme and tagline, to a copy of the real project."""
    data = project / "data"
    (project / "assets" / "logos").mkdir(parents=True)
    (project / "assets" / "photos").mkdir()
    (project / "assets" / "logos" / "hostile.svg").write_text(LOGO, encoding="utf-8")
    (project / "assets" / "photos" / "hostile.png").write_bytes(png_bytes())

    themes = data / "themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8") + yaml.safe_dump(
        {"theme-hostile": both(PAYLOADS[2] + " " + PAYLOADS[6])}, allow_unicode=True, width=10_000), encoding="utf-8")
    site = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
    site["tagline"] = both(PAYLOADS[4] + " " + PAYLOADS[7])
    _dump(data / "site.yml", site)

    _dump(data / "projects" / "projet-hostile.yml", {
        "title": both(TITLE), "slug": {"fr": "projet-hostile", "en": "hostile-project"},
        "summary": both(SUMMARY), "description": both(BODY), "status": "active", "start": "2021-05",
        "featured": True, "themes": ["theme-hostile"],
        "partners": [{"id": "partenaire-hostile", "role": both(PAYLOADS[8])}, {"id": "recherche-innovation"}],
        "links": [{"title": both(PAYLOADS[0]), "url": "https://example.org/?a=1&b=%3Cscript%3E#csn-xss-l1"}],
    })
    _dump(data / "partners" / "partenaire-hostile.yml", {
        "name": both(PAYLOADS[1] + " " + PAYLOADS[3]), "slug": {"fr": "partenaire-hostile", "en": "hostile-partner"},
        "acronym": "<svg onload=alert('csn-xss-a')>", "kind": "research", "country": "DE",
        "region": both(PAYLOADS[5]), "website": "https://example.org/partner?x=%22%3E",
        "logo": "assets/logos/hostile.svg", "description": both(SUMMARY + " " + PAYLOADS[4]),
    })
    _dump(data / "partners" / "recherche-innovation.yml", {
        "name": ORDINARY_NAME, "slug": {"fr": "recherche-innovation", "en": "research-innovation"},
        "kind": "research", "country": "CA", "description": ORDINARY_DESCRIPTION,
    })
    _dump(data / "news" / "2021-05-01-hostile.yml", {
        "date": "2021-05-01", "title": both(TITLE), "slug": {"fr": "nouvelle-hostile", "en": "hostile-news"},
        "summary": both(SUMMARY), "body": both(BODY), "projects": ["projet-hostile"],
        "partners": ["partenaire-hostile"],
        "source": {"name": PAYLOADS[0] + " " + PAYLOADS[8], "url": "https://example.org/source"},
    })
