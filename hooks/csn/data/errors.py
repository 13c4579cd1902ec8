"""Problems found in the editors' data, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass

from csn.security.characters import visible


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place: `file:line: field: message`."""

    file: str
    line: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        # Messages quote what editors wrote: never let it hide or reorder text in a terminal.
        where = f"{visible(self.file)}:{self.line}" if self.line else visible(self.file)
        field = f" {visible(self.field)}:" if self.field else ""
        return f"{where}:{field} {visible(self.message)}"


class DataError(Exception):
    """Raised when the data cannot become a site; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        self.pictures: list = []  # the pictures checked so far (model.Picture), which can still be processed
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    errors = [p for p in problems if p.severity == "error"]
    lines = [str(p) for p in problems]
    noun = "problem" if len(errors) == 1 else "problems"
    lines.append(f"{len(errors)} {noun} in the data: fix them and build again.")
    return "\n".join(lines)
