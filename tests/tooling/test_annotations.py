"""Problems where editors work: GitHub annotations, the job summary and the page diff of a pull request."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

import pytest

from csn.ci.annotations import escape_data, escape_property, problem_title, workflow_command
from csn.ci.pagediff import compare_sites, format_markdown
from csn.ci.summary import Sites, job_summary
from csn.data.errors import DataError, Problem
from csn.data.load import load_site
from csn.messages import FALLBACK_TITLE, Message, catalogue, say
from tests.helpers.sitebuild import PROJECT_DIR, build, copy_project, copy_whole_project, make

ECHALLIANCE = "data/news/2020-06-29-adhesion-echalliance.yml"


def plant(project, relative: str, *replacements: tuple[str, str], append: str = "") -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text + append, encoding="utf-8")


def plant_errors(project) -> None:
    """Six problems of six kinds, in three files, on known lines."""
    plant(project, ECHALLIANCE, ("date: 2020-06-29", "date: 2020-06-31"), ("  en: CSN joins ECHAlliance", "  en: ''"),
          ("  - echalliance", "  - nasa"), append="auteur: Marie\n")
    plant(project, "data/projects/lac-de-donnees.yml", ("status: completed", "status: 100%"))
    (project / "data/partners/casse.yml").write_text("name: [\n", encoding="utf-8")


# The exact lines GitHub reads: file, line and title as properties, `field: message` as the message; in
# French, the consortium's language, unless the workflow sets CSN_LANG=en.
PARTNER_IDS = "bayfor, delegation-munich, digital-health-canada, echalliance, mei, mrif, udem"
EXPECTED_COMMANDS = [
    (f"::error file={ECHALLIANCE},line=2,title=Date invalide::"
     "date: `2020-06-31` n'existe pas : ce mois n'a pas de jour 31"),
    (f"::error file={ECHALLIANCE},line=5,title=Traduction manquante::"
     "title.en: texte en anglais manquant : ajoutez-le sous `title:` sous la forme `en: …`"),
    (f"::error file={ECHALLIANCE},line=40,title=Référence inconnue::"
     f"partners[0]: `nasa` n'est l'identifiant d'aucun partenaire : utilisez l'un de {PARTNER_IDS}"),
    f"::error file={ECHALLIANCE},line=41,title=Champ inconnu::auteur: champ inconnu (vouliez-vous dire `date` ?)",
    ("::error file=data/partners/casse.yml,line=1,title=Erreur de syntaxe YAML::le [ ouvert sur cette ligne n'est "
     "jamais fermé : terminez la liste par ] sur la même ligne (ou écrivez un `- élément` par ligne sous le champ, "
     "sans crochets)"),
    ("::error file=data/projects/lac-de-donnees.yml,line=42,title=Valeur non permise::"
     "status: `100%25` n'est pas permis : utilisez l'un de planned, active, completed"),
]
EXPECTED_COMMANDS_EN = [
    f"::error file={ECHALLIANCE},line=2,title=Invalid date::date: `2020-06-31` does not exist: this month has no day 31",
    (f"::error file={ECHALLIANCE},line=5,title=Missing translation::"
     "title.en: missing English text: add it under `title:` as `en: …`"),
    (f"::error file={ECHALLIANCE},line=40,title=Unknown reference::partners[0]: `nasa` is not a known partner id: "
     f"use one of {PARTNER_IDS}"),
    f"::error file={ECHALLIANCE},line=41,title=Unknown field::auteur: unknown field (did you mean `date`?)",
    ("::error file=data/partners/casse.yml,line=1,title=YAML syntax error::the [ opened on this line is never "
     "closed: end the list with ] on the same line (or write one `- item` per line below the field, without "
     "brackets)"),
    ("::error file=data/projects/lac-de-donnees.yml,line=42,title=Value not allowed::"
     "status: `100%25` is not allowed: use one of planned, active, completed"),
]


def test_escaping_follows_the_workflow_command_syntax():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("data/a:b,c%.yml\n") == "data/a%3Ab%2Cc%25.yml%0A"
    # Encoding `%` first: an escape already in the text is not decoded by the runner.
    assert escape_data("%0A") == "%250A"


def test_a_problem_becomes_one_command_with_its_file_line_and_title(monkeypatch):
    monkeypatch.delenv("CSN_LANG", raising=False)
    problem = Problem("data/news/x,y.yml", 12, "title.en", Message("markdown.html", html="<b>\n%"))
    assert workflow_command(problem) == ("::error file=data/news/x%2Cy.yml,line=12,title=HTML dans un texte::"
                                         "title.en: du HTML comme `<b>%0A%25` n'est pas affiché sur le site : "
                                         "écrivez-le en Markdown (**gras**, *italique*, [texte](https://…), une ligne "
                                         "vide entre les paragraphes), ou mettez-le entre accents graves pour "
                                         "l'afficher comme du code")
    assert workflow_command(Problem("data/news", 0, "", Message("missing.folder"))) == (
        "::error file=data/news,title=Champ ou fichier manquant::dossier manquant : créez-le")
    monkeypatch.setenv("CSN_LANG", "en")
    assert workflow_command(Problem("data/news", 0, "", Message("missing.folder"))) == (
        "::error file=data/news,title=Missing field or file::folder missing: create it")
    warning = Problem("data/news/x.yml", 2, "date", Message("scheduled.news", date="2030-01-01", today="2029-01-01",
                                                            variable="CSN_TODAY"), severity="warning")
    assert workflow_command(warning).startswith("::warning file=data/news/x.yml,line=2,title=Scheduled news item::")


def test_the_validate_command_prints_the_exact_workflow_commands_under_github_actions(tmp_path):
    project = copy_whole_project(tmp_path / "project")
    plant_errors(project)
    done = make(project, "validate", env={"GITHUB_ACTIONS": "true"})
    assert done.returncode == 2, done.stderr  # make's code when the command fails
    assert [line for line in done.stdout.splitlines() if line.startswith("::")] == EXPECTED_COMMANDS
    # The plain list is still there for the log, and nothing else is printed as a command.
    assert f"{ECHALLIANCE}:5: title.en: texte en anglais manquant" in done.stderr
    assert "::" not in "".join(line[:2] for line in done.stderr.splitlines())
    plain = make(project, "validate", env={"GITHUB_ACTIONS": ""})
    assert plain.returncode == 2 and "::error" not in plain.stdout + plain.stderr
    assert f"{ECHALLIANCE}:2: date: `2020-06-31` n'existe pas" in plain.stderr
    english = make(project, "validate", env={"GITHUB_ACTIONS": "true", "CSN_LANG": "en"})
    assert [line for line in english.stdout.splitlines() if line.startswith("::")] == EXPECTED_COMMANDS_EN


def test_the_strict_build_prints_them_too(data_dir):
    project = data_dir.parent
    plant(project, ECHALLIANCE, ("  - echalliance", "  - nasa"))
    result = build(project, extra_env={"GITHUB_ACTIONS": "true"})
    assert result.returncode != 0 and not (result.site / "index.html").exists()
    assert EXPECTED_COMMANDS[2] in result.output.splitlines()


# One planted mistake per kind of problem the data layer reports: each gets a heading of its own.
PLANTED_KINDS = [
    ("data/projects/lac-de-donnees.yml", ("start: 2020", "start: [2020]"), "Wrong kind of value"),
    ("data/projects/lac-de-donnees.yml", ("featured: true", "featured: oui"), "Invalid yes/no value"),
    ("data/partners/udem.yml", ("country: CA", "country: Canada"), "Invalid country code"),
    ("data/partners/udem.yml", ("website: https://", "website: www."), "Invalid web address"),
    ("data/partners/udem.yml", ("latitude: 45.5017", "latitude: north"), "Invalid number"),
    ("data/site.yml", ("acronym: CSN", "acronym: CSN\nemail: nobody"), "Invalid email address"),
    ("data/themes.yml", ("innovation-technosociale:", "Innovation-Technosociale:"), "Invalid id or address"),
]

def test_the_planted_problems_have_the_titles_editors_read(tmp_path):
    project = copy_project(tmp_path / "project")
    plant_errors(project)
    with pytest.raises(DataError) as raised:
        load_site(project / "data")
    for lang, commands in (("fr", EXPECTED_COMMANDS), ("en", EXPECTED_COMMANDS_EN)):
        titles = {(p.file, p.line): problem_title(p, lang) for p in raised.value.problems}
        assert [titles[p.file, p.line] for p in raised.value.problems] == [
            re.search(r",title=([^:]+)::", line).group(1) for line in commands]


def test_every_kind_of_problem_has_a_title_of_its_own(tmp_path):
    """The table of titles keeps up with the messages: no problem falls back to the generic heading."""
    project = copy_project(tmp_path / "project")
    plant_errors(project)
    (project / "data/news/Mauvais Nom.yml").write_text("date: 2020\n", encoding="utf-8")
    (project / "data/news/notes.txt").write_text("", encoding="utf-8")
    (project / "data/partners/vide.yml").write_text("# nothing\n", encoding="utf-8")
    (project / "data/partners/double.yml").write_text("name: A\nname: B\n", encoding="utf-8")
    (project / "data/projects/todo.yml").write_text(textwrap.dedent("""\
        title: {fr: TODO, en: x}
        summary: {fr: '', en: x}
        description: [x]
        status: active
        start: 2021
        end: 2020
        themes: [formation]
        partners: [udem]
        slug: {fr: index, en: x, de: y}
        colour: red
        """), encoding="utf-8")
    problems = _problems(project)
    for relative, replacement, title in PLANTED_KINDS:
        plant(project, relative, replacement)
        problems += _problems(project)
        assert title in {problem_title(p, "en") for p in problems if p.file == relative}, relative
    generic = [str(p) for p in problems if problem_title(p, "en") == catalogue("en")["titles"][FALLBACK_TITLE]]
    assert generic == []
    titles = {problem_title(p, "en") for p in problems}
    assert {"Unfinished text (TODO)", "Empty file", "Duplicate key", "Not a data file", "Reserved address",
            "Unknown language", "Invalid date", "Missing translation", "Unknown field"} <= titles, titles
    assert len(titles) >= 15, titles


def _problems(project) -> list[Problem]:
    with pytest.raises(DataError) as raised:
        load_site(project / "data")
    return raised.value.problems


def test_the_summary_lists_problems_translations_and_where_to_download(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    plant_errors(project)
    environ = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "udem/csn", "GITHUB_RUN_ID": "42"}
    monkeypatch.delenv("CSN_LANG", raising=False)
    summary = job_summary(project, Sites(built=None), environ)
    lines = summary.splitlines()
    assert lines[:3] == ["## Vérification du site", "", "### Données"]
    assert "❌ **6 problèmes dans les données** : rien ne peut être publié avant qu'ils soient corrigés." in summary
    assert "| Où | Problème | Champ | Ce qui ne va pas et comment le corriger |" in lines
    assert (f"| <code>{ECHALLIANCE}:5</code> | Traduction manquante | <code>title.en</code> | "
            "texte en anglais manquant : ajoutez-le sous `title:` sous la forme `en: …` |") in lines
    assert ("| <code>data/projects/lac-de-donnees.yml:42</code> | Valeur non permise | <code>status</code> | "
            "`100%` n'est pas permis : utilisez l'un de planned, active, completed |") in lines
    # The translation report as a table: the emptied English title, and the unreadable file in both languages.
    assert "| news/2020-06-29-adhesion-echalliance | <code>title</code> | ok | vide |" \
           f" <code>{ECHALLIANCE}:5</code> |" in lines
    assert any(line.startswith("| partners/casse | <code>(tout le fichier)</code> | illisible") for line in lines)
    assert "Le site n'a pas été construit" in summary
    assert ("Aucun site à télécharger : la construction a échoué "
            "(voir [l'exécution](https://github.com/udem/csn/actions/runs/42)).") in lines

    monkeypatch.setenv("CSN_LANG", "en")
    english = job_summary(project, Sites(built=None), environ).splitlines()
    assert english[:3] == ["## Site check", "", "### Data"]
    assert (f"| <code>{ECHALLIANCE}:5</code> | Missing translation | <code>title.en</code> | "
            "missing English text: add it under `title:` as `en: …` |") in english
    assert any(line.startswith("| partners/casse | <code>(whole file)</code> | unreadable") for line in english)
    assert "No site to download: the build failed (see [the run](https://github.com/udem/csn/actions/runs/42))." \
           in english


def test_the_summary_escapes_what_comes_from_the_data(tmp_path):
    project = copy_project(tmp_path / "project")
    plant(project, ECHALLIANCE, ("date: 2020-06-29", "date: <b>2020|06</b>"))
    summary = job_summary(project, Sites(built=None), {})
    assert "`&lt;b&gt;2020\\|06&lt;/b&gt;` n'est pas une date" in summary
    assert "<b>" not in summary


def test_the_summary_of_valid_data_links_the_artifact(real_site, monkeypatch):
    monkeypatch.delenv("CSN_LANG", raising=False)
    environ = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "udem/csn", "GITHUB_RUN_ID": "42",
               "ARTIFACT_URL": "https://github.com/udem/csn/actions/runs/42/artifacts/7"}
    summary = job_summary(real_site.project, Sites(built=real_site.site), environ)
    assert re.search(r"✅ \*\*Les données sont valides\*\* : [0-9]+ projets?, [0-9]+ partenaires?, [0-9]+ actualités?, "
                     r"[0-9]+ pages\.", summary), summary
    assert "✅ Chaque texte existe en français et en anglais" in summary
    assert "Pas de comparaison : seule une demande de tirage (pull request) est comparée à `main`." in summary
    assert "Téléchargez [l'artefact `site`](https://github.com/udem/csn/actions/runs/42/artifacts/7)" in summary
    assert "[l'exécution](https://github.com/udem/csn/actions/runs/42)" in summary


NEW_NEWS = """\
date: 2021-02-03
title:
  fr: Le CSN à Berlin
  en: CSN in Berlin
slug:
  fr: le-csn-a-berlin
  en: csn-in-berlin
summary:
  fr: Un résumé.
  en: A summary.
body:
  fr: Un texte.
  en: A text.
"""


@pytest.fixture(scope="module")
def site_with_a_new_news_item(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("pagediff") / "project")
    (project / "data/news/2021-02-03-berlin.yml").write_text(NEW_NEWS, encoding="utf-8")
    result = build(project, site_url="https://csn.example.org/")
    assert result.returncode == 0, result.output
    return result


def test_an_added_news_item_shows_as_its_added_addresses(real_site, site_with_a_new_news_item):
    diff = compare_sites(real_site.site, site_with_a_new_news_item.site)
    # Its page in each language, and the archive of its year (the first item of 2021).
    assert [(page.url, page.lang, page.title) for page in diff.added] == [
        ("/actualites/2021/", "fr", "Actualités de 2021"), ("/actualites/le-csn-a-berlin/", "fr", "Le CSN à Berlin"),
        ("/en/news/2021/", "en", "News from 2021"), ("/en/news/csn-in-berlin/", "en", "CSN in Berlin")]
    assert diff.removed == []
    changed = {page.url for page in diff.changed}
    # The news lists show it; the news pages it does not touch are the same.
    assert {"/actualites/", "/en/news/"} <= changed
    assert "/actualites/adhesion-a-echalliance/" not in changed and "/en/about/" not in changed
    markdown = format_markdown(diff)
    assert ("| Le CSN à Berlin | <code>/actualites/le-csn-a-berlin/</code> | <code>/en/news/csn-in-berlin/</code> |"
            in markdown.splitlines())
    # Compared the other way, its pages and its year's archive are removed.
    backwards = compare_sites(site_with_a_new_news_item.site, real_site.site)
    assert [page.url for page in backwards.removed] == ["/actualites/2021/", "/actualites/le-csn-a-berlin/",
                                                        "/en/news/2021/", "/en/news/csn-in-berlin/"]
    assert backwards.added == []


def test_two_builds_of_the_same_project_differ_in_no_page(real_site, monkeypatch):
    diff = compare_sites(real_site.site, real_site.site)
    monkeypatch.setenv("CSN_LANG", "en")
    assert diff.empty and format_markdown(diff) == "No page is added, changed or removed."
    monkeypatch.setenv("CSN_LANG", "fr")
    assert format_markdown(diff) == "Aucune page n'est ajoutée, modifiée ni retirée."


def test_the_pagediff_and_summary_commands(real_site, site_with_a_new_news_item, tmp_path):
    old, new = str(real_site.site), str(site_with_a_new_news_item.site)
    done = subprocess.run([sys.executable, "-m", "csn", "pagediff", old, new], cwd=PROJECT_DIR / "hooks",
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("**Ajoutées** (4 pages)\n") and "<code>/en/news/csn-in-berlin/</code>" in done.stdout
    missing = subprocess.run([sys.executable, "-m", "csn", "pagediff", str(tmp_path / "nowhere"), new],
                             cwd=PROJECT_DIR / "hooks", capture_output=True, text=True, check=False)
    assert missing.returncode == 1 and say("pagediff.no_folder", folder=tmp_path / "nowhere") in missing.stderr and "Traceback" not in missing.stderr
    project = copy_whole_project(tmp_path / "project")
    summary = make(project, "summary", f"SITE_DIR={new}", f"BASE_SITE={old}")
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout.startswith("## Vérification du site\n")
    assert "Comparé à `main`" in summary.stdout and "**Ajoutées** (4 pages)" in summary.stdout
    english = make(project, "summary", f"SITE_DIR={new}", f"BASE_SITE={old}", env={"CSN_LANG": "en"})
    assert english.stdout.startswith("## Site check\n")
    assert "Compared with `main`" in english.stdout and "**Added** (4 pages)" in english.stdout
