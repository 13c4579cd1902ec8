"""Editors' commands end to end, run through `make` on a copy of the project."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from csn.data.schema import TODO_MARKER
from csn.data.yaml_loader import load_yaml_file
from tests.helpers.sitebuild import PROJECT_DIR, build, copy_whole_project, make

EDITOR_COMMANDS = ("validate", "new-news", "new-project", "new-partner", "translations", "serve", "schemas")
# What an editor writes in place of each TODO of a new file, by field (the last key seen above the TODO).
FILLED = {"status": "active", "start": "2024", "kind": "research", "country": "CA",
          "themes": "formation", "partners": "udem"}


def fill_todos(text: str) -> str:
    """Replace every TODO of a scaffolded file the way an editor would."""
    lines, key = [], ""
    for line in text.splitlines():
        top = re.match(r"^([a-z_]+):", line)
        key = top.group(1) if top else key
        if TODO_MARKER in line and not line.startswith("#"):
            language = re.match(r"^(\s+)(fr|en): ", line)
            if language:
                line = f"{language.group(1)}{language.group(2)}: Texte {key} rempli ({language.group(2)})"
            elif line.lstrip().startswith("- "):
                line = line.split("- ")[0] + "- " + FILLED[key]
            elif top:
                line = f"{key}: {FILLED[key]}"
            else:  # a line of a Markdown block
                line = re.sub(r"\S.*", f"Un paragraphe du champ {key}.", line)
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.fixture
def project(tmp_path):
    return copy_whole_project(tmp_path / "project")


def test_make_help_lists_each_editors_command_on_one_line():
    done = make(PROJECT_DIR, "help")
    lines = done.stdout.splitlines()
    for command in EDITOR_COMMANDS:
        matching = [line for line in lines if line.split()[:2] == ["make", command]]
        assert len(matching) == 1 and len(matching[0].split()) > 3, (command, done.stdout)


def test_scaffolded_items_fail_validation_until_filled_then_appear_in_both_languages(project):
    created = {
        "news": make(project, "new-news", "TITLE=Le CSN à Berlin", "TITLE_EN=CSN in Berlin", "DATE=2024-05-30"),
        "project": make(project, "new-project", "TITLE=Lac de données : phase 2"),
        "partner": make(project, "new-partner", "TITLE=Charité – Universitätsmedizin Berlin", "ID=charite"),
    }
    expected = {
        "news": ("data/news/2024-05-30-le-csn-a-berlin.yml", "actualites/2024-05-30-le-csn-a-berlin/",
                 "en/news/2024-05-30-le-csn-a-berlin/"),
        "project": ("data/projects/lac-de-donnees-phase-2.yml", "projets/lac-de-donnees-phase-2/",
                    "en/projects/lac-de-donnees-phase-2/"),
        "partner": ("data/partners/charite.yml", "partenaires/charite/", "en/partners/charite/"),
    }
    for kind, done in created.items():
        file, fr_path, en_path = expected[kind]
        assert done.returncode == 0, done.stderr
        assert f"Created {file}" in done.stdout
        assert f"/{fr_path}" in done.stdout and f"/{en_path}" in done.stdout
        assert f"http://127.0.0.1:8000/{fr_path}" in done.stdout
        text = (project / file).read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schemas/")
        assert "\n  fr: " in text and "\n  en: " in text and TODO_MARKER in text

    refused = make(project, "validate")
    assert refused.returncode != 0
    for file, *_ in expected.values():
        assert re.search(rf"^{re.escape(file)}:\d+: [a-z.\[\]0-9]+: still says TODO: replace it with", refused.stderr,
                         re.MULTILINE), refused.stderr
    assert "data/projects/lac-de-donnees-phase-2.yml:" in refused.stderr
    assert "status: still says TODO: replace it with one of planned, active, completed" in refused.stderr
    assert "Traceback" not in refused.stderr

    for file, *_ in expected.values():
        path = project / file
        path.write_text(fill_todos(path.read_text(encoding="utf-8")), encoding="utf-8")
    valid = make(project, "validate")
    assert valid.returncode == 0, valid.stderr
    assert make(project, "check-data-schemas").returncode == 0

    result = build(project)
    assert result.returncode == 0, result.output
    titles = {"news": ("Le CSN à Berlin", "CSN in Berlin"),
              "project": ("Lac de données : phase 2", "Texte title rempli (en)"),
              "partner": ("Charité – Universitätsmedizin Berlin", "Texte name rempli (en)")}
    for kind, (file, fr_path, en_path) in expected.items():
        for path, title in zip((fr_path, en_path), titles[kind]):
            assert result.html(path).find("h1").get_text(strip=True) == title


def test_new_news_is_dated_today_by_default_and_keeps_any_title_as_written(project):
    title = 'L\'appel « 2024 » : "$HOME" & `ls` #1'
    done = make(project, "new-news", f"TITLE={title}")
    assert done.returncode == 0, done.stderr
    today = dt.date.today().isoformat()
    path = project / "data" / "news" / f"{today}-l-appel-2024-home-ls-1.yml"
    assert f"\ndate: {today}\n" in path.read_text(encoding="utf-8")
    mapping, problems = load_yaml_file(path, "new")
    assert problems == [] and mapping.items["title"].items["fr"].text == title


@pytest.mark.parametrize("args, words", [
    (("new-project",), "give a title"),
    (("new-project", "ID=Mon Projet"), "is not a valid id"),
    (("new-project", "ID=lac-de-donnees"), "data/projects/lac-de-donnees.yml already exists"),
    (("new-partner", "TITLE=search"), "is reserved"),
    (("new-news", "TITLE=x", "DATE=2024-02-30"), "DATE: `2024-02-30` does not exist"),
    (("new-project", "TITLE=TODO plus tard"), "cannot hold TODO"),
])
def test_scaffold_refuses_clearly_and_writes_nothing(project, args, words):
    before = sorted(p.name for p in (project / "data").rglob("*.yml"))
    done = make(project, *args)
    assert done.returncode != 0
    assert words in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in (project / "data").rglob("*.yml")) == before


def test_translation_report_finds_a_missing_translation_and_todos(project):
    clean = make(project, "translations", "STRICT=1")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Every text exists in French and in English" in clean.stdout

    project_file = project / "data" / "projects" / "lac-de-donnees.yml"
    text = project_file.read_text(encoding="utf-8")
    summary_en = re.search(r"\n  en: >-\n    Collaborative exchanges.*?(?=\ndescription:)", text, re.DOTALL).group(0)
    project_file.write_text(text.replace(summary_en, ""), encoding="utf-8")
    partner_file = project / "data" / "partners" / "mrif.yml"
    partner_file.write_text(re.sub(r"(\ndescription:\n  fr: )", r"\1TODO revoir — ", partner_file.read_text("utf-8")),
                            encoding="utf-8")
    about = project / "docs" / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nTODO: the 2024 networks.\n", encoding="utf-8")
    (project / "docs" / "fr" / "contact.md").write_text("---\ntitle: Contact\n---\n\nÉcrivez-nous.\n",
                                                         encoding="utf-8")

    report = make(project, "translations")
    assert report.returncode == 0
    rows = {tuple(line.split()[:4]) for line in report.stdout.splitlines()}
    assert ("projects/lac-de-donnees", "summary", "ok", "missing") in rows, report.stdout
    assert ("partners/mrif", "description", "TODO", "ok") in rows, report.stdout
    assert ("docs/about.md", "text", "ok", "TODO") in rows, report.stdout
    assert ("docs/contact.md", "page", "ok", "missing") in rows, report.stdout
    assert "data/projects/lac-de-donnees.yml:" in report.stdout and "docs/en/about.md:" in report.stdout
    strict = make(project, "translations", "STRICT=1")
    assert strict.returncode != 0 and "4 fields to finish" in strict.stdout


def test_translation_report_reads_files_that_do_not_validate(project):
    broken = project / "data" / "news" / "2020-06-appui-mrif.yml"
    broken.write_text("title: [\n", encoding="utf-8")
    done = make(project, "translations", "STRICT=1")
    assert done.returncode != 0
    assert re.search(r"^news/2020-06-appui-mrif\s+\(whole file\)\s+unreadable", done.stdout, re.MULTILINE), done.stdout
