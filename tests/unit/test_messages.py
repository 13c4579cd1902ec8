"""The editors' messages: one catalogue per language, the same codes in both, every code the code uses in them."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from csn.data.errors import DataError, Problem, format_problems
from csn.messages import (
    CATALOGUE_DIR,
    EDITOR_LANGUAGES,
    FALLBACK_TITLE,
    Bilingual,
    Count,
    Message,
    catalogue,
    editor_language,
    say,
    say_count,
)

CSN_DIR = CATALOGUE_DIR.parent
HOOKS_DIR = CSN_DIR.parent
# A message code: lowercase words joined by dots (`date.no_day`, `summary.heading.data`).
CODE = re.compile(r"^[a-z][a-z_]*(\.[a-z0-9_]+)+$")
# The functions that take a code as their first argument.
CODE_TAKERS = {"Message", "say", "say_count", "Count"}


def codes(lang: str) -> dict[str, str]:
    table = catalogue(lang)
    return {**table["problems"], **table["texts"]}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def literals(node: ast.AST) -> list[ast.Constant]:
    return [child for child in ast.walk(node) if isinstance(child, ast.Constant) and isinstance(child.value, str)]


def codes_in_source(everywhere: bool = False) -> dict[str, list[str]]:
    """Every code written in the code: the first argument of Message, say, say_count or Count, and the strings
    shaped like a code in a table (a dict or tuple) whose first part is a namespace of the catalogue; with
    `everywhere`, every string shaped like a code."""
    namespaces = {code.split(".")[0] for code in codes("en")}

    def code_like(constant: ast.Constant) -> bool:
        return bool(CODE.match(constant.value)) and constant.value.split(".")[0] in namespaces

    found: dict[str, list[str]] = {}
    for path in sorted(HOOKS_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                candidates = [node.args[0]] if name in CODE_TAKERS and node.args else []
                candidates = [c for c in candidates if isinstance(c, ast.Constant) and isinstance(c.value, str)]
            elif isinstance(node, (ast.Dict, ast.Tuple)) or (everywhere and isinstance(node, ast.Constant)):
                candidates = [c for c in literals(node) if code_like(c)]
            else:
                continue
            for constant in candidates:
                found.setdefault(constant.value, []).append(f"{path.relative_to(HOOKS_DIR)}:{constant.lineno}")
    return found


def exists(code: str, table: dict[str, str]) -> bool:
    """A code, or a counted one (`count.projects` stands for `count.projects.one` and `.other`)."""
    return code in table or (f"{code}.one" in table and f"{code}.other" in table)


@pytest.mark.parametrize("lang", EDITOR_LANGUAGES)
def test_the_catalogue_has_its_three_parts_and_nothing_else(lang):
    path = CATALOGUE_DIR / f"{lang}.yml"
    import yaml

    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(loaded) == {"titles", "problems", "texts"}
    assert not set(loaded["problems"]) & set(loaded["texts"]), "a code is either a problem or a text"


def test_every_code_has_both_texts_with_the_same_values():
    french, english = codes("fr"), codes("en")
    assert sorted(set(french) ^ set(english)) == []
    for code in french:
        assert french[code].strip() and english[code].strip(), code
        assert placeholders(french[code]) == placeholders(english[code]), code
    assert set(catalogue("fr")["titles"]) == set(catalogue("en")["titles"])


def test_counted_codes_have_both_plural_forms():
    for lang in EDITOR_LANGUAGES:
        table = codes(lang)
        for code in table:
            if code.endswith((".one", ".other")):
                stem = code.rsplit(".", 1)[0]
                assert f"{stem}.one" in table and f"{stem}.other" in table, code


def test_every_code_used_in_the_code_exists():
    used = codes_in_source()
    assert len(used) > 100  # the scan finds the codes (a broken scan would pass on nothing)
    for lang in EDITOR_LANGUAGES:
        table = codes(lang)
        missing = {code: where for code, where in used.items() if not exists(code, table)}
        assert missing == {}, lang


def test_each_message_written_in_the_code_gives_the_values_its_texts_use():
    """`Message("date.no_day", value=..., day=...)`: the names match the `{value}` and `{day}` of both texts."""
    checked = 0
    for path in sorted(HOOKS_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("Message", "say") and node.args
                    and isinstance(node.args[0], ast.Constant) and all(k.arg for k in node.keywords)):
                continue
            code = node.args[0].value
            given = {k.arg for k in node.keywords} - ({"lang"} if node.func.id == "say" else set())
            for lang in EDITOR_LANGUAGES:
                assert placeholders(codes(lang)[code]) == given, (f"{path.name}:{node.lineno}", code, lang)
            checked += 1
    assert checked > 100


def test_a_problem_cannot_be_made_of_words():
    with pytest.raises(TypeError):
        Problem("a.yml", 1, "", "some words")  # type: ignore[arg-type]


def test_every_code_of_the_catalogue_is_used():
    used = set(codes_in_source(everywhere=True))
    unused = [code for code in codes("en")
              if code not in used and code.rsplit(".", 1)[0] not in used]
    assert unused == []


def test_every_kind_of_problem_has_a_title():
    titles = catalogue("en")["titles"]
    kinds = {code.split(".")[0] for code in catalogue("en")["problems"]}
    assert sorted(kinds - set(titles)) == []
    assert FALLBACK_TITLE in titles


def test_french_is_the_default_and_csn_lang_en_gives_english():
    assert editor_language({}) == "fr"
    assert editor_language({"CSN_LANG": ""}) == "fr"
    assert editor_language({"CSN_LANG": "fr"}) == "fr"
    assert editor_language({"CSN_LANG": "en"}) == "en"
    assert editor_language({"CSN_LANG": "en_CA.UTF-8"}) == "en"
    assert editor_language({"CSN_LANG": "de"}) == "fr"


def test_a_problem_speaks_the_editors_language(monkeypatch):
    problem = Problem("data/news/x.yml", 2, "date", Message("date.no_day", value="2020-06-31", day=31))
    monkeypatch.delenv("CSN_LANG", raising=False)
    assert str(problem) == "data/news/x.yml:2: date: `2020-06-31` n'existe pas : ce mois n'a pas de jour 31"
    assert problem.title() == "Date invalide"
    monkeypatch.setenv("CSN_LANG", "en")
    assert str(problem) == "data/news/x.yml:2: date: `2020-06-31` does not exist: this month has no day 31"
    assert problem.title() == "Invalid date"
    assert problem.code == "date.no_day"
    assert problem.text("fr") == say("date.no_day", "fr", value="2020-06-31", day=31)


def test_parameters_are_shown_in_the_language_asked():
    nested = Message("translation.missing", language=Bilingual("anglais", "English"), parent="title", lang="en")
    outer = Message("link.in_text", reason=Message("link.not_web", url="www.x"))
    assert nested.text("fr").startswith("texte en anglais manquant")
    assert nested.text("en").startswith("missing English text")
    assert outer.text("fr").startswith("lien : `www.x` n'est pas une adresse web")
    assert outer.text("en").startswith("link: `www.x` is not a web address")
    spaces = Message("yaml.indentation", previous=3, key="en", spaces=Count("count.spaces", 1),
                     previous_spaces=Count("count.spaces", 2))
    assert "après 1 espace, la ligne 3 après 2 espaces" in spaces.text("fr")
    assert "after 1 space, line 3 after 2 spaces" in spaces.text("en")


def test_numbers_are_written_the_way_of_each_language():
    message = Message("file.too_large", limit=1_000_000)
    assert "1\u202f000\u202f000 octets" in message.text("fr") or "1\u00a0000\u00a0000 octets" in message.text("fr")
    assert "1,000,000 bytes" in message.text("en")
    assert say_count("count.projects", 1, "fr") == "1 projet"
    assert say_count("count.projects", 0, "fr") == "0 projet"  # French: 0 is singular
    assert say_count("count.projects", 0, "en") == "0 projects"


def test_the_total_of_a_list_of_problems_is_counted_in_words():
    problems = [Problem("a.yml", 1, "", Message("file.empty")), Problem("b.yml", 1, "", Message("file.empty"))]
    assert format_problems(problems, "fr").endswith("2 problèmes dans les données : corrigez-les et reconstruisez.")
    assert format_problems(problems[:1], "en").endswith("1 problem in the data: fix it and build again.")
    assert "2 problèmes" in str(DataError(problems)) or "2 problems" in str(DataError(problems))


def test_problems_sort_by_place_then_code():
    later = Problem("a.yml", 3, "x", Message("file.empty"))
    earlier = Problem("a.yml", 2, "y", Message("yaml.tab"))
    assert sorted([later, earlier]) == [earlier, later]
    assert Problem("a.yml", 2, "", Message("date.invalid", value="x")) == \
        Problem("a.yml", 2, "", Message("date.invalid", value="x"))


def test_no_message_is_written_in_the_code():
    """Problems are made from codes only: a `Problem(..., "some words")` would bypass the catalogue."""
    offenders = []
    for path in sorted(Path(CSN_DIR).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem" and len(node.args) >= 4 \
                    and isinstance(node.args[3], (ast.Constant, ast.JoinedStr)):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
