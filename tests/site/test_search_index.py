"""The search indexes as written: one per language, every page of that language, generated ones included."""

from __future__ import annotations

import html
import json

import pytest

from csn.data.load import load_site
from csn.hosts.mkdocs import search_index
from tests.helpers.sitebuild import FIXTURE_DATA

SITE = load_site(FIXTURE_DATA)
INDEXES = {"fr": "search/search_index.json", "en": "en/search/search_index.json"}
SECTIONS = {"fr": ("projets", "partenaires", "actualites"), "en": ("projects", "partners", "news")}


def index(real_site, lang: str) -> dict:
    return json.loads((real_site.site / INDEXES[lang]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", INDEXES)
def test_each_language_has_its_own_index_of_its_own_pages(real_site, lang):
    data = index(real_site, lang)
    assert data["config"]["lang"] == [lang]
    pages = {doc["location"].split("#")[0] for doc in data["docs"]}
    for page in pages:  # locations are relative to the language's root, where its pages send the search
        assert (real_site.site / ("en/" if lang == "en" else "") / page / "index.html").is_file(), page
        assert real_site.html(("en/" if lang == "en" else "") + page).html["lang"] == lang


@pytest.mark.parametrize("lang", INDEXES)
def test_generated_pages_are_searchable_with_their_title_and_text(real_site, lang):
    docs = {doc["location"]: doc for doc in index(real_site, lang)["docs"]}
    projects, partners, news = SECTIONS[lang]
    expected = [(f"{projects}/{p.slug[lang]}/", p.title[lang], p.summary[lang]) for p in SITE.projects] + \
               [(f"{partners}/{p.slug[lang]}/", p.name[lang], p.description[lang]) for p in SITE.partners] + \
               [(f"{news}/{n.slug[lang]}/", n.title[lang], n.summary[lang]) for n in SITE.news]
    for location, title, text in expected:
        assert location in docs, location
        assert html.unescape(docs[location]["title"]) == title
        assert " ".join(text.split()[:4]) in html.unescape(docs[location]["text"])


@pytest.mark.parametrize("lang", INDEXES)
def test_archive_listings_are_left_out_their_items_have_their_own_pages(real_site, lang):
    news = SECTIONS[lang][2]
    locations = [doc["location"] for doc in index(real_site, lang)["docs"]]
    assert f"{news}/" in locations
    assert not [loc for loc in locations if loc.startswith((f"{news}/2020/", f"{news}/page/"))]


def test_documents_carry_the_other_forms_of_their_words(real_site):
    docs = {doc["location"]: doc for doc in index(real_site, "fr")["docs"]}
    lake = docs["projets/lac-de-donnees/"]
    assert "données" in lake["title"] and "donnee" in lake["title_forms"].split()
    assert index(real_site, "fr")["config"]["fields"]["title_forms"]["boost"] < \
        index(real_site, "fr")["config"]["fields"]["title"]["boost"]


@pytest.mark.parametrize("count", [0, 1, search_index.INDEX_BATCH, 2 * search_index.INDEX_BATCH + 7])
def test_an_index_written_in_batches_is_the_json_of_the_whole(tmp_path, count):
    index = {"config": {"lang": ["fr"], "separator": "[\\s]+"},
             "docs": [{"location": f"p{i}/", "title": f"Données « {i} »", "text": "l’été"} for i in range(count)]}
    target = tmp_path / "search_index.json"
    search_index._write_index(target, index)
    assert json.loads(target.read_text(encoding="utf-8")) == index
