"""`make translations`: what is missing or unfinished in either language, as a table.

It reads the data files with the definition of schema.py (every text that
must exist in French and English) and the Markdown pages of docs/fr and
docs/en. A text that is absent, empty or still holds the TODO marker counts
as missing. It works on data that does not validate yet, so that an editor
can see what is left to translate while writing. A news item published in
one language on purpose (`languages: [fr]`) misses nothing: the report lists
it apart, as single-language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from csn.data.datafiles import collection_of, data_files
from csn.data.schema import LANGUAGES, TODO_MARKER, Field
from csn.data.yaml_loader import Mapping, Node, Scalar, Sequence, load_yaml_file
from csn.messages import say, say_count

TRANSLATED_KINDS = ("translated_text", "translated_markdown", "translated_slug", "proper_name")
BOTH = "both"  # a gap that is the same in every language (an unreadable file)
# A gap's state, as the report says it (the TODO marker is shown as it is written).
STATE_CODES = {"missing": "translations.state.missing", "empty": "translations.state.empty",
               "not translated": "translations.state.not_translated", "unreadable": "translations.state.unreadable",
               "ok": "translations.state.ok"}
LANGUAGE_HEADER_CODES = {"fr": "translations.column.fr", "en": "translations.column.en"}


def state_text(state: str) -> str:
    return say(STATE_CODES[state]) if state in STATE_CODES else state


def language_header(lang: str) -> str:
    return say(LANGUAGE_HEADER_CODES[lang])


@dataclass(frozen=True)
class Gap:
    entity: str  # "projects/lac-de-donnees", "site", "themes/formation", "docs/about.md"
    field: str
    lang: str
    state: str  # missing, empty, TODO, unreadable, not translated
    file: str
    line: int

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


def _state(node: Node | None) -> str:
    """'' when the text is there, else why it counts as missing."""
    if node is None:
        return "missing"
    if not isinstance(node, Scalar):
        return ""  # a list or mapping where text belongs: validation explains it
    if node.is_null or not node.text.strip():
        return "empty"
    return TODO_MARKER if TODO_MARKER in node.text else ""


@dataclass(frozen=True)
class SingleLanguage:
    """A news item published in one language on purpose (`languages: [fr]`)."""

    entity: str
    lang: str  # the language it is published in
    file: str
    line: int


def _declared_languages(mapping: Mapping) -> tuple[str, ...] | None:
    """The languages of a record's `languages: [fr]`, when it names one or more of the site's; else None."""
    node = mapping.items.get("languages")
    if not isinstance(node, Sequence):
        return None
    written = tuple(child.text.strip() for child in node.items if isinstance(child, Scalar))
    found = tuple(lang for lang in LANGUAGES if lang in written)
    return found or None


class _Walker:
    """Collects the gaps of one file, field by field, following the definition."""

    def __init__(self, entity: str, file: str, languages: tuple[str, ...] = LANGUAGES):
        self.entity, self.file = entity, file
        self.languages = languages  # the languages the record is published in: the others miss nothing
        self.gaps: list[Gap] = []

    def gap(self, name: str, lang: str, state: str, line: int) -> None:
        if lang in self.languages or lang == BOTH:
            self.gaps.append(Gap(self.entity, name, lang, state, self.file, line))

    def fields(self, fields: tuple[Field, ...], mapping: Mapping, prefix: str = "") -> None:
        for spec in fields:
            node = mapping.items.get(spec.name)
            self.field(spec, node, prefix + spec.name, mapping.key_lines.get(spec.name, mapping.line))

    def field(self, spec: Field, node: Node | None, name: str, line: int) -> None:
        absent = node is None or (isinstance(node, Scalar) and node.is_null)
        if spec.kind in TRANSLATED_KINDS:
            if absent:
                if spec.required:
                    for lang in LANGUAGES:
                        self.gap(name, lang, "missing", line)
            elif isinstance(node, Mapping):
                for lang in LANGUAGES:
                    child = node.items.get(lang)
                    state = _state(child)
                    if state:
                        self.gap(name, lang, state, child.line if child is not None else line)
            elif isinstance(node, Scalar):
                # One text for both languages: right for a proper name, a missing translation elsewhere.
                state = _state(node) or ("" if spec.kind == "proper_name" else "not translated")
                if state:
                    for lang in LANGUAGES:
                        self.gap(name, lang, state, node.line)
        elif spec.kind == "list" and isinstance(node, Sequence):
            for index, child in enumerate(node.items):
                self.field(spec.item, child, f"{name}[{index}]", child.line)
        elif spec.kind in ("object", "ref_or_object", "image") and isinstance(node, Mapping):
            self.fields(spec.fields, node, prefix=f"{name}.")


def data_gaps(project_dir: Path) -> tuple[list[Gap], int]:
    """The gaps of every data file, and how many files were read."""
    gaps, files, _ = data_report(project_dir)
    return gaps, files


def data_report(project_dir: Path) -> tuple[list[Gap], int, list[SingleLanguage]]:
    """The gaps of every data file, how many files were read, and the news items in one language on purpose."""
    data_dir = project_dir / "data"
    gaps: list[Gap] = []
    singles: list[SingleLanguage] = []
    files = data_files(data_dir)
    for path in files:
        collection = collection_of(data_dir, path)
        shown = path.relative_to(project_dir).as_posix()
        entity = collection.name if collection.one_file else f"{collection.name}/{path.stem}"
        mapping, problems = load_yaml_file(path, shown)
        if mapping is None:
            line = problems[0].line if problems else 0
            gaps.append(Gap(entity, "", BOTH, "unreadable", shown, line))
            continue
        if collection.entry is not None:
            for key, node in mapping.items.items():
                walker = _Walker(f"{collection.name}/{key}", shown)
                walker.field(collection.entry, node, collection.entry.name, mapping.key_lines.get(key, node.line))
                gaps += walker.gaps
        else:
            languages = _declared_languages(mapping) if collection.field_named("languages") else None
            if languages and len(languages) < len(LANGUAGES):
                singles.append(SingleLanguage(entity, languages[0], shown, mapping.key_lines.get("languages", 0)))
            walker = _Walker(entity, shown, languages or LANGUAGES)
            walker.fields(collection.fields, mapping)
            gaps += walker.gaps
    return gaps, len(files), singles


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(\n|\Z)", re.DOTALL)
_META_LINE = re.compile(r"^(title|description):[ \t]*(.*)$", re.MULTILINE)


def _page_gaps(entity: str, shown: str, text: str, lang: str) -> list[Gap]:
    gaps = []
    match = _FRONT_MATTER.match(text)
    meta = match.group(1) if match else ""
    values = {key: (value, meta[: m.start()].count("\n") + 2) for m in _META_LINE.finditer(meta)
              for key, value in [m.groups()]}
    title, title_line = values.get("title", ("", 1))
    if not title.strip().strip("'\""):
        gaps.append(Gap(entity, "title", lang, "missing", shown, title_line))
    for key, (value, line) in values.items():
        if TODO_MARKER in value:
            gaps.append(Gap(entity, key, lang, TODO_MARKER, shown, line))
    body_start = match.end() if match else 0
    body = text[body_start:]
    body_line = text[:body_start].count("\n") + 1
    if not body.strip():
        gaps.append(Gap(entity, "text", lang, "empty", shown, body_line))
    elif TODO_MARKER in body:
        line = body_line + body[: body.index(TODO_MARKER)].count("\n")
        gaps.append(Gap(entity, "text", lang, TODO_MARKER, shown, line))
    return gaps


def docs_gaps(project_dir: Path) -> tuple[list[Gap], int]:
    """The gaps of the Markdown pages of docs/<lang>/, and how many pages (in either language) exist."""
    docs = project_dir / "docs"
    names = sorted({p.relative_to(docs / lang).as_posix() for lang in LANGUAGES if (docs / lang).is_dir()
                    for p in (docs / lang).rglob("*.md")})
    gaps = []
    for name in names:
        entity = f"docs/{name}"
        for lang in LANGUAGES:
            path = docs / lang / name
            shown = path.relative_to(project_dir).as_posix()
            if not path.is_file():
                gaps.append(Gap(entity, "page", lang, "missing", shown, 0))
                continue
            gaps += _page_gaps(entity, shown, path.read_text(encoding="utf-8"), lang)
    return gaps, len(names)


def report_rows(gaps: list[Gap]) -> list[tuple[str, ...]]:
    """One row per entity and field: the state in each language and where to look."""
    rows: dict[tuple[str, str], dict[str, Gap]] = {}
    for gap in gaps:
        by_lang = rows.setdefault((gap.entity, gap.field), {})
        for lang in (LANGUAGES if gap.lang == BOTH else (gap.lang,)):
            by_lang.setdefault(lang, gap)
    table = []
    for (entity, field), by_lang in rows.items():
        first = min(by_lang.values(), key=lambda g: (g.file, g.line))
        states = tuple(by_lang[lang].state if lang in by_lang else "ok" for lang in LANGUAGES)
        table.append((entity, field, *states, first.where))
    return table




def format_singles(singles: list[SingleLanguage]) -> list[str]:
    """The news items in one language on purpose: not missing anything, listed so that nobody translates
    them by mistake (or so that someone does, and adds the language to `languages`)."""
    if not singles:
        return []
    width = max(len(item.entity) for item in singles)
    return ["", say_count("translations.singles", len(singles)),
            *(f"  {item.entity.ljust(width)}  {say('translations.single_only', language=say(f'language_name.{item.lang}'))}  "
              f"{item.file}:{item.line}" for item in singles)]


def format_report(gaps: list[Gap], files: int, pages: int, singles: list[SingleLanguage] | None = None) -> str:
    counted = {lang: sum(1 for g in gaps if g.lang in (lang, BOTH)) for lang in LANGUAGES}
    checked = say("translations.checked", files=say_count("count.data_files", files),
                  pages=say_count("count.doc_pages", pages))
    if not gaps:
        return "\n".join([say("translations.complete", checked=checked), *format_singles(singles or [])])
    header = (say("translations.column.entity"), say("translations.column.field"),
              *(language_header(lang) for lang in LANGUAGES), say("translations.column.where"))
    rows = [(entity, field or say("translations.whole_file"), *map(state_text, states), where)
            for entity, field, *states, where in report_rows(gaps)]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()

    return "\n".join([
        say("translations.heading"),
        "",
        line(header),
        line(tuple("-" * width for width in widths)),
        *(line(row) for row in rows),
        "",
        say_count("translations.total", len(rows), fr=counted["fr"], en=counted["en"], checked=checked),
        *format_singles(singles or []),
    ])


def all_gaps(project_dir: Path) -> tuple[list[Gap], int, int]:
    """Every gap, and how many data files and pages were read."""
    data, files = data_gaps(project_dir)
    docs, pages = docs_gaps(project_dir)
    return data + docs, files, pages


def translation_report(project_dir: Path) -> tuple[str, bool]:
    """The report's text, and whether anything is missing."""
    data, files, singles = data_report(project_dir)
    docs, pages = docs_gaps(project_dir)
    gaps = data + docs
    return format_report(gaps, files, pages, singles), bool(gaps)
