"""What the tools say to editors, in French (the default) or English: one catalogue per language, by code.

Code refers to a message by its code and parameters (`Message("date.no_day",
value="2020-06-31", day=31)`); the words live in `fr.yml` and `en.yml` beside
this file, which hold the same codes (tests/test_messages.py checks it and that
every code written in the code exists). `CSN_LANG=en` makes the commands, the
build and the preview speak English; anything else, or nothing, French.

A catalogue has three parts: `titles` (the short heading of a GitHub annotation,
one per kind of problem, the first part of a problem's code, or per code), `problems` (what
is wrong and how to fix it) and `texts` (what the commands print besides problems).
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.numbers import format_decimal

CATALOGUE_DIR = Path(__file__).parent
LANGUAGE_VARIABLE = "CSN_LANG"
EDITOR_LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
SECTIONS = ("titles", "problems", "texts")
FALLBACK_TITLE = "other"  # the title of a problem whose kind has none of its own


def editor_language(environ: Mapping[str, str] | None = None) -> str:
    """`en` when CSN_LANG says English (`en`, `en_CA.UTF-8`...), else French."""
    value = (os.environ if environ is None else environ).get(LANGUAGE_VARIABLE, "")
    return "en" if value.strip().lower().startswith("en") else DEFAULT_LANGUAGE


@cache
def catalogue(lang: str) -> dict[str, dict[str, str]]:
    """The three parts of one language's catalogue."""
    with open(CATALOGUE_DIR / f"{lang}.yml", encoding="utf-8") as stream:
        loaded = yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {section: loaded.get(section) or {} for section in SECTIONS}


def template(code: str, lang: str) -> str:
    """The words of `code` in `lang`; a code missing from the catalogue is a programming error: fail loudly."""
    table = catalogue(lang)
    text = table["problems"].get(code)
    return text if text is not None else table["texts"][code]


def kind_title(code: str, lang: str) -> str:
    """The annotation's heading for a problem: its own, or its kind's (`date` for `date.no_day`), in a few words."""
    titles = catalogue(lang)["titles"]
    return titles.get(code) or titles.get(code.split(".", 1)[0]) or titles[FALLBACK_TITLE]


class _Formatter(string.Formatter):
    """`{n:num}` writes a number the language's way (5 000 / 5,000); other values are filled in as they are."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "num":
            return format_decimal(value, locale=self.lang)
        return super().format_field(value, format_spec)


def _in_language(value: Any, lang: str) -> Any:
    """A parameter as `lang` shows it: a message in that language, a {fr, en} pair's text."""
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, Bilingual):
        return value.of(lang)
    if isinstance(value, Count):
        return say_count(value.code, value.n, lang)
    return value


@dataclass(frozen=True)
class Bilingual:
    """A parameter written in each language (a field's description, a collection's name)."""

    fr: str
    en: str

    @classmethod
    def of_mapping(cls, texts: Mapping[str, str]) -> Bilingual:
        return cls(texts["fr"], texts["en"])

    def of(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr


@dataclass(frozen=True)
class Count:
    """A parameter that counts something, in the language's plural form: `Count("count.spaces", 1)` -> "1 espace"."""

    code: str
    n: int


@dataclass(frozen=True)
class Message:
    """A message by code, with the values it quotes; its words come from the catalogue of the language asked."""

    code: str
    params: tuple[tuple[str, Any], ...] = ()

    def __init__(self, code: str, **params: Any):
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", tuple(sorted(params.items())))

    def text(self, lang: str | None = None) -> str:
        lang = lang or editor_language()
        values = {name: _in_language(value, lang) for name, value in self.params}
        return _Formatter(lang).format(template(self.code, lang), **values)

    def __str__(self) -> str:
        return self.text()

    def codes(self) -> tuple[str, ...]:
        """This message's code, then those of the messages it quotes (`link.in_text`, `link.scheme`)."""
        nested = [value for _, value in self.params if isinstance(value, Message)]
        return (self.code, *(code for message in nested for code in message.codes()))


def say(code: str, lang: str | None = None, **params: Any) -> str:
    """The text of `code` in `lang` (the editor's language by default)."""
    return Message(code, **params).text(lang)


def say_count(code: str, n: int, lang: str | None = None, **params: Any) -> str:
    """`code.one` or `code.other` by the language's plural rule (French: 0 and 1 are singular), `{n}` filled in."""
    lang = lang or editor_language()
    return Message(f"{code}.{Locale.parse(lang).plural_form(n)}", n=n, **params).text(lang)
