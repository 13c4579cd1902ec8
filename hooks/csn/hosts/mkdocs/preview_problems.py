"""The page `mkdocs serve` shows while the data has problems, instead of a preview that hangs.

Its heading is in both languages; the problems are listed in the editors' language (CSN_LANG).

MkDocs' preview server holds every request while its last rebuild failed,
so a data error would freeze the editor's browser. During `make serve` the
build goes on with this one page at every address instead: the same list
of problems as the terminal, reloading itself until the file is fixed.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from csn.data.errors import Problem
from csn.data.schema import LANGUAGES
from csn.messages import editor_language
from csn.site.strings import Translator

TEMPLATE = "preview_problems.html"
RELOAD_SECONDS = 2
# Every address shows the page: the server answers unknown ones with 404.html.
PAGE_FILES = ("index.html", "404.html")


def render_problems_page(templates_dir: Path, problems: list[Problem]) -> str:
    """The page, in every language: it stands at every address, whatever the language of the one asked for."""
    env = Environment(loader=FileSystemLoader(str(templates_dir)), autoescape=True, undefined=StrictUndefined)
    errors = [p for p in problems if p.severity == "error"]
    lang = editor_language()
    return env.get_template(TEMPLATE).render(translators=[Translator(lang) for lang in LANGUAGES], problems=problems,
                                             problems_lang=lang, count=len(errors), reload_seconds=RELOAD_SECONDS)


def write_problems_pages(site_dir: Path, templates_dir: Path, problems: list[Problem]) -> None:
    html = render_problems_page(templates_dir, problems)
    site_dir.mkdir(parents=True, exist_ok=True)
    for name in PAGE_FILES:
        (site_dir / name).write_text(html, encoding="utf-8")
