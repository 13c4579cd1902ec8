"""JSON-LD (schema.org) for each page, from the same model as the visible page.

Every page describes the consortium (`Organization`); a project page adds a
`ResearchProject` whose partners are its `member`s or `funder`s, a partner
page an `Organization`, a news page a `NewsArticle`. Nodes carry stable `@id`s
(the default language's page URL plus a fragment) shared by both languages.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from csn.data.model import News, Partner, Project, Site
from csn.data.schema import DEFAULT_LANGUAGE
from csn.outputs.export_text import json_in_script
from csn.site.plan import Plan, PlannedPage
from csn.site.urls import absolute_url

CONTEXT = "https://schema.org"
PARTNER_TYPES = {"university": "CollegeOrUniversity", "government": "GovernmentOrganization",
                 "research": "ResearchOrganization", "network": "Organization", "health": "MedicalOrganization",
                 "industry": "Corporation", "other": "Organization"}


class StructuredData:
    """Builds the JSON-LD graph of one page in its language."""

    def __init__(self, site: Site, plan: Plan, site_url: str, lang: str):
        self.site, self.plan, self.site_url, self.lang = site, plan, site_url, lang

    def url(self, page: PlannedPage) -> str:
        return absolute_url(self.site_url, page.path)

    def entity_url(self, entity: Any, lang: str | None = None) -> str:
        return self.url(self.plan.for_entity(entity, lang or self.lang))

    def node_id(self, entity: Any, fragment: str) -> str:
        return f"{self.entity_url(entity, DEFAULT_LANGUAGE)}#{fragment}"

    @property
    def consortium_id(self) -> str:
        return absolute_url(self.site_url, "#organization")

    def consortium(self) -> dict[str, Any]:
        info = self.site.info
        node = {"@type": "Organization", "@id": self.consortium_id, "name": info.name[self.lang],
                "alternateName": info.acronym, "description": info.description[self.lang],
                "url": self.url(self.plan.page("doc:index.md", self.lang)),
                "parentOrganization": {"@type": "CollegeOrUniversity", "name": info.institution.name[self.lang],
                                       "url": info.institution.url}}
        if info.email:
            node["email"] = info.email
        return node

    def partner_ref(self, partner: Partner) -> dict[str, Any]:
        return {"@type": PARTNER_TYPES[partner.kind], "@id": self.node_id(partner, "organization"),
                "name": partner.name[self.lang], "url": self.entity_url(partner)}

    def partner(self, partner: Partner) -> dict[str, Any]:
        node = {**self.partner_ref(partner), "description": partner.description[self.lang],
                "address": {"@type": "PostalAddress", "addressCountry": partner.country}}
        if partner.region:
            node["address"]["addressRegion"] = partner.region[self.lang]
        if partner.acronym:
            node["alternateName"] = partner.acronym
        if partner.website:
            node["sameAs"] = [partner.website]
        return node

    def project(self, project: Project) -> dict[str, Any]:
        node = {"@type": "ResearchProject", "@id": self.node_id(project, "project"),
                "name": project.title[self.lang], "description": project.summary[self.lang],
                "url": self.entity_url(project), "foundingDate": project.start.iso(),
                "keywords": [theme.label[self.lang] for theme in project.themes],
                "member": [self.partner_ref(x.partner) for x in project.partners if not x.funder],
                "funder": [self.partner_ref(x.partner) for x in project.partners if x.funder]}
        if project.end:
            node["dissolutionDate"] = project.end.iso()
        node["image"] = self.images(project)
        return {key: value for key, value in node.items() if value != []}

    def images(self, record: Any) -> list[str]:
        """A record's processed picture, at its largest width and as its link preview (absolute addresses)."""
        image = getattr(record, "image", None)
        rendition = image.rendition if image is not None else None
        if rendition is None:
            return []
        files = [rendition.img] + ([rendition.preview] if rendition.preview else [])
        return [absolute_url(self.site_url, file.path) for file in files]

    def news(self, item: News) -> dict[str, Any]:
        consortium = {"@id": self.consortium_id}
        node = {"@type": "NewsArticle", "@id": self.node_id(item, "article"), "headline": item.title[self.lang],
                "description": item.summary[self.lang], "datePublished": item.date.iso(),
                "inLanguage": self.lang, "url": self.entity_url(item), "mainEntityOfPage": self.entity_url(item),
                "author": consortium, "publisher": consortium,
                "about": [{"@id": self.node_id(p, "project"), "name": p.title[self.lang],
                           "url": self.entity_url(p)} for p in item.projects],
                "mentions": [self.partner_ref(p) for p in item.partners]}
        if item.source and item.source.url:
            node["isBasedOn"] = item.source.url
        node["image"] = self.images(item)
        return {key: value for key, value in node.items() if value != []}

    def graph(self, page: PlannedPage) -> list[dict[str, Any]]:
        nodes = [self.consortium()]
        if page.kind == "project":
            nodes.append(self.project(page.entity))
        elif page.kind == "partner":
            nodes.append(self.partner(page.entity))
        elif page.kind == "news_item":
            nodes.append(self.news(page.entity))
        return nodes

    def script(self, page: PlannedPage) -> Markup:
        """The JSON-LD to put inside <script type="application/ld+json">: exact texts, escaped for the script."""
        return json_in_script({"@context": CONTEXT, "@graph": self.graph(page)}, indent=1)
