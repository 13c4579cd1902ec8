"""Render the body of each planned page with the page kind's template (autoescaped)."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import Any

from babel import Locale
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from csn.data.contrast import shade
from csn.data.markdown_render import MarkdownRenderer
from csn.data.model import Partner, Site
from csn.data.schema import LANGUAGES, PARTNER_KINDS, STATUSES
from csn.data.settings import Settings
from csn.outputs import open_data
from csn.outputs.feeds import feed_path
from csn.pictures.cover import Cover, cover_seed, draw_cover, record_cover
from csn.pictures.map_svg import PartnerMap, build_partner_map
from csn.pictures.timeline_svg import build_timeline
from csn.site import archive
from csn.site.figures import key_figures
from csn.site.folding import fold
from csn.site.plan import Plan, PlannedPage
from csn.site.strings import Translator
from csn.site.urls import relative_url


class PageRenderer:
    """Renders the parts of pages that come from the data, for one language."""

    def __init__(self, templates_dir: Path, site: Site, plan: Plan, lang: str, today: dt.date,
                 settings: Settings | None = None, compiled: BytecodeCache | None = None):
        self.site, self.plan, self.lang, self.settings = site, plan, lang, settings or Settings()
        self.today = today  # the build's day: where an ongoing project's bar stops
        self.t = Translator(lang)
        self.markdown = MarkdownRenderer()
        self.env = Environment(loader=FileSystemLoader(str(templates_dir)), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                               bytecode_cache=compiled)  # the run's compiled templates (both languages)
        self.env.globals.update(t=self.t, lang=lang, site=site, country=self.country_name, cover=self.cover)
        self._covers: dict[int, Cover] = {}
        self._countries = Locale.parse(lang).territories

    def country_name(self, code: str) -> str:
        return self._countries.get(code, code)

    def cover(self, record: Any) -> Cover:
        """A project's or news item's generated cover, drawn once per build of a language."""
        cover = self._covers.get(id(record))
        if cover is None:
            cover = self._covers[id(record)] = record_cover(record, self.site.info.identity)
        return cover

    @cached_property
    def hero_cover(self) -> Cover:
        """The home page's large pattern: every theme's shapes, in the identity's colours."""
        identity = self.site.info.identity
        return draw_cover(cover_seed("site", self.site.info.acronym), [t.id for t in self.site.themes][:3],
                          shade(identity.primary), identity.accent)

    def render_content(self, page: PlannedPage, markdown_html: str) -> str:
        """The page's content: its kind's template around the HTML of its Markdown file (if any)."""
        if page.kind == "doc":
            return markdown_html
        template = self.env.get_template(f"{page.kind}.html")

        def link(target: Any) -> str:
            to = target if isinstance(target, PlannedPage) else self.plan.for_entity(target, self.lang)
            return relative_url(page.path, to.path)

        def section(name: str) -> PlannedPage:
            return self.plan.page(f"doc:{name}.md", self.lang)

        root = relative_url(page.path, "")

        def asset(path: str) -> str:
            return root + path

        def md(text: str) -> Markup:
            return self.markdown(text, asset_root=root)

        # The Markdown comes from docs/, which is trusted like the templates.
        return template.render(page=page, item=page.entity, link=link, section=section, asset=asset, md=md,
                               content=Markup(markdown_html), **self._extra_context(page))

    def render_file(self, template_name: str, **context: Any) -> str:
        """A whole file (feed, sitemap) from its template, autoescaped like the pages."""
        return self.env.get_template(template_name).render(**context)

    def _extra_context(self, page: PlannedPage) -> dict[str, Any]:
        if page.kind == "home":
            return {"featured": self.site.featured_projects,
                    "latest_news": self.site.news[:self.settings.home_news],
                    "partners": self.site.partners[:self.settings.home_partners],
                    "partner_count": len(self.site.partners), "figures": key_figures(self.site),
                    "hero_cover": self.hero_cover, "partner_map": self.partner_map}
        if page.kind in ("news", "news_year"):
            years = [(entry, self.plan.page(archive.listing_key(entry.year, 1), self.lang))
                     for entry in archive.year_counts(self.site.news)]
            return {"listing": page.entity, "years": years,
                    "index": self.plan.page("doc:news.md", self.lang), "feed": feed_path(self.lang)}
        if page.kind == "news_item":
            older, newer = archive.neighbours(self.site.news, page.entity)
            missing = [(Translator(other), self.plan.page("doc:news.md", other))
                       for other in LANGUAGES if other not in page.entity.languages]
            return {"older": older, "newer": newer, "missing_languages": missing}
        if page.kind == "open_data":
            return {"catalogue": open_data.CATALOGUE_PATH,
                    "datasets": [(d, len(getattr(self.site, d.name))) for d in open_data.DATASETS]}
        if page.kind == "projects":
            used = [t for t in self.site.themes if any(t in p.themes for p in self.site.projects)]
            statuses = [s for s in STATUSES if any(p.status == s for p in self.site.projects)]
            # A group with one value would offer no choice (every project has it): it is not shown.
            return {"filter_themes": sorted(used, key=lambda t: fold(t.label[self.lang])) if len(used) > 1 else [],
                    "filter_statuses": statuses if len(statuses) > 1 else [],
                    "timeline": build_timeline(self.site, self.t, self.today)}
        if page.kind == "partners":
            return {"groups": self.partner_groups(), "partner_map": self.partner_map}
        return {}

    @cached_property
    def partner_map(self) -> PartnerMap:
        """The same map on the home page and the partners' page: laid out once per language."""
        return build_partner_map(self.site, self.t)

    def partner_groups(self) -> list[tuple[str, list[Partner]]]:
        groups = []
        for kind in PARTNER_KINDS:
            members = [p for p in self.site.partners if p.kind == kind]
            if members:
                groups.append((kind, members))
        return groups
