"""Read one YAML file into a tree of nodes that remember their line.

The tree is built from the parser's events (the C parser when available),
never by PyYAML's constructors: values stay text until validation reads them
the YAML 1.2 way, duplicate keys and aliases are refused instead of silently
merged or expanded, and every node keeps the line an editor will look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 1_000_000


@dataclass
class Scalar:
    text: str
    line: int
    plain: bool  # unquoted: may read as null, boolean or number

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")


@dataclass
class Sequence:
    items: list[Node]
    line: int


@dataclass
class Mapping:
    items: dict[str, Node]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)


Node = Scalar | Sequence | Mapping


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message


def uses_c_loader() -> bool:
    return _Loader is not yaml.SafeLoader


def load_yaml_file(path: Path, shown_as: str) -> tuple[Mapping | None, list[Problem]]:
    """Parse `path`; return its top-level mapping or the problems that stop it."""
    def problem(line: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown_as, line, "", message)]

    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return problem(0, f"the file is {size} bytes, over the {MAX_FILE_BYTES} limit: split it or shorten it")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return problem(line, "the file is not UTF-8 text: save it again with the UTF-8 encoding")
    text = text.removeprefix("\ufeff")
    tab_line = _first_tab_indented_line(text)
    if tab_line:
        return problem(tab_line, "a tab is used for indentation: indent with spaces only")
    if not _has_content(text):
        return problem(1, "the file is empty: fill in its fields or delete it")
    try:
        root = _build(yaml.parse(text, Loader=_Loader))
    except _Refused as exc:
        return problem(exc.line, exc.message)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
            hint = f"{exc.context} started on line {exc.context_mark.line + 1}"
        else:
            hint = "check the indentation and the quotes on this line or the one above"
        return problem(line, f"YAML syntax error: {what} ({hint})")
    except yaml.YAMLError as exc:
        return problem(0, f"YAML syntax error: {exc}")
    if not isinstance(root, Mapping):
        line = root.line if root is not None else 1
        return problem(line, "the top level must be a list of `field: value` lines")
    return root, []


def _has_content(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)


def _first_tab_indented_line(text: str) -> int:
    match = _TAB_INDENT.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def _build(events) -> Node | None:
    """Turn a parser event stream into nodes; refuse what the data must not use."""
    stack: list[list] = []  # each: [container, pending_key, pending_key_line]
    root: Node | None = None
    documents = 0

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        frame = stack[-1]
        container = frame[0]
        if isinstance(container, Sequence):
            container.items.append(node)
        elif frame[1] is None:
            if not isinstance(node, Scalar):
                raise _Refused(node.line, "a key must be a simple word, not a list or a mapping")
            if node.text in container.items:
                raise _Refused(node.line, f"the key `{node.text}` appears twice: keep only one")
            frame[1], frame[2] = node.text, node.line
        else:
            container.items[frame[1]] = node
            container.key_lines[frame[1]] = frame[2]
            frame[1] = None

    for event in events:
        line = event.start_mark.line + 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused(line, "the file holds more than one YAML document (`---`): keep one per file")
        elif isinstance(event, yaml.AliasEvent):
            raise _Refused(line, "aliases (`*name`) are not allowed: write the value out in full")
        elif isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if event.anchor is not None:
                raise _Refused(line, "anchors (`&name`) are not allowed: write the value out in full")
            if event.tag not in (None, "!"):
                raise _Refused(line, f"YAML tags such as `{event.tag}` are not allowed: remove it")
            if isinstance(event, yaml.ScalarEvent):
                attach(Scalar(event.value, line, event.style in (None, "")))
            elif isinstance(event, yaml.MappingStartEvent):
                node = Mapping({}, line)
                attach(node)
                stack.append([node, None, 0])
            else:
                node = Sequence([], line)
                attach(node)
                stack.append([node, None, 0])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
    return root
