"""Editors' commands end to end, run through `make` on a copy of the project."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess

import pytest

from csn.data.schema import TODO_MARKER
from csn.data.yaml_loader import load_yaml_file
from csn.messages import Message
from tests.helpers.sitebuild import PROJECT_DIR, build, copy_whole_project, make

EDITOR_COMMANDS = ("serve", "validate", "new-news", "new-project", "new-partner", "translations", "build")
DEVELOPER_COMMANDS = ("test", "lint", "check", "schemas", "summary", "bench")
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
            if language and key == "slug":  # an address: lowercase letters and hyphens
                line = f"{language.group(1)}{language.group(2)}: {key}-rempli-{language.group(2)}"
            elif language:
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


def test_make_help_lists_each_editors_command_on_one_line_apart_from_the_developers_ones():
    for env, editors_heading, developers_heading in (({"CSN_LANG": ""}, "Pour les rédacteurs :",
                                                      "Pour les développeurs (en anglais) :"),
                                                     ({"CSN_LANG": "en"}, "For editors:", "For developers:")):
        done = make(PROJECT_DIR, "help", env=env)
        lines = done.stdout.splitlines()
        assert lines[0] == editors_heading and developers_heading in lines, done.stdout
        editors, developers = lines[: lines.index(developers_heading)], lines[lines.index(developers_heading):]
        for command in EDITOR_COMMANDS:
            matching = [line for line in editors if line.split()[:2] == ["make", command]]
            assert len(matching) == 1 and len(matching[0].split()) > 3, (command, done.stdout)
        for command in DEVELOPER_COMMANDS:
            assert [line for line in developers if line.split()[:2] == ["make", command]], (command, done.stdout)
        assert not any(line.split()[:2] == ["make", "test"] for line in editors)
    french = make(PROJECT_DIR, "help", env={"CSN_LANG": ""}).stdout
    assert "make validate       Vérifier chaque fichier de données" in french
    assert "make validate       Check every data file" in make(PROJECT_DIR, "help", env={"CSN_LANG": "en"}).stdout


# A stand-in for Python that makes a virtualenv whose pip only says how it was called (no network, seconds).
FAKE_PYTHON = """#!/bin/sh
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin"
  printf '#!/bin/sh\necho "pip called with: $*"\n' > "$3/bin/python"
  printf '#!/bin/sh\n' > "$3/bin/mkdocs"
  chmod +x "$3/bin/python" "$3/bin/mkdocs"
fi
"""


def test_the_first_run_says_what_it_installs_and_how_long_it_takes_and_shows_pips_progress(tmp_path):
    python = tmp_path / "python3"
    python.write_text(FAKE_PYTHON, encoding="utf-8")
    python.chmod(0o755)
    venv = tmp_path / "venv"
    first = subprocess.run(["make", "--no-print-directory", "-C", str(PROJECT_DIR), f"VENV={venv}", f"PYTHON={python}",
                            f"{venv}/.site-installed"], capture_output=True, text=True, check=False,
                           env={**os.environ, "CSN_LANG": ""})
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0].startswith(f"Première installation : Python installe MkDocs et les outils du site dans {venv}/ "
                               "(environ 1 à 3 minutes, une seule fois ; la progression s'affiche ci-dessous).")
    pip = [line for line in lines if line.startswith("pip called with:") and "requirements.txt" in line]
    assert pip and "--quiet" not in pip[0] and "--progress-bar on" in pip[0], first.stdout
    assert lines[-1] == "Outils installés."
    (venv / ".site-installed").unlink()  # requirements.txt changed since: an update, said as such, in English
    again = subprocess.run(["make", "--no-print-directory", "-C", str(PROJECT_DIR), f"VENV={venv}",
                            f"PYTHON={python}", f"{venv}/.site-installed"], capture_output=True, text=True,
                           check=False, env={**os.environ, "CSN_LANG": "en"})
    assert again.stdout.splitlines()[0] == f"requirements.txt changed: updating the site's tools in {venv}/ (under a minute)."


def test_scaffolded_items_fail_validation_until_filled_then_appear_in_both_languages(project):
    created = {
        "news": make(project, "new-news", "TITLE=Le CSN à Berlin", "TITLE_EN=CSN in Berlin", "DATE=2024-05-30"),
        "project": make(project, "new-project", "TITLE=Lac de données : phase 2"),
        "partner": make(project, "new-partner", "TITLE=Charité – Universitätsmedizin Berlin", "ID=charite"),
    }
    expected = {
        # Each language's address in its own words: the English one from TITLE_EN, not the French with the date.
        "news": ("data/news/2024-05-30-le-csn-a-berlin.yml", "actualites/le-csn-a-berlin/",
                 "en/news/csn-in-berlin/"),
        "project": ("data/projects/lac-de-donnees-phase-2.yml", "projets/lac-de-donnees-phase-2/",
                    "en/projects/<english-title>/"),
        "partner": ("data/partners/charite.yml", "partenaires/charite/", "en/partners/charite/"),
    }
    for kind, done in created.items():
        file, fr_path, en_path = expected[kind]
        assert done.returncode == 0, done.stderr
        assert f"Créé : {file}\nSes pages, une fois chaque TODO remplacé et `make validate` réussi :" in done.stdout
        assert f"/{fr_path}" in done.stdout and f"/{en_path}" in done.stdout
        assert f"(aperçu : http://127.0.0.1:8000/{fr_path})" in done.stdout
        text = (project / file).read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schemas/")
        assert "\n  fr: " in text and "\n  en: " in text and TODO_MARKER in text

    refused = make(project, "validate")
    assert refused.returncode != 0
    for file, *_ in expected.values():
        assert re.search(rf"^{re.escape(file)}:\d+: [a-z.\[\]0-9]+: contient encore TODO : remplacez-le par",
                         refused.stderr, re.MULTILINE), refused.stderr
    assert "data/projects/lac-de-donnees-phase-2.yml:" in refused.stderr
    assert "status: contient encore TODO : remplacez-le par l'un de planned, active, completed" in refused.stderr
    assert "Traceback" not in refused.stderr
    english = make(project, "validate", env={"CSN_LANG": "en"})
    assert "status: still says TODO: replace it with one of planned, active, completed" in english.stderr

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
    built = {**expected, "project": (*expected["project"][:2], "en/projects/slug-rempli-en/")}
    for kind, (file, fr_path, en_path) in built.items():
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


@pytest.mark.parametrize("args, message", [
    (("new-project",), Message("scaffold.no_title", kind="project")),
    (("new-project", "ID=Mon Projet"), Message("scaffold.id", reason=Message("id.invalid", value="Mon Projet"))),
    (("new-project", "ID=lac-de-donnees"), Message("scaffold.exists", file="data/projects/lac-de-donnees.yml")),
    (("new-partner", "TITLE=search"), Message("scaffold.id", reason=Message("reserved.address", value="search"))),
    (("new-news", "TITLE=x", "DATE=2024-02-30"),
     Message("scaffold.date", reason=Message("date.no_day", value="2024-02-30", day=30))),
    (("new-project", "TITLE=TODO plus tard"), Message("scaffold.title_todo", marker="TODO")),
])
def test_scaffold_refuses_clearly_and_writes_nothing(project, args, message):
    before = sorted(p.name for p in (project / "data").rglob("*.yml"))
    done = make(project, *args)
    assert done.returncode != 0
    assert f"make {args[0]}: {message.text('fr')}\n" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in (project / "data").rglob("*.yml")) == before


def test_scaffold_speaks_english_on_request(project):
    done = make(project, "new-partner", "TITLE=Charité", "ID=charite", env={"CSN_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert "Created data/partners/charite.yml\nIts pages, once every TODO is replaced and `make validate` passes:" \
        in done.stdout
    assert re.search(r"^  French +/partenaires/charite/  \(preview: http://", done.stdout, re.MULTILINE), done.stdout
    refused = make(project, "new-partner", "TITLE=Charité", "ID=charite", env={"CSN_LANG": "en"})
    assert "make new-partner: data/partners/charite.yml already exists: choose another ID=…" in refused.stderr


def test_translation_report_finds_a_missing_translation_and_todos(project):
    clean = make(project, "translations", "STRICT=1")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Chaque texte existe en français et en anglais" in clean.stdout

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
    assert ("projects/lac-de-donnees", "summary", "ok", "manquant") in rows, report.stdout
    assert ("partners/mrif", "description", "TODO", "ok") in rows, report.stdout
    assert ("docs/about.md", "text", "ok", "TODO") in rows, report.stdout
    assert ("docs/contact.md", "page", "ok", "manquant") in rows, report.stdout
    assert "data/projects/lac-de-donnees.yml:" in report.stdout and "docs/en/about.md:" in report.stdout
    assert report.stdout.splitlines()[2].split() == ["Fiche", "Champ", "fr", "(français)", "en", "(anglais)", "Où"]
    strict = make(project, "translations", "STRICT=1")
    assert strict.returncode != 0 and "4 champs à terminer (1 en français, 3 en anglais) ;" in strict.stdout
    english = make(project, "translations", env={"CSN_LANG": "en"})
    assert ("projects/lac-de-donnees", "summary", "ok", "missing") in {
        tuple(line.split()[:4]) for line in english.stdout.splitlines()}, english.stdout
    assert "4 fields to finish (1 in French, 3 in English);" in english.stdout


def test_translation_report_reads_files_that_do_not_validate(project):
    broken = project / "data" / "news" / "2020-06-appui-mrif.yml"
    broken.write_text("title: [\n", encoding="utf-8")
    done = make(project, "translations", "STRICT=1")
    assert done.returncode != 0
    assert re.search(r"^news/2020-06-appui-mrif\s+\(tout le fichier\)\s+illisible", done.stdout, re.MULTILINE), done.stdout
