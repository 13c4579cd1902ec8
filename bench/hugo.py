"""The same pages as Hugo content files with minimal templates, for reference.

Hugo (the `hugo` package of bench/requirements-hugo.txt) builds them in two
languages at the same URLs: French at the root, English under /en/, each page
linked to its twin by a translation key.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from csn.data.load import load_site
from csn.data.publishing import publication_date
from csn.data.schema import LANGUAGES
from csn.site.plan import PlannedPage, build_plan, language_prefix
from csn.site.urls import relative_url

from .floor import FloorWriter

CONFIG = """\
baseURL = "{base_url}"
title = "{title}"
defaultContentLanguage = "fr"
defaultContentLanguageInSubdir = false
disableDefaultLanguageRedirect = true
disableKinds = ["taxonomy", "term", "rss"]
[languages.fr]
  contentDir = "content/fr"
  languageName = "Français"
  weight = 1
[languages.en]
  contentDir = "content/en"
  languageName = "English"
  weight = 2
"""

BASEOF = """\
<!doctype html>
<html lang="{{ .Language.Lang }}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <title>{{ .Title }} - {{ site.Title }}</title>
  <meta name="description" content="{{ .Description }}">
  <link rel="canonical" href="{{ .Permalink }}">
  {{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
  {{ end }}<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
</head>
<body>
  <header>
    <a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
    <nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
    {{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}
  </header>
  <main>{{ block "main" . }}{{ end }}</main>
  <footer>{{ site.Title }}</footer>
</body>
</html>
"""

MAIN = '{{ define "main" }}{{ .Content }}{{ end }}\n'


class HugoWriter(FloorWriter):
    """The floor's pages as Hugo page bundles: links are URLs, twins share a translation key."""

    def file_of(self, page: PlannedPage) -> str:
        path = page.path[len(language_prefix(page.lang)):]
        is_list = page.kind in ("home", "projects", "partners", "news", "news_year")
        return f"{page.lang}/{path}{'_index' if is_list else 'index'}.md"

    def front_matter(self, page: PlannedPage) -> dict[str, Any]:
        return {"title": page.title, "description": self.description(page), "translationKey": page.key}

    def link(self, page: PlannedPage, target: Any) -> str:
        to = target if isinstance(target, PlannedPage) else self.plan.for_entity(target, self.lang)
        return relative_url(page.path, to.path)


def write_hugo(project: Path, destination: Path, base_url: str) -> int:
    """Write a Hugo site of the project copy at `project` into `destination`; return the pages written."""
    site = load_site(project / "data", publication_date())
    plan = build_plan(site, project / "docs")
    content = destination / "content"
    count = sum(HugoWriter(site, plan, project / "docs", lang).write(content) for lang in LANGUAGES)
    layouts = destination / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "baseof.html").write_text(BASEOF, encoding="utf-8")
    for name in ("single.html", "list.html"):
        (layouts / name).write_text(MAIN, encoding="utf-8")
    (destination / "layouts" / "index.html").write_text(MAIN, encoding="utf-8")
    css = destination / "static" / "css"
    css.mkdir(parents=True)
    shutil.copy2(project / "overrides" / "assets" / "stylesheets" / "csn.css", css / "site.css")
    (destination / "hugo.toml").write_text(CONFIG.format(base_url=base_url, title=site.info.name["fr"]),
                                           encoding="utf-8")
    return count
