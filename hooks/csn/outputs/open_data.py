"""Open data: the published data as versioned JSON and CSV under `api/v1/`, with its JSON Schemas.

Each record carries both languages (a news item published in one language
carries its texts in that language alone, and says which in `languages`);
references to other records are an id and the URLs of that record's pages. The field lists below are the one
definition of the export: the JSON Schemas and the "open data" page are
generated from them, and a test checks every record against its schema.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from csn.data.model import News, Partner, Project, Site
from csn.data.schema import ID_PATTERN, LANGUAGES, PARTNER_KINDS, STATUSES
from csn.site.plan import Plan
from csn.site.urls import absolute_url

VERSION = 1
API_DIR = f"api/v{VERSION}/"
CATALOGUE_PATH = f"{API_DIR}index.json"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _d(fr: str, en: str) -> dict[str, str]:
    return {"fr": fr, "en": en}


# Shapes shared by the fields below (JSON Schema).
TEXT = {"type": "string", "minLength": 1}
URL = {"type": "string", "format": "uri"}
ID = {"type": "string", "pattern": ID_PATTERN}
DATE = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}


def _both(value: dict) -> dict:
    return {"type": "object", "properties": {lang: value for lang in LANGUAGES}, "required": list(LANGUAGES),
            "additionalProperties": False}


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, dict]) -> dict:
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


TRANSLATED = _both(TEXT)
# A news item's texts: in both languages, or in the one it is published in (`languages`).
IN_ITS_LANGUAGES = {**_both(TEXT), "required": [], "minProperties": 1}
PAGES = _both(URL)
REFERENCE = _object({"id": ID, "url": PAGES})


@dataclass(frozen=True)
class ExportField:
    name: str
    schema: dict
    description: dict[str, str]
    type_label: str  # how the open data page names the value's shape


@dataclass(frozen=True)
class Dataset:
    name: str  # projects, partners, news
    title: dict[str, str]
    fields: tuple[ExportField, ...]
    has_csv: bool

    @property
    def json_path(self) -> str:
        return f"{API_DIR}{self.name}.json"

    @property
    def csv_path(self) -> str:
        return f"{API_DIR}{self.name}.csv"

    @property
    def schema_path(self) -> str:
        return f"{API_DIR}schema/{self.name}.schema.json"


def _field(name: str, schema: dict, type_label: str, fr: str, en: str) -> ExportField:
    return ExportField(name, schema, _d(fr, en), type_label)


_COMMON = (
    _field("id", ID, "id", "Identifiant permanent (nom du fichier de données)", "Permanent id (the data file's name)"),
    _field("url", PAGES, "{fr, en} URL", "Adresse de la page, dans chaque langue (pour une actualité publiée dans "
           "une seule langue : sa page dans cette langue)", "Address of the page, in each language (for a news item "
           "published in one language: its page in that language)"),
)

PROJECTS = Dataset("projects", _d("Projets", "Projects"), _COMMON + (
    _field("title", TRANSLATED, "{fr, en}", "Titre", "Title"),
    _field("summary", TRANSLATED, "{fr, en}", "Résumé en texte simple", "Plain-text summary"),
    _field("description", TRANSLATED, "{fr, en} HTML", "Description complète, en HTML (rendu du Markdown des éditeurs)",
           "Full description, in HTML (rendered from the editors' Markdown)"),
    _field("status", {"enum": list(STATUSES)}, " | ".join(STATUSES), "État du projet", "Project status"),
    _field("start", DATE, "date", "Début, à l'année, au mois ou au jour près (2020, 2020-06, 2020-06-29)",
           "Start, to the year, month or day (2020, 2020-06, 2020-06-29)"),
    _field("end", _nullable(DATE), "date | null", "Fin, même forme que le début; null si elle n'est pas fixée",
           "End, same form as the start; null when not set"),
    _field("featured", {"type": "boolean"}, "boolean", "En vedette sur l'accueil", "Featured on the home page"),
    _field("themes", {"type": "array", "items": _object({"id": ID, "label": TRANSLATED})}, "[{id, label}]",
           "Thèmes, avec leur libellé dans chaque langue", "Themes, with their label in each language"),
    _field("partners", {"type": "array", "items": _object({
        "id": ID, "url": PAGES, "role": _nullable(TRANSLATED), "funder": {"type": "boolean"}})},
        "[{id, url, role, funder}]", "Partenaires : identifiant, pages, rôle dans le projet, financeur ou non",
        "Partners: id, pages, role in the project, whether they fund it"),
    _field("links", {"type": "array", "items": _object({"title": TRANSLATED, "url": URL})}, "[{title, url}]",
           "Liens externes", "External links"),
    _field("news", {"type": "array", "items": REFERENCE}, "[{id, url}]", "Actualités qui mentionnent le projet",
           "News items that mention the project"),
), has_csv=True)

PARTNERS = Dataset("partners", _d("Partenaires", "Partners"), _COMMON + (
    _field("name", TRANSLATED, "{fr, en}", "Nom", "Name"),
    _field("acronym", _nullable(TEXT), "text | null", "Sigle", "Acronym"),
    _field("kind", {"enum": list(PARTNER_KINDS)}, " | ".join(PARTNER_KINDS), "Type d'organisation",
           "Kind of organisation"),
    _field("country", {"type": "string", "pattern": "^[A-Z]{2}$"}, "ISO 3166", "Pays, code à deux lettres",
           "Country, two-letter code"),
    _field("region", _nullable(TRANSLATED), "{fr, en} | null", "Région", "Region"),
    _field("website", _nullable(URL), "URL | null", "Site web", "Website"),
    _field("description", TRANSLATED, "{fr, en}", "Qui est ce partenaire et son rôle",
           "Who this partner is and its role"),
    _field("projects", {"type": "array", "items": _object({"id": ID, "url": PAGES, "role": _nullable(TRANSLATED),
                                                            "funder": {"type": "boolean"}})},
           "[{id, url, role, funder}]", "Projets du partenaire, avec son rôle",
           "The partner's projects, with its role"),
    _field("news", {"type": "array", "items": REFERENCE}, "[{id, url}]", "Actualités qui le mentionnent",
           "News items that mention it"),
), has_csv=True)

NEWS = Dataset("news", _d("Actualités", "News"), _COMMON + (
    _field("date", DATE, "date", "Date, à l'année, au mois ou au jour près", "Date, to the year, month or day"),
    _field("languages", {"type": "array", "items": {"enum": list(LANGUAGES)}, "minItems": 1, "uniqueItems": True},
           "[fr, en]", "Langues de publication : les deux, ou une seule", "Languages it is published in: both, or one"),
    _field("title", IN_ITS_LANGUAGES, "{fr, en}", "Titre, dans ses langues", "Title, in its languages"),
    _field("summary", IN_ITS_LANGUAGES, "{fr, en}", "Résumé, dans ses langues", "Summary, in its languages"),
    _field("body", IN_ITS_LANGUAGES, "{fr, en} HTML", "Texte, en HTML (rendu du Markdown des éditeurs), dans ses langues",
           "Text, in HTML (rendered from the editors' Markdown), in its languages"),
    _field("projects", {"type": "array", "items": REFERENCE}, "[{id, url}]", "Projets mentionnés",
           "Projects mentioned"),
    _field("partners", {"type": "array", "items": REFERENCE}, "[{id, url}]", "Partenaires mentionnés",
           "Partners mentioned"),
    _field("source", _nullable(_object({"name": TEXT, "url": _nullable(URL)})), "{name, url} | null",
           "Source de l'information", "Source of the information"),
), has_csv=False)

DATASETS = (PROJECTS, PARTNERS, NEWS)


def json_schema(dataset: Dataset, site_url: str) -> dict:
    """The JSON Schema of one dataset's file: a versioned envelope around its records."""
    record = {"type": "object", "additionalProperties": False, "required": [f.name for f in dataset.fields],
              "properties": {f.name: {**f.schema, "description": f.description["en"]} for f in dataset.fields}}
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": absolute_url(site_url, dataset.schema_path),
        "title": f"{dataset.title['en']} — Consortium Santé Numérique open data, version {VERSION}",
        "type": "object",
        "additionalProperties": False,
        "required": ["version", "dataset", "schema", "records"],
        "properties": {
            "version": {"const": VERSION},
            "dataset": {"const": dataset.name},
            "schema": {"const": absolute_url(site_url, dataset.schema_path)},
            "records": {"type": "array", "items": record},
        },
    }


class Exporter:
    """Turns the model into records whose references are ids and page URLs.

    Texts are exactly as the editors wrote them (a reuser escapes them where they land, as the site
    does); the Markdown fields are given as the site's own sanitized HTML.
    """

    def __init__(self, site: Site, plan: Plan, site_url: str, markdown):
        self.site, self.plan, self.site_url, self.markdown = site, plan, site_url, markdown

    def html(self, value: dict[str, str]) -> dict[str, str]:
        return {lang: str(self.markdown(text, asset_root=self.site_url)) for lang, text in value.items()}

    def pages(self, entity: Any) -> dict[str, str]:
        return {lang: absolute_url(self.site_url, self.plan.for_entity(entity, lang).path) for lang in LANGUAGES}

    def ref(self, entity: Any) -> dict[str, Any]:
        return {"id": entity.id, "url": self.pages(entity)}

    def project(self, p: Project) -> dict[str, Any]:
        return {
            "id": p.id, "url": self.pages(p), "title": p.title, "summary": p.summary,
            "description": self.html(p.description),
            "status": p.status, "start": p.start.iso(), "end": p.end.iso() if p.end else None,
            "featured": p.featured,
            "themes": [{"id": theme.id, "label": theme.label} for theme in p.themes],
            "partners": [{**self.ref(x.partner), "role": x.role, "funder": x.funder} for x in p.partners],
            "links": [{"title": link.title, "url": link.url} for link in p.links],
            "news": [self.ref(n) for n in p.news],
        }

    def partner(self, p: Partner) -> dict[str, Any]:
        return {
            "id": p.id, "url": self.pages(p), "name": p.name, "acronym": p.acronym,
            "kind": p.kind, "country": p.country, "region": p.region, "website": p.website,
            "description": p.description,
            "projects": [{**self.ref(x.project), "role": x.role, "funder": x.funder} for x in p.projects],
            "news": [self.ref(n) for n in p.news],
        }

    def news(self, n: News) -> dict[str, Any]:
        return {
            "id": n.id, "url": self.pages(n), "date": n.date.iso(), "languages": list(n.languages),
            "title": n.title,
            "summary": n.summary, "body": self.html(n.body), "projects": [self.ref(p) for p in n.projects],
            "partners": [self.ref(p) for p in n.partners],
            "source": {"name": n.source.name, "url": n.source.url} if n.source else None,
        }

    def records(self, dataset: Dataset) -> list[dict[str, Any]]:
        make: Callable[[Any], dict] = getattr(self, {"projects": "project", "partners": "partner", "news": "news"}[
            dataset.name])
        return [make(entity) for entity in getattr(self.site, dataset.name)]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    """RFC 4180 CSV in UTF-8 with a byte-order mark, so that spreadsheets read the accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _joined(values: list[str]) -> str:
    return ";".join(values)


def projects_csv(records: list[dict[str, Any]]) -> bytes:
    header = ["id", "url_fr", "url_en", "title_fr", "title_en", "summary_fr", "summary_en", "status", "start", "end",
              "featured", "themes", "themes_fr", "themes_en", "partners", "funders"]
    rows = [[r["id"], r["url"]["fr"], r["url"]["en"], r["title"]["fr"], r["title"]["en"], r["summary"]["fr"],
             r["summary"]["en"], r["status"], r["start"], r["end"], "true" if r["featured"] else "false",
             _joined([t["id"] for t in r["themes"]]), _joined([t["label"]["fr"] for t in r["themes"]]),
             _joined([t["label"]["en"] for t in r["themes"]]), _joined([p["id"] for p in r["partners"]]),
             _joined([p["id"] for p in r["partners"] if p["funder"]])] for r in records]
    return _csv(header, rows)


def partners_csv(records: list[dict[str, Any]]) -> bytes:
    header = ["id", "url_fr", "url_en", "name_fr", "name_en", "acronym", "kind", "country", "region_fr", "region_en",
              "website", "description_fr", "description_en", "projects"]
    rows = [[r["id"], r["url"]["fr"], r["url"]["en"], r["name"]["fr"], r["name"]["en"], r["acronym"], r["kind"],
             r["country"], (r["region"] or {}).get("fr"), (r["region"] or {}).get("en"), r["website"],
             r["description"]["fr"], r["description"]["en"], _joined([p["id"] for p in r["projects"]])]
            for r in records]
    return _csv(header, rows)


CSV_WRITERS = {"projects": projects_csv, "partners": partners_csv}


def open_data_files(site: Site, plan: Plan, site_url: str, markdown) -> dict[str, str | bytes]:
    """Every file of the export, by its path from the site root."""
    exporter = Exporter(site, plan, site_url, markdown)
    files: dict[str, str | bytes] = {}
    catalogue = []
    for dataset in DATASETS:
        records = exporter.records(dataset)
        files[dataset.json_path] = _dumps({"version": VERSION, "dataset": dataset.name,
                                           "schema": absolute_url(site_url, dataset.schema_path),
                                           "records": records})
        files[dataset.schema_path] = _dumps(json_schema(dataset, site_url))
        entry = {"dataset": dataset.name, "title": dataset.title, "count": len(records),
                 "json": absolute_url(site_url, dataset.json_path),
                 "schema": absolute_url(site_url, dataset.schema_path)}
        if dataset.has_csv:
            files[dataset.csv_path] = CSV_WRITERS[dataset.name](records)
            entry["csv"] = absolute_url(site_url, dataset.csv_path)
        catalogue.append(entry)
    files[CATALOGUE_PATH] = _dumps({"version": VERSION, "datasets": catalogue})
    return files
