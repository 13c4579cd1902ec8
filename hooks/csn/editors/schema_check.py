"""Check data files the way an editor's tool sees them: against the JSON Schemas of data/schemas/.

`make validate` is the authority on the data; this check makes sure that
what VS Code shows an editor agrees with it. Each file must start with the
line that names its schema, and its YAML 1.2 values (what editors' tools
read) must satisfy that schema. Problems are reported like validation's:
`file:line: field: message`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from csn.data.datafiles import collection_of, data_files
from csn.data.errors import Problem
from csn.data.schema import Collection
from csn.data.yaml_loader import Mapping, Node, Scalar, Sequence, load_yaml_file
from csn.editors.schema_export import modeline, schema_path
from csn.messages import Message

# The YAML 1.2 core schema, as editors' tools resolve unquoted scalars.
_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$")


def scalar_value(scalar: Scalar) -> Any:
    if not scalar.plain:
        return scalar.text
    text = scalar.text
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT.match(text):
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
    if _FLOAT.match(text):
        return float(text.replace("inf", "Inf").replace("INF", "Inf").replace("Inf", "inf"))
    return text


def to_json(node: Node) -> Any:
    if isinstance(node, Scalar):
        return scalar_value(node)
    if isinstance(node, Sequence):
        return [to_json(child) for child in node.items]
    return {key: to_json(child) for key, child in node.items.items()}


def _line_of(node: Node, path: Iterable[Any]) -> int:
    """The line of the value at `path` (keys and indexes), or of its closest parent."""
    line = node.line
    for step in path:
        if isinstance(node, Mapping) and step in node.items:
            line = node.key_lines.get(step, node.items[step].line)
            node = node.items[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and step < len(node.items):
            node = node.items[step]
            line = node.line
        else:
            break
    return line


def _field_name(path: Iterable[Any]) -> str:
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name


def _explain(error: ValidationError) -> str:
    custom = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
    if custom and error.validator != "required":
        return f"{custom}: {json.dumps(error.instance, ensure_ascii=False)}"
    return error.message


def _deepest(error: ValidationError) -> ValidationError:
    """For `anyOf`, the alternative of the right type that came closest, as editors' tools report it."""
    while error.context:
        of_right_type = [e for e in error.context if e.validator != "type"]
        error = best_match(of_right_type or error.context)
    return error


class SchemaChecker:
    """Loads each collection's JSON Schema once and checks files against it."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self._validators: dict[str, Draft202012Validator] = {}

    def validator(self, collection: Collection) -> Draft202012Validator:
        if collection.name not in self._validators:
            path = schema_path(self.data_dir, collection)
            schema = json.loads(path.read_text(encoding="utf-8"))
            self._validators[collection.name] = Draft202012Validator(schema)
        return self._validators[collection.name]

    def check_file(self, path: Path, shown: str) -> list[Problem]:
        """Problems of one file of a collection."""
        collection = collection_of(self.data_dir, path)
        problems = []
        first_line = path.read_text(encoding="utf-8").split("\n", 1)[0].lstrip("\ufeff").rstrip("\r")
        if first_line != modeline(collection):
            problems.append(Problem(shown, 1, "", Message("schema.first_line", line=modeline(collection))))
        mapping, load_problems = load_yaml_file(path, shown)
        if mapping is None:
            return problems + load_problems
        for error in self.validator(collection).iter_errors(to_json(mapping)):
            error = _deepest(error)
            where = list(error.absolute_path)
            if error.validator == "additionalProperties" and isinstance(error.instance, dict):
                # One problem per unknown key, on its own line, as validation reports it.
                known = error.schema.get("properties", {})
                for key in [key for key in error.instance if key not in known]:
                    problems.append(Problem(shown, _line_of(mapping, [*where, key]), _field_name([*where, key]),
                                            Message("schema.unknown_field")))
                continue
            problems.append(Problem(shown, _line_of(mapping, where), _field_name(where),
                                    Message("schema.mismatch", detail=_explain(error))))
        return problems


def check_files(project_dir: Path, files: list[Path] | None = None) -> list[Problem]:
    """Check the given data files (all of them by default); files outside the collections are skipped."""
    data_dir = project_dir / "data"
    checker = SchemaChecker(data_dir)
    problems: list[Problem] = []
    for path in files if files is not None else data_files(data_dir):
        path = path if path.is_absolute() else project_dir / path
        if path.is_file() and collection_of(data_dir, path) is not None:
            problems += checker.check_file(path, path.resolve().relative_to(project_dir.resolve()).as_posix())
    return sorted(problems)
