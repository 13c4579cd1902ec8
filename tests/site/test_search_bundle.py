"""The search bundle as written: Pagefind's index of each language, of every page but the archive listings."""

from __future__ import annotations

import json

import pytest

from csn.data.load import load_site
from csn.hosts.mkdocs.page_context import is_archive_listing
from csn.site.plan import build_plan
from tests.helpers.search_bundle import indexed_pages
from tests.helpers.sitebuild import FIXTURE_DATA, FIXTURE_DOCS

PLAN = build_plan(load_site(FIXTURE_DATA), FIXTURE_DOCS)


def entry(real_site) -> dict:
    return json.loads((real_site.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_language_has_an_index_of_all_its_searchable_pages(real_site, lang):
    languages = entry(real_site)["languages"]
    assert set(languages) == {"fr", "en"}
    searchable = [page for page in PLAN.in_language(lang) if not is_archive_listing(page)]
    assert languages[lang]["page_count"] == len(searchable)
    indexed = indexed_pages(real_site.site, lang)
    assert set(indexed) == {"/" + page.path for page in searchable}
    for page in searchable:
        html = real_site.html(page.path)
        assert html.html["lang"] == lang, page.path
        bodies = html.select("[data-pagefind-body]")
        assert len(bodies) == 1 and bodies[0].find_parent("article"), page.path
        if page.entity is not None and page.kind != "news":  # a record's page: its title is what is indexed
            assert bodies[0].h1 and bodies[0].h1.get_text(" ", strip=True).startswith(page.title), page.path
            assert indexed["/" + page.path]["meta"]["title"].startswith(page.title)


def test_archive_listings_and_the_error_page_are_left_out(real_site):
    listings = [page for page in PLAN.pages if is_archive_listing(page)]
    assert listings
    for page in listings:  # their items are found on their own pages
        assert not real_site.html(page.path).select("[data-pagefind-body]"), page.path
    assert "data-pagefind-body" not in (real_site.site / "404.html").read_text(encoding="utf-8")
