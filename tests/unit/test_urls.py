"""Relative links between planned pages, checked against the standard library's relpath."""

from __future__ import annotations

import itertools
import posixpath

from csn.site.urls import relative_url

PATHS = ["", "en/", "projets/", "projets/lac-de-donnees/", "en/projects/data-lake/", "actualites/x/",
         "en/news/", "a/b/c/", "assets/stylesheets/csn.css", "projets/lac-de-donnees/photo.jpg"]


def reference(from_path: str, to_path: str) -> str:
    link = posixpath.relpath(to_path.rstrip("/") or ".", from_path.rstrip("/") or ".")
    if to_path.endswith("/") or to_path == "":
        link = "./" if link == "." else link + "/"
    return link


def test_relative_url_matches_relpath_for_every_pair():
    pages = [p for p in PATHS if p == "" or p.endswith("/")]
    for from_path, to_path in itertools.product(pages, PATHS):
        assert relative_url(from_path, to_path) == reference(from_path, to_path), (from_path, to_path)


def test_relative_url_examples():
    assert relative_url("projets/lac-de-donnees/", "projets/lac-de-donnees/") == "./"
    assert relative_url("projets/lac-de-donnees/", "") == "../../"
    assert relative_url("", "en/") == "en/"
    assert relative_url("en/news/x/", "en/partners/udem/") == "../../partners/udem/"
