"""Problems as GitHub Actions workflow commands: an annotation on the line of the pull request's diff.

Under GitHub Actions (GITHUB_ACTIONS=true) each problem is printed a second
time as `::error file=…,line=…,title=…::message`; elsewhere only the plain
`file:line: field: message` list is printed.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TextIO

from csn.data.errors import Problem, format_problems

# The short heading of an annotation, from the wording of the message (first match wins). Matching the
# wording keeps every module that reports problems free of presentation; a test checks that each kind of
# problem the validator reports gets a heading other than the fallback.
TITLES: tuple[tuple[str, str], ...] = (
    (r"^YAML syntax error|^a tab is used for indentation|^the top level must be", "YAML syntax error"),
    (r"appears twice: keep only one", "Duplicate key"),
    ((r"not allowed: write the value out in full|YAML tags such as|more than one YAML document"
     r"|a key must be a simple word"), "YAML feature not allowed"),
    (r"^the file is not UTF-8", "Wrong file encoding"),
    (r"^the file is empty", "Empty file"),
    (r"^the file is \d+ bytes", "File too large"),
    (r"^missing (French|English) text|^needs both languages|every page of docs/ needs its twin",
     "Missing translation"),
    (r"^unknown language", "Unknown language"),
    (r"^unknown field", "Unknown field"),
    (r"^missing: |^file missing|^folder missing", "Missing field or file"),
    (r"^is empty: write the text", "Empty text"),
    (r"still says TODO", "Unfinished text (TODO)"),
    (r"is not a known .* id", "Unknown reference"),
    ((r"is not a date|does not exist: this month|has no month|the end cannot come before the start"
      r"|is outside the years the site accepts"),
     "Invalid date"),
    (r"is not a valid id|characters long: keep it under|^the file name", "Invalid id or address"),
    (r"is reserved for the site's own pages", "Reserved address"),
    (r"is already (the address of|used by)|is also the address of", "Address already taken"),
    (r"is not allowed: use one of", "Value not allowed"),
    (r"is not a number|is out of range", "Invalid number"),
    (r"is not a web address", "Invalid web address"),
    (r"is not an email address", "Invalid email address"),
    (r"is not a two-letter ISO 3166 country code", "Invalid country code"),
    (r"must be `true` or `false`", "Invalid yes/no value"),
    (r"^must be a text on one line|^must be a list|^must hold the fields", "Wrong kind of value"),
    (r"^not a data file", "Not a data file"),
)
FALLBACK_TITLE = "Data problem"
_TITLES = tuple((re.compile(pattern), title) for pattern, title in TITLES)


def problem_title(problem: Problem) -> str:
    """The annotation's heading: what kind of problem this is, in a few words."""
    return next((title for pattern, title in _TITLES if pattern.search(problem.message)), FALLBACK_TITLE)


def escape_data(text: str) -> str:
    """A workflow command's message: `%`, carriage return and newline are encoded (as the runner decodes them)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): `:` and `,` are encoded too, since they delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(problem: Problem) -> str:
    """`::error file=…,line=…,title=…::field: message` (`::warning` for a warning)."""
    command = "warning" if problem.severity == "warning" else "error"
    properties = [f"file={escape_property(problem.file)}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    properties.append(f"title={escape_property(problem_title(problem))}")
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    return f"::{command} {','.join(properties)}::{escape_data(message)}"


def under_github_actions(environ: dict[str, str] | None = None) -> bool:
    return (os.environ if environ is None else environ).get("GITHUB_ACTIONS") == "true"


def print_problems(problems: list[Problem], stream: TextIO | None = None) -> None:
    """The plain list (stderr), then, under GitHub Actions, one workflow command per problem (stdout,
    where the runner reads them)."""
    print(format_problems(sorted(problems)), file=stream or sys.stderr)
    if under_github_actions():
        (stream or sys.stderr).flush()
        print("\n".join(workflow_command(problem) for problem in sorted(problems)), flush=True)
