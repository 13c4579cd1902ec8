"""The definition of schema.py -> the configuration of the editing interface at /admin/ (Sveltia CMS).

One collection per data folder (projects, partners, news, programmes) and the
site's identity (site.yml) as a single file; every field carries its label and
help in French, then in English. The data keeps its shape: a translated field
is an object of two inputs, `fr` and `en`, written as the `{fr, en}` mapping
the YAML files hold. `make schemas` writes it to data/schemas/sveltia-cms.json (a test fails
when it is stale); the build completes it for the published site (the
repository to commit to, the current themes) in cms_admin.py.
"""

from __future__ import annotations

import json
from typing import Any

from babel import Locale

from csn.data.assets import MAX_ASSET_BYTES
from csn.data.schema import (
    COLLECTIONS,
    COLOR_PATTERN,
    COUNTRY_CODES,
    DATE_PATTERN,
    EMAIL_PATTERN,
    ID_PATTERN,
    LANGUAGE_CODES,
    LANGUAGES,
    MAX_ID_LENGTH,
    TODO_MARKER,
    URL_PATTERN,
    Collection,
    Field,
)
from csn.site.strings import strings_table

CONFIG_FILE = "schemas/sveltia-cms.json"  # under data/
IMAGES_FOLDER = "assets/images"  # where uploaded images go, and the path the data holds
# A record's photo is made smaller in the browser before it is saved: a phone's 4000x3000 JPEG (or an
# iPhone's HEIC, which the build cannot read) becomes a WebP of at most 2400 pixels, upright and without its
# metadata (GPS position included), so the repository never holds the original; the build still makes its
# own widths from it. Logos are saved as they are (a lossy WebP would blur a drawing's edges).
PHOTO_UPLOADS = {"max_file_size": MAX_ASSET_BYTES, "slugify_filename": True,
                 "transformations": {"raster_image": {"format": "webp", "quality": 90, "width": 2400, "height": 2400}}}
THEMES = "themes"  # the one collection kept as a map in one file (themes.yml): a choice list, filled at build
LANGUAGE_NAMES = {"fr": ("Français", "French"), "en": ("Anglais", "English")}
# Translated texts written as a paragraph get a text area; the others are one line.
PARAGRAPHS = frozenset({"summary", "description", "role"})
# The collections' names in the interface, plural and singular (another collection: its description).
COLLECTION_LABELS = {"projects": ("Projets", "Projet"), "partners": ("Partenaires", "Partenaire"),
                     "news": ("Actualités", "Actualité"), "programmes": ("Programmes", "Programme")}
# The data says which field names a record: shown in lists and pickers.
TITLE_FIELDS = ("title", "name")
# The themes of data/themes.yml: (id, {"fr": label, "en": label}).
Themes = tuple[tuple[str, dict[str, str]], ...] | list[tuple[str, dict[str, str]]]
TEXT_PATTERN = rf"^(?![\s\S]*{TODO_MARKER})[\s\S]*\S"

# The help a form shows under each kind of input (schema.KIND_HELP describes the YAML syntax instead).
FORM_HELP: dict[str, tuple[str, str]] = {
    "text": ("", ""),
    "translated_text": ("Écrivez les deux langues.", "Write both languages."),
    "translated_markdown": ("Écrivez les deux langues ; la barre d'outils met en forme (Markdown).",
                            "Write both languages; the toolbar formats the text (Markdown)."),
    "proper_name": ("Le nom tel qu'il s'écrit ; l'anglais seulement s'il se traduit.",
                    "The name as it is written; English only when it translates."),
    "translated_slug": ("Minuscules a-z, chiffres et tirets, sans accents.",
                        "Lowercase a-z, digits and hyphens, no accents."),
    "enum": ("", ""),
    "date": ("Année (2020), mois (2020-06) ou jour (2020-06-29), selon ce qu'on sait.",
             "Year (2020), month (2020-06) or day (2020-06-29), as precise as known."),
    "bool": ("", ""),
    "url": ("Adresse complète commençant par https://", "A full address starting with https://"),
    "email": ("", ""),
    "country": ("", ""),
    "language": ("", ""),
    "languages": ("Une actualité dans une seule langue : choisissez-la ; laissez vide pour les deux.",
                  "A news item in one language only: pick it; leave empty for both."),
    "asset": ("Téléversez l'image ou choisissez-en une de assets/images/.",
              "Upload the picture or choose one in assets/images/."),
    "picture": ("Téléversez l'image ou choisissez-en une de assets/images/.",
                "Upload the picture or choose one in assets/images/."),
    "image": ("", ""),
    "ref": ("Choisissez dans la liste.", "Pick from the list."),
    "ref_or_object": ("", ""),
    "list": ("", ""),
    "object": ("", ""),
    "number": ("", ""),
    "color": ("Choisissez la couleur, ou écrivez son code #rrggbb.", "Pick the colour, or write its #rrggbb code."),
    "font": ("Chemin d'un fichier WOFF2 du dossier assets/.", "Path of a WOFF2 file of the assets/ folder."),
}


def _pattern(regex: str, fr: str, en: str) -> list[str]:
    return [regex, f"{fr} / {en}"]


def _text_pattern() -> list[str]:
    return _pattern(TEXT_PATTERN, f"Écrivez le texte (sans {TODO_MARKER})", f"Write the text (no {TODO_MARKER} left)")


def _id_pattern() -> list[str]:
    return _pattern(ID_PATTERN, "Minuscules a-z, chiffres et tirets simples, sans accents ni espaces",
                    "Lowercase a-z, digits and single hyphens, no accents or spaces")


def _labelled(spec: Field, hint_kind: str | None = None) -> dict[str, Any]:
    """Name, French label, help in French then English (Markdown: the English in italics)."""
    help_fr, help_en = FORM_HELP[hint_kind or spec.kind]
    hint = " ".join(part for part in (help_fr,) if part)
    english = " ".join(part for part in (spec.description["en"] + ".", help_en) if part)
    entry: dict[str, Any] = {"name": spec.name, "label": spec.description["fr"],
                             "hint": f"{hint} — *{english}*" if hint else f"*{english}*"}
    if not spec.required:
        entry["required"] = False
    return entry


def _in_languages(spec: Field, widget: dict[str, Any]) -> dict[str, Any]:
    """A `{fr, en}` value: one input per language, French first, both required."""
    return {**_labelled(spec), "widget": "object", "fields": [
        {"name": lang, "label": f"{LANGUAGE_NAMES[lang][0]} · {LANGUAGE_NAMES[lang][1]}", **widget}
        for lang in LANGUAGES]}


def _choice_labels(prefix: str, choices: tuple[str, ...]) -> list[dict[str, str]]:
    fr, en = strings_table("fr"), strings_table("en")
    return [{"label": f"{fr[f'{prefix}.{c}']} · {en[f'{prefix}.{c}']}", "value": c} for c in choices]


def _code_labels(codes: tuple[str, ...], names_fr: dict[str, str]) -> list[dict[str, str]]:
    return [{"label": f"{names_fr.get(code, code)} ({code})", "value": code} for code in codes]


def _collection_of(name: str) -> Collection:
    return next(c for c in COLLECTIONS if c.name == name)


def _title_path(collection: Collection) -> str:
    """The key path of a record's French title: `title.fr`, or `name` (written once or translated)."""
    title = next(f for f in collection.fields if f.name in TITLE_FIELDS)
    return f"{title.name}.fr" if title.kind != "proper_name" else title.name


def _relation(spec: Field, themes: Themes, multiple: bool = False) -> dict[str, Any]:
    target = _collection_of(spec.target)
    if target.name == THEMES:
        # A map in one file cannot be a relation's source: its ids become a choice list at build time.
        options = [{"label": f"{label['fr']} · {label['en']}", "value": theme_id} for theme_id, label in themes]
        return {"widget": "select", "options": options, "multiple": multiple}
    return {"widget": "relation", "collection": target.name, "value_field": "{{slug}}",
            "search_fields": [_title_path(target)], "display_fields": [_title_path(target)],
            "multiple": multiple}


def field_config(spec: Field, themes: Themes = ()) -> dict[str, Any]:
    """The form input of one field of schema.py; `themes` (id, {fr, en} label) are the theme choices."""
    kind = spec.kind
    if kind == "text":
        return {**_labelled(spec), "widget": "string", "pattern": _text_pattern()}
    if kind == "translated_text":
        inner = "text" if spec.name in PARAGRAPHS else "string"
        return _in_languages(spec, {"widget": inner, "pattern": _text_pattern()})
    if kind == "translated_markdown":
        return _in_languages(spec, {"widget": "markdown", "pattern": _text_pattern()})
    if kind == "translated_slug":
        return _in_languages(spec, {"widget": "string", "pattern": _id_pattern(), "maxlength": MAX_ID_LENGTH})
    if kind == "proper_name":
        return {**_labelled(spec), "widget": "proper_name"}  # tools/cms_entry.js: a text, or fr and en
    if kind == "enum":
        return {**_labelled(spec), "widget": "select", "options": _choice_labels(spec.labels, spec.choices)}
    if kind == "date":
        return {**_labelled(spec), "widget": "string",
                "pattern": _pattern(DATE_PATTERN, "Une date : 2020, 2020-06 ou 2020-06-29",
                                    "A date: 2020, 2020-06 or 2020-06-29")}
    if kind == "bool":
        return {**_labelled(spec), "widget": "boolean"}
    if kind == "number":
        bounds = {key: value for key, value in (("min", spec.minimum), ("max", spec.maximum)) if value is not None}
        return {**_labelled(spec), "widget": "number", "value_type": "float", **bounds}
    if kind == "url":
        return {**_labelled(spec), "widget": "string", "type": "url",
                "pattern": _pattern(URL_PATTERN, "Une adresse complète commençant par https://",
                                    "A full address starting with https://")}
    if kind == "email":
        return {**_labelled(spec), "widget": "string", "type": "email",
                "pattern": _pattern(EMAIL_PATTERN, "Une adresse courriel", "An email address")}
    if kind == "country":
        return {**_labelled(spec), "widget": "select",
                "options": _code_labels(COUNTRY_CODES, Locale("fr").territories)}
    if kind == "language":
        return {**_labelled(spec), "widget": "select",
                "options": _code_labels(LANGUAGE_CODES, Locale("fr").languages)}
    if kind == "languages":
        return {**_labelled(spec), "widget": "select", "multiple": True,
                "options": [{"label": f"{LANGUAGE_NAMES[lang][0]} · {LANGUAGE_NAMES[lang][1]}", "value": lang}
                            for lang in spec.choices]}
    if kind in ("asset", "picture"):
        return {**_labelled(spec), "widget": "image", "choose_url": False}
    if kind == "ref":
        return {**_labelled(spec), **_relation(spec, themes)}
    if kind == "list" and spec.item is not None and spec.item.kind == "ref":
        return {**_labelled(spec), **_relation(spec.item, themes, multiple=True)}
    if kind == "list" and spec.item is not None:
        item = spec.item
        fields = item.fields if item.kind in ("object", "ref_or_object", "image") else (item,)
        singular = (COLLECTION_LABELS.get(item.target, (None, item.description["fr"]))[1]
                    if item.kind == "ref_or_object" else item.description["fr"])
        return {**_labelled(spec), "widget": "list", "label_singular": singular,
                "fields": [field_config(f, themes) for f in fields]}
    if kind == "image":
        fields = [field_config(f, themes) for f in spec.fields]
        for field in fields:
            if field["widget"] == "image":
                field["media_libraries"] = {"default": {"config": PHOTO_UPLOADS}}
        return {**_labelled(spec), "widget": "object", "fields": fields}
    if kind == "object":
        return {**_labelled(spec), "widget": "object", "fields": [field_config(f, themes) for f in spec.fields]}
    if kind == "color":
        return {**_labelled(spec), "widget": "color", "allowInput": True,
                "pattern": _pattern(COLOR_PATTERN, "Une couleur #rrggbb", "A colour #rrggbb")}
    if kind == "font":  # a path typed as written (a file input would write it from the site's root)
        return {**_labelled(spec), "widget": "string", "pattern": _text_pattern()}
    raise ValueError(f"no form input for the kind {kind!r} of {spec.name!r}: add it to cms_config.py")


def _folder_collection(collection: Collection, themes: Themes) -> dict[str, Any]:
    title = _title_path(collection)
    # A news item's id starts with its date, as `make new-news` names it (2024-05-30-title).
    slug = "{{fields.date}}-{{" + title + "}}" if collection.field_named("date") else "{{" + title + "}}"
    return {
        "name": collection.name,
        "label": COLLECTION_LABELS.get(collection.name, (collection.description["fr"],))[0],
        "label_singular": COLLECTION_LABELS.get(collection.name, (None, collection.description["fr"]))[1],
        "description": f"{collection.description['fr']} — *{collection.description['en']}*",
        "folder": f"data/{collection.path}",
        "extension": "yml",
        "format": "yaml",
        "identifier_field": title,
        "summary": "{{" + title + "}}",
        "slug": slug,
        "create": True,
        "fields": [field_config(spec, themes) for spec in collection.fields],
    }


def _file_collection(collection: Collection, themes: Themes) -> dict[str, Any]:
    return {"name": collection.name, "label": collection.description["fr"], "file": f"data/{collection.path}",
            "format": "yaml", "fields": [field_config(spec, themes) for spec in collection.fields]}


def cms_config(themes: Themes = (), backend: dict[str, str] | None = None) -> dict[str, Any]:
    """The configuration; the committed copy has no `backend` and no theme choices, the build adds them."""
    files = [c for c in COLLECTIONS if c.one_file and c.entry is None]
    return {
        **({"backend": backend} if backend else {}),
        "app_title": "CSN — Édition du site",
        "publish_mode": "editorial_workflow",
        "media_folder": IMAGES_FOLDER,
        "public_folder": IMAGES_FOLDER,
        # Pictures are the site's own files, no larger than validation accepts; no stock photo libraries
        # (other hosts), and file names made like ids.
        "media_libraries": {"default": {"config": {"max_file_size": MAX_ASSET_BYTES, "slugify_filename": True}},
                            "stock_assets": {"providers": []}},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "output": {"omit_empty_optional_fields": True, "yaml": {"indent_size": 2, "indent_sequences": True}},
        "collections": [
            *[_folder_collection(c, themes) for c in COLLECTIONS if not c.one_file],
            {"name": "settings", "label": "Identité du site", "description": "Identité du site — The site's identity",
             "files": [_file_collection(c, themes) for c in files]},
        ],
    }


def render(config: dict[str, Any] | None = None) -> str:
    """JSON, which the CMS reads as well as YAML, like the JSON Schemas beside it (generated, never edited)."""
    return json.dumps(config or cms_config(), ensure_ascii=False, indent=2) + "\n"
