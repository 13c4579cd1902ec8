"""The same pages as an idiomatic Hugo site, for reference.

Hugo (the `hugo` package of bench/requirements-hugo.txt) builds them in two
languages at the same URLs: French at the root, English under /en/, each page
linked to its twin by a translation key. The site is written as a Hugo user
would write it, so that Hugo's figures are Hugo's and not a copy's mistakes:

- one content file per record and per docs page; the news index and the year
  archives are not files: Hugo paginates the news section (`.Paginate`, 10 a
  page, `page/N/`) and the `years` taxonomy's term pages (one per year, at the
  project's `news/<year>/` address, paginated the same way);
- the lists (projects, partners grouped by kind, news cards, the years) come
  from templates ranging over pages, with the card's texts in front matter;
- the header's navigation is a menu of the configuration, not `site.Sections`.

Its work grows linearly with the data (make bench prints the growth).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from csn.data.load import load_site
from csn.data.publishing import publication_date
from csn.data.schema import LANGUAGES, PARTNER_KINDS
from csn.data.settings import Settings
from csn.site.plan import SECTIONS, PlannedPage, build_plan, language_prefix
from csn.site.urls import relative_url

from .floor import FloorWriter

NAV = ("index.md", "projects.md", "partners.md", "news.md", "about.md")

CONFIG = """\
baseURL = "{base_url}"
title = "{title}"
defaultContentLanguage = "fr"
defaultContentLanguageInSubdir = false
disableDefaultLanguageRedirect = true
disableKinds = ["taxonomy", "rss"]
[pagination]
  disableAliases = true
  pagerSize = {per_page}
  path = "page"
[taxonomies]
  year = "years"
"""

LANGUAGE = """\
[languages.{lang}]
  contentDir = "content/{lang}"
  label = "{name}"
  weight = {weight}
  [languages.{lang}.params]
{params}
  [languages.{lang}.permalinks.term]
    years = "/{news}:slug/"
{menu}
"""

MENU_ENTRY = """\
  [[languages.{lang}.menus.main]]
    name = {name}
    url = {url}
    weight = {weight}
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
    <nav>{{ range site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a> {{ end }}</nav>
    {{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.Label }}</a>{{ end }}
  </header>
  <main>{{ block "main" . }}{{ end }}</main>
  <footer>{{ site.Title }}</footer>
</body>
</html>
"""

MAIN = '{{ define "main" }}{{ .Content }}{{ end }}\n'

NEWS_CARD = """\
<article><p>{{ .Params.when }}</p><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ .Params.summary | markdownify }}</article>
"""

# The news index and each year's archive: a page of cards, the pager, the years.
NEWS_LIST = """\
{{ define "main" }}{{ .Content }}
{{ $pager := .Paginate .Pages }}
<p>{{ len .Pages }} {{ site.Params.news_count }}</p>
{{ range $pager.Pages }}{{ partial "news-card.html" . }}{{ end }}
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}">{{ site.Params.previous }}</a>{{ end }}
{{ with $pager.Next }}<a href="{{ .URL }}">{{ site.Params.next }}</a>{{ end }}</nav>
<h2>{{ site.Params.archives }}</h2>
<ul>{{ range site.Taxonomies.years.Alphabetical.Reverse }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
"""

PROJECTS_LIST = """\
{{ define "main" }}{{ .Content }}
<p>{{ len .Pages }} {{ site.Params.projects_count }}</p>
{{ range .Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Params.status_period }}</p>{{ .Params.summary | markdownify }}<p>{{ .Params.themes }}</p>{{ end }}
{{ end }}
"""

PARTNERS_LIST = """\
{{ define "main" }}{{ .Content }}
<p>{{ len .Pages }} {{ site.Params.partners_count }}</p>
{{ range .Pages.GroupByParam "kind_rank" }}<h2>{{ (index .Pages 0).Params.kind_heading }}</h2>
{{ range .Pages }}<h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p>{{ .Params.place }}</p>{{ end }}{{ end }}
{{ end }}
"""


class HugoWriter(FloorWriter):
    """The floor's pages as Hugo content: list pages' cards come from templates, links are URLs."""

    def write(self, destination: Path) -> int:
        count = 0
        for page in self.plan.in_language(self.lang):
            if page.entity is not None and page.kind in ("news", "news_year") and page.entity.number > 1:
                continue  # a later page of a list: Hugo's pagination makes it
            path = destination / self.file_of(page)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.markdown(page), encoding="utf-8")
            count += 1
        return count

    def file_of(self, page: PlannedPage) -> str:
        if page.kind == "news_year":  # the year's term of the taxonomy, given its title and description
            return f"{page.lang}/years/{page.entity.year}/_index.md"
        path = page.path[len(language_prefix(page.lang)):]
        is_list = page.kind in ("home", "projects", "partners", "news")
        return f"{page.lang}/{path}{'_index' if is_list else 'index'}.md"

    def front_matter(self, page: PlannedPage) -> dict[str, Any]:
        front = {"title": page.title, "description": self.description(page), "translationKey": page.key}
        item, lang, t = page.entity, self.lang, self.t
        if page.kind == "news_year":
            front["slug"] = str(page.entity.year)  # the term's address: news/<year>/
        elif page.kind in ("projects", "partners", "news"):
            front["type"] = page.kind  # the section's template, whatever its name in this language
        elif page.kind == "news_item":
            day = item.date
            front.update(date=f"{day.year:04d}-{day.month or 1:02d}-{day.day or 1:02d}",
                         when=item.date.localized(lang), summary=item.summary[lang], years=[str(item.date.year)])
        elif page.kind == "project":
            front.update(status_period=f"{t('status.' + item.status)} · {self._period(item)}",
                         summary=item.summary[lang], themes=", ".join(theme.label[lang] for theme in item.themes))
        elif page.kind == "partner":
            region = f"{item.region[lang]}, " if item.region else ""
            front.update(kind_rank=str(PARTNER_KINDS.index(item.kind)),  # GroupByParam: strings
                         kind_heading=t("kind." + item.kind),
                         place=f"{t('kind_one.' + item.kind)} · {region}{self.countries.get(item.country, item.country)}")
        return front

    def link(self, page: PlannedPage, target: Any) -> str:
        to = target if isinstance(target, PlannedPage) else self.plan.for_entity(target, self.lang)
        return relative_url(page.path, to.path)

    # The list pages' own text only: their cards come from the templates.

    def _projects(self, page: PlannedPage) -> str:
        return self._doc_text(page)

    _partners = _projects

    def _news(self, page: PlannedPage) -> str:
        return self._doc_text(page) if page.source else ""

    _news_year = _news


def toml(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def language_config(site, plan, lang: str, weight: int) -> str:
    writer = HugoWriter(site, plan, Path("."), lang)
    t = writer.t
    params = {"previous": t("pagination.previous"), "next": t("pagination.next"), "archives": t("news.archives"),
              "news_count": t("index.count_news", n="").strip(), "projects_count": t("index.count_projects", n="").strip(),
              "partners_count": t("index.count_partners", n="").strip()}
    menu = "".join(MENU_ENTRY.format(lang=lang, name=toml(plan.page(f"doc:{name}", lang).title),
                                     url=toml("/" + plan.page(f"doc:{name}", lang).path), weight=rank)
                   for rank, name in enumerate(NAV, 1))
    news = plan.page(f"doc:{next(k for k, v in SECTIONS.items() if v == 'news')}.md", lang).path
    return LANGUAGE.format(lang=lang, name="Français" if lang == "fr" else "English", weight=weight,
                           params="".join(f"    {key} = {toml(value)}\n" for key, value in params.items()),
                           news=news[len(language_prefix(lang)):], menu=menu)


def write_hugo(project: Path, destination: Path, base_url: str) -> int:
    """Write a Hugo site of the project copy at `project` into `destination`; return the content files written."""
    site = load_site(project / "data", publication_date())
    plan = build_plan(site, project / "docs")
    content = destination / "content"
    count = sum(HugoWriter(site, plan, project / "docs", lang).write(content) for lang in LANGUAGES)
    layouts = destination / "layouts"
    templates = {"baseof.html": BASEOF, "single.html": MAIN, "list.html": MAIN, "home.html": MAIN,
                 "term.html": NEWS_LIST, "news/list.html": NEWS_LIST, "projects/list.html": PROJECTS_LIST,
                 "partners/list.html": PARTNERS_LIST, "_partials/news-card.html": NEWS_CARD}
    for name, text in templates.items():
        (layouts / name).parent.mkdir(parents=True, exist_ok=True)
        (layouts / name).write_text(text, encoding="utf-8")
    css = destination / "static" / "css"
    css.mkdir(parents=True)
    shutil.copy2(project / "overrides" / "assets" / "stylesheets" / "csn.css", css / "site.css")
    config = CONFIG.format(base_url=base_url, title=site.info.name["fr"], per_page=Settings().news_per_page)
    config += "".join(language_config(site, plan, lang, weight) for weight, lang in enumerate(LANGUAGES, 1))
    (destination / "hugo.toml").write_text(config, encoding="utf-8")
    return count
