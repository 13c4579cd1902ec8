"""Interface strings: one table per language, one `t(key)` entry point."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from babel import Locale
from babel.lists import format_list

STRINGS_DIR = Path(__file__).parent / "strings"


@cache
def strings_table(lang: str) -> dict[str, str]:
    with open(STRINGS_DIR / f"{lang}.yml", encoding="utf-8") as stream:
        return yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class Translator:
    """`t("status.active")` -> "En cours"; `t("count.projects", n=3)` fills `{n}`."""

    def __init__(self, lang: str):
        self.lang = lang
        self.table = strings_table(lang)

    def __call__(self, key: str, **values: object) -> str:
        text = self.table[key]  # a missing key is a programming error: fail loudly
        return text.format(**values) if values else text

    def plural(self, key: str, n: int, **values: object) -> str:
        """`key.one` or `key.other` by the language's plural rule (French: 0 and 1 are singular)."""
        return self(f"{key}.{Locale.parse(self.lang).plural_form(n)}", n=n, **values)

    def join(self, items: list[str]) -> str:
        """'A, B et C' / 'A, B, and C'."""
        return format_list(items, locale=self.lang) if items else ""
