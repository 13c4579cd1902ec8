"""A YAML syntax error said in plain words, on the line an editor must change.

The parser reports what it expected ("did not find expected key while
parsing a block mapping"), on the line where it gave up, which is often the
line after the mistake. Reading the lines around it, the common mistakes of
hand-written YAML are recognised and explained: a line indented unlike its
neighbours, `key:value` without a space, a quote never closed, a `: ` inside
an unquoted text. Anything else is still located, with the parser's words
as a detail. (A tab is caught before parsing, by the loader.)
"""

from __future__ import annotations

import re

import yaml

from csn.messages import Count, Message

# `key:value`: a key, a colon, then text without the space YAML needs (not `https://`, not a time `10:30`).
_NO_SPACE = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)?)(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s/:][^\n]*)$")
# `key: text: more text`: a plain (unquoted) value holding `: `.
_COLON_IN_TEXT = re.compile(r"^[ ]*(?:-[ ]+)?(?P<key>[A-Za-z_][\w-]*):[ ]+(?P<value>[^'\"\s|>&*!\[{#][^\n]*?:(?:[ ]|$)[^\n]*)$")
_KEY = re.compile(r"^(?P<indent>[ ]*)(?:-[ ]+)?(?P<key>[^\s:#'\"][^:#]*?):(?:[ ]|$)")


def _content_lines(lines: list[str], before: int) -> list[int]:
    """Numbers (1-based) of the lines above line `before` that hold something, nearest first."""
    return [n for n in range(before - 1, 0, -1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def explain(error: yaml.MarkedYAMLError, text: str) -> tuple[int, Message]:
    """The line to show and what to do there."""
    lines = text.split("\n")
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column if mark else 0
    problem, context = error.problem or "", error.context or ""
    started = error.context_mark.line + 1 if error.context_mark else line

    if "'\\t'" in problem or "\t" in problem:  # a tab where YAML wants a space (after `key:`, say)
        return line, Message("yaml.tab")
    if "quoted scalar" in context:
        quote_line = lines[started - 1] if started <= len(lines) else ""
        quote = '"' if '"' in quote_line and ("'" not in quote_line or quote_line.index('"') < quote_line.index("'")) \
            else "'"
        return started, Message("yaml.unclosed_quote", quote=quote)

    if "flow" in context:  # `[` or `{` opened and never closed
        opened = _unclosed_bracket(lines, started if "flow node" not in context else line)
        if opened:
            number, bracket = opened
            return number, Message("yaml.unclosed_bracket", bracket=bracket, closing=_CLOSING[bracket])

    # `key:value` on this line or one of the few above it: the commonest cause of the other errors.
    for number in [line, *_content_lines(lines, line)[:3]]:
        if number > len(lines):
            continue
        found = _NO_SPACE.match(lines[number - 1])
        if found and not _looks_like_time(found.group("value")):
            return number, Message("yaml.missing_space", key=found.group("key"),
                                   value=found.group("value").strip()[:40])

    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if "mapping values are not allowed" in problem:
        colon_in_text = _COLON_IN_TEXT.match(current)
        first_key = _KEY.match(current)
        if colon_in_text and (first_key is None or column > first_key.end() - 1):
            key, value = colon_in_text.group("key"), colon_in_text.group("value").strip()
            return line, Message("yaml.colon_in_text", key=key, quoted=_quoted(value))
        return _indentation(lines, line)
    if "expected key" in problem or "expected <block end>" in problem or "expected ':'" in problem \
            or "block mapping" in context or "block collection" in context:
        return _indentation(lines, line)
    detail = f"{problem} ({context})" if context else problem
    return line, Message("yaml.unexplained", detail=detail or "invalid YAML")


_CLOSING = {"[": "]", "{": "}"}


def _unclosed_bracket(lines: list[str], line: int) -> tuple[int, str] | None:
    """The nearest line at or above `line` that opens a `[` or `{` it does not close."""
    for number in range(min(line, len(lines)), 0, -1):
        text = lines[number - 1]
        for bracket, closing in _CLOSING.items():
            if text.count(bracket) > text.count(closing):
                return number, bracket
    return None


def _quoted(value: str) -> str:
    """The value between the quotes that keep it whole: double quotes unless it holds some (cut if long)."""
    shown = value if len(value) <= 60 else value[:57] + "…"
    return f'"{shown}"' if '"' not in value else "'" + shown.replace("'", "''") + "'"


def _looks_like_time(value: str) -> bool:
    return bool(re.match(r"^[0-9]{2}\b", value))


def _indentation(lines: list[str], line: int) -> tuple[int, Message]:
    """A line indented unlike the one above it: say both lines and their number of spaces."""
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    above = _content_lines(lines, line)
    if not current.strip() or not above:
        return line, Message("yaml.indentation_unknown")
    previous = above[0]
    key = _KEY.match(current)
    name = key.group("key").strip() if key else current.strip()[:30]
    return line, Message("yaml.indentation", previous=previous, key=name, spaces=Count("count.spaces", _indent(current)),
                         previous_spaces=Count("count.spaces", _indent(lines[previous - 1])))
