"""The floor: the project's pages written out as plain Markdown, built with no hooks at all.

Every page the project plans (same URL, title, description and text, in both
languages) becomes one pre-written Markdown file under docs/fr/ or docs/en/,
built by MkDocs + Material + mkdocs-static-i18n with the project's own theme
configuration. What the project's build costs beyond this is the price of
its data layer and templates.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from mkdocs.utils.yaml import yaml_load

from csn.data.load import load_site
from csn.data.model import News, Partner, Project, Site
from csn.data.publishing import publication_date
from csn.data.schema import LANGUAGES, PARTNER_KINDS
from csn.data.settings import Settings
from csn.site import archive
from csn.site.plan import Plan, PlannedPage, build_plan, language_prefix
from csn.site.strings import Translator

PROJECT_DIR = Path(__file__).resolve().parent.parent


def source_of(page: PlannedPage) -> str:
    """The page's Markdown file, relative to docs/: its URL path + index.md in its language folder."""
    return f"{page.lang}/{page.path[len(language_prefix(page.lang)):]}index.md"


class FloorWriter:
    """Writes one language's pages as Markdown with relative links between the .md files."""

    def __init__(self, site: Site, plan: Plan, docs_dir: Path, lang: str):
        self.site, self.plan, self.docs_dir, self.lang = site, plan, docs_dir, lang
        self.t = Translator(lang)
        self.countries = Locale.parse(lang).territories

    def write(self, destination: Path) -> int:
        count = 0
        for page in self.plan.in_language(self.lang):
            path = destination / self.file_of(page)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.markdown(page), encoding="utf-8")
            count += 1
        return count

    def markdown(self, page: PlannedPage) -> str:
        front = "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                                  for key, value in self.front_matter(page).items())
        body = getattr(self, f"_{page.kind}")(page)
        return front + "---\n\n" + body.strip() + "\n"

    # What a generator of plain pages needs: where each page's file goes, its front matter, its links.

    def file_of(self, page: PlannedPage) -> str:
        return source_of(page)

    def front_matter(self, page: PlannedPage) -> dict[str, Any]:
        return {"title": page.title, "description": self.description(page), "hide": ["navigation"]}

    def description(self, page: PlannedPage) -> str:
        return page.description or self.site.info.description[self.lang]

    def link(self, page: PlannedPage, target: Any) -> str:
        to = target if isinstance(target, PlannedPage) else self.plan.for_entity(target, self.lang)
        return posixpath.relpath(source_of(to), posixpath.dirname(source_of(page)))

    # One method per page kind, saying what the kind's template says.

    def _doc_text(self, page: PlannedPage) -> str:
        text = (self.docs_dir / page.source).read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text[text.find("\n---", 3) + 4:]
        return text.strip()

    def _doc(self, page: PlannedPage) -> str:
        return self._doc_text(page)

    def _section(self, name: str) -> PlannedPage:
        return self.plan.page(f"doc:{name}.md", self.lang)

    def _home(self, page: PlannedPage) -> str:
        info, lang = self.site.info, self.lang
        parts = [f"# {info.name[lang]}", info.tagline[lang], self._doc_text(page), f"## {self.t('home.featured')}"]
        parts += [self._project_card(page, p, "###") for p in self.site.featured_projects]
        parts.append(f"[{self.t('home.all_projects')}]({self.link(page, self._section('projects'))})")
        parts.append(f"## {self.t('home.latest_news')}")
        parts += [self._news_card(page, n, "###") for n in self.site.news[:Settings().home_news]]
        parts.append(f"[{self.t('home.all_news')}]({self.link(page, self._section('news'))})")
        parts.append(f"## {self.t('home.partners')}")
        parts += [self._partner_card(page, p, "###") for p in self.site.partners]
        parts.append(f"[{self.t('home.all_partners')}]({self.link(page, self._section('partners'))})")
        return "\n\n".join(parts)

    def _projects(self, page: PlannedPage) -> str:
        parts = [self._doc_text(page), self.t("index.count_projects", n=len(self.site.projects))]
        return "\n\n".join(parts + [self._project_card(page, p, "##") for p in self.site.projects])

    def _partners(self, page: PlannedPage) -> str:
        parts = [self._doc_text(page), self.t("index.count_partners", n=len(self.site.partners))]
        for kind in PARTNER_KINDS:
            members = [p for p in self.site.partners if p.kind == kind]
            if members:
                parts.append(f"## {self.t('kind.' + kind)}")
                parts += [self._partner_card(page, p, "###") for p in members]
        return "\n\n".join(parts)

    def _news(self, page: PlannedPage) -> str:
        listing = page.entity
        parts = [self._doc_text(page)] if page.source else []
        parts.append(self.t.plural("news.count", listing.total))
        parts += [self._news_card(page, n, "##") for n in listing.items]
        steps = [(self.t("pagination.previous"), listing.previous), (self.t("pagination.next"), listing.next)]
        parts.append(" · ".join(f"[{label}]({self.link(page, to)})" for label, to in steps if to))
        years = [(entry, self.plan.page(archive.listing_key(entry.year, 1), self.lang))
                 for entry in archive.year_counts(self.site.news)]
        parts.append(f"## {self.t('news.archives')}")
        parts.append("\n".join(f"- [{entry.year}]({self.link(page, to)}) ({self.t.plural('news.count', entry.count)})"
                               for entry, to in years))
        return "\n\n".join(parts)

    _news_year = _news
    _open_data = _doc

    def _project(self, page: PlannedPage) -> str:
        item, lang, t = page.entity, self.lang, self.t
        facts = (f"- {t('status.label')} : {t('status.' + item.status)}\n- {t('project.period')} : {self._period(item)}"
                 f"\n- {t('project.themes')} : {', '.join(theme.label[lang] for theme in item.themes)}")
        parts = [f"# {item.title[lang]}", item.summary[lang], facts, item.description[lang], f"## {t('project.partners')}",
                 "\n".join(f"- [{p.partner.name[lang]}]({self.link(page, p.partner)}){self._role(p)}"
                           for p in item.partners)]
        if item.links:
            parts += [f"## {t('project.links')}", "\n".join(f"- [{link.title[lang]}]({link.url})" for link in item.links)]
        if item.news:
            parts += [f"## {t('project.news')}", self._news_list(page, item.news)]
        return "\n\n".join(parts)

    def _partner(self, page: PlannedPage) -> str:
        item, lang, t = page.entity, self.lang, self.t
        facts = [f"- {t('partner.kind')} : {t('kind_one.' + item.kind)}"]
        if item.region:
            facts.append(f"- {t('partner.region')} : {item.region[lang]}")
        facts.append(f"- {t('partner.country')} : {self.countries.get(item.country, item.country)}")
        if item.website:
            facts.append(f"- {t('partner.website')} : <{item.website}>")
        acronym = f" ({item.acronym})" if item.acronym and item.acronym != item.name[lang] else ""
        parts = [f"# {item.name[lang]}{acronym}", item.description[lang], "\n".join(facts), f"## {t('partner.projects')}"]
        if item.projects:
            parts.append("\n".join(f"- [{p.project.title[lang]}]({self.link(page, p.project)}){self._role(p)}"
                                   for p in item.projects))
        else:
            parts.append(t("partner.no_projects"))
        if item.news:
            parts += [f"## {t('partner.news')}", self._news_list(page, item.news)]
        return "\n\n".join(parts)

    def _news_item(self, page: PlannedPage) -> str:
        item, lang, t = page.entity, self.lang, self.t
        parts = [f"{t('news.published')} {item.date.localized(lang)}", f"# {item.title[lang]}", item.summary[lang],
                 item.body[lang]]
        if item.source:
            name = f"[{item.source.name}]({item.source.url})" if item.source.url else item.source.name
            parts.append(f"{t('news.source')} {name}")
        if item.projects:
            parts += [f"## {t('news.projects')}",
                      "\n".join(f"- [{p.title[lang]}]({self.link(page, p)})" for p in item.projects)]
        if item.partners:
            parts += [f"## {t('news.partners')}",
                      "\n".join(f"- [{p.name[lang]}]({self.link(page, p)})" for p in item.partners)]
        return "\n\n".join(parts)

    # Cards and small pieces.

    def _period(self, project: Project) -> str:
        if project.end:
            return f"{project.start.localized(self.lang)} – {project.end.localized(self.lang)}"
        return self.t("project.since", start=project.start.localized(self.lang))

    def _role(self, participation) -> str:
        return f" — {participation.role[self.lang]}" if participation.role else ""

    def _news_list(self, page: PlannedPage, news: list[News]) -> str:
        return "\n".join(f"- {n.date.localized(self.lang)} — [{n.title[self.lang]}]({self.link(page, n)})" for n in news)

    def _project_card(self, page: PlannedPage, project: Project, heading: str) -> str:
        lang = self.lang
        themes = ", ".join(theme.label[lang] for theme in project.themes)
        return (f"{heading} [{project.title[lang]}]({self.link(page, project)})\n\n"
                f"{self.t('status.' + project.status)} · {self._period(project)}\n\n{project.summary[lang]}\n\n{themes}")

    def _news_card(self, page: PlannedPage, news: News, heading: str) -> str:
        lang = self.lang
        return (f"{news.date.localized(lang)}\n\n{heading} [{news.title[lang]}]({self.link(page, news)})\n\n"
                f"{news.summary[lang]}")

    def _partner_card(self, page: PlannedPage, partner: Partner, heading: str) -> str:
        lang = self.lang
        region = f"{partner.region[lang]}, " if partner.region else ""
        return (f"{heading} [{partner.name[lang]}]({self.link(page, partner)})\n\n"
                f"{self.t('kind_one.' + partner.kind)} · {region}{self.countries.get(partner.country, partner.country)}")


def floor_config(plan: Plan, site_url: str) -> dict[str, Any]:
    """The project's mkdocs.yml without hooks or templates, with one nav per language."""
    with open(PROJECT_DIR / "mkdocs.yml", encoding="utf-8") as stream:
        config = yaml_load(stream)
    config.pop("hooks", None)
    config.pop("watch", None)  # the preview's folders, which the floor has not
    config["site_url"] = site_url
    nav = [entry if isinstance(entry, str) else next(iter(entry.values())) for entry in config.pop("nav", [])]
    # Only the project's stylesheet stays from overrides/: the templates are the project's cost.
    config["theme"]["custom_dir"] = "overrides"
    # The floor keeps the search of a plain Material site, as it had before the project moved to Pagefind
    # (which the project's build runs, and pays for, after its pages): the floor's definition stays put.
    # mkdocs-static-i18n's de-duplication of its entries stays off, as it was (quadratic in pages).
    config["plugins"] = [{"search": {"lang": list(LANGUAGES)}}, *config["plugins"]]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["reconfigure_search"] = False
            for language in plugin["i18n"]["languages"]:
                lang = language["locale"]
                language["nav"] = [source_of(plan.page(f"doc:{name}", lang)).split("/", 1)[1] for name in nav]
    # The record pages are reachable by links, as in the project, not from the navigation.
    # So are the pages the project leaves out of it (open data, the news archive).
    left_out = [f"/{lang}/*/*/" for lang in LANGUAGES]
    for name in str(config.get("not_in_nav") or "").split():
        left_out += [source_of(plan.page(f"doc:{name}", lang)) for lang in LANGUAGES]
    config["not_in_nav"] = "\n".join(left_out)
    return config


def write_floor(project: Path, destination: Path, site_url: str) -> int:
    """Write the floor of the project copy at `project` into `destination`; return the pages written."""
    site = load_site(project / "data", publication_date())
    plan = build_plan(site, project / "docs")
    docs = destination / "docs"
    docs.mkdir(parents=True)
    count = sum(FloorWriter(site, plan, project / "docs", lang).write(docs) for lang in LANGUAGES)
    shutil.copytree(project / "overrides" / "assets", destination / "overrides" / "assets")
    with open(destination / "mkdocs.yml", "w", encoding="utf-8") as stream:
        yaml.safe_dump(floor_config(plan, site_url), stream, allow_unicode=True, sort_keys=False)
    return count
