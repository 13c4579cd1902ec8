"""Content that validates but is wrong is an error on its line: titles of invisible characters, items listed
twice, links to pages that do not exist (or to the other language's, or from the domain's root), Markdown
the site does not render as meant; and a file that fails to load is reported once, not again by every
file that refers to it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from csn.data.errors import DataError
from csn.render.build import check_project
from tests.helpers.datafixtures import assert_says
from tests.helpers.sitebuild import copy_project

PROJECT = "data/projects/projet-essai.yml"
NEWS = "data/news/2021-03-04-essai.yml"


def both(text: str) -> dict[str, str]:
    return {"fr": text, "en": text}


def project_record(**changes) -> dict:
    record = {
        "title": {"fr": "Projet d'essai", "en": "Test project"},
        "slug": {"fr": "projet-essai", "en": "test-project"},
        "summary": both("Un résumé."), "description": both("Une description."),
        "status": "active", "start": "2021", "themes": ["theme-essai"],
        "partners": [{"id": "partenaire-essai"}],
    }
    record.update(changes)
    return record


def write(project: Path, shown: str, record: dict) -> None:
    (project / shown).write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000),
                                 encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Path:
    project = copy_project(tmp_path / "project")
    themes = project / "data" / "themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8") + yaml.safe_dump(
        {"theme-essai": both("Essai"), "theme-autre": both("Autre")}, allow_unicode=True), encoding="utf-8")
    write(project, "data/partners/partenaire-essai.yml", {
        "name": both("Partenaire d'essai"), "slug": {"fr": "partenaire-essai", "en": "test-partner"},
        "kind": "research", "country": "CA", "description": both("Un partenaire.")})
    write(project, PROJECT, project_record())
    write(project, NEWS, {
        "date": "2021-03-04", "title": both("Une nouvelle"), "slug": {"fr": "nouvelle-essai", "en": "test-news"},
        "summary": both("Un résumé."), "body": both("Un texte."), "projects": ["projet-essai"],
        "partners": ["partenaire-essai"]})
    check_project(project, project / "docs")  # the planted records are valid as written
    return project


def problems_of(project: Path) -> list:
    with pytest.raises(DataError) as raised:
        check_project(project, project / "docs")
    return raised.value.problems


def line_of(project: Path, shown: str, text: str) -> int:
    lines = (project / shown).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


@pytest.mark.parametrize("title", ["\u200b\u200d", "\u2800\u3164", "\u0301\u0301", "\ufe0f \u2060", "\u00a0\u200b"])
def test_a_title_of_invisible_characters_is_refused(project, title):
    write(project, PROJECT, project_record(title={"fr": title, "en": "Test project"}))
    problems = problems_of(project)
    assert [(p.file, p.field) for p in problems] == [(PROJECT, "title.fr")], problems
    assert problems[0].code in ("hidden.at", "hidden.after", "hidden.nothing_visible"), str(problems[0])


REPEATS = {
    "theme": ({"themes": ["theme-essai", "theme-autre", "theme-essai"]}, "themes[2]", "theme-essai"),
    "partner as id and object": ({"partners": ["partenaire-essai", {"id": "partenaire-essai", "funder": True}]},
                                 "partners[1]", "partenaire-essai"),
    "link": ({"links": [{"title": both("A"), "url": "https://example.org/a"},
                        {"title": both("B"), "url": "https://example.org/a"}]}, "links[1]", "https://example.org/a"),
}


@pytest.mark.parametrize(("changes", "field", "key"), REPEATS.values(), ids=REPEATS.keys())
def test_an_item_listed_twice_is_refused(project, changes, field, key):
    write(project, PROJECT, project_record(**changes))
    [problem] = problems_of(project)
    assert (problem.file, problem.field) == (PROJECT, field)
    assert_says(problem, "duplicate.item", f"`{key}`")


def test_a_news_item_listing_a_project_twice_is_refused(project):
    text = (project / NEWS).read_text(encoding="utf-8")
    (project / NEWS).write_text(text.replace("- projet-essai", "- projet-essai\n- projet-essai"), encoding="utf-8")
    [problem] = problems_of(project)
    assert (problem.file, problem.field, problem.code) == (NEWS, "projects[1]", "duplicate.item")


def set_description(project: Path, fr: str, en: str = "Une description.") -> None:
    """The description as editors write it: `|` blocks, line for line."""
    write(project, PROJECT, project_record(description="DESCRIPTION"))
    block = "".join(f"  {lang}: |\n" + "".join(f"    {line}\n" for line in text.splitlines())
                    for lang, text in (("fr", fr), ("en", en)))
    path = project / PROJECT
    path.write_text(path.read_text(encoding="utf-8").replace("description: DESCRIPTION\n", "description:\n" + block),
                    encoding="utf-8")


# From the project page /projets/projet-essai/ (and /en/projects/test-project/).
LINKS = {
    "missing page": ("Voir [la page](../page-absente/).", "link.no_page"),
    "other language": ("Voir [le partenaire](../../en/partners/test-partner/).", "link.other_language"),
    "root-absolute": ("Voir [le partenaire](/partenaires/partenaire-essai/).", "link.root_path"),
    "root-absolute missing": ("Voir [x](/nulle-part/).", "link.root_path"),
    "above the root": ("Voir [x](../../../../x/).", "link.above_root"),
    "missing page with a fragment": ("Voir [x](../projet-absent/#haut).", "link.no_page"),
}


@pytest.mark.parametrize(("text", "code"), LINKS.values(), ids=LINKS.keys())
def test_a_link_to_no_page_of_this_language_is_an_error_on_its_line(project, text, code):
    set_description(project, "Une description.\n\n" + text + "\n")
    [problem] = problems_of(project)
    assert (problem.file, problem.field) == (PROJECT, "description.fr")
    assert problem.line == line_of(project, PROJECT, text), str(problem)
    assert_says(problem, ("link.in_text", code))


def test_the_fix_is_given_for_the_other_language_and_the_root(project):
    set_description(project, "[a](../../en/partners/test-partner/)", "[b](/en/partners/test-partner/)")
    messages = [p.text("en") for p in problems_of(project)]
    assert any("link to `../../partenaires/partenaire-essai/`, the page in this language" in m for m in messages)
    assert any("write `../../partners/test-partner/` instead" in m for m in messages)
    french = [p.text("fr") for p in problems_of(project)]
    assert any("faites le lien vers `../../partenaires/partenaire-essai/`" in m for m in french)
    assert any("écrivez plutôt `../../partners/test-partner/`" in m for m in french)


def test_links_to_pages_that_exist_pass(project):
    set_description(project, "[Partenaire](../../partenaires/partenaire-essai/), [accueil](../../), "
                             "[ici](#haut), [données](../../api/v1/projects.json), [web](https://example.org/)",
                    "[Partner](../../partners/test-partner/) and [home](../../index.html)")
    check_project(project, project / "docs")


UNSUPPORTED = {
    "footnote": ("Un fait[^1].\n\n[^1]: Sa source.", "[^1]", "markdown.footnotes"),
    "heading": ("# Un titre\n\nDu texte.", "# Un titre", "markdown.heading_1"),
    "setext heading": ("Un titre\n========\n\nDu texte.", "Un titre", "markdown.heading_1"),
    "task list": ("À faire :\n\n- [ ] écrire\n- [x] relire", "- [ ] écrire", "markdown.task_list"),
}


@pytest.mark.parametrize(("text", "written", "code"), UNSUPPORTED.values(), ids=UNSUPPORTED.keys())
def test_markdown_the_site_does_not_render_is_an_error_on_its_line(project, text, written, code):
    set_description(project, text + "\n")
    [problem] = problems_of(project)
    assert problem.line == line_of(project, PROJECT, written) and problem.code == code, str(problem)


def test_the_same_syntax_in_code_is_fine(project):
    set_description(project, "Écrire `[^1]`, `- [ ]` ou :\n\n    # pas un titre\n")
    check_project(project, project / "docs")


def test_a_file_that_fails_is_the_only_problem_reported(project):
    (project / "data" / "partners" / "partenaire-essai.yml").write_text("name: [\n", encoding="utf-8")
    problems = problems_of(project)
    assert [p.file for p in problems] == ["data/partners/partenaire-essai.yml"], problems
    (project / "data" / "themes.yml").write_text("theme-essai: {fr: Essai\n", encoding="utf-8")
    problems = problems_of(project)
    assert {p.file for p in problems} == {"data/partners/partenaire-essai.yml", "data/themes.yml"}, problems
    assert not [p for p in problems if p.code == "ref.unknown"]
