"""The common mistakes of hand-written YAML, each explained in plain words on the line to change, in both languages."""

from __future__ import annotations

import pytest

from csn.data.errors import DataError
from csn.data.load import load_site
from csn.data.yaml_loader import load_yaml_file
from csn.editors.yaml_syntax import syntax_problems
from tests.helpers.sitebuild import copy_whole_project

# A partner written by hand; each case plants one mistake in it.
PARTNER = """\
name: Réseau Santé
kind: network
country: CA
description:
  fr: Un réseau de recherche en santé.
  en: A health research network.
website: https://example.org/
"""

# name, (old, new) planted in PARTNER, code, line shown, words of the French text, words of the English text
MISTAKES = [
    ("a line indented more than its neighbour", ("  en: A health", "   en: A health"), "yaml.indentation", 6,
     "l'indentation ne suit pas celle de la ligne 5 : `en` commence après 3 espaces, la ligne 5 après 2 espaces",
     "the indentation does not follow line 5: `en` starts after 3 spaces, line 5 after 2 spaces"),
    ("a line indented less than its neighbour", ("  en: A health", " en: A health"), "yaml.indentation", 6,
     "`en` commence après 1 espace, la ligne 5 après 2 espaces", "`en` starts after 1 space, line 5 after 2 spaces"),
    ("a field indented under a text", ("kind: network", "  kind: network"), "yaml.indentation", 2,
     "l'indentation ne suit pas celle de la ligne 1", "the indentation does not follow line 1"),
    ("no space after the colon", ("kind: network", "kind:network"), "yaml.missing_space", 2,
     "il manque une espace après `kind:` : écrivez `kind: network`",
     "a space is missing after `kind:`: write `kind: network`"),
    ("no space after a nested colon", ("  fr: Un réseau", "  fr:Un réseau"), "yaml.missing_space", 5,
     "il manque une espace après `fr:`", "a space is missing after `fr:`"),
    ("a double quote never closed", ("name: Réseau Santé", 'name: "Réseau Santé'), "yaml.unclosed_quote", 1,
     "le guillemet \" qui ouvre le texte de cette ligne n'est jamais fermé",
     "the quote \" that opens the text on this line is never closed"),
    ("a single quote never closed", ("  en: A health research network.", "  en: 'A health research network."),
     "yaml.unclosed_quote", 6, "le guillemet ' qui ouvre", "the quote ' that opens"),
    ("a colon inside an unquoted text", ("  fr: Un réseau de recherche en santé.", "  fr: Note : un réseau."),
     "yaml.colon_in_text", 5,
     ("le texte de `fr` contient « : », que YAML lit comme un nouveau champ : mettez tout le texte entre guillemets, "
     "`fr: \"Note : un réseau.\"`"),
     ("the text of `fr` holds `: `, which YAML reads as a new field: put the whole text between quotes, "
     "`fr: \"Note : un réseau.\"`")),
    ("a colon inside a top-level text", ("name: Réseau Santé", "name: Santé: un réseau"), "yaml.colon_in_text", 1,
     "`name: \"Santé: un réseau\"`", "`name: \"Santé: un réseau\"`"),
    ("a tab for indentation", ("  fr: Un réseau", "\tfr: Un réseau"), "yaml.tab", 5,
     "une tabulation est utilisée ici : indentez avec des espaces seulement", "a tab is used here: indent with spaces only"),
]

JARGON = ("while parsing", "while scanning", "expected", "mapping values", "block mapping", "simple key")


def planted(replacement: tuple[str, str]) -> str:
    old, new = replacement
    assert old in PARTNER, old
    return PARTNER.replace(old, new)


@pytest.mark.parametrize(("name", "replacement", "code", "line", "french", "english"), MISTAKES,
                         ids=[case[0] for case in MISTAKES])
def test_each_common_mistake_is_explained_on_its_line(tmp_path, name, replacement, code, line, french, english):
    path = tmp_path / "reseau.yml"
    path.write_text(planted(replacement), encoding="utf-8")
    mapping, problems = load_yaml_file(path, "data/partners/reseau.yml")
    assert mapping is None and [p.code for p in problems] == [code], [str(p) for p in problems]
    problem = problems[0]
    assert problem.line == line
    assert french in problem.text("fr")
    assert english in problem.text("en")
    for lang in ("fr", "en"):
        assert not any(word in problem.text(lang) for word in JARGON), problem.text(lang)
    # `make check-yaml` reads any YAML file the same way (a tab there is the parser's to find).
    if code != "yaml.tab":
        [syntax] = syntax_problems(path, "reseau.yml")
        assert (syntax.code, syntax.line) == (code, line)


@pytest.mark.parametrize("text, line", [("name: [\n", 1), ("kind: x\nthemes: [a, b\nwebsite: y\n", 2),
                                        ("description: {fr: a, en: b\nkind: x\n", 1)])
def test_an_unclosed_bracket_is_shown_where_it_opens(tmp_path, text, line):
    path = tmp_path / "reseau.yml"
    path.write_text(text, encoding="utf-8")
    _, [problem] = load_yaml_file(path, "data/partners/reseau.yml")
    assert (problem.code, problem.line) == ("yaml.unclosed_bracket", line)
    assert "n'est jamais fermé" in problem.text("fr") and "is never closed" in problem.text("en")


def test_an_uncommon_mistake_is_still_located_with_the_parsers_words_as_a_detail(tmp_path):
    path = tmp_path / "reseau.yml"
    path.write_text(PARTNER + "notes: |x\n  texte\n", encoding="utf-8")
    _, [problem] = load_yaml_file(path, "data/partners/reseau.yml")
    assert problem.code == "yaml.unexplained" and problem.line == 8, str(problem)
    assert problem.text("fr").startswith("cette ligne ne se lit pas en YAML : vérifiez l'indentation et les guillemets")
    assert "(détail technique : " in problem.text("fr")


def test_the_loader_reports_the_mistake_for_the_whole_site(tmp_path):
    project = copy_whole_project(tmp_path / "project")
    (project / "data" / "partners" / "reseau.yml").write_text(planted(MISTAKES[3][1]), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_site(project / "data")
    assert [(p.file, p.line, p.code) for p in raised.value.problems] == [
        ("data/partners/reseau.yml", 2, "yaml.missing_space")]
