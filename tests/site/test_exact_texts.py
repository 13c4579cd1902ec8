"""Data outputs carry the data exactly; escaping happens where a value is written into a format.

Hostile texts (markup, `</script>`, pre-escaped entities) and an ordinary one ("Recherche & Innovation",
quotes, guillemets, emoji) are read back as a consumer reads them: JSON with a JSON parser, CSV with a
CSV reader, JSON-LD with a JSON parser from its script, Atom with an XML parser; and shown on the pages
as text, literally.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from csn.outputs.export_text import json_in_script
from tests.helpers.atomcheck import atom_problems
from tests.helpers.hostile import (
    HOSTILE_PARTNER_PATHS,
    HOSTILE_PROJECT_PATHS,
    ORDINARY_DESCRIPTION,
    ORDINARY_NAME,
    ORDINARY_PARTNER_PATHS,
    PAYLOADS,
    SUMMARY,
    TITLE,
)

API = "api/v1/"
ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_PARTNER_NAME = PAYLOADS[1] + " " + PAYLOADS[3]
LANGS = ("fr", "en")


def both(text: str) -> dict[str, str]:
    return {lang: text for lang in LANGS}


def records(site, dataset: str) -> dict[str, dict]:
    document = json.loads((site.site / f"{API}{dataset}.json").read_text(encoding="utf-8"))
    return {r["id"]: r for r in document["records"]}


def csv_rows(site, dataset: str) -> dict[str, dict]:
    raw = (site.site / f"{API}{dataset}.csv").read_bytes().decode("utf-8-sig")
    return {row["id"]: row for row in csv.DictReader(io.StringIO(raw, newline=""))}


def json_ld(soup) -> list[dict]:
    nodes = []
    for script in soup.select('script[type="application/ld+json"]'):
        raw = script.string
        assert not set("<>&\u2028\u2029") & set(raw), "JSON in a script escapes <, >, & and U+2028/9 as \\u...."
        nodes += json.loads(raw)["@graph"]
    return nodes


def test_open_data_json_holds_the_exact_texts(hostile_site):
    partners = records(hostile_site, "partners")
    assert partners["recherche-innovation"]["name"] == ORDINARY_NAME
    assert partners["recherche-innovation"]["description"] == ORDINARY_DESCRIPTION
    hostile = partners["partenaire-hostile"]
    assert hostile["name"] == both(HOSTILE_PARTNER_NAME)
    assert hostile["acronym"] == "<svg onload=alert('csn-xss-a')>"
    assert hostile["region"] == both(PAYLOADS[5])
    project = records(hostile_site, "projects")["projet-hostile"]
    assert (project["title"], project["summary"]) == (both(TITLE), both(SUMMARY))
    assert project["links"][0]["title"] == both(PAYLOADS[0])
    assert project["partners"][0]["role"] == both(PAYLOADS[8])
    assert [t["label"] for t in project["themes"]] == [both(PAYLOADS[2] + " " + PAYLOADS[6])]
    news = records(hostile_site, "news")["2021-05-01-hostile"]
    assert (news["title"], news["summary"]) == (both(TITLE), both(SUMMARY))
    assert news["source"]["name"] == PAYLOADS[0] + " " + PAYLOADS[8]


def test_csv_holds_the_exact_texts(hostile_site):
    partners = csv_rows(hostile_site, "partners")
    for lang in LANGS:
        assert partners["recherche-innovation"][f"name_{lang}"] == ORDINARY_NAME[lang]
        assert partners["recherche-innovation"][f"description_{lang}"] == ORDINARY_DESCRIPTION[lang]
        assert partners["partenaire-hostile"][f"name_{lang}"] == HOSTILE_PARTNER_NAME
        assert csv_rows(hostile_site, "projects")["projet-hostile"][f"title_{lang}"] == TITLE
    assert partners["partenaire-hostile"]["acronym"] == "<svg onload=alert('csn-xss-a')>"


@pytest.mark.parametrize(("path", "lang"), list(zip(ORDINARY_PARTNER_PATHS, LANGS, strict=True)))
def test_json_ld_and_page_of_an_ordinary_name(hostile_site, path, lang):
    soup = hostile_site.html(path)
    organization = json_ld(soup)[-1]
    assert organization["name"] == ORDINARY_NAME[lang] and organization["description"] == ORDINARY_DESCRIPTION[lang]
    assert soup.select_one("article h1").get_text() == ORDINARY_NAME[lang]
    assert ORDINARY_DESCRIPTION[lang] in soup.select_one("article").get_text()


@pytest.mark.parametrize(("path", "lang"), list(zip(HOSTILE_PROJECT_PATHS, LANGS, strict=True)))
def test_json_ld_of_a_hostile_project(hostile_site, path, lang):
    soup = hostile_site.html(path)
    project = json_ld(soup)[-1]
    assert (project["name"], project["description"]) == (TITLE, SUMMARY)
    assert [m["name"] for m in project["member"]] == [HOSTILE_PARTNER_NAME, ORDINARY_NAME[lang]]
    assert project["keywords"] == [PAYLOADS[2] + " " + PAYLOADS[6]]
    assert ORDINARY_NAME[lang] in [a.get_text(strip=True) for a in soup.select("article a")]


@pytest.mark.parametrize("path", HOSTILE_PARTNER_PATHS)
def test_a_hostile_name_is_literal_on_its_page(hostile_site, path):
    soup = hostile_site.html(path)
    assert soup.select_one("article h1").get_text() == HOSTILE_PARTNER_NAME + " (<svg onload=alert('csn-xss-a')>)"
    assert json_ld(soup)[-1]["name"] == HOSTILE_PARTNER_NAME
    assert not soup.select("[onerror], [onload]")


@pytest.mark.parametrize(("feed", "lang"), [("feed.xml", "fr"), ("en/feed.xml", "en")])
def test_the_feeds_hold_the_exact_texts_in_valid_atom(hostile_site, feed, lang):
    raw = (hostile_site.site / feed).read_bytes()
    assert atom_problems(raw) == []
    root = ET.fromstring(raw)
    hostile = next(e for e in root.iter(ATOM + "entry") if "hostile" in e.findtext(ATOM + "id"))
    title, summary = hostile.find(ATOM + "title"), hostile.find(ATOM + "summary")
    assert title.get("type") == summary.get("type") == "text"
    assert (title.text, summary.text) == (TITLE, SUMMARY)
    assert root.findtext(ATOM + "subtitle") == PAYLOADS[4] + " " + PAYLOADS[7]


@pytest.mark.parametrize("text", [
    "</script><script>alert(1)</script>", "<!-- a comment opens -->", "Recherche & Innovation",
    "line\u2028separator\u2029paragraph", "« l'équipe » \"quoted\" 🧬", "&amp; &lt;already&gt; \\u003c",
])
def test_json_in_a_script_parses_back_exactly_and_cannot_close_it(text):
    written = str(json_in_script({"name": text, "list": [text]}))
    assert not set("<>&\u2028\u2029") & set(written)
    assert json.loads(written) == {"name": text, "list": [text]}
