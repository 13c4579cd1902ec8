"""Dates and places at their limits: a year outside the consortium's range is reported on its line (no
OverflowError at the end of the calendar), and a partner outside the map is listed under it, never drawn
off the picture."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from csn.data.dates import YearRange
from csn.data.errors import DataError
from csn.data.load import load_site
from csn.data.settings import read_settings
from csn.pictures.map_svg import build_partner_map, off_map_warnings
from csn.site.strings import Translator

PROJECT_FILE = "projects/lac-de-donnees.yml"
NEWS_FILE = "news/2020-06-29-adhesion-echalliance.yml"


def set_line(path: Path, pattern: str, replacement: str) -> int:
    """Replace the line matching `pattern` in `path`; return its number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if re.match(pattern, line))
    lines[number] = replacement
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


def problems(data_dir: Path, years: YearRange | None = None):
    with pytest.raises(DataError) as raised:
        load_site(data_dir, **({"years": years} if years else {}))
    return raised.value.problems


@pytest.mark.parametrize(("field", "value"), [
    ("start", "9999-12-31"), ("start", "9999"), ("end", "9999-12-31"), ("start", "1020"), ("end", "2101-01"),
    ("start", "1949-12-31"), ("start", "0001-01-01"),
])
def test_a_project_date_outside_the_years_is_reported_on_its_line(data_dir, field, value):
    line = set_line(data_dir / PROJECT_FILE, f"^{field}:", f"{field}: {value}")
    [problem] = problems(data_dir)
    assert (problem.file, problem.line, problem.field) == (f"data/{PROJECT_FILE}", line, field)
    assert problem.code == "date.out_of_years"
    assert f"`{value}` is outside the years the site accepts (1950 to 2100)" in problem.text("en")
    assert f"`{value}` est hors des années que le site accepte (1950 à 2100)" in problem.text("fr")


@pytest.mark.parametrize("value", ["9999-12-31", "1066-10-14", "2200"])
def test_a_news_date_outside_the_years_is_reported(data_dir, value):
    line = set_line(data_dir / NEWS_FILE, "^date:", f"date: {value}")
    [problem] = problems(data_dir)
    assert (problem.line, problem.field, problem.code) == (line, "date", "date.out_of_years")


def test_the_years_are_configurable(data_dir):
    set_line(data_dir / PROJECT_FILE, "^start:", "start: 1020")
    set_line(data_dir / PROJECT_FILE, "^end:", "end: 2022")
    site = load_site(data_dir, years=YearRange(1000, 2100))
    assert any(p.start.year == 1020 for p in site.projects)
    assert "(1990 to 2030)" in problems(data_dir, YearRange(1990, 2030))[0].text("en")
    assert read_settings({"first_year": 1000, "last_year": 2200}).years == YearRange(1000, 2200)
    for wrong in ({"last_year": 9999}, {"first_year": 2100, "last_year": 1950}, {"first_year": "1950"}):
        with pytest.raises(DataError) as raised:
            read_settings(wrong)
        assert raised.value.problems[0].file == "mkdocs.yml"


def test_validate_reports_the_end_of_the_calendar_without_a_traceback(data_dir):
    set_line(data_dir / PROJECT_FILE, "^start:", "start: 9999-12-31")
    set_line(data_dir / PROJECT_FILE, "^end:", "end: 9999-12-31")
    project = data_dir.parent
    env = {**os.environ, "PYTHONPATH": str(project / "hooks")}
    done = subprocess.run([sys.executable, "-m", "csn", "--project", str(project), "validate"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    output = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in output and "Error:" not in output
    assert output.count("est hors des années que le site accepte") == 2  # French unless CSN_LANG=en


OFF_MAP = {  # latitude, longitude: far away, or swapped by mistake
    "tokyo": (35.68, 139.69), "sydney": (-33.87, 151.21), "swapped-montreal": (-73.56, 45.50),
    "south-pole": (-89.9, 0.0), "date-line": (10.0, -179.9),
}


def add_partner(data_dir: Path, pid: str, latitude: float, longitude: float) -> None:
    (data_dir / "partners" / f"{pid}.yml").write_text(f"""\
name:
  fr: Partenaire {pid}
  en: Partner {pid}
kind: research
country: JP
description:
  fr: Un partenaire lointain.
  en: A distant partner.
location:
  city: Ville {pid}
  latitude: {latitude}
  longitude: {longitude}
""", encoding="utf-8")


def test_partners_outside_the_map_are_listed_under_it_and_reported(data_dir):
    for pid, (latitude, longitude) in OFF_MAP.items():
        add_partner(data_dir, pid, latitude, longitude)
    site = load_site(data_dir)
    warnings = off_map_warnings(site)
    assert sorted(w.file for w in warnings) == sorted(f"data/partners/{pid}.yml" for pid in OFF_MAP)
    assert all(w.severity == "warning" and w.code == "map.off_map" for w in warnings)
    for lang in ("fr", "en"):
        partner_map = build_partner_map(site, Translator(lang))
        assert {p.id for p in partner_map.unplaced} >= set(OFF_MAP)
        for pid in OFF_MAP:
            assert f"{'Partenaire' if lang == 'fr' else 'Partner'} {pid}" in partner_map.unplaced_text
        assert not {p.id for place in partner_map.places for p in place.partners} & set(OFF_MAP)
        for layout in partner_map.layouts:  # every marker drawn is inside the picture
            for marker in layout.markers:
                assert 0 <= marker.x <= partner_map.width and 0 <= marker.y <= partner_map.height, marker.place.city

