"""The JSON Schemas, first lines and guide tables generated from schema.py: up to date, and agreeing with validation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from csn.data.datafiles import data_files
from csn.data.errors import DataError
from csn.data.load import load_site
from csn.data.schema import COLLECTIONS, LANGUAGES
from csn.data.yaml_loader import load_yaml_file
from csn.editors import generated
from csn.editors.guide import GUIDES
from csn.editors.schema_check import check_files
from csn.editors.schema_export import modeline, schema_path
from csn.messages import say
from tests.helpers.sitebuild import PROJECT_DIR, copy_whole_project, make


def test_committed_generated_files_match_the_definition():
    assert generated.stale(PROJECT_DIR) == [], "run `make schemas` and commit the result"


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.name)
def test_each_schema_is_a_valid_draft_2020_12_schema_with_both_languages(collection):
    schema = json.loads(schema_path(PROJECT_DIR / "data", collection).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    described = schema["additionalProperties"] if collection.entry else schema["properties"]
    for spec in [collection.entry] if collection.entry else collection.fields:
        text = (described if collection.entry else described[spec.name])["description"]
        assert spec.description["fr"] in text and spec.description["en"] in text


def test_schemas_carry_the_rules_patterns_and_choices():
    projects = json.loads(schema_path(PROJECT_DIR / "data", COLLECTIONS[2]).read_text(encoding="utf-8"))
    assert projects["properties"]["status"]["enum"] == ["planned", "active", "completed"]
    assert projects["required"] == ["title", "summary", "description", "status", "start", "themes", "partners"]
    assert projects["additionalProperties"] is False
    slug = projects["properties"]["slug"]["anyOf"][0]["properties"]["fr"]
    assert re.search(slug["pattern"], "lac-de-donnees") and not re.search(slug["pattern"], "Lac de données")


def test_every_real_data_file_names_its_schema_and_matches_it():
    files = data_files(PROJECT_DIR / "data")
    assert len(files) == 19  # site, themes, 4 projects, 7 partners, 5 news, 1 programme
    for path in files:
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith("# yaml-language-server: $schema="), path
        # The path in that line leads to the schema, from the file's folder (as editors resolve it).
        target = (path.parent / first_line.split("$schema=", 1)[1]).resolve()
        assert target.is_file() and target.parent == (PROJECT_DIR / "data" / "schemas").resolve()
    assert check_files(PROJECT_DIR) == []


# One broken value per rule: validation and the JSON Schema (what VS Code shows) must both refuse it.
BROKEN = [
    ("title:\n  fr: Un lac", "title:\n  fr: TODO — titre", "title.fr"),
    ("status: completed", "status: finished", "status"),
    ("start: 2020", "start: 2020-13", "start"),
    ("start: 2020", "start: 2020\nstatut: active", "statut"),
    ("  en: A data lake for affiliated health institutions\n", "", "title"),
    ("featured: true", "featured: yes", "featured"),
    ("  en: data-lake", "  en: Data Lake", "slug.en"),
    ("  - id: udem", "  - id: Université", "partners[0].id"),
    ("themes: [partage-de-donnees, cooperation-internationale]", "themes: partage-de-donnees", "themes"),
]


@pytest.mark.parametrize("old, new, field", BROKEN, ids=[b[2] + ":" + b[1][:20] for b in BROKEN])
def test_validation_and_the_json_schema_refuse_the_same_mistakes(tmp_path, old, new, field):
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    for folder in ("data", "docs"):
        copy_tree = PROJECT_DIR / folder
        for path in copy_tree.rglob("*"):
            if path.is_file():
                target = project / folder / path.relative_to(copy_tree)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(path.read_bytes())
    path = project / "data" / "projects" / "lac-de-donnees.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    shown = "data/projects/lac-de-donnees.yml"
    with pytest.raises(DataError) as raised:
        load_site(project / "data")
    assert any(p.file == shown and p.field.startswith(field) for p in raised.value.problems), raised.value.problems
    by_schema = check_files(project)
    assert any(p.file == shown and p.field.startswith(field) for p in by_schema), by_schema


def test_make_schemas_finds_and_fixes_what_drifted(tmp_path):
    project = copy_whole_project(tmp_path / "project")
    schema = project / "data" / "schemas" / "news.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"planned"', '"ongoing"').replace(
        "Titre", "Titre modifié à la main"), encoding="utf-8")
    guide = project / "EDITING.en.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("| `status` | yes |", "| `status` | no |"),
                     encoding="utf-8")
    data_file = project / "data" / "partners" / "udem.yml"
    data_file.write_text(data_file.read_text(encoding="utf-8").replace("partners.schema.json", "news.schema.json", 1),
                         encoding="utf-8")
    # The editing interface (Sveltia CMS) writes a file without its comments: no first line is not a drift.
    cms_written = project / "data" / "partners" / "mei.yml"
    cms_written.write_text(cms_written.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")

    checked = make(project, "check-generated")
    assert checked.returncode != 0
    for name in ("data/schemas/news.schema.json", "EDITING.en.md", "data/partners/udem.yml"):
        assert say("schemas.stale", file=name) in checked.stderr
    assert "Traceback" not in checked.stderr
    assert "mei.yml" not in checked.stderr

    fixed = make(project, "schemas")
    assert fixed.returncode == 0, fixed.stderr
    assert make(project, "check-generated").returncode == 0
    assert data_file.read_text(encoding="utf-8").startswith(modeline(COLLECTIONS[3]) + "\nname: Université")
    assert cms_written.read_text(encoding="utf-8").startswith(modeline(COLLECTIONS[3]) + "\n")
    assert schema.read_bytes() == (PROJECT_DIR / "data" / "schemas" / "news.schema.json").read_bytes()


def test_each_guide_has_the_field_table_of_every_collection_in_its_language():
    for lang, name in GUIDES.items():
        text = (PROJECT_DIR / name).read_text(encoding="utf-8")
        header = "| Champ | Obligatoire |" if lang == "fr" else "| Field | Required |"
        assert text.count(header) == len(COLLECTIONS)
        for collection in COLLECTIONS:
            for spec in collection.fields:
                assert f"| `{spec.name}` |" in text, (name, collection.name, spec.name)
                assert spec.description[lang] in text
    assert set(GUIDES) == set(LANGUAGES)


def test_the_guides_quote_the_messages_validation_really_gives(data_dir, tmp_path):
    """Each `file:line: field: message` example of the guides' errors section is a real message."""
    project_file = data_dir / "projects" / "lac-de-donnees.yml"
    text = project_file.read_text(encoding="utf-8")
    for old, new in [("  en: A data lake for affiliated health institutions\n", ""),
                     ("status: completed", "statut: completed\nstatus: ongoing"), ("end: 2022", "end: 2022-02-30"),
                     ("  - id: mei", "  - id: nasa"), ("  en: Funding", "  en: TODO")]:
        text = text.replace(old, new)
    project_file.write_text(text, encoding="utf-8")
    news = data_dir / "news" / "2020-06-appui-mrif.yml"
    news.write_text(news.read_text(encoding="utf-8").replace("date: 2020-06", "date: 2020-06\n\tx: 1"), "utf-8")
    (data_dir / "news" / "2020-06-29-adhesion-echalliance.yml").write_text("title: Sans traduction\n", "utf-8")
    (data_dir / "projects" / "casse.yml").write_text("title: [\n", encoding="utf-8")
    other = data_dir / "projects" / "innovation-technosociale.yml"
    other.write_text(other.read_text(encoding="utf-8").replace("start: 2020", "start: 1020").replace(
        "themes: [innovation-technosociale,", "themes: [innovation-technosociale, innovation-technosociale,"), "utf-8")
    for name in ("Mon Partenaire", "My Partner"):
        (data_dir / "partners" / f"{name}.yml").write_text("name: x\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_site(data_dir)
    problems = raised.value.problems + [yaml_problem(tmp_path, text) for text in YAML_MISTAKES]
    for lang, name in GUIDES.items():  # each guide quotes the messages in its own language
        messages = [p.text(lang) for p in problems]
        quoted = re.findall(r"^data/\S[^:\n]*(?::\d+)?: (?:[a-z][\w.\[\]]*: )?(.+)$",
                            (PROJECT_DIR / name).read_text(encoding="utf-8"), re.MULTILINE)
        assert len(quoted) >= 13, (name, quoted)
        for message in quoted:
            known = message.rstrip("…").rstrip().rstrip(",")
            assert any(real.startswith(known) for real in messages), (name, message, messages)


# The YAML mistakes the guides explain, each in a file of its own.
YAML_MISTAKES = [
    "status: active\ntitle:\n  fr: Titre\n   en: Title\n",
    "title:\n  fr: Titre\n  en: Title\nstatus:active\n",
    'title: "Titre\n',
    "title:\n  fr: Titre\n  en: Note: an example\n",
]


def yaml_problem(folder: Path, text: str):
    path = folder / "mistake.yml"
    path.write_text(text, encoding="utf-8")
    _, [problem] = load_yaml_file(path, "mistake.yml")
    return problem


def _all_fields(fields):
    for spec in fields:
        yield spec
        if spec.item is not None:
            yield from _all_fields([spec.item])
        yield from _all_fields(spec.fields)


def test_every_kind_of_the_definition_has_its_rule_help_and_json_schema():
    """A new kind in schema.py needs a rule in validate.py, a KIND_HELP entry and a case in schema_export.py."""
    from csn.data.schema import KIND_HELP
    from csn.data.validate import _RULES
    from csn.editors.schema_export import field_schema

    for collection in COLLECTIONS:
        for spec in _all_fields([*collection.fields, *([collection.entry] if collection.entry else [])]):
            assert spec.kind in _RULES and spec.kind in KIND_HELP, (collection.name, spec.name, spec.kind)
            assert set(KIND_HELP[spec.kind]) == set(LANGUAGES)
            field_schema(spec)  # raises for a kind it does not know
    assert set(KIND_HELP) == set(_RULES)
