"""A realistic consortium made up for the tests: N partners (a crowd of them in Montréal), M projects.

The project's code, templates and the fixture's pages are copied; data/ is written anew from this module
only (no record of the real data or of the fixture is read), so the pictures' tests see the volumes editors will reach:
20 to 60 partners, 12 to 25 of them in Montréal, 30 projects, long titles, programme periods.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers.sitebuild import FIXTURE_DATA, copy_project

# (city, country, region or None, latitude, longitude): near neighbours on purpose (Montréal, Laval,
# Longueuil; Munich and Augsburg), and Canadian cities written without a region.
CITIES = [
    ("Montréal", "CA", "Québec", 45.5017, -73.5673),
    ("Québec", "CA", "Québec", 46.8139, -71.2080),
    ("Laval", "CA", "Québec", 45.6066, -73.7124),
    ("Longueuil", "CA", "Québec", 45.5312, -73.5181),
    ("Sherbrooke", "CA", "Québec", 45.4042, -71.8929),
    ("Trois-Rivières", "CA", "Québec", 46.3430, -72.5430),
    ("Ottawa", "CA", None, 45.4215, -75.6972),
    ("Toronto", "CA", None, 43.6532, -79.3832),
    ("Boston", "US", None, 42.3601, -71.0589),
    ("New York", "US", None, 40.7128, -74.0060),
    ("München", "DE", "Bayern", 48.1351, 11.5820),
    ("Augsburg", "DE", "Bayern", 48.3705, 10.8978),
    ("Nürnberg", "DE", "Bayern", 49.4521, 11.0767),
    ("Würzburg", "DE", "Bayern", 49.7913, 9.9534),
    ("Berlin", "DE", None, 52.5200, 13.4050),
    ("Paris", "FR", "Île-de-France", 48.8566, 2.3522),
    ("Lyon", "FR", None, 45.7640, 4.8357),
    ("Bruxelles", "BE", None, 50.8503, 4.3517),
    ("Genève", "CH", None, 46.2044, 6.1432),
    ("Lausanne", "CH", None, 46.5197, 6.6323),
]
KINDS = ("university", "government", "research", "network", "health", "industry", "other")
WORDS = ("santé", "données", "numérique", "patients", "hôpital", "recherche", "réseau", "intelligence",
         "artificielle", "soins", "éthique", "imagerie", "génomique", "télémédecine", "prévention")


def partner_cities(count: int, in_montreal: int) -> list[int]:
    """The index in CITIES of each partner's city: `in_montreal` in Montréal, the others spread round."""
    others = [index for index in range(1, len(CITIES))]
    return [0] * min(in_montreal, count) + [others[i % len(others)] for i in range(max(0, count - in_montreal))]


def _partner(index: int, city: int) -> str:
    name, country, region, lat, lon = CITIES[city]
    # Partners of one city sit a little apart, as real addresses do (grouping is by city, not coordinates).
    lat += (index % 5) * 0.004
    lon -= (index % 7) * 0.005
    region_line = f"region: {region}\n" if region else ""
    return f"""\
name: Organisation partenaire numéro {index + 1} de {name}
kind: {KINDS[index % len(KINDS)]}
country: {country}
{region_line}description:
  fr: Un partenaire inventé pour les essais ({index + 1}).
  en: A partner made up for the tests ({index + 1}).
location:
  city: {name}
  latitude: {lat:.4f}
  longitude: {lon:.4f}
"""


def _title(index: int, lang: str) -> str:
    words = [WORDS[(index * 3 + k) % len(WORDS)] for k in range(2 + index % 9)]
    base = " ".join(words)
    return f"Projet {index + 1} : {base}" if lang == "fr" else f"Project {index + 1}: {base}"


def _project(index: int, partners: list[str]) -> str:
    start_year = 2012 + index % 14
    end = f"end: {start_year + 1 + index % 5}-{1 + index % 12:02d}\n" if index % 4 else ""
    status = "completed" if end and start_year + 1 + index % 5 < 2026 else "active" if index % 3 else "planned"
    members = "\n".join(f"  - {partners[(index * 7 + k * 11) % len(partners)]}" for k in range(2 + index % 3))
    programme = "programme: programme-cooperation\n" if index % 3 == 0 else ""
    return f"""\
title:
  fr: "{_title(index, 'fr')}"
  en: "{_title(index, 'en')}"
summary:
  fr: Un projet inventé pour les essais.
  en: A project made up for the tests.
description:
  fr: Sa description.
  en: Its description.
status: {status}
start: {start_year}-{1 + index % 12:02d}
{end}themes:
  - {'formation' if index % 2 else 'donnees'}
partners:
{members}
{programme}"""


PROGRAMME = """\
name:
  fr: Programme de coopération inventé
  en: Made-up cooperation programme
start: 2014
end: 2022
"""

THEMES = """\
formation:
  fr: Formation
  en: Training
donnees:
  fr: Données
  en: Data
"""

NEWS = """\
date: 2024-03-01
title:
  fr: Une actualité inventée
  en: A made-up news item
summary:
  fr: Pour les essais.
  en: For the tests.
body:
  fr: Texte.
  en: Text.
"""


def make_synthetic_project(destination: Path, partners: int, projects: int, in_montreal: int | None = None) -> Path:
    """A copy of the project whose data/ holds `partners` partners and `projects` projects, all made up."""
    project = copy_project(destination)
    data = project / "data"
    for folder in ("partners", "projects", "news", "programmes"):
        shutil.rmtree(data / folder, ignore_errors=True)
        (data / folder).mkdir()
    shutil.copy2(FIXTURE_DATA / "site.yml", data / "site.yml")  # the consortium's identity
    (data / "themes.yml").write_text(THEMES, encoding="utf-8")
    in_montreal = partners * 25 // 60 if in_montreal is None else in_montreal
    ids = []
    for index, city in enumerate(partner_cities(partners, in_montreal)):
        ids.append(f"partenaire-{index + 1:02d}")
        (data / "partners" / f"{ids[-1]}.yml").write_text(_partner(index, city), encoding="utf-8")
    for index in range(projects):
        (data / "projects" / f"projet-{index + 1:02d}.yml").write_text(_project(index, ids), encoding="utf-8")
    (data / "programmes" / "programme-cooperation.yml").write_text(PROGRAMME, encoding="utf-8")
    (data / "news" / "2024-03-01-actualite.yml").write_text(NEWS, encoding="utf-8")
    return project
