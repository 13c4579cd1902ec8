"""Validation of what the pictures read: partners' locations, programmes, periods."""

from __future__ import annotations

import pytest

from csn.data.load import load_site
from tests.helpers.datafixtures import GOOD_PROJECT, assert_says, only_problem, problems_of, write

LOCATION = """\
location:
  city:
    fr: Québec
    en: Québec City
  latitude: 46.8139
  longitude: -71.2080
"""
PARTNER = """\
name: Partenaire d'essai
kind: research
country: CA
description:
  fr: Un partenaire.
  en: A partner.
"""
PROGRAMME = """\
name:
  fr: Programme d'essai
  en: Test programme
start: 2021-03
end: 2023
"""


def test_a_located_partner_and_a_programme_are_read(data_dir):
    write(data_dir, "partners/essai.yml", PARTNER + LOCATION)
    write(data_dir, "programmes/essai.yml", PROGRAMME)
    write(data_dir, "projects/essai.yml", GOOD_PROJECT + "programme: essai\n")
    site = load_site(data_dir)
    partner = next(p for p in site.partners if p.id == "essai")
    assert partner.location.city == {"fr": "Québec", "en": "Québec City"}
    assert (partner.location.latitude, partner.location.longitude) == (46.8139, -71.208)
    programme = next(p for p in site.programmes if p.id == "essai")
    assert [p.id for p in programme.projects] == ["essai"]
    assert next(p for p in site.projects if p.id == "essai").programme is programme


def test_a_city_name_may_be_one_text(data_dir):
    write(data_dir, "partners/essai.yml", PARTNER + LOCATION.replace(
        "  city:\n    fr: Québec\n    en: Québec City\n", "  city: Toronto\n"))
    partner = next(p for p in load_site(data_dir).partners if p.id == "essai")
    assert partner.location.city == {"fr": "Toronto", "en": "Toronto"}


@pytest.mark.parametrize("old, new, line, field, code, quoted", [
    ("latitude: 46.8139", "latitude: 146.8", 11, "location.latitude", "number.range", "146.8"),
    ("longitude: -71.2080", "longitude: -271.2", 12, "location.longitude", "number.range", "-180"),
    ("latitude: 46.8139", "latitude: '46.8139'", 11, "location.latitude", "number.invalid", "`46.8139`"),
    ("latitude: 46.8139", "latitude: 46°48′N", 11, "location.latitude", "number.invalid", "`46°48′N`"),
    ("longitude: -71.2080", "longitude: .nan", 12, "location.longitude", "number.invalid", "`.nan`"),
    ("longitude: -71.2080", "longtitude: -71.2080", 12, "location.longtitude", "field.unknown_near", "`longitude`"),
    ("  city:\n    fr: Québec\n    en: Québec City\n", "  city:\n    fr: Québec\n", 9, "location.city.en",
     "translation.missing", "`en: …`"),
])
def test_each_location_mistake_names_its_line_and_field(data_dir, old, new, line, field, code, quoted):
    write(data_dir, "partners/essai.yml", PARTNER + LOCATION.replace(old, new))
    problems = problems_of(data_dir)
    matching = [p for p in problems if (p.file, p.line, p.field) == ("data/partners/essai.yml", line, field)]
    assert matching, "\n".join(map(str, problems))
    assert_says(matching[0], code, quoted)


def test_a_number_out_of_range_says_the_range_and_what_the_field_holds_in_each_language(data_dir):
    write(data_dir, "partners/essai.yml", PARTNER + LOCATION.replace("latitude: 46.8139", "latitude: 146.8"))
    problem = only_problem(data_dir)
    assert problem.text("en").startswith("146.8 is out of range: use a number from -90 to 90 (")
    assert problem.text("fr").startswith("146.8 est hors limites : utilisez un nombre de -90 à 90 (")
    assert problem.text("en") != problem.text("fr")  # the field's description too is in the language asked


def test_a_location_without_its_longitude(data_dir):
    write(data_dir, "partners/essai.yml", PARTNER + LOCATION.replace("  longitude: -71.2080\n", ""))
    problem = only_problem(data_dir)
    assert (problem.line, problem.field, problem.code) == (8, "location.longitude", "missing.field")


def test_unknown_programme(data_dir):
    write(data_dir, "projects/essai.yml", GOOD_PROJECT + "programme: quebec-baviere\n")
    problem = only_problem(data_dir)
    assert (problem.file, problem.line, problem.field) == ("data/projects/essai.yml", 16, "programme")
    assert_says(problem, "ref.unknown", "quebec-baviere-2020-2022")
    assert problem.text("en") == "`quebec-baviere` is not a known programme id: use one of quebec-baviere-2020-2022"
    assert problem.text("fr") == ("`quebec-baviere` n'est l'identifiant d'aucun programme : utilisez l'un de "
                                  "quebec-baviere-2020-2022")


@pytest.mark.parametrize("start, end, wrong", [
    ("2021-03", "2020", True), ("2021-03", "2021-02-28", True), ("2021-03-15", "2021-03-14", True),
    ("2021-03", "2021", False), ("2021-03-15", "2021-03", False), ("2021", "2021-01-01", False),
])
def test_an_end_wholly_before_the_start_is_reported(data_dir, start, end, wrong):
    write(data_dir, "projects/essai.yml", GOOD_PROJECT.replace("start: 2021-03", f"start: {start}\nend: {end}"))
    if not wrong:
        load_site(data_dir)
        return
    problem = only_problem(data_dir)
    assert (problem.line, problem.field) == (12, "end")
    assert_says(problem, "date.end_before_start", f"`{end}`")


def test_a_programme_is_checked_like_a_record(data_dir):
    write(data_dir, "programmes/essai.yml", PROGRAMME.replace("end: 2023", "end: 2020\nsite: x"))
    problems = problems_of(data_dir)
    assert {(p.line, p.field) for p in problems} == {(5, "end"), (6, "site")}, problems


def test_the_programmes_folder_may_be_missing(data_dir):
    for path in (data_dir / "projects").glob("*.yml"):
        path.write_text(path.read_text(encoding="utf-8").replace("programme: quebec-baviere-2020-2022\n", ""),
                        encoding="utf-8")
    for path in (data_dir / "programmes").iterdir():
        path.unlink()
    (data_dir / "programmes").rmdir()
    assert load_site(data_dir).programmes == []
