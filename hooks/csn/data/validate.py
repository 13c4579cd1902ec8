"""Check each record against its collection's definition and turn it into plain values.

Every rule reports a Problem (file, line, field, what to do) and checking goes
on, so that an editor sees every problem of a commit at once.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from csn.data.assets import AssetChecker, from_site_root
from csn.data.contrast import identity_failures
from csn.data.dates import CONSORTIUM_YEARS, DateError, YearRange, parse_partial_date
from csn.data.errors import Problem
from csn.data.markdown_render import read_markdown
from csn.data.schema import (
    COLOR_PATTERN,
    COUNTRY_CODES,
    EMAIL_PATTERN,
    ID_PATTERN,
    KIND_HELP,
    LANGUAGE_CODES,
    LANGUAGES,
    MAX_ID_LENGTH,
    THEMES,
    TODO_MARKER,
    Collection,
    Field,
)
from csn.data.yaml_loader import Mapping, Node, Scalar, Sequence
from csn.messages import Bilingual, Message
from csn.security.characters import has_visible_character, hidden_character_problem
from csn.security.safe_urls import link_problem, web_address_problem

ID_RE = re.compile(ID_PATTERN)
# YAML 1.2's decimal numbers; `.inf` and `.nan` are no coordinates.
NUMBER_RE = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
EMAIL_RE = re.compile(EMAIL_PATTERN)
COLOR_RE = re.compile(COLOR_PATTERN)
COUNTRIES = frozenset(COUNTRY_CODES)
LANGUAGE_CODE_SET = frozenset(LANGUAGE_CODES)
# The name of each language in each language: "texte en anglais manquant", "missing English text".
LANGUAGE_NAMES = {"fr": Bilingual("français", "French"), "en": Bilingual("anglais", "English")}
# Long texts, where the zero-width joiners of emoji and some scripts belong; names and codes get none.
PROSE_KINDS = frozenset({"translated_text", "translated_markdown"})
# A long article is about 10,000 characters; the limits keep rendering any field in milliseconds.
MAX_TEXT_LENGTH = 5_000
MAX_MARKDOWN_LENGTH = 50_000
YAML_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


class LocatedText(str):
    """A text that remembers its line, for checks made across records (unique slugs)."""

    line: int = 0

    @classmethod
    def at(cls, value: str, line: int) -> LocatedText:
        text = cls(value)
        text.line = line
        return text


class RecordChecker:
    """Checks one file's mapping; collects problems instead of stopping at the first."""

    def __init__(self, file: str, assets: AssetChecker | None = None, years: YearRange = CONSORTIUM_YEARS):
        self.file = file
        self.assets = assets
        self.years = years
        self.problems: list[Problem] = []
        # The languages the record is published in: its translated texts are required in these only.
        self.languages: tuple[str, ...] = LANGUAGES

    def report(self, line: int, field: str, message: Message, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, line, field, message, severity))

    def check_fields(self, fields: tuple[Field, ...], mapping: Mapping, prefix: str = "") -> dict[str, Any]:
        values: dict[str, Any] = {}
        known = {f.name for f in fields}
        for key, node in mapping.items.items():
            if key not in known:
                hint = _closest(key, known)
                message = (Message("field.unknown_near", hint=hint) if hint
                           else Message("field.unknown", fields=", ".join(sorted(known))))
                self.report(mapping.key_lines.get(key, node.line), prefix + key, message)
        for spec in fields:
            name = prefix + spec.name
            node = mapping.items.get(spec.name)
            if node is None or (isinstance(node, Scalar) and node.is_null):
                if spec.required:
                    # In YAML, ` #` starts a comment: `primary: #0057AC` leaves the colour empty.
                    self.report(mapping.line if node is None else node.line, name,
                                Message("missing.field_quoted" if spec.kind == "color" else "missing.field",
                                        name=spec.name, description=Bilingual.of_mapping(spec.description)))
                continue
            value = self.check(spec, node, name)
            if value is not None:
                values[spec.name] = value
        self.check_name_language(mapping, values, prefix)
        return values

    def check_name_language(self, mapping: Mapping, values: dict[str, Any], prefix: str) -> None:
        """`name_lang` is the language of a name written once; a name written per language needs none."""
        if "name_lang" in values and isinstance(mapping.items.get("name"), Mapping):
            self.report(mapping.key_lines.get("name_lang", mapping.line), prefix + "name_lang",
                        Message("value.name_lang_not_needed"))

    def check(self, spec: Field, node: Node, name: str) -> Any:
        return _RULES[spec.kind](self, spec, node, name)

    # Each rule returns the value read, or None after reporting what is wrong.

    def text(self, spec: Field, node: Node, name: str) -> str | None:
        if not isinstance(node, Scalar):
            self.report(node.line, name, Message("shape.text"))
            return None
        value = "" if node.is_null else unicodedata.normalize("NFC", node.text).strip()
        if not value:
            self.report(node.line, name, Message("empty.text"))
            return None
        if TODO_MARKER in value:
            self.report(node.line, name, Message("todo.text", marker=TODO_MARKER, hint=_todo_hint(spec)))
            return None
        limit = MAX_MARKDOWN_LENGTH if spec.kind == "translated_markdown" else MAX_TEXT_LENGTH
        if len(value) > limit:
            self.report(node.line, name, Message("length.text", length=len(value), limit=limit))
            return None
        hidden = hidden_character_problem(value, prose=spec.kind in PROSE_KINDS)
        if hidden:
            self.report(node.line, name, hidden)
            return None
        if not has_visible_character(value):
            self.report(node.line, name, Message("hidden.nothing_visible"))
            return None
        return value

    def translated(self, spec: Field, node: Node, name: str) -> dict[str, str] | None:
        if not isinstance(node, Mapping):
            self.report(node.line, name, Message("translation.both"))
            return None
        values: dict[str, str] = {}
        for key, child in node.items.items():
            if key not in LANGUAGES:
                self.report(node.key_lines.get(key, child.line), f"{name}.{key}",
                            Message("translation.unknown_language"))
            elif key not in self.languages:
                only = self.languages[0]
                self.report(node.key_lines.get(key, child.line), f"{name}.{key}",
                            Message("languages.not_published", only=LANGUAGE_NAMES[only], only_code=only, key=key,
                                    other=LANGUAGE_NAMES[key]), severity="warning")
        for lang in self.languages:
            child = node.items.get(lang)
            if child is None or (isinstance(child, Scalar) and not child.text.strip()):
                line = node.line if child is None else child.line
                self.report(line, f"{name}.{lang}", Message("translation.missing", language=LANGUAGE_NAMES[lang],
                                                            parent=name.split(".")[-1], lang=lang))
                continue
            value = self.text(spec, child, f"{name}.{lang}")
            if value is not None:
                values[lang] = value
        return values if len(values) == len(self.languages) else None

    def markdown(self, spec: Field, node: Node, name: str) -> dict[str, str] | None:
        """Translated Markdown whose every link and image is allowed (each reported on its text's line)."""
        values = self.translated(spec, node, name)
        if values is None:
            return None
        found = len(self.problems)
        for lang, text in values.items():
            facts = read_markdown(text)
            scalar = node.items[lang]
            if facts.raw_html:
                self.report(scalar.line_of(facts.raw_html), f"{name}.{lang}",
                            Message("markdown.html", html=facts.raw_html[:40]))
            for written, why in facts.unsupported:
                self.report(scalar.line_of(written), f"{name}.{lang}", why)
            for tag, url in facts.urls:
                problem = self.asset_problem(url) if tag == "img" else link_problem(url)
                if problem:
                    what = "image.in_text" if tag == "img" else "link.in_text"
                    self.report(scalar.line_of(url), f"{name}.{lang}", Message(what, reason=problem))
        return values if len(self.problems) == found else None

    def proper_name(self, spec: Field, node: Node, name: str) -> dict[str, str] | None:
        if isinstance(node, Mapping):
            return self.translated(spec, node, name)
        value = self.text(spec, node, name)
        return {lang: value for lang in LANGUAGES} if value is not None else None

    def slug(self, spec: Field, node: Node, name: str) -> str | None:
        value = self.text(spec, node, name)
        if value is None:
            return None
        problem = id_problem(value)
        if problem:
            self.report(node.line, name, problem)
            return None
        return LocatedText.at(value, node.line)

    def translated_slug(self, spec: Field, node: Node, name: str) -> dict[str, str] | None:
        if not isinstance(node, Mapping):
            self.report(node.line, name, Message("translation.both_short"))
            return None
        values = self.translated(spec, node, name)
        if values is None:
            return None
        checked = {lang: self.slug(spec, node.items[lang], f"{name}.{lang}") for lang in self.languages}
        return checked if all(checked.values()) else None

    def enum(self, spec: Field, node: Node, name: str) -> str | None:
        value = self.text(spec, node, name)
        if value is not None and value not in spec.choices:
            self.report(node.line, name, Message("value.choices", value=value, choices=", ".join(spec.choices)))
            return None
        return value

    def date(self, spec: Field, node: Node, name: str):
        value = self.text(spec, node, name)
        if value is None:
            return None
        try:
            date = parse_partial_date(value)
        except DateError as exc:
            self.report(node.line, name, exc.message)
            return None
        problem = self.years.problem(date, value)
        if problem:
            self.report(node.line, name, problem)
            return None
        return date

    def boolean(self, spec: Field, node: Node, name: str) -> bool | None:
        # YAML 1.2: only these words are booleans (`yes`, `no`, `on` and `off` are text).
        if isinstance(node, Scalar) and node.plain and node.text in YAML_BOOLEANS:
            return YAML_BOOLEANS[node.text]
        self.report(node.line, name, Message("yes_no.invalid"))
        return None

    def number(self, spec: Field, node: Node, name: str) -> float | None:
        value = self.text(spec, node, name)
        if value is None:
            return None
        if not node.plain or not NUMBER_RE.match(value):
            self.report(node.line, name, Message("number.invalid", value=value,
                                                 description=Bilingual.of_mapping(spec.description)))
            return None
        number = float(value)
        low, high = spec.minimum, spec.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            self.report(node.line, name, Message("number.range", value=value, low=f"{low:g}", high=f"{high:g}",
                                                 description=Bilingual.of_mapping(spec.description)))
            return None
        return number

    def url(self, spec: Field, node: Node, name: str) -> str | None:
        value = self.text(spec, node, name)
        problem = web_address_problem(value) if value is not None else None
        if problem:
            self.report(node.line, name, problem)
            return None
        return value

    def email(self, spec: Field, node: Node, name: str) -> str | None:
        value = self.text(spec, node, name)
        if value is not None and not EMAIL_RE.fullmatch(value):
            self.report(node.line, name, Message("email.invalid", value=value))
            return None
        return value

    def country(self, spec: Field, node: Node, name: str) -> str | None:
        value = self.text(spec, node, name)
        if value is not None and value not in COUNTRIES:
            self.report(node.line, name, Message("country.invalid", value=value))
            return None
        return value

    def language(self, spec: Field, node: Node, name: str) -> str | None:
        value = self.text(spec, node, name)
        if value is not None and value not in LANGUAGE_CODE_SET:
            self.report(node.line, name, Message("language_code.invalid", value=value))
            return None
        return value

    def languages_list(self, spec: Field, node: Node, name: str) -> tuple[str, ...] | None:
        """The languages a news item is published in: one or both of the site's, each once."""
        written = " or ".join(f"`[{lang}]`" for lang in spec.choices)
        if isinstance(node, Scalar) and node.text.strip() in spec.choices:
            self.report(node.line, name, Message("languages.not_list", value=node.text.strip()))
            return None
        if not isinstance(node, Sequence) or not node.items:
            self.report(node.line, name, Message("languages.invalid", written=written))
            return None
        found: list[str] = []
        for index, child in enumerate(node.items):
            value = self.text(spec, child, f"{name}[{index}]")
            if value is None:
                continue
            if value not in spec.choices:
                self.report(child.line, f"{name}[{index}]",
                            Message("languages.unknown", value=value, choices=" or ".join(spec.choices)))
            elif value in found:
                self.report(child.line, f"{name}[{index}]", Message("languages.twice", value=value))
            else:
                found.append(value)
        if len(found) != len(node.items):
            return None
        return tuple(lang for lang in LANGUAGES if lang in found)

    def asset(self, spec: Field, node: Node, name: str) -> str | None:
        value = self.text(spec, node, name)
        value = from_site_root(value) if value is not None else None
        problem = self.asset_problem(value) if value is not None else None
        if problem:
            self.report(node.line, name, problem)
            return None
        return value

    def color(self, spec: Field, node: Node, name: str) -> str | None:
        value = self.text(spec, node, name)
        if value is not None and not COLOR_RE.fullmatch(value):
            self.report(node.line, name, Message("color.invalid", value=value))
            return None
        return value

    def font(self, spec: Field, node: Node, name: str) -> str | None:
        value = self.text(spec, node, name)
        if value is None:
            return None
        if self.assets is None:
            raise RuntimeError("fonts cannot be checked without the project's AssetChecker")
        problem = self.assets.problem(value, font=True)
        # The path is written into the pages' style sheet (`url("…")`): plain characters only.
        if not problem and not re.fullmatch(r"[A-Za-z0-9._/-]+", value):
            problem = Message("image.font_name", value=value)
        if problem:
            self.report(node.line, name, problem)
            return None
        return value

    def picture(self, spec: Field, node: Node, name: str) -> str | None:
        """A picture file to process (its line is kept: the processing reports unreadable pixels there)."""
        value = self.text(spec, node, name)
        if value is None:
            return None
        value = from_site_root(value)  # the editing interface writes `/assets/...`
        if self.assets is None:
            raise RuntimeError("pictures cannot be checked without the project's AssetChecker")
        problem = self.assets.picture_problem(value)
        if problem:
            self.report(node.line, name, problem)
            return None
        return LocatedText.at(value, node.line)

    def image(self, spec: Field, node: Node, name: str) -> dict[str, Any] | None:
        """A record's picture: `src`, and what it shows in both languages (`alt`) unless it only decorates."""
        found = len(self.problems)
        values = self.obj(spec, node, name)
        if values is None:
            return None
        decorative = values.get("decorative", False)
        alt_written = "alt" in node.items and not (isinstance(node.items["alt"], Scalar) and node.items["alt"].is_null)
        if decorative and alt_written:
            self.report(node.key_lines.get("decorative", node.line), f"{name}.decorative",
                        Message("image.decorative_alt"))
        elif not decorative and not alt_written:
            self.report(node.key_lines.get("src", node.line), f"{name}.alt",
                        Message("image.alt_missing"))
        src_line = node.key_lines.get("src", node.line)
        for index in range(found, len(self.problems)):  # a missing language is said where the picture is named
            problem = self.problems[index]
            if problem.field.startswith(f"{name}.alt") and problem.code == "translation.missing":
                self.problems[index] = dataclasses.replace(problem, line=src_line)
        return values if len(self.problems) == found else None

    def asset_problem(self, value: str) -> Message | None:
        if self.assets is None:  # a programming error: every caller that reads images passes a checker
            raise RuntimeError("images cannot be checked without the project's AssetChecker")
        return self.assets.problem(value)

    def ref(self, spec: Field, node: Node, name: str) -> Ref | None:
        value = self.text(spec, node, name)
        return Ref(spec.target, value, node.line, name) if value is not None else None

    def ref_or_object(self, spec: Field, node: Node, name: str) -> dict[str, Any] | None:
        if isinstance(node, Mapping):
            values = self.check_fields(spec.fields, node, prefix=f"{name}.")
            return values if "id" in values else None
        ref = self.ref(spec, node, name)
        return {"id": ref} if ref else None

    def listing(self, spec: Field, node: Node, name: str) -> list[Any] | None:
        if not isinstance(node, Sequence):
            self.report(node.line, name, Message("shape.list"))
            return None
        values = [self.check(spec.item, child, f"{name}[{index}]") for index, child in enumerate(node.items)]
        self.report_repeats(node, values, name)
        return [value for value in values if value is not None]

    def report_repeats(self, node: Sequence, values: list[Any], name: str) -> None:
        """An id or text listed twice would show twice on the pages, in JSON-LD and in the open data."""
        first_lines: dict[str, int] = {}
        for index, (child, value) in enumerate(zip(node.items, values, strict=True)):
            key = _listed_key(value)
            if key is None:
                continue
            if key in first_lines:
                self.report(child.line, f"{name}[{index}]",
                            Message("duplicate.item", key=key, first_line=first_lines[key]))
            else:
                first_lines[key] = child.line

    def obj(self, spec: Field, node: Node, name: str) -> dict[str, Any] | None:
        if not isinstance(node, Mapping):
            fields = ", ".join(f"`{f.name}:`" for f in spec.fields)
            self.report(node.line, name, Message("shape.object", fields=fields))
            return None
        return self.check_fields(spec.fields, node, prefix=f"{name}.")


def _listed_key(value: Any) -> str | None:
    """What makes two items of a list the same: an id (also an object's `id`), a text, an address."""
    if isinstance(value, dict):
        value = value.get("id", value.get("url"))
    if isinstance(value, Ref):
        return value.id
    return value if isinstance(value, str) else None


_RULES: dict[str, Callable[..., Any]] = {
    "text": RecordChecker.text,
    "translated_text": RecordChecker.translated,
    "translated_markdown": RecordChecker.markdown,
    "proper_name": RecordChecker.proper_name,
    "translated_slug": RecordChecker.translated_slug,
    "enum": RecordChecker.enum,
    "date": RecordChecker.date,
    "bool": RecordChecker.boolean,
    "number": RecordChecker.number,
    "url": RecordChecker.url,
    "email": RecordChecker.email,
    "country": RecordChecker.country,
    "language": RecordChecker.language,
    "languages": RecordChecker.languages_list,
    "asset": RecordChecker.asset,
    "picture": RecordChecker.picture,
    "image": RecordChecker.image,
    "color": RecordChecker.color,
    "font": RecordChecker.font,
    "ref": RecordChecker.ref,
    "ref_or_object": RecordChecker.ref_or_object,
    "list": RecordChecker.listing,
    "object": RecordChecker.obj,
}


class Ref:
    """An id written in one record that must name a record of `target`."""

    __slots__ = ("field", "id", "line", "target")

    def __init__(self, target: str, id: str, line: int, field: str):
        self.target, self.id, self.line, self.field = target, id, line, field


def id_problem(value: str) -> Message | None:
    """Why `value` cannot be an id or slug, or None when it can."""
    if len(value) > MAX_ID_LENGTH:
        return Message("id.too_long", length=len(value), limit=MAX_ID_LENGTH)
    hidden = hidden_character_problem(value, prose=False)
    if hidden:
        return hidden
    if not ID_RE.fullmatch(value):
        return Message("id.invalid", value=value)
    return None


def check_record(collection: Collection, mapping: Mapping, file: str, assets: AssetChecker | None = None,
                 years: YearRange = CONSORTIUM_YEARS) -> tuple[dict[str, Any], list[Problem]]:
    checker = RecordChecker(file, assets, years)
    _read_languages(checker, collection, mapping)
    values = checker.check_fields(collection.fields, mapping)
    _check_period(checker, values, mapping)
    _check_contrast(checker, values, mapping)
    _check_typeface_name(checker, values, mapping)
    return values, checker.problems


def _read_languages(checker: RecordChecker, collection: Collection, mapping: Mapping) -> None:
    """Read `languages` before the texts it makes optional; only news items may have it."""
    node = mapping.items.get("languages")
    if node is None or (isinstance(node, Scalar) and node.is_null):
        return
    spec = collection.field_named("languages")
    if spec is None:
        if collection.name in ("projects", "partners"):
            mapping.items.pop("languages")  # reported here, not again as an unknown field
            checker.report(mapping.key_lines.get("languages", node.line), "languages",
                           Message("languages.news_only", collection=collection.name))
        return
    languages = RecordChecker(checker.file).languages_list(spec, node, "languages")
    if languages:
        checker.languages = languages


def _check_period(checker: RecordChecker, values: dict[str, Any], mapping: Mapping) -> None:
    """A record's end may share the start's year or month, but its whole period cannot precede the start."""
    start, end = values.get("start"), values.get("end")
    if start is not None and end is not None and end.first_day_after() <= start.first_day():
        checker.report(mapping.items["end"].line, "end", Message("date.end_before_start", end=end.iso(),
                                                                   start=start.iso()))


def _check_contrast(checker: RecordChecker, values: dict[str, Any], mapping: Mapping) -> None:
    """The identity's colours must be readable where the pages use them (WCAG 2.1 AA), each on its line."""
    colors = values.get("colors") or {}
    if "primary" not in colors or "accent" not in colors:
        return
    node = mapping.items["colors"]
    for name, failure in identity_failures(colors["primary"], colors["accent"]).items():
        checker.report(node.items[name].line, f"colors.{name}", failure.message())


FONT_FAMILY_RE = re.compile(r"^[^\W_][\w .-]*$")


def _check_typeface_name(checker: RecordChecker, values: dict[str, Any], mapping: Mapping) -> None:
    """The family name is written into the pages' style sheet: letters, digits, spaces, dots and hyphens only."""
    name = (values.get("typeface") or {}).get("name")
    if name is not None and not FONT_FAMILY_RE.fullmatch(name):
        checker.report(mapping.items["typeface"].items["name"].line, "typeface.name",
                       Message("typeface.invalid", value=name))


def check_themes(mapping: Mapping, file: str) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """themes.yml maps each theme id to its label in both languages."""
    checker = RecordChecker(file)
    label = THEMES.entry
    themes: dict[str, dict[str, str]] = {}
    for theme_id, node in mapping.items.items():
        line = mapping.key_lines.get(theme_id, node.line)
        problem = id_problem(theme_id)
        if problem:
            checker.report(line, theme_id, problem)
            continue
        value = checker.translated(label, node, theme_id)
        if value:
            themes[theme_id] = value
    return themes, checker.problems


def _todo_hint(spec: Field) -> Message | Bilingual:
    """What to write in place of a TODO left by `make new-*`."""
    if spec.kind == "enum":
        return Message("todo.hint_choices", choices=", ".join(spec.choices))
    if spec.kind in ("text", "translated_text", "translated_markdown", "proper_name"):
        return Message("todo.hint_text")
    return Bilingual.of_mapping(KIND_HELP[spec.kind])


def _closest(word: str, options: set[str]) -> str:
    import difflib

    matches = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return matches[0] if matches else ""
