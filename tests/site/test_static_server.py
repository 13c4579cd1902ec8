"""The test server answers like GitHub Pages for a project site under a sub-path."""

from __future__ import annotations

import pytest

from tests.helpers.browserkit import StaticServer
from tests.helpers.crawl import fetch


@pytest.fixture
def served(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text("<p>accueil</p>", encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>introuvable / not found</p>", encoding="utf-8")
    with StaticServer(tmp_path, prefix="/csn-showcase/") as server:
        yield server


def test_pages_are_served_under_the_subpath(served):
    assert served.url == served.origin + "/csn-showcase/"
    assert fetch(served.url).body == b"<p>accueil</p>"
    assert fetch(served.url + "en/").body == b"<p>home</p>"


def test_a_folder_without_its_slash_is_redirected_like_github_pages(served):
    answer = fetch(served.url + "en")
    assert answer.status == 200 and answer.url == served.url + "en/"


def test_a_miss_under_the_subpath_gets_the_site_404_page(served):
    answer = fetch(served.url + "en/nothing/here/")
    assert answer.status == 404 and answer.body == b"<p>introuvable / not found</p>"


@pytest.mark.parametrize("path", ["/", "/index.html", "/en/", "/csn-showcasex/"])
def test_outside_the_subpath_is_not_the_site(served, path):
    answer = fetch(served.origin + path)
    assert answer.status == 404 and b"introuvable" not in answer.body
