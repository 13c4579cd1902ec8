"""The definition of schema.py -> one JSON Schema (draft 2020-12) per collection, in data/schemas/.

Editors' tools read them (VS Code's YAML extension through the
`# yaml-language-server: $schema=` line that starts every data file) to
complete field names, show what a field means in French and English, and
flag a mistake while the editor types. They are generated, never edited:
`make schemas` writes them and a test fails when they are stale.

The keywords used (type, properties, required, enum, pattern, anyOf,
items...) mean the same in draft-07, which older editor plugins implement;
`markdownDescription`, `errorMessage` and `defaultSnippets` are the YAML
extension's additions and are ignored by other validators.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from csn.data.schema import (
    COLLECTIONS,
    COLOR_PATTERN,
    COUNTRY_CODES,
    DATE_PATTERN,
    EMAIL_PATTERN,
    ID_PATTERN,
    KIND_HELP,
    LANGUAGE_CODES,
    LANGUAGES,
    MAX_ID_LENGTH,
    TODO_MARKER,
    URL_PATTERN,
    Collection,
    Field,
)
from csn.site.strings import strings_table

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS_FOLDER = "schemas"  # under data/
LANGUAGE_LABELS = {"fr": ("En français", "In French"), "en": ("En anglais", "In English")}
# Any text: at least one visible character and no TODO marker left (ECMAScript and Python read it alike).
TEXT_PATTERN = rf"^(?![\s\S]*{TODO_MARKER})[\s\S]*\S"
NOT_TODO = rf"^(?![\s\S]*{TODO_MARKER})"


def schema_file_name(collection: Collection) -> str:
    return f"{collection.name}.schema.json"


def schema_path(data_dir: Path, collection: Collection) -> Path:
    return data_dir / SCHEMAS_FOLDER / schema_file_name(collection)


def modeline(collection: Collection) -> str:
    """The first line of each data file: its schema, as a path relative to the file."""
    prefix = "" if collection.one_file else "../"
    return f"# yaml-language-server: $schema={prefix}{SCHEMAS_FOLDER}/{schema_file_name(collection)}"


def _both(fr: str, en: str) -> dict[str, str]:
    """A description in both languages: plain for every tool, Markdown for VS Code's hover."""
    return {"description": f"{fr}\n{en}", "markdownDescription": f"{fr}\n\n*{en}*"}


def _message(fr: str, en: str) -> dict[str, str]:
    return {"errorMessage": f"{fr} / {en}"}


def _text() -> dict[str, Any]:
    return {"type": "string", "pattern": TEXT_PATTERN,
            **_message(f"Écrivez le texte (sans {TODO_MARKER})", f"Write the text (no {TODO_MARKER} left)")}


def _patterned(pattern: str, fr: str, en: str, **extra: Any) -> dict[str, Any]:
    """A string matching `pattern` (anchored at ^) and holding no TODO marker."""
    assert pattern.startswith("^")
    return {"type": "string", "pattern": NOT_TODO + pattern[1:], **extra, **_message(fr, en)}


def _identifier() -> dict[str, Any]:
    return _patterned(ID_PATTERN, "Minuscules a-z, chiffres et tirets simples, sans accents ni espaces",
                      "Lowercase a-z, digits and single hyphens, no accents or spaces", maxLength=MAX_ID_LENGTH)


def _in_languages(value: dict[str, Any]) -> dict[str, Any]:
    properties = {lang: {**_both(*LANGUAGE_LABELS[lang]), **value} for lang in LANGUAGES}
    return {"type": "object", "properties": properties, "required": list(LANGUAGES), "additionalProperties": False,
            "defaultSnippets": [{"label": "fr + en", "body": {lang: f"${i + 1}" for i, lang in enumerate(LANGUAGES)}}],
            **_message("Écrivez `fr:` et `en:` sur deux lignes en retrait",
                       "Write `fr:` and `en:` on two indented lines")}


def _choices(spec: Field) -> dict[str, Any]:
    schema: dict[str, Any] = {"enum": list(spec.choices),
                              **_message(f"Une de ces valeurs : {', '.join(spec.choices)}",
                                         f"One of these values: {', '.join(spec.choices)}")}
    if spec.labels:
        fr, en = strings_table("fr"), strings_table("en")
        schema["enumDescriptions"] = [f"{fr[f'{spec.labels}.{c}']} / {en[f'{spec.labels}.{c}']}" for c in spec.choices]
    return schema


def _object(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {"type": "object", "properties": {f.name: field_schema(f) for f in fields},
            "required": [f.name for f in fields if f.required], "additionalProperties": False}


def _kind_schema(spec: Field) -> dict[str, Any]:
    kind = spec.kind
    if kind in ("text", "asset", "picture", "font"):
        return _text()
    if kind == "color":
        return _patterned(COLOR_PATTERN, "Une couleur #rrggbb, entre guillemets", "A #rrggbb colour, in quotes")
    if kind in ("translated_text", "translated_markdown"):
        return _in_languages(_text())
    if kind == "proper_name":
        return {"anyOf": [_text(), _in_languages(_text())]}
    if kind == "translated_slug":
        return _in_languages(_identifier())
    if kind == "enum":
        return _choices(spec)
    if kind == "date":
        # YAML reads a lone year as a number, and the data layer accepts it.
        return {"anyOf": [_patterned(DATE_PATTERN, "Une date : 2020, 2020-06 ou 2020-06-29",
                                     "A date: 2020, 2020-06 or 2020-06-29"),
                          {"type": "integer", "minimum": 1000, "maximum": 9999}]}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "number":
        bounds = {key: value for key, value in (("minimum", spec.minimum), ("maximum", spec.maximum))
                  if value is not None}
        return {"type": "number", **bounds}
    if kind == "url":
        return _patterned(URL_PATTERN, "Une adresse complète commençant par https://",
                          "A full address starting with https://")
    if kind == "email":
        return _patterned(EMAIL_PATTERN, "Une adresse courriel", "An email address")
    if kind == "country":
        return {"enum": list(COUNTRY_CODES), **_message("Code pays ISO à deux lettres en majuscules (CA, DE, FR…)",
                                                        "Two-letter ISO country code in capitals (CA, DE, FR…)")}
    if kind == "language":
        return {"enum": list(LANGUAGE_CODES), **_message("Code de langue ISO 639 en minuscules (en, fr, de…)",
                                                         "ISO 639 language code in lowercase (en, fr, de…)")}
    if kind == "languages":
        return {"type": "array", "items": {"enum": list(spec.choices)}, "minItems": 1, "uniqueItems": True,
                **_message("Une liste de langues du site : [fr] ou [en]", "A list of the site's languages: [fr] or [en]")}
    if kind == "ref":
        return _identifier()
    if kind == "ref_or_object":
        return {"anyOf": [_identifier(), _object(spec.fields)]}
    if kind == "list":
        return {"type": "array", "items": field_schema(spec.item)}
    if kind == "object":
        return _object(spec.fields)
    if kind == "image":  # what it shows in both languages, or that it only decorates
        return {**_object(spec.fields), "anyOf": [
            {"required": ["alt"], "properties": {"decorative": {"enum": [False, None]}}},
            {"required": ["decorative"], "properties": {"decorative": {"const": True}, "alt": {"type": "null"}}}],
            **_message("Écrivez `alt:` (`fr:` et `en:`), ou `decorative: true` si l'image ne fait que décorer",
                       "Write `alt:` (`fr:` and `en:`), or `decorative: true` when the picture only decorates")}
    raise ValueError(f"no JSON Schema for the kind {kind!r} of {spec.name!r}: add it to schema_export.py")


def field_schema(spec: Field) -> dict[str, Any]:
    help_fr, help_en = KIND_HELP[spec.kind]["fr"], KIND_HELP[spec.kind]["en"]
    if spec.kind == "ref":
        help_fr += f" d'un fichier de data/{spec.target}/" if spec.target != "themes" else " d'un thème de themes.yml"
        help_en += f" of a file in data/{spec.target}/" if spec.target != "themes" else " of a theme in themes.yml"
    optional = ("", "") if spec.required else (" (facultatif)", " (optional)")
    described = _both(f"{spec.description['fr']}{optional[0]} — {help_fr}",
                      f"{spec.description['en']}{optional[1]} — {help_en}")
    schema = _kind_schema(spec)
    if not spec.required:
        # An optional field may be left empty: the data layer reads `field:` alone as absent.
        schema = {"anyOf": [schema, {"type": "null"}]}
    return {"title": spec.name, **described, **schema}


def collection_schema(collection: Collection) -> dict[str, Any]:
    head = {"$schema": DRAFT, "$id": schema_file_name(collection),
            "title": f"CSN — {collection.name}", **_both(collection.description["fr"], collection.description["en"])}
    if collection.entry is not None:
        return {**head, "type": "object", "propertyNames": _identifier(),
                "additionalProperties": field_schema(collection.entry)}
    schema = {**head, **_object(collection.fields)}
    if collection.field_named("languages") is not None:
        _texts_in_its_languages(schema, collection)
    return schema


def _texts_in_its_languages(schema: dict[str, Any], collection: Collection) -> None:
    """A record with `languages: [fr]` has its texts in French only: each language's text is required
    when `languages` is absent or names that language."""
    translated = [f.name for f in collection.fields if f.kind in ("translated_text", "translated_markdown",
                                                                   "translated_slug")]
    for name in translated:
        schema["properties"][name] = _relaxed(schema["properties"][name])
    schema["allOf"] = [{
        "if": {"anyOf": [{"not": {"required": ["languages"]}}, {"properties": {"languages": {"type": "null"}}},
                         {"properties": {"languages": {"contains": {"const": lang}}}}]},
        "then": {"properties": {name: {"required": [lang]} for name in translated}},
    } for lang in LANGUAGES]


def _relaxed(schema: dict[str, Any]) -> dict[str, Any]:
    """The `{fr, en}` object of a field, with neither language required by itself (see allOf)."""
    if "anyOf" in schema:  # an optional field: [object, null]
        return {**schema, "anyOf": [_relaxed(option) for option in schema["anyOf"]]}
    if schema.get("type") == "object":
        return {**schema, "required": [], "minProperties": 1}
    return schema


def render(collection: Collection) -> str:
    return json.dumps(collection_schema(collection), ensure_ascii=False, indent=2) + "\n"


def expected_files(data_dir: Path) -> dict[Path, str]:
    """Every schema file and the text it must hold."""
    return {schema_path(data_dir, collection): render(collection) for collection in COLLECTIONS}
