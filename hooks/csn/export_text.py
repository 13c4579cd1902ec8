"""Texts of the exports (Atom feeds, open data, JSON-LD) given as HTML text, and back for CSV.

Why exports escape: a reuser may print a value into a web page as it is (feed readers render an Atom
`type="html"` title; a reuser's template may not escape). With `<`, `>` and `&` as entities, a text
shows there as the editor wrote it and runs nothing. Quotes stay as typed: these are texts, not attributes.
"""

from __future__ import annotations

import html


def escape_text(value):
    """A text, or each text of a {lang: text} mapping, as HTML text; None stays None."""
    if value is None:
        return None
    if isinstance(value, dict):
        return {key: html.escape(text, quote=False) for key, text in value.items()}
    return html.escape(value, quote=False)


def unescape_text(value):
    """The text back from escape_text(), for CSV: spreadsheets show a cell as it is. Other values unchanged."""
    if isinstance(value, dict):
        return {key: unescape_text(text) for key, text in value.items()}
    return html.unescape(value) if isinstance(value, str) else value
