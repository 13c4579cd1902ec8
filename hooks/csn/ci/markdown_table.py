"""Markdown tables for GitHub (the job summary), with cells that no text can break."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def cell(text: str) -> str:
    """Text on one line, its HTML and table syntax escaped: GitHub renders HTML in Markdown."""
    text = " ".join(text.split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def code(text: str) -> str:
    """Text shown as code in a cell (a path, an address)."""
    return f"<code>{cell(text)}</code>" if text else ""


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Cells are Markdown already: pass text through cell() or code() first."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
