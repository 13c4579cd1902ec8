"""Problems found in the editors' data, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass

from csn.messages import Message, editor_language, kind_title, say_count
from csn.security.characters import visible


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place: `file:line: field: message`, the message by code (see messages/)."""

    file: str
    line: int
    field: str
    message: Message
    severity: str = "error"

    def __post_init__(self) -> None:
        if not isinstance(self.message, Message):  # words belong in the catalogue, by code (csn/messages/)
            raise TypeError(f"a Problem's message is a Message, not {type(self.message).__name__}: {self.message!r}")

    @property
    def code(self) -> str:
        return self.message.code

    def text(self, lang: str | None = None) -> str:
        """What is wrong and how to fix it, in `lang` (the editor's language by default)."""
        return self.message.text(lang)

    def title(self, lang: str | None = None) -> str:
        """What kind of problem this is, in a few words (a GitHub annotation's heading)."""
        return kind_title(self.code, lang or editor_language())

    def line_text(self, lang: str | None = None) -> str:
        # Messages quote what editors wrote: never let it hide or reorder text in a terminal.
        where = f"{visible(self.file)}:{self.line}" if self.line else visible(self.file)
        field = f" {visible(self.field)}:" if self.field else ""
        return f"{where}:{field} {visible(self.text(lang))}"

    def __str__(self) -> str:
        return self.line_text()

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.field, self.code, repr(self.message.params))

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key() < other.sort_key()


class DataError(Exception):
    """Raised when the data cannot become a site; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        self.pictures: list = []  # the pictures checked so far (model.Picture), which can still be processed
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem], lang: str | None = None) -> str:
    errors = [p for p in problems if p.severity == "error"]
    lines = [p.line_text(lang) for p in problems]
    lines.append(say_count("problems.total", len(errors), lang))
    return "\n".join(lines)
