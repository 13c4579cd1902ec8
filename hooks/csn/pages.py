"""Render the body of each planned page with the page kind's template (autoescaped)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from babel import Locale
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .map_svg import build_partner_map
from .markdown_render import MarkdownRenderer
from .model import Partner, Site
from .plan import Plan, PlannedPage
from .schema import PARTNER_KINDS
from .strings import Translator
from .timeline_svg import build_timeline
from .urls import relative_url

HOME_NEWS_COUNT = 3


class PageRenderer:
    """Renders the parts of pages that come from the data, for one language."""

    def __init__(self, templates_dir: Path, site: Site, plan: Plan, lang: str, today: dt.date):
        self.site, self.plan, self.lang = site, plan, lang
        self.today = today  # the build's day: where an ongoing project's bar stops
        self.t = Translator(lang)
        self.markdown = MarkdownRenderer()
        self.env = Environment(loader=FileSystemLoader(str(templates_dir)), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(t=self.t, lang=lang, site=site, country=self.country_name)
        self._countries = Locale.parse(lang).territories

    def country_name(self, code: str) -> str:
        return self._countries.get(code, code)

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

    def _extra_context(self, page: PlannedPage) -> dict[str, Any]:
        if page.kind == "home":
            return {"featured": self.site.featured_projects, "latest_news": self.site.news[:HOME_NEWS_COUNT],
                    "partners": self.site.partners, "partner_map": build_partner_map(self.site, self.t)}
        if page.kind == "partners":
            return {"groups": self.partner_groups(), "partner_map": build_partner_map(self.site, self.t)}
        if page.kind == "projects":
            return {"timeline": build_timeline(self.site, self.t, self.today)}
        return {}

    def partner_groups(self) -> list[tuple[str, list[Partner]]]:
        groups = []
        for kind in PARTNER_KINDS:
            members = [p for p in self.site.partners if p.kind == kind]
            if members:
                groups.append((kind, members))
        return groups
