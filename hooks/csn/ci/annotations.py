"""Problems as GitHub Actions workflow commands: an annotation on the line of the pull request's diff.

Under GitHub Actions (GITHUB_ACTIONS=true) each problem is printed a second
time as `::error file=…,line=…,title=…::message`; elsewhere only the plain
`file:line: field: message` list is printed. The title names the problem's
kind (the first part of its code), both in the editors' language (CSN_LANG).
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from csn.data.errors import Problem, format_problems


def problem_title(problem: Problem, lang: str | None = None) -> str:
    """The annotation's heading: what kind of problem this is, in a few words (from its code)."""
    return problem.title(lang)


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
    message = f"{problem.field}: {problem.text()}" if problem.field else problem.text()
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
