"""Read one YAML file into a tree of nodes that remember their line.

The tree is built from the parser's events (the C parser when available),
never by PyYAML's constructors: values stay text until validation reads them
the YAML 1.2 way, duplicate keys and aliases are refused instead of silently
merged or expanded, and every node keeps the line an editor will look at.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from csn.data.errors import Problem
from csn.data.yaml_explain import explain
from csn.messages import Message
from csn.security.characters import hidden_character_problem

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

# Limits that keep loading fast and small whatever a file holds (a record needs a few levels
# and a few hundred values; the real files are under 5 KB).
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 16
MAX_NODES = 10_000


@dataclass(slots=True)
class Scalar:
    text: str
    line: int
    plain: bool  # unquoted: may read as null, boolean or number
    literal: bool = False  # a `|` block: its text starts on the next line, line for line

    def line_of(self, part: str) -> int:
        """The line of the file where `part` of this text is written (the scalar's own line if unsure)."""
        index = self.text.find(part) if self.literal and part else -1
        return self.line + 1 + self.text.count("\n", 0, index) if index >= 0 else self.line

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")


@dataclass(slots=True)
class Sequence:
    items: list[Node]
    line: int


@dataclass(slots=True)
class Mapping:
    items: dict[str, Node]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)


Node = Scalar | Sequence | Mapping


class _Refused(Exception):
    def __init__(self, line: int, message: Message, field: str = ""):
        self.line, self.message, self.field = line, message, field


def uses_c_loader() -> bool:
    return _Loader is not yaml.SafeLoader


def load_yaml_file(path: Path, shown_as: str) -> tuple[Mapping | None, list[Problem]]:
    """Parse `path`; return its top-level mapping or the problems that stop it."""
    def problem(line: int, message: Message, field: str = "") -> tuple[None, list[Problem]]:
        return None, [Problem(shown_as, line, field, message)]

    if not path.is_file():
        return problem(0, Message("file.not_regular"))
    with path.open("rb") as stream:
        raw = stream.read(MAX_FILE_BYTES + 1)  # never more than the limit, whatever the file is
    if len(raw) > MAX_FILE_BYTES:
        return problem(0, Message("file.too_large", limit=MAX_FILE_BYTES))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return problem(line, Message("encoding.not_utf8"))
    return load_yaml_text(text.removeprefix("\ufeff"), shown_as)


def load_yaml_text(text: str, shown_as: str) -> tuple[Mapping | None, list[Problem]]:
    """Parse YAML `text` (a file's, or a docs page's front matter with its lines in place)."""
    def problem(line: int, message: Message, field: str = "") -> tuple[None, list[Problem]]:
        return None, [Problem(shown_as, line, field, message)]

    tab_line = _first_line_matching(_TAB_INDENT, text, "\t")
    if tab_line:
        return problem(tab_line, Message("yaml.tab"))
    break_line = _first_line_matching(_ODD_LINE_BREAK, text, "\r\u2028\u2029\x85")
    if break_line:
        return problem(break_line, Message("yaml.line_break"))
    if not _CONTENT.search(text):
        return problem(1, Message("file.empty"))
    try:
        loader = _Loader(text)
        try:
            root = _build(loader)
        finally:
            loader.dispose()
    except _Refused as exc:
        return problem(exc.line, exc.message, exc.field)
    except yaml.MarkedYAMLError as exc:
        return problem(*explain(exc, text))
    except yaml.reader.ReaderError as exc:
        # libyaml counts in bytes of the UTF-8 text.
        line = text.encode("utf-8")[: exc.position].count(b"\n") + 1
        return problem(line, Message("yaml.character", character=f"U+{exc.character:04X}"))
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml marks its errors
        return problem(1, Message("yaml.unexplained", detail=str(exc)))
    if root is None or (isinstance(root, Scalar) and root.is_null):
        return problem(1, Message("file.empty"))
    if not isinstance(root, Mapping):
        return problem(root.line, Message("yaml.top_level"))
    return root, []


# A line that is neither blank nor a comment.
_CONTENT = re.compile(r"^[ \t]*[^\s#]", re.MULTILINE)
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
# YAML 1.1 parsers break lines there, editors mostly do not: the lines would not match.
_ODD_LINE_BREAK = re.compile("\r(?!\n)|[\u2028\u2029\x85]")


def _first_line_matching(pattern: re.Pattern, text: str, chars: str) -> int:
    if not any(char in text for char in chars):  # a scan in C, far faster than the pattern
        return 0
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def _field_path(stack: list[list]) -> str:
    """The field being read, named as validation names it: `partners[1].role`."""
    path = ""
    for depth, (container, pending_key, _, child_key) in enumerate(stack):
        last = depth == len(stack) - 1  # its value or item is not attached yet
        if isinstance(container, Sequence):
            path += f"[{len(container.items) - (0 if last else 1)}]"
            continue
        key = pending_key if last else child_key
        if key is None:
            break
        path += f".{key}" if path else key
    return path


def _build(loader) -> Node | None:
    """Turn the parser's events into nodes; refuse what the data must not use.

    One loop over the events, compared by class, the commonest first, and a key's field
    path computed only for a message: this is most of the time spent loading the data.
    """
    stack: list[list] = []  # each: [container, pending_key, pending_key_line, key_of_the_open_child]
    root: Node | None = None
    documents = 0
    nodes = 0
    get_event = loader.get_event
    while True:
        event = get_event()
        cls = event.__class__
        if cls is yaml.ScalarEvent or cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
            line = event.start_mark.line + 1
            if event.anchor is not None:
                raise _Refused(line, Message("yaml_feature.anchor"),
                               _field_path(stack))
            if event.tag not in (None, "!"):
                raise _Refused(line, Message("yaml_feature.tag", tag=event.tag), _field_path(stack))
            nodes += 1
            if nodes > MAX_NODES:
                raise _Refused(line, Message("file.too_many_values", limit=MAX_NODES))
            if cls is yaml.ScalarEvent:
                node = Scalar(event.value, line, event.style in (None, ""), event.style == "|")
            elif cls is yaml.MappingStartEvent:
                node = Mapping({}, line)
            else:
                node = Sequence([], line)
            if not stack:
                root = node
            else:
                frame = stack[-1]
                container = frame[0]
                if container.__class__ is Sequence:
                    container.items.append(node)
                elif frame[1] is None:
                    frame[1], frame[2] = _checked_key(node, container, stack), line
                else:
                    container.items[frame[1]] = node
                    container.key_lines[frame[1]] = frame[2]
                    frame[1], frame[3] = None, frame[1]
            if cls is not yaml.ScalarEvent:
                stack.append([node, None, 0, None])
                if len(stack) > MAX_DEPTH:
                    raise _Refused(line, Message("file.too_deep", limit=MAX_DEPTH))
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            stack.pop()
        elif cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Refused(event.start_mark.line + 1, Message("yaml_feature.documents"))
        elif cls is yaml.AliasEvent:
            raise _Refused(event.start_mark.line + 1, Message("yaml_feature.alias"),
                           _field_path(stack))
        elif cls is yaml.StreamEndEvent or event is None:
            return root


def _checked_key(node: Node, mapping: Mapping, stack: list[list]) -> str:
    """The key `node` holds, once sure it is one word, visible, and new in its mapping."""
    if not isinstance(node, Scalar):
        raise _Refused(node.line, Message("yaml_feature.complex_key"))
    key = unicodedata.normalize("NFC", node.text)
    hidden = hidden_character_problem(key, prose=False)
    if hidden:
        raise _Refused(node.line, Message("hidden.key", key=key, reason=hidden), _field_path(stack))
    if key in mapping.items:
        where = _field_path(stack)
        raise _Refused(node.line, Message("duplicate.key", key=key), f"{where}.{key}" if where else key)
    return key
