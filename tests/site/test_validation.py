"""Loading and validation: one small fixture per failure mode, with file, line and field."""

from __future__ import annotations

import subprocess
import sys

import pytest

from csn.data.errors import DataError
from csn.data.load import load_site
from tests.helpers.datafixtures import GOOD_PROJECT, assert_says, only_problem, problems_of, write
from tests.helpers.sitebuild import PROJECT_DIR, build


def test_good_fixture_is_valid(data_dir):
    write(data_dir, "projects/essai.yml", GOOD_PROJECT)
    site = load_site(data_dir)
    assert "essai" in {p.id for p in site.projects}


@pytest.mark.parametrize("old, new, line, field, code, quoted", [
    ("status: active", "status: [active", 10, "", "yaml.unclosed_bracket", "["),
    ("status: active", "status: active\nstatus: planned", 11, "status", "duplicate.key", "`status`"),
    ("status: active", "statut: active", 10, "statut", "field.unknown_near", "`status`"),
    ("status: active", "status: ongoing", 10, "status", "value.choices", "planned, active, completed"),
    ("  en: Test project", "", 2, "title.en", "translation.missing", "`en: …`"),
    ("  en: Test project", "  en: ''", 3, "title.en", "translation.missing", "`en: …`"),
    ("start: 2021-03", "start: 2021-02-30", 11, "start", "date.no_day", "`2021-02-30`"),
    ("start: 2021-03", "start: March 2021", 11, "start", "date.invalid", "`March 2021`"),
    ("  - formation", "  - cuisine", 13, "themes[0]", "ref.unknown", "`cuisine`"),
    ("  - udem", "  - nasa", 15, "partners[0]", "ref.unknown", "`nasa`"),
    ("  - udem", "  - id: udem\n    role: Hôte", 16, "partners[0].role", "translation.both", "`fr:`"),
    ("title:\n  fr: Projet d'essai\n  en: Test project", "title: Test project", 1, "title", "translation.both", ""),
    ("status: active", "status: active\nfeatured: yes", 11, "featured", "yes_no.invalid", "`true`"),
    ("status: active", "status: active\nslug:\n  fr: Projet Essai\n  en: test", 12, "slug.fr", "id.invalid",
     "`Projet Essai`"),
])
def test_each_failure_names_file_line_and_field(data_dir, old, new, line, field, code, quoted):
    assert old in GOOD_PROJECT
    write(data_dir, "projects/essai.yml", GOOD_PROJECT.replace(old, new))
    problems = problems_of(data_dir)
    matching = [p for p in problems if (p.file, p.line, p.field) == ("data/projects/essai.yml", line, field)]
    assert matching, "\n".join(map(str, problems))
    assert_says(matching[0], code, quoted)


def test_missing_required_field(data_dir):
    write(data_dir, "projects/essai.yml", GOOD_PROJECT.replace("status: active\n", ""))
    problem = only_problem(data_dir)
    assert (problem.file, problem.line, problem.field) == ("data/projects/essai.yml", 1, "status")
    assert_says(problem, "missing.field", "`status:`")


def test_bad_id_in_file_name(data_dir):
    write(data_dir, "projects/Essai_Projet.yml", GOOD_PROJECT)
    problem = only_problem(data_dir)
    assert (problem.file, problem.field) == ("data/projects/Essai_Projet.yml", "id")
    assert_says(problem, ("id.file_name", "id.invalid"), "`Essai_Projet`")


def test_duplicate_slug_in_one_language(data_dir):
    write(data_dir, "projects/essai.yml", GOOD_PROJECT + "slug:\n  fr: lac-de-donnees\n  en: test-project\n")
    problems = problems_of(data_dir)
    assert any(p.field == "slug.fr" and p.code == "address.taken" for p in problems), problems


def test_reference_to_unknown_project_in_news(data_dir):
    path = data_dir / "news/2020-06-29-adhesion-echalliance.yml"
    path.write_text(path.read_text(encoding="utf-8") + "projects:\n  - inconnu\n", encoding="utf-8")
    problem = only_problem(data_dir)
    assert problem.file == "data/news/2020-06-29-adhesion-echalliance.yml"
    assert problem.field == "projects[0]"
    assert problem.text("en").startswith("`inconnu` is not a known project id: use one of ")
    assert problem.text("fr").startswith("`inconnu` n'est l'identifiant d'aucun projet : utilisez l'un de ")


def test_every_problem_is_reported_at_once(data_dir):
    write(data_dir, "projects/essai.yml", GOOD_PROJECT.replace("status: active", "status: ongoing"))
    write(data_dir, "projects/autre.yml", GOOD_PROJECT.replace("start: 2021-03", "start: 2021-13"))
    write(data_dir, "partners/casse.yml", "name: [\n")
    problems = problems_of(data_dir)
    assert {p.file for p in problems} == {
        "data/projects/essai.yml", "data/projects/autre.yml", "data/partners/casse.yml"}


def test_validate_command_prints_locations_and_exits_1(tmp_path, data_dir):
    write(data_dir, "projects/essai.yml", GOOD_PROJECT.replace("status: active", "status: ongoing"))
    done = subprocess.run([sys.executable, "-m", "csn", "--project", str(data_dir.parent), "validate"],
                          capture_output=True, text=True, cwd=PROJECT_DIR / "hooks", check=False)
    assert done.returncode == 1
    assert "data/projects/essai.yml:10: status: `ongoing` n'est pas permis" in done.stderr
    assert "Traceback" not in done.stderr


def test_build_with_bad_data_fails_cleanly_and_writes_nothing(data_dir):
    write(data_dir, "projects/essai.yml", GOOD_PROJECT.replace("  - udem", "  - nasa"))
    result = build(data_dir.parent)
    assert result.returncode != 0
    assert "data/projects/essai.yml:15: partners[0]: `nasa` n'est l'identifiant d'aucun partenaire" in result.output
    assert "les données ont 1 problème ; rien n'a été construit" in result.output
    assert "Traceback" not in result.output
    assert not (result.site / "index.html").exists()


@pytest.mark.parametrize("old, new, line, field, codes", [
    ("  en: Test project", "  en: TODO", 3, "title.en", ("todo.text", "todo.hint_text")),
    ("  en: Test project", "  en: Test project (TODO relire)", 3, "title.en", ("todo.text", "todo.hint_text")),
    ("status: active", "status: TODO", 10, "status", ("todo.text", "todo.hint_choices")),
    ("  - udem", "  - TODO", 15, "partners[0]", ("todo.text",)),
    ("description:\n  fr: Une description.", "description:\n  fr: |\n    Un paragraphe.\n\n    TODO la suite", 8,
     "description.fr", ("todo.text", "todo.hint_text")),
])
def test_text_holding_the_todo_marker_is_refused(data_dir, old, new, line, field, codes):
    write(data_dir, "projects/essai.yml", GOOD_PROJECT.replace(old, new))
    problem = only_problem(data_dir)
    assert (problem.file, problem.line, problem.field) == ("data/projects/essai.yml", line, field), str(problem)
    assert_says(problem, codes)


def test_a_name_written_once_may_tell_its_language(data_dir):
    site = load_site(data_dir)
    partner = next(p for p in site.partners if p.id == "digital-health-canada")
    assert (partner.name_lang_on("fr"), partner.name_lang_on("en")) == ("en", None)
    assert site.info.name_lang_on("en") == "fr" and site.info.institution.name_lang_on("en") == "fr"


def test_name_lang_must_be_a_language_code(data_dir):
    path = data_dir / "partners/digital-health-canada.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("name_lang: en", "name_lang: English"), encoding="utf-8")
    problem = only_problem(data_dir)
    line = path.read_text(encoding="utf-8").splitlines().index("name_lang: English") + 1
    assert (problem.file, problem.line, problem.field) == ("data/partners/digital-health-canada.yml", line, "name_lang")
    assert_says(problem, "language_code.invalid", "`English`")


def test_name_lang_beside_a_name_written_per_language_is_refused(data_dir):
    path = data_dir / "partners/bayfor.yml"
    path.write_text(path.read_text(encoding="utf-8") + "name_lang: de\n", encoding="utf-8")
    problem = only_problem(data_dir)
    assert (problem.file, problem.field) == ("data/partners/bayfor.yml", "name_lang")
    assert problem.line == len(path.read_text(encoding="utf-8").splitlines())
    assert problem.code == "value.name_lang_not_needed"
@pytest.mark.parametrize("slug, code", [("page", "reserved.address"), ("2020", "reserved.news_year")])
def test_a_news_slug_cannot_take_an_address_of_the_archive(data_dir, slug, code):
    path = data_dir / "news/2020-06-29-adhesion-echalliance.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  en: joining-echalliance", f"  en: {slug}"),
                    encoding="utf-8")
    problem = only_problem(data_dir)
    assert (problem.file, problem.field) == ("data/news/2020-06-29-adhesion-echalliance.yml", "slug.en")
    assert_says(problem, code, f"`{slug}`")


def test_a_wrong_csn_today_is_reported_not_guessed(data_dir, monkeypatch):
    monkeypatch.setenv("CSN_TODAY", "2030-02-30")
    problem = only_problem(data_dir)
    assert problem.file == "CSN_TODAY"
    assert_says(problem, "setting.today", "`2030-02-30`")


def test_publication_day_is_montreal_s_unless_pinned():
    import datetime as dt

    from csn.data.build_date import site_time_zone
    from csn.data.dates import parse_partial_date
    from csn.data.publishing import is_published, publication_date

    assert publication_date({"CSN_TODAY": "2030-06-15"}) == dt.date(2030, 6, 15)
    assert publication_date({"CSN_TODAY": "2030-06-15", "SOURCE_DATE_EPOCH": "0"}) == dt.date(2030, 6, 15)
    assert publication_date({"SOURCE_DATE_EPOCH": "1593403200"}) == dt.date(2020, 6, 29)  # noon in Montréal
    assert publication_date({}) == dt.datetime.now(site_time_zone()).date()
    assert is_published(parse_partial_date("2030-06"), dt.date(2030, 6, 1))
    assert not is_published(parse_partial_date("2030-06-02"), dt.date(2030, 6, 1))
    assert not is_published(parse_partial_date("2031"), dt.date(2030, 12, 31))


@pytest.mark.parametrize("values, field, code, quoted", [
    ({"news_per_page": 0}, "extra.csn.news_per_page", "setting.range", "1"),
    ({"news_per_page": "ten"}, "extra.csn.news_per_page", "setting.range", "`ten`"),
    ({"home_news": True}, "extra.csn.home_news", "setting.range", "`True`"),
    ({"home_partners": 41}, "extra.csn.home_partners", "setting.range", "40"),
    ({"news_per_pages": 5}, "extra.csn.news_per_pages", "setting.unknown", "news_per_page"),
])
def test_site_settings_are_checked(values, field, code, quoted):
    from csn.data.settings import read_settings

    with pytest.raises(DataError) as raised:
        read_settings(values)
    assert [(p.file, p.field) for p in raised.value.problems] == [("mkdocs.yml", field)]
    assert_says(raised.value.problems[0], code, quoted)


def test_a_build_with_a_wrong_setting_stops_with_its_name(data_dir):
    config = data_dir.parent / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("news_per_page: 10", "news_per_page: -1"),
                      encoding="utf-8")
    result = build(data_dir.parent)
    assert result.returncode != 0
    assert "mkdocs.yml: extra.csn.news_per_page: `-1` n'est pas permis" in result.output
    assert "Traceback" not in result.output
