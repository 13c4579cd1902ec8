"""A copy of the real site with two more news items and two news per page, built for a pinned day.

- a published item (2021) whose text says `protégées` and `privacy policy`: for the search table;
- a scheduled item dated the day after the pinned `CSN_TODAY`, carrying the marker `zzfutur`
  in every text: it must appear nowhere until a build on its day.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers.sitebuild import BuildResult, build, copy_project

TODAY = "2030-06-14"
FUTURE_DAY = "2030-06-15"
NEWS_PER_PAGE = 2
FUTURE_MARKER = "zzfutur"
FUTURE_SLUGS = {"fr": "annonce-programmee", "en": "scheduled-announcement"}
FUTURE_FILE = f"{FUTURE_DAY}-annonce-programmee.yml"
PROTECTED_SLUGS = {"fr": "donnees-mieux-protegees", "en": "better-protected-data"}

PROTECTED_NEWS = """\
date: 2021-03-10
title:
  fr: Des données de santé mieux protégées
  en: Better protected health data
slug:
  fr: donnees-mieux-protegees
  en: better-protected-data
summary:
  fr: Une actualité d'essai, pour les tests du site.
  en: A test news item, for the site's tests.
body:
  fr: |
    Les données de santé doivent rester protégées. Cette actualité d'essai sert aux tests
    de la recherche du site.
  en: |
    Health data must stay protected under a clear privacy policy. This test news item serves
    the tests of the site's search.
"""

FUTURE_NEWS = f"""\
date: {FUTURE_DAY}
title:
  fr: Annonce programmée {FUTURE_MARKER}
  en: Scheduled announcement {FUTURE_MARKER}
slug:
  fr: {FUTURE_SLUGS["fr"]}
  en: {FUTURE_SLUGS["en"]}
summary:
  fr: Résumé {FUTURE_MARKER}.
  en: Summary {FUTURE_MARKER}.
body:
  fr: Texte {FUTURE_MARKER}.
  en: Text {FUTURE_MARKER}.
projects:
  - lac-de-donnees
partners:
  - udem
"""


def make_fixture_project(destination: Path) -> Path:
    project = copy_project(destination)
    news = project / "data" / "news"
    (news / "2021-03-10-donnees-protegees.yml").write_text(PROTECTED_NEWS, encoding="utf-8")
    (news / FUTURE_FILE).write_text(FUTURE_NEWS, encoding="utf-8")
    config = project / "mkdocs.yml"
    text, count = re.subn(r"news_per_page: \d+", f"news_per_page: {NEWS_PER_PAGE}", config.read_text(encoding="utf-8"))
    assert count == 1, "mkdocs.yml has no extra.csn.news_per_page to change"
    config.write_text(text, encoding="utf-8")
    return project


def build_fixture_site(destination: Path, today: str) -> BuildResult:
    project = make_fixture_project(destination)
    result = build(project, site_url="https://csn.example.org/", extra_env={"CSN_TODAY": today})
    assert result.returncode == 0, result.output
    return result
