"""News items in one language (`languages: [fr]`) and drafts (`draft: true`), on the built site.

One copy of the fixture project gets a French-only item, an English-only item, a draft news item, and a
draft partner named by a draft project; every assertion reads the built files (HTML, Atom, sitemap,
search index, open data) or the editors' commands' output, never a count of the real records.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from csn.data.errors import DataError
from csn.data.load import load_site
from csn.editors.translations import translation_report
from tests.helpers.htmlcheck import target_file
from tests.helpers.search_bundle import indexed_pages
from tests.helpers.sitebuild import build, copy_project

pytestmark = pytest.mark.xdist_group("single_language_site")

TODAY = "2030-06-14"
DRAFT_MARKER = "zzbrouillon"
FRENCH_ONLY = {"file": "2030-06-01-seulement-en-francais", "slug": "seulement-en-francais",
               "title": "Une journée d'étude en français seulement"}
ENGLISH_ONLY = {"file": "2030-06-02-english-only", "slug": "english-only-workshop",
                "title": "A workshop announced in English only"}
NOTE = {"fr": "(en anglais)", "en": "(in French)"}

ITEMS = {
    f"news/{FRENCH_ONLY['file']}.yml": f"""\
date: 2030-06-01
languages: [fr]
title:
  fr: {FRENCH_ONLY['title']}
slug:
  fr: {FRENCH_ONLY['slug']}
summary:
  fr: Un résumé écrit en français seulement.
body:
  fr: Le texte de cette journée d'étude, en français seulement.
projects:
  - lac-de-donnees
""",
    f"news/{ENGLISH_ONLY['file']}.yml": f"""\
date: 2030-06-02
languages: [en]
title:
  en: {ENGLISH_ONLY['title']}
slug:
  en: {ENGLISH_ONLY['slug']}
summary:
  en: A summary written in English only.
body:
  en: The text of this workshop, in English only.
""",
    "news/2030-06-03-brouillon.yml": f"""\
date: 2030-06-03
draft: true
title:
  fr: Annonce en préparation {DRAFT_MARKER}
  en: Announcement in the works {DRAFT_MARKER}
slug:
  fr: annonce-{DRAFT_MARKER}
  en: announcement-{DRAFT_MARKER}
summary:
  fr: Résumé {DRAFT_MARKER}.
  en: Summary {DRAFT_MARKER}.
body:
  fr: Texte {DRAFT_MARKER}.
  en: Text {DRAFT_MARKER}.
partners:
  - partenaire-{DRAFT_MARKER}
""",
    f"partners/partenaire-{DRAFT_MARKER}.yml": f"""\
name: Partenaire {DRAFT_MARKER}
kind: research
country: CA
description:
  fr: Un partenaire pas encore annoncé {DRAFT_MARKER}.
  en: A partner not announced yet {DRAFT_MARKER}.
draft: true
""",
}


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """The editors' messages are checked in English here (CSN_LANG=en; French is the default)."""
    monkeypatch.setenv("CSN_LANG", "en")


def add_items(data: Path) -> None:
    for name, text in ITEMS.items():
        (data / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("single_language") / "project")
    add_items(project / "data")
    result = build(project, site_url="https://csn.example.org/", extra_env={"CSN_TODAY": TODAY})
    assert result.returncode == 0, result.output
    return result


def card_for(result, path: str, slug: str):
    """The news card of the page at `path` whose link leads to the item with `slug`."""
    for card in result.html(path).select(".csn-card--news"):
        link = card.select_one(".csn-card__title a")
        target = target_file(result.site, path, link["href"]).relative_to(result.site).as_posix()
        if f"/{slug}/" in f"/{target}":
            return card, target
    raise AssertionError(f"no card of {path} links to {slug}")


@pytest.mark.parametrize("item, lang, page_lang, listings", [
    (FRENCH_ONLY, "fr", "en", ("en/news/", "en/news/2030/", "en/")),
    (ENGLISH_ONLY, "en", "fr", ("actualites/", "actualites/2030/", "")),
])
def test_the_other_language_lists_it_marked_and_linking_to_its_page(site, item, lang, page_lang, listings):
    own = "actualites" if lang == "fr" else "en/news"
    other = "en/news" if lang == "fr" else "actualites"
    assert (site.site / own / item["slug"] / "index.html").is_file()
    assert not (site.site / other / item["slug"]).exists()
    for path in listings:
        card, target = card_for(site, path, item["slug"])
        assert target == f"{own}/{item['slug']}/index.html", path
        marked = card.select_one(f'.csn-card__title [lang="{lang}"]')
        assert marked is not None and marked.get_text(strip=True) == item["title"], path
        assert NOTE[page_lang] in card.select_one(".csn-card__title").get_text(" ", strip=True), path
        assert card.select_one(f'p[lang="{lang}"]') is not None, path  # its summary, in its language


def test_the_feed_of_the_other_language_carries_it_in_its_language(site):
    atom, xml = "{http://www.w3.org/2005/Atom}", "{http://www.w3.org/XML/1998/namespace}"
    feed = ElementTree.parse(site.site / "en/feed.xml").getroot()
    entry = next(e for e in feed.iter(f"{atom}entry") if FRENCH_ONLY["title"] in e.find(f"{atom}title").text)
    assert entry.get(f"{xml}lang") == "fr" and "(in French)" in entry.find(f"{atom}title").text
    link = entry.find(f"{atom}link")
    assert link.get("hreflang") == "fr"
    assert link.get("href") == f"https://csn.example.org/actualites/{FRENCH_ONLY['slug']}/"


def test_no_alternate_leads_to_a_page_that_does_not_exist(site):
    page = site.html(f"actualites/{FRENCH_ONLY['slug']}/")
    head_languages = [link["hreflang"] for link in page.select('head link[rel="alternate"][hreflang]')]
    assert "en" not in head_languages and "fr" in head_languages
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    url = sitemap[sitemap.index(f"/actualites/{FRENCH_ONLY['slug']}/</loc>"):]
    url = url[:url.index("</url>")]
    assert 'hreflang="en"' not in url
    assert FRENCH_ONLY["slug"] not in (site.site / "en/sitemap.xml").read_text(encoding="utf-8")
    for path in site.site.rglob("*.html"):  # every hreflang link of the site leads to a page that exists
        html = path.read_text(encoding="utf-8")
        if FRENCH_ONLY["slug"] in html or ENGLISH_ONLY["slug"] in html:
            for link in site.html(path.parent.relative_to(site.site).as_posix()).select("[hreflang][href]"):
                if link["href"].startswith("https://csn.example.org/"):
                    target = site.site / link["href"].removeprefix("https://csn.example.org/")
                    assert (target / "index.html").is_file() or target.is_file(), (path, link)


def test_the_switcher_goes_to_the_other_news_index_and_says_why(site):
    for path, other, index, words in ((f"actualites/{FRENCH_ONLY['slug']}/", "en", "en/news/", "French only"),
                                      (f"en/news/{ENGLISH_ONLY['slug']}/", "fr", "actualites/", "qu'en anglais")):
        page = site.html(path)
        switch = page.select_one(f'a.csn-lang[hreflang="{other}"]')
        assert target_file(site.site, path, switch["href"]) == site.site / index / "index.html"
        assert words in switch.get_text(" ", strip=True) and switch["lang"] == other and words in switch["title"]
        notice = page.select_one(f'.csn-lang-notice[lang="{other}"]')  # said on the page too, visibly
        assert words in notice.get_text(" ", strip=True)
        assert target_file(site.site, path, notice.select_one("a")["href"]) == site.site / index / "index.html"


def test_search_and_open_data_hold_it_in_its_language(site):
    fr_urls, en_urls = (" ".join(indexed_pages(site.site, lang)) for lang in ("fr", "en"))
    assert FRENCH_ONLY["slug"] in fr_urls and FRENCH_ONLY["slug"] not in en_urls
    assert ENGLISH_ONLY["slug"] in en_urls and ENGLISH_ONLY["slug"] not in fr_urls
    records = json.loads((site.site / "api/v1/news.json").read_text(encoding="utf-8"))["records"]
    record = next(r for r in records if r["id"] == FRENCH_ONLY["file"])
    assert record["languages"] == ["fr"] and set(record["title"]) == {"fr"} and set(record["body"]) == {"fr"}
    assert record["url"]["en"] == record["url"]["fr"].replace("/en/", "/")  # the page that exists


def test_the_translation_report_lists_it_as_single_language_not_missing(site):
    report, missing = translation_report(site.project)
    assert not missing, report
    assert "Published in one language on purpose" in report
    for item, words in ((FRENCH_ONLY, "French only"), (ENGLISH_ONLY, "English only")):
        line = next(line for line in report.splitlines() if item["file"] in line)
        assert words in line


def test_a_draft_is_published_nowhere(site):
    found = [path.relative_to(site.site).as_posix() for path in site.site.rglob("*")
             if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".txt")
             and DRAFT_MARKER in path.read_text(encoding="utf-8", errors="replace")]
    assert found == []


def test_validation_says_drafts_are_left_out(site):
    loaded = load_site(site.project / "data", dt.date.fromisoformat(TODAY), drafts=False)
    assert sorted(loaded.drafts) == sorted(f"data/{name}" for name in ITEMS if "brouillon" in name)
    assert all(DRAFT_MARKER not in partner.id for partner in loaded.partners)


def test_a_published_record_naming_a_draft_is_an_error_naming_both_files(tmp_path, site):
    data = tmp_path / "data"
    shutil.copytree(site.project / "data", data)
    if (site.project / "assets").is_dir():  # the identity's images, which data/site.yml names
        shutil.copytree(site.project / "assets", tmp_path / "assets")
    news = data / "news/2030-06-03-brouillon.yml"
    news.write_text(news.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_site(data, dt.date.fromisoformat(TODAY), drafts=False)
    problems = [p for p in raised.value.problems if p.code == "draft.linked"]
    assert len(problems) == 1, raised.value
    assert problems[0].file == "data/news/2030-06-03-brouillon.yml" and problems[0].line > 0
    assert DRAFT_MARKER in problems[0].text() and f"data/partners/partenaire-{DRAFT_MARKER}.yml" in problems[0].text()
    # The preview with DRAFTS=1 publishes both: no error then.
    assert load_site(data, dt.date.fromisoformat(TODAY), drafts=True).news


def test_the_preview_with_drafts_shows_them_marked(tmp_path):
    project = copy_project(tmp_path / "project")
    add_items(project / "data")
    result = build(project, extra_env={"CSN_TODAY": TODAY, "CSN_DRAFTS": "1"})
    assert result.returncode == 0, result.output
    page = result.html(f"actualites/annonce-{DRAFT_MARKER}/")
    assert page.select_one("h1 .csn-draft") is not None
    card, _ = card_for(result, "actualites/", f"annonce-{DRAFT_MARKER}")
    assert card.select_one(".csn-draft") is not None
    assert (result.site / f"partenaires/partenaire-{DRAFT_MARKER}/index.html").is_file()


@pytest.mark.parametrize("collection, text, words", [
    ("projects", "languages: [fr]\n", "projects are published in French and in English"),
    ("partners", "languages: [en]\n", "partners are published in French and in English"),
    ("news", "languages: fr\n", "must be a list: write `[fr]` (with the brackets)"),
    ("news", "languages: [de]\n", "`de` is not a language of the site"),
])
def test_languages_is_refused_where_it_does_not_belong(data_dir, collection, text, words):
    path = min((data_dir / collection).glob("*.yml"))
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_site(data_dir)
    messages = [str(p) for p in raised.value.problems]
    assert any(words in m and m.startswith(f"data/{collection}/{path.name}:") for m in messages), messages


def test_a_text_in_the_unpublished_language_is_a_warning(data_dir):
    path = data_dir / "news" / f"{ENGLISH_ONLY['file']}.yml"
    path.write_text(ITEMS[f"news/{ENGLISH_ONLY['file']}.yml"].replace(
        "  en: A summary", "  fr: Un résumé\n  en: A summary"), encoding="utf-8")
    loaded = load_site(data_dir, dt.date.fromisoformat(TODAY))
    warnings = [str(p) for p in loaded.warnings]
    assert any("summary.fr" in w and "English only" in w for w in warnings), warnings
