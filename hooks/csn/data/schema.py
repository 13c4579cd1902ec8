"""The one definition of every collection: fields, kinds, rules and their meaning.

Validation reads it to check the data; the JSON Schemas of data/schemas/
(`make schemas`), the files made by `make new-*`, the translation report and
the field tables of the editors' guides are generated from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel import Locale

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = LANGUAGES[0]  # at the root of the site; the others under /<lang>/
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_ID_LENGTH = 80
# Written without flags so that the JSON Schemas (ECMAScript regexes) use the very same pattern.
URL_PATTERN = r'''^[Hh][Tt][Tt][Pp][Ss]?://[^\s/$.?#][^\s<>"']*$'''
COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"
EMAIL_PATTERN = r'''^[^@\s<>"']+@[^@\s<>"']+\.[A-Za-z]{2,}$'''
# Years, months and days that exist (dates.py explains a wrong one to the editor).
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
COUNTRY_CODES = tuple(sorted(code for code in Locale("en").territories if len(code) == 2 and code.isalpha()))
LANGUAGE_CODES = tuple(sorted(code for code in Locale("en").languages if code.isalpha() and code.islower()))
# What `make new-*` writes where an editor must write; validation refuses any text that still holds it.
TODO_MARKER = "TODO"
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
    item: Field | None = None  # the items of a `list`
    fields: tuple[Field, ...] = ()  # the members of an `object`
    minimum: float | None = None  # the bounds of a `number`
    maximum: float | None = None
    # `ref_or_object`: an item written either as an id or as a mapping with `id`
    labels: str = ""  # for an `enum`: the key prefix of its choices' labels in the strings tables


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
    entry: Field | None = None  # a one-file map of `id: value` (themes.yml): the rule of each value

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
    Field("funder", "bool", _d("Ce partenaire finance le projet (true ou false)",
                               "This partner funds the project (true or false)"), required=False),
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

# The language of a name written once, marked on the pages of the other language (screen readers).
_NAME_LANG = Field("name_lang", "language", _d(
    "Langue du nom s'il est écrit une seule fois et n'est pas dans la langue de la page : "
    "`en` pour Digital Health Canada, `fr` pour Université de Montréal",
    "Language of a name written once, when it differs from the page's: "
    "`en` for Digital Health Canada, `fr` for Université de Montréal"), required=False)

# A record's picture: processed at build time (pictures.py) into the widths and formats a page needs.
_IMAGE = Field("image", "image", _d(
    "Image (photo ou illustration) ; `alt` dit ce qu'elle montre, en français et en anglais",
    "Picture (photo or illustration); `alt` says what it shows, in French and English"), required=False, fields=(
    Field("src", "picture", _d(
        "Chemin du fichier dans assets/ (JPEG, PNG ou WebP, 1600 pixels de large ou plus), "
        "p. ex. assets/images/symposium-munich.jpg",
        "Path of the file in assets/ (JPEG, PNG or WebP, 1600 pixels wide or more), "
        "e.g. assets/images/munich-symposium.jpg")),
    Field("alt", "translated_text", _d(
        "Texte de remplacement : ce que l'image montre, pour qui ne la voit pas (obligatoire sauf si `decorative: true`)",
        "Alternative text: what the picture shows, for those who cannot see it (required unless `decorative: true`)"),
          required=False),
    Field("decorative", "bool", _d(
        "`true` si l'image ne fait que décorer et n'apprend rien (elle n'a alors pas de `alt`)",
        "`true` when the picture only decorates and tells nothing (it then has no `alt`)"), required=False),
    Field("credit", "proper_name", _d(
        "Crédit : un texte (Photo : BayFOR), ou `fr:` et `en:`",
        "Credit: one text (Photo: BayFOR), or `fr:` and `en:`"), required=False),
))

_SLUG = Field("slug", "translated_slug", _d(
    "Segment d'adresse dans chaque langue (minuscules, chiffres, tirets)",
    "URL segment in each language (lowercase letters, digits, hyphens)"), required=False)

# Any record may be written and checked before it is published (`make serve DRAFTS=1` shows it).
_DRAFT = Field("draft", "bool", _d(
    "Brouillon : `true` le vérifie sans le publier nulle part (`make serve DRAFTS=1` le montre)",
    "Draft: `true` checks it without publishing it anywhere (`make serve DRAFTS=1` shows it)"), required=False)

# A news item published in one language only: its texts are written in that language alone.
LANGUAGES_FIELD = Field("languages", "languages", _d(
    "Langues de publication, si l'actualité n'existe que dans une langue : `[fr]` ou `[en]` "
    "(par défaut, les deux)",
    "Languages it is published in, when the item exists in one language only: `[fr]` or `[en]` "
    "(both by default)"), required=False, choices=LANGUAGES)

_SOCIAL_LINK = Field("account", "object", _d("Un compte", "An account"), fields=(
    Field("name", "text", _d("Nom du réseau, p. ex. LinkedIn", "Name of the network, e.g. LinkedIn")),
    Field("url", "url", _d("Adresse de la page du compte (https://…)", "Address of the account's page (https://…)")),
))

SITE = Collection("site", "site.yml", one_file=True, description=_d(
    "Identité du consortium", "The consortium's identity"), fields=(
    Field("name", "proper_name", _d("Nom du consortium", "The consortium's name")),
    _NAME_LANG,
    Field("acronym", "text", _d("Sigle", "Acronym")),
    Field("tagline", "translated_text", _d("Devise, une ligne", "Tagline, one line")),
    Field("description", "translated_text", _d("Qui est le consortium, un paragraphe", "Who the consortium is, one paragraph")),
    Field("institution", "object", _d("Établissement d'attache", "Host institution"), fields=(
        Field("name", "proper_name", _d("Nom", "Name")),
        _NAME_LANG,
        Field("url", "url", _d("Site web", "Website")),
    )),
    Field("email", "email", _d("Courriel de contact", "Contact email"), required=False),
    Field("address", "translated_text", _d(
        "Adresse postale, une ligne (pied de page)", "Postal address, one line (page footer)"), required=False),
    Field("social", "list", _d("Comptes sur les réseaux sociaux (pied de page)",
                               "Social media accounts (page footer)"), required=False, item=_SOCIAL_LINK),
    Field("logo", "asset", _d(
        "Logo du consortium : une image SVG du dossier assets/, montrée dans l'en-tête",
        "The consortium's logo: an SVG image of the assets/ folder, shown in the header"), required=False),
    Field("colors", "object", _d(
        "Couleurs de l'identité, entre guillemets (« #0057AC ») ; leur contraste est vérifié",
        "The identity's colours, in quotes (\"#0057AC\"); their contrast is checked"), required=False, fields=(
        Field("primary", "color", _d(
            "Couleur principale : liens, titres, barre de navigation (texte blanc dessus)",
            "Primary colour: links, titles, navigation bar (white text on it)")),
        Field("accent", "color", _d(
            "Couleur d'accent : boutons d'appel à l'action (texte blanc dessus), mises en évidence",
            "Accent colour: call-to-action buttons (white text on them), highlights")),
    )),
    Field("typeface", "object", _d(
        "Police de caractères livrée avec le site (fichiers WOFF2 du dossier assets/) ; sinon celle du système",
        "A typeface shipped with the site (WOFF2 files of the assets/ folder); the system's otherwise"),
          required=False, fields=(
        Field("name", "text", _d("Nom de la famille, p. ex. Source Sans 3", "Family name, e.g. Source Sans 3")),
        Field("regular", "font", _d("Fichier du texte courant (graisse 400)", "File of body text (weight 400)")),
        Field("semibold", "font", _d("Fichier demi-gras (600), facultatif", "Semibold file (600), optional"),
              required=False),
        Field("bold", "font", _d("Fichier gras (700), facultatif", "Bold file (700), optional"), required=False),
    )),
))

THEMES = Collection("themes", "themes.yml", one_file=True, description=_d(
    "Thèmes des projets : identifiant, puis libellé en français et en anglais",
    "Project themes: an id, then its label in French and English"), fields=(),
    entry=Field("label", "translated_text", _d("Libellé du thème", "The theme's label")))

PROJECTS = Collection("projects", "projects", description=_d("Un projet", "A project"), fields=(
    Field("title", "translated_text", _d("Titre", "Title")),
    _SLUG,
    Field("summary", "translated_text", _d("Résumé, un paragraphe en texte simple", "Summary, one plain-text paragraph")),
    Field("description", "translated_markdown", _d("Description complète (Markdown)", "Full description (Markdown)")),
    Field("status", "enum", _d("État du projet", "Project status"), choices=STATUSES,
          labels="status"),
    Field("start", "date", _d("Début du projet", "Start of the project")),
    Field("end", "date", _d("Fin du projet, si elle est connue", "End of the project, when known"),
          required=False),
    Field("featured", "bool", _d("En vedette sur la page d'accueil", "Featured on the home page"),
          required=False),
    Field("themes", "list", _d("Thèmes (identifiants de themes.yml)", "Themes (ids from themes.yml)"),
          item=Field("theme", "ref", _d("Thème", "Theme"), target="themes")),
    Field("partners", "list", _d("Partenaires du projet", "The project's partners"), item=_PROJECT_PARTNER),
    Field("links", "list", _d("Liens externes", "External links"), required=False, item=_LINK),
    _IMAGE,
    Field("programme", "ref", _d("Programme dont relève le projet (identifiant de data/programmes/)",
                                 "The programme the project belongs to (an id from data/programmes/)"),
          required=False, target="programmes"),
    _DRAFT,
))

PARTNERS = Collection("partners", "partners", description=_d("Un partenaire", "A partner"), fields=(
    Field("name", "proper_name", _d("Nom de l'organisation", "Name of the organisation")),
    _NAME_LANG,
    _SLUG,
    Field("acronym", "text", _d("Sigle", "Acronym"), required=False),
    Field("kind", "enum", _d("Type d'organisation", "Kind of organisation"), choices=PARTNER_KINDS,
          labels="kind_one"),
    Field("country", "country", _d("Pays, code ISO à deux lettres (CA, DE…)", "Country, two-letter ISO code (CA, DE…)")),
    Field("region", "proper_name", _d("Région", "Region"), required=False),
    Field("website", "url", _d("Site web", "Website"), required=False),
    Field("logo", "picture", _d("Logo : chemin d'une image dans assets/ (SVG de préférence, sinon PNG)",
                                "Logo: path of an image in assets/ (SVG preferably, else PNG)"), required=False),
    Field("description", "translated_text", _d("Qui est ce partenaire et son rôle", "Who this partner is and its role")),
    _LOCATION,
    _DRAFT,
))

PROGRAMMES = Collection("programmes", "programmes", optional=True, description=_d(
    "Un programme de financement ou de coopération, montré derrière les projets de la chronologie",
    "A funding or cooperation programme, shown behind the projects on the timeline"), fields=(
    Field("name", "translated_text", _d("Nom du programme", "The programme's name")),
    Field("start", "date", _d("Début : 2020, 2020-06 ou 2020-06-29", "Start: 2020, 2020-06 or 2020-06-29")),
    Field("end", "date", _d("Fin (facultative), même forme que le début", "End (optional), same form as the start"),
          required=False),
    Field("website", "url", _d("Site web", "Website"), required=False),
    _DRAFT,
))

NEWS = Collection("news", "news", description=_d("Une actualité", "A news item"), fields=(
    Field("date", "date", _d("Date de l'actualité (2020-06 si le jour est inconnu)",
                             "Date of the news item (2020-06 when the day is unknown)")),
    Field("title", "translated_text", _d("Titre", "Title")),
    _SLUG,
    Field("summary", "translated_text", _d("Résumé, une ou deux phrases", "Summary, one or two sentences")),
    Field("body", "translated_markdown", _d("Texte (Markdown)", "Text (Markdown)")),
    _IMAGE,
    Field("projects", "list", _d("Projets mentionnés", "Projects mentioned"), required=False,
          item=Field("project", "ref", _d("Projet", "Project"), target="projects")),
    Field("partners", "list", _d("Partenaires mentionnés", "Partners mentioned"), required=False,
          item=Field("partner", "ref", _d("Partenaire", "Partner"), target="partners")),
    Field("source", "object", _d("Source de l'information", "Source of the information"), required=False, fields=(
        Field("name", "text", _d("Nom de la source", "Name of the source")),
        Field("url", "url", _d("Adresse de la source", "Address of the source"), required=False),
    )),
    LANGUAGES_FIELD,
    _DRAFT,
))

COLLECTIONS: tuple[Collection, ...] = (SITE, THEMES, PROJECTS, PARTNERS, NEWS, PROGRAMMES)

# How each kind is written, for the guides, the JSON Schemas and the new files' comments.
KIND_HELP: dict[str, dict[str, str]] = {
    "text": _d("un texte sur une ligne", "a text on one line"),
    "translated_text": _d("texte en français (`fr:`) et en anglais (`en:`)", "text in French (`fr:`) and English (`en:`)"),
    "translated_markdown": _d("Markdown en français (`fr: |`) et en anglais (`en: |`)",
                              "Markdown in French (`fr: |`) and English (`en: |`)"),
    "proper_name": _d("un texte, ou `fr:` et `en:` s'il se traduit", "one text, or `fr:` and `en:` when it translates"),
    "translated_slug": _d("`fr:` et `en:` : minuscules a-z, chiffres et tirets",
                          "`fr:` and `en:`: lowercase a-z, digits and hyphens"),
    "enum": _d("une des valeurs permises", "one of the allowed values"),
    "date": _d("une date : 2020, 2020-06 ou 2020-06-29", "a date: 2020, 2020-06 or 2020-06-29"),
    "bool": _d("`true` ou `false`", "`true` or `false`"),
    "url": _d("une adresse web complète : https://…", "a full web address: https://…"),
    "email": _d("une adresse courriel", "an email address"),
    "country": _d("un code ISO à deux lettres : CA, DE, FR…", "a two-letter ISO code: CA, DE, FR…"),
    "language": _d("un code de langue ISO 639 : en, fr, de…", "an ISO 639 language code: en, fr, de…"),
    "languages": _d("une liste de langues du site : `[fr]` ou `[en]`", "a list of the site's languages: `[fr]` or `[en]`"),
    "asset": _d("le chemin d'un fichier du site", "the path of a file of the site"),
    "picture": _d("le chemin d'une image dans assets/", "the path of an image in assets/"),
    "image": _d("`src:`, puis `alt:` (`fr:` et `en:`) ou `decorative: true`, et `credit:` facultatif",
                "`src:`, then `alt:` (`fr:` and `en:`) or `decorative: true`, and an optional `credit:`"),
    "color": _d("une couleur « #rrggbb » entre guillemets", "a colour \"#rrggbb\" in quotes"),
    "font": _d("le chemin d'un fichier WOFF2 du dossier assets/", "the path of a WOFF2 file of the assets/ folder"),
    "ref": _d("un identifiant (nom du fichier sans `.yml`)", "an id (the file name without `.yml`)"),
    "ref_or_object": _d("identifiant, ou `id:` et d'autres champs", "an id, or `id:` and more fields"),
    "list": _d("liste : une ligne `- …` par élément", "list: one `- …` line per item"),
    "object": _d("champs en retrait sur les lignes suivantes", "fields indented on the lines below"),
    "number": _d("un nombre décimal, par exemple 45.5017", "a decimal number, e.g. 45.5017"),
}
