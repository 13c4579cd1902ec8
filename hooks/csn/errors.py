"""Problems found in the editors' data, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place: `file:line: field: message`."""

    file: str
    line: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class DataError(Exception):
    """Raised when the data cannot become a site; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    errors = [p for p in problems if p.severity == "error"]
    lines = [str(p) for p in problems]
    noun = "problem" if len(errors) == 1 else "problems"
    lines.append(f"{len(errors)} {noun} in the data: fix them and build again.")
    return "\n".join(lines)
