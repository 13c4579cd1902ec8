"""The one definition of every collection: fields, kinds, rules and their meaning.

Validation reads it to check the data; the JSON Schemas for editors' tools
and the field reference of the editors' guide are generated from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGUAGES = ("fr", "en")
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
STATUSES = ("planned", "active", "completed")
PARTNER_KINDS = ("university", "government", "research", "network", "health", "industry", "other")


@dataclass(frozen=True)
class Field:
    """One field of a record; `kind` names the rule that checks it."""

    name: str
    kind: str
    description: dict[str, str]
    required: bool = True
    choices: tuple[str, ...] = ()
    target: str = ""  # collection that a `ref` points into
    item: "Field | None" = None  # the items of a `list`
    fields: tuple["Field", ...] = ()  # the members of an `object`
    minimum: float | None = None  # the bounds of a `number`
    maximum: float | None = None
    # `ref_or_object`: an item written either as an id or as a mapping with `id`


def _d(fr: str, en: str) -> dict[str, str]:
    return {"fr": fr, "en": en}


@dataclass(frozen=True)
class Collection:
    name: str
    path: str  # a folder of one file per record, or one file
    fields: tuple[Field, ...]
    description: dict[str, str] = field(default_factory=dict)
    one_file: bool = False
    optional: bool = False  # a folder that may be missing: the collection is then empty

    def field_named(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


_LINK = Field("link", "object", _d("Lien", "Link"), fields=(
    Field("title", "translated_text", _d("Texte du lien", "Link text")),
    Field("url", "url", _d("Adresse (https://…)", "Address (https://…)")),
))

_PROJECT_PARTNER = Field("partner", "ref_or_object", _d(
    "Identifiant d'un partenaire, ou `id` et `role`",
    "A partner's id, or `id` and `role`"), target="partners", fields=(
    Field("id", "ref", _d("Identifiant du partenaire", "The partner's id"), target="partners"),
    Field("role", "translated_text", _d("Rôle du partenaire dans le projet", "The partner's role in the project"),
          required=False),
))

_LOCATION = Field("location", "object", _d(
    "Lieu du siège, placé sur la carte des partenaires (facultatif)",
    "Where its seat is, placed on the partners' map (optional)"), required=False, fields=(
    Field("city", "proper_name", _d(
        "Ville : un texte, ou `fr` et `en` si son nom se traduit (Québec, Québec City)",
        "City: one text, or `fr` and `en` when its name translates (Québec, Québec City)")),
    Field("latitude", "number", _d(
        "Latitude en degrés décimaux, de -90 (sud) à 90 (nord), p. ex. 45.5017",
        "Latitude in decimal degrees, from -90 (south) to 90 (north), e.g. 45.5017"), minimum=-90, maximum=90),
    Field("longitude", "number", _d(
        "Longitude en degrés décimaux, de -180 (ouest) à 180 (est), p. ex. -73.5673",
        "Longitude in decimal degrees, from -180 (west) to 180 (east), e.g. -73.5673"), minimum=-180, maximum=180),
))

_SLUG = Field("slug", "translated_slug", _d(
    "Segment d'adresse dans chaque langue (minuscules, chiffres, tirets)",
    "URL segment in each language (lowercase letters, digits, hyphens)"), required=False)

SITE = Collection("site", "site.yml", one_file=True, description=_d(
    "Identité du consortium", "The consortium's identity"), fields=(
    Field("name", "translated_text", _d("Nom du consortium", "The consortium's name")),
    Field("acronym", "text", _d("Sigle", "Acronym")),
    Field("tagline", "translated_text", _d("Devise, une ligne", "Tagline, one line")),
    Field("description", "translated_text", _d("Qui est le consortium, un paragraphe", "Who the consortium is, one paragraph")),
    Field("institution", "object", _d("Établissement d'attache", "Host institution"), fields=(
        Field("name", "translated_text", _d("Nom", "Name")),
        Field("url", "url", _d("Site web", "Website")),
    )),
    Field("email", "email", _d("Courriel de contact", "Contact email"), required=False),
))

THEMES = Collection("themes", "themes.yml", one_file=True, description=_d(
    "Thèmes des projets : identifiant, puis libellé en français et en anglais",
    "Project themes: an id, then its label in French and English"), fields=())

PROJECTS = Collection("projects", "projects", description=_d("Un projet", "A project"), fields=(
    Field("title", "translated_text", _d("Titre", "Title")),
    _SLUG,
    Field("summary", "translated_text", _d("Résumé, un paragraphe en texte simple", "Summary, one plain-text paragraph")),
    Field("description", "translated_markdown", _d("Description complète (Markdown)", "Full description (Markdown)")),
    Field("status", "enum", _d("État du projet", "Project status"), choices=STATUSES),
    Field("start", "date", _d("Début : 2020, 2020-06 ou 2020-06-29", "Start: 2020, 2020-06 or 2020-06-29")),
    Field("end", "date", _d("Fin (facultative), même forme que le début", "End (optional), same form as the start"),
          required=False),
    Field("featured", "bool", _d("En vedette sur l'accueil (true ou false)", "Featured on the home page (true or false)"),
          required=False),
    Field("themes", "list", _d("Thèmes (identifiants de themes.yml)", "Themes (ids from themes.yml)"),
          item=Field("theme", "ref", _d("Thème", "Theme"), target="themes")),
    Field("partners", "list", _d("Partenaires du projet", "The project's partners"), item=_PROJECT_PARTNER),
    Field("links", "list", _d("Liens externes", "External links"), required=False, item=_LINK),
    Field("programme", "ref", _d("Programme dont relève le projet (identifiant de data/programmes/)",
                                 "The programme the project belongs to (an id from data/programmes/)"),
          required=False, target="programmes"),
))

PARTNERS = Collection("partners", "partners", description=_d("Un partenaire", "A partner"), fields=(
    Field("name", "proper_name", _d(
        "Nom : un texte, ou `fr` et `en` s'il se traduit",
        "Name: one text, or `fr` and `en` when it translates")),
    _SLUG,
    Field("acronym", "text", _d("Sigle", "Acronym"), required=False),
    Field("kind", "enum", _d("Type d'organisation", "Kind of organisation"), choices=PARTNER_KINDS),
    Field("country", "country", _d("Pays, code ISO à deux lettres (CA, DE…)", "Country, two-letter ISO code (CA, DE…)")),
    Field("region", "proper_name", _d("Région (facultative)", "Region (optional)"), required=False),
    Field("website", "url", _d("Site web", "Website"), required=False),
    Field("logo", "asset", _d("Logo : chemin d'une image du site", "Logo: path of an image of the site"), required=False),
    Field("description", "translated_text", _d("Qui est ce partenaire et son rôle", "Who this partner is and its role")),
    _LOCATION,
))

PROGRAMMES = Collection("programmes", "programmes", optional=True, description=_d(
    "Un programme de financement ou de coopération, montré derrière les projets de la chronologie",
    "A funding or cooperation programme, shown behind the projects on the timeline"), fields=(
    Field("name", "translated_text", _d("Nom du programme", "The programme's name")),
    Field("start", "date", _d("Début : 2020, 2020-06 ou 2020-06-29", "Start: 2020, 2020-06 or 2020-06-29")),
    Field("end", "date", _d("Fin (facultative), même forme que le début", "End (optional), same form as the start"),
          required=False),
    Field("website", "url", _d("Site web", "Website"), required=False),
))

NEWS = Collection("news", "news", description=_d("Une actualité", "A news item"), fields=(
    Field("date", "date", _d("Date : 2020-06-29, ou 2020-06 si le jour est inconnu",
                             "Date: 2020-06-29, or 2020-06 when the day is unknown")),
    Field("title", "translated_text", _d("Titre", "Title")),
    _SLUG,
    Field("summary", "translated_text", _d("Résumé, une ou deux phrases", "Summary, one or two sentences")),
    Field("body", "translated_markdown", _d("Texte (Markdown)", "Text (Markdown)")),
    Field("projects", "list", _d("Projets mentionnés", "Projects mentioned"), required=False,
          item=Field("project", "ref", _d("Projet", "Project"), target="projects")),
    Field("partners", "list", _d("Partenaires mentionnés", "Partners mentioned"), required=False,
          item=Field("partner", "ref", _d("Partenaire", "Partner"), target="partners")),
    Field("source", "object", _d("Source de l'information", "Source of the information"), required=False, fields=(
        Field("name", "text", _d("Nom de la source", "Name of the source")),
        Field("url", "url", _d("Adresse de la source", "Address of the source"), required=False),
    )),
))

COLLECTIONS: tuple[Collection, ...] = (SITE, THEMES, PROJECTS, PARTNERS, NEWS, PROGRAMMES)
