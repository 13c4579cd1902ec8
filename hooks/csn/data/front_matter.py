"""The front matter of docs pages, read by the same strict loader and rules as the data files.

A docs page's `title`, `slug` and `description` become its page's title, address and summary: they
are read the YAML 1.2 way (`slug: on` stays the text "on"), without tags or aliases, as UTF-8 text,
and checked like the data's texts; every problem is reported on its line, never as a traceback.
Other keys (Material's `hide`, `icon`, ...) are left to MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from csn.data.errors import Problem
from csn.data.schema import Field
from csn.data.validate import RecordChecker
from csn.data.yaml_loader import MAX_FILE_BYTES, Mapping, Scalar, Sequence, load_yaml_text
from csn.messages import Message

FIELDS = {
    "title": Field("title", "text", {"fr": "Titre de la page", "en": "The page's title"}),
    "slug": Field("slug", "text", {"fr": "Dernière partie de l'adresse", "en": "The last part of its address"},
                  required=False),
    "description": Field("description", "text", {"fr": "Résumé de la page", "en": "The page's summary"},
                         required=False),
}
DELIMITER = "---"


def _plain(node) -> Any:
    if isinstance(node, Scalar):
        return node.text
    if isinstance(node, Sequence):
        return [_plain(item) for item in node.items]
    return {key: _plain(value) for key, value in node.items.items()}


def read_front_matter(path: Path, shown: str) -> tuple[dict[str, Any], list[Problem]]:
    """The page's front matter values (title, slug and description checked) and its problems."""
    if not path.is_file():
        return {}, [Problem(shown, 0, "", Message("file.not_regular"))]
    with path.open("rb") as stream:
        raw = stream.read(MAX_FILE_BYTES + 1)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return {}, [Problem(shown, line, "", Message("encoding.not_utf8"))]
    if not text.startswith(DELIMITER + "\n") and not text.startswith(DELIMITER + "\r\n"):
        return {}, []
    end = text.find("\n" + DELIMITER, len(DELIMITER))
    if end < 0:
        return {}, [Problem(shown, 1, "", Message("docs.front_matter_open"))]
    # From the end of the opening `---`: the loader's line numbers are the file's.
    block = text[len(DELIMITER):end]
    if not block.strip():
        return {}, []
    mapping, problems = load_yaml_text(block, shown)
    if mapping is None:
        return {}, problems
    return _checked(mapping, shown)


def _checked(mapping: Mapping, shown: str) -> tuple[dict[str, Any], list[Problem]]:
    checker = RecordChecker(shown)
    values = {key: _plain(node) for key, node in mapping.items.items() if key not in FIELDS}
    for key, spec in FIELDS.items():
        node = mapping.items.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            continue  # a missing title is reported by the plan, which knows the page needs one
        value = checker.check(spec, node, key)
        if value is not None:
            values[key] = value
    return values, checker.problems
