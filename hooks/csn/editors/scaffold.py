"""`make new-news`, `make new-project`, `make new-partner`: a new data file with every field of its collection.

The file is written from schema.py: each field with a comment in French and
English on what it holds and how to write it, both languages of every text,
and `TODO` wherever the editor must write. Validation refuses a TODO, so the
item cannot be published half-written. Optional fields are present but empty.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from csn.data.addresses import reserved_problem
from csn.data.datafiles import DATA_SUFFIX
from csn.data.dates import DateError, parse_partial_date
from csn.data.schema import LANGUAGES, NEWS, PARTNERS, PROJECTS, THEMES, TODO_MARKER, Collection, Field
from csn.data.validate import id_problem
from csn.data.yaml_loader import load_yaml_file
from csn.editors.guide import GUIDES, how_to_write
from csn.editors.schema_export import modeline
from csn.messages import Message
from csn.site.plan import section_path

KINDS = {"news": NEWS, "project": PROJECTS, "partner": PARTNERS}
TITLE_FIELDS = {"news": "title", "project": "title", "partner": "name"}
IN_LANGUAGE = {"fr": ", en français", "en": ", in English"}
# Where the English title is not given yet: the English address is the editor's to write.
SLUG_TODO = {"fr": "adresse en français, p. ex. le-titre-en-minuscules",
             "en": "English address, e.g. the-english-title-in-lowercase"}
SLUG_SHOWN = {"fr": "<titre-en-francais>", "en": "<english-title>"}
ID_WORDS = 60  # longest id made from a title, cut at a hyphen
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "’": "-", "'": "-"})


class ScaffoldError(Exception):
    """What stops the file from being made, said for the editor."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(message.code)


class Block(str):
    """Markdown text, written as a `|` block."""


@dataclass
class Created:
    path: Path
    record_id: str
    paths: dict[str, str]  # URL path of the item's page per language
    slug_todo: tuple[str, ...] = ()  # the languages whose slug the editor still has to write


def slugify(text: str) -> str:
    """'Lac de données : phase 2' -> 'lac-de-donnees-phase-2'."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > ID_WORDS:
        slug = slug[:ID_WORDS].rsplit("-", 1)[0]
    return slug


def _todo(text: str) -> str:
    return f"{TODO_MARKER} — {text}"


def _placeholder(spec: Field, lang: str | None = None) -> Any:
    """What a required field holds until the editor writes it."""
    if spec.kind in ("translated_text", "translated_markdown", "proper_name"):
        wrap = Block if spec.kind == "translated_markdown" else str
        return {code: wrap(_todo(f"{spec.description[code]}{IN_LANGUAGE[code]}")) for code in LANGUAGES}
    if spec.kind == "list":
        return [_placeholder(spec.item)]
    if spec.kind in ("object", "image"):
        return {member.name: _placeholder(member) for member in spec.fields if member.required}
    return TODO_MARKER


def _example(spec: Field, slug: str) -> Any:
    """A filled-in example of an optional field, shown in its comment."""
    if spec.kind == "translated_slug":
        return {code: slug or "…" for code in LANGUAGES}
    if spec.kind in ("translated_text", "proper_name"):
        return {code: "…" for code in LANGUAGES}
    if spec.kind == "list":
        return [_example(spec.item, slug)]
    if spec.kind == "image":  # a picture says what it shows, or that it decorates: not both
        return {member.name: _example(member, slug) for member in spec.fields if member.name != "decorative"}
    if spec.kind == "object":
        return {member.name: _example(member, slug) for member in spec.fields}
    return {"url": "https://…", "date": "2022", "bool": True, "email": "info@…",
            "picture": "assets/images/….jpg"}.get(spec.kind, "…")


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    plain_ok = text == text.strip() and not text.startswith(("-", "?", "[", "{", "&", "*", "!", "|", ">", "%", "@"))
    try:
        plain_ok = plain_ok and yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        plain_ok = False
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def emit(key: str, value: Any, indent: int = 0, raw: bool = False) -> list[str]:
    """YAML lines of `key: value` (block style, as editors write it)."""
    pad = " " * indent
    if isinstance(value, dict):
        lines = [f"{pad}{key}:"]
        for child_key, child in value.items():
            lines += emit(child_key, child, indent + 2)
        return lines
    if isinstance(value, list):
        lines = [f"{pad}{key}:"]
        for item in value:
            if isinstance(item, dict):
                item_lines = [line for k, v in item.items() for line in emit(k, v, indent + 4)]
                item_lines[0] = f"{pad}  - " + item_lines[0].lstrip()
                lines += item_lines
            else:
                lines.append(f"{pad}  - {_scalar(item)}")
        return lines
    if isinstance(value, Block):
        return [f"{pad}{key}: |"] + [f"{pad}  {line}" for line in value.splitlines()]
    return [f"{pad}{key}: {value if raw else _scalar(value)}".rstrip()]  # raw: a date stays unquoted


def _known_ids(data_dir: Path, target: str) -> list[str]:
    if target == THEMES.name:
        path = data_dir / THEMES.path
        mapping = load_yaml_file(path, THEMES.path)[0] if path.is_file() else None
        return sorted(mapping.items) if mapping else []
    return sorted(path.stem for path in (data_dir / target).glob(f"*{DATA_SUFFIX}"))


def _comment(spec: Field, data_dir: Path, slug: str) -> list[str]:
    optional = {"fr": "", "en": ""} if spec.required else {
        "fr": " (facultatif : laissez vide si inutile)", "en": " (optional: leave empty if not needed)"}
    lines = [f"# {spec.description[lang]}{optional[lang]} — {how_to_write(spec, lang)}" for lang in LANGUAGES]
    target = spec.item.target if spec.kind == "list" and spec.item is not None else spec.target
    if target:
        ids = ", ".join(_known_ids(data_dir, target)) or "—"
        lines.append(f"# Identifiants existants · existing ids: {ids}")
    if not spec.required and spec.kind in ("translated_slug", "list", "object", "image", "translated_text",
                                                "proper_name"):
        lines.append("# Exemple · example:")
        lines += ["#   " + line for line in emit(spec.name, _example(spec, slug))]
    return lines


def render(collection: Collection, data_dir: Path, given: dict[str, Any], slug: str) -> str:
    """The text of a new file of `collection`, with `given` values (title, date) in place of TODOs."""
    head = [
        modeline(collection),
        (f"# {collection.description['fr']}. Remplacez chaque {TODO_MARKER}, puis vérifiez avec `make validate` "
         f"(guide : {GUIDES['fr']})."),
        (f"# {collection.description['en']}. Replace every {TODO_MARKER}, then check with `make validate` "
         f"(guide: {GUIDES['en']})."),
    ]
    body: list[str] = []
    for spec in collection.fields:
        if spec.name in given:
            value = given[spec.name]
        elif spec.required:
            value = _placeholder(spec)
        else:
            value = False if spec.kind == "bool" else None
        body += [""] + _comment(spec, data_dir, slug) + emit(spec.name, value, raw=spec.kind == "date" and value)
    return "\n".join(head + body) + "\n"


def new_item(project_dir: Path, kind: str, title: str = "", record_id: str = "", date: str = "",
             title_en: str = "", today: dt.date | None = None) -> Created:
    """Write data/<collection>/<id>.yml for a new `kind` item; raise ScaffoldError when it cannot."""
    collection = KINDS[kind]
    data_dir = project_dir / "data"
    title, record_id, title_en = title.strip(), record_id.strip(), title_en.strip()
    given_id = bool(record_id)
    if TODO_MARKER in title + title_en:
        raise ScaffoldError(Message("scaffold.title_todo", marker=TODO_MARKER))
    given: dict[str, Any] = {}
    if kind == "news":
        date = date.strip() or (today or dt.date.today()).isoformat()
        try:
            parse_partial_date(date)
        except DateError as error:
            raise ScaffoldError(Message("scaffold.date", reason=error.message)) from None
        given["date"] = date
    if not record_id:
        if not title:
            raise ScaffoldError(Message("scaffold.no_title", kind=kind))
        slug = slugify(title)
        if not slug:
            raise ScaffoldError(Message("scaffold.no_id"))
        record_id = f"{date}-{slug}" if kind == "news" else slug
    problem = id_problem(record_id) or reserved_problem(record_id)
    if problem:
        raise ScaffoldError(Message("scaffold.id", reason=problem))
    if title:
        placeholder = _placeholder(collection.field_named(TITLE_FIELDS[kind]))
        given[TITLE_FIELDS[kind]] = {"fr": title, "en": title_en or placeholder["en"]}
    # Each language's address in its own words: /actualites/<titre-francais>/, /en/news/<english-title>/.
    # An ID given is the French address the editor chose; a partner's name is most often the same in
    # both languages, so its English address is the French one unless TITLE_EN says otherwise.
    french = record_id if given_id or not title else slugify(title)
    slugs = {"fr": french, "en": slugify(title_en) or (french if kind == "partner" else "")}
    todo = tuple(lang for lang, slug in slugs.items() if not slug)
    given["slug"] = {lang: slug or _todo(SLUG_TODO[lang]) for lang, slug in slugs.items()}
    path = data_dir / collection.path / f"{record_id}{DATA_SUFFIX}"
    if path.exists():
        raise ScaffoldError(Message("scaffold.exists", file=path.relative_to(project_dir).as_posix()))
    text = render(collection, data_dir, given, slugify(title) if title else record_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    section = collection.name
    paths = {lang: f"{section_path(project_dir / 'docs', section, lang)}{slugs[lang] or SLUG_SHOWN[lang]}/"
             for lang in LANGUAGES}
    return Created(path, record_id, paths, todo)
