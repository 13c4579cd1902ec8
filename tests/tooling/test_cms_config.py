"""The editing interface's configuration (hooks/csn/editors/cms_config.py) against schema.py, the data and the JSON
Schema that Sveltia CMS ships for its configuration."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from csn.data.datafiles import collection_of, data_files
from csn.data.schema import COLLECTIONS, ID_PATTERN, Field
from csn.editors.cms_admin import admin_config
from csn.editors.cms_config import CONFIG_FILE, cms_config, render
from tests.helpers.sitebuild import FIXTURE_DATA, PROJECT_DIR

SVELTIA_SCHEMA = PROJECT_DIR / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"
BACKEND = {"name": "github", "repo": "owner/name", "branch": "main"}
TEXT_WIDGETS = ("string", "text", "markdown", "color")


def _themes(data_dir: Path = FIXTURE_DATA) -> list[tuple[str, dict[str, str]]]:
    themes = yaml.safe_load((data_dir / "themes.yml").read_text(encoding="utf-8")) or {}
    return list(themes.items())


def _collections(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each collection of schema.py by name, as the configuration has it (the single files included)."""
    found = {}
    for entry in config["collections"]:
        for item in entry.get("files", [entry]):
            found[item["name"]] = item
    return found


def _validator() -> jsonschema.Draft7Validator:
    if not SVELTIA_SCHEMA.is_file():
        pytest.fail(f"{SVELTIA_SCHEMA} is missing: `make test` installs the npm packages (npm ci)")
    return jsonschema.Draft7Validator(json.loads(SVELTIA_SCHEMA.read_text(encoding="utf-8")))


def test_the_committed_configuration_is_the_generated_one():
    assert (PROJECT_DIR / "data" / CONFIG_FILE).read_text(encoding="utf-8") == render(), "run `make schemas`"


def _built() -> dict[str, Any]:
    """The configuration as the build writes it into admin/config.json."""
    return json.loads(admin_config(_themes(), "https://csn.example.org/", {"GITHUB_REPOSITORY": BACKEND["repo"]}))


def test_the_configuration_is_valid_for_sveltia_cms():
    built = _built()
    assert built["backend"]["repo"] == BACKEND["repo"] and built["publish_mode"] == "editorial_workflow"
    errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in _validator().iter_errors(built)]
    assert errors == []


@pytest.mark.parametrize("break_it", [
    lambda c: c["collections"][0].pop("folder"),
    lambda c: c["collections"][0]["fields"][0].update(required="yes"),
    lambda c: c.update(publish_mode="pull_request"),
], ids=["no folder", "required not a boolean", "unknown publish mode"])
def test_the_package_schema_refuses_a_broken_configuration(break_it):
    config = _built()
    break_it(config)
    assert list(_validator().iter_errors(config)), "the check must refuse what Sveltia CMS would refuse"


def _names(fields: tuple[Field, ...]) -> dict[str, Any]:
    """The tree of field names of schema.py (a list's item by its members)."""
    tree = {}
    for spec in fields:
        members = spec.fields or (spec.item.fields if spec.item is not None else ())
        tree[spec.name] = _names(members)
    return tree


def _config_names(fields: list[dict[str, Any]]) -> dict[str, Any]:
    tree = {}
    for field in fields:
        members = field.get("fields", [])
        # A translated value's fr/en inputs are its shape, not fields of schema.py.
        if [m["name"] for m in members] == ["fr", "en"]:
            members = []
        tree[field["name"]] = _config_names(members)
    return tree


def test_every_field_of_the_schema_has_an_input_with_help_in_both_languages():
    config = _collections(cms_config())
    for collection in COLLECTIONS:
        if collection.entry is not None:  # themes.yml: a map, edited as a file (its ids feed a choice list)
            assert collection.name not in config
            continue
        fields = config[collection.name]["fields"]
        assert _config_names(fields) == _names(collection.fields), collection.name

        def walk(items):
            for item in items:
                assert item["label"].strip(), item
                if item["name"] not in ("fr", "en"):
                    assert "*" in item["hint"], item  # the English help, in italics after the French
                yield item
                yield from walk(item.get("fields", []))

        by_name = {item["name"]: item for item in walk(fields)}
        for spec in collection.fields:
            assert by_name[spec.name].get("required", True) == spec.required, spec.name


def test_ids_and_slugs_are_enforced_by_the_form():
    news = _collections(cms_config())["news"]
    slug = next(f for f in news["fields"] if f["name"] == "slug")
    assert [sub["pattern"][0] for sub in slug["fields"]] == [ID_PATTERN, ID_PATTERN]
    assert news["slug"].startswith("{{fields.date}}-")  # 2024-05-30-title, as `make new-news` names it


def _problems(value: Any, field: dict[str, Any], where: str) -> list[str]:
    """Why `value` (as the data file holds it) would not load into `field`'s input unchanged."""
    widget = field["widget"]
    if widget == "object":
        if not isinstance(value, dict):
            return [f"{where}: {value!r} is not a mapping"]
        names = {sub["name"]: sub for sub in field["fields"]}
        found = [f"{where}.{key}: no input for it" for key in value if key not in names]
        found += [f"{where}.{name}: required, missing" for name, sub in names.items()
                  if sub.get("required", True) and name not in value]
        return found + [p for key, item in value.items() if key in names
                        for p in _problems(item, names[key], f"{where}.{key}")]
    if widget == "list":
        if not isinstance(value, list):
            return [f"{where}: {value!r} is not a list"]
        item_field = {"widget": "object", "fields": field["fields"]}
        return [p for i, item in enumerate(value) for p in _problems(item, item_field, f"{where}[{i}]")]
    if widget in ("relation", "select") and field.get("multiple"):
        values = value if isinstance(value, list) else [value]
        return [p for i, item in enumerate(values) for p in _problems(item, {**field, "multiple": False},
                                                                      f"{where}[{i}]")]
    if widget == "select":
        allowed = {option["value"] for option in field["options"]}
        return [] if value in allowed else [f"{where}: {value!r} is not one of the choices"]
    if widget == "relation":
        return [] if isinstance(value, str) else [f"{where}: {value!r} is not an id"]
    if widget == "proper_name":
        ok = isinstance(value, str) or (isinstance(value, dict) and set(value) <= {"fr", "en"} and "fr" in value)
        return [] if ok else [f"{where}: {value!r} is neither a text nor fr/en"]
    if widget == "boolean":
        return [] if isinstance(value, bool) else [f"{where}: {value!r} is not true or false"]
    if widget == "number":
        return [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [f"{where}: not a number"]
    if widget in TEXT_WIDGETS:
        # YAML 1.2 (the CMS's reader) keeps 2020-06-29 a text and reads 2020 as a number, shown as its digits.
        text = value.isoformat() if isinstance(value, dt.date) else str(value) if isinstance(value, int) else value
        if not isinstance(text, str):
            return [f"{where}: {value!r} is not a text"]
        pattern = field.get("pattern")
        if pattern and not re.search(pattern[0], text):
            return [f"{where}: {text!r} does not match the input's pattern"]
        return []
    if widget == "image":
        return [] if isinstance(value, str) else [f"{where}: {value!r} is not a path"]
    return [f"{where}: no check for the input {widget!r}"]


def _record_problems(record: dict[str, Any], fields: list[dict[str, Any]], where: str) -> list[str]:
    return _problems(record, {"widget": "object", "fields": fields}, where)


# The fixture's records, and the real ones: what editors have written must open in the forms unchanged.
@pytest.mark.parametrize("data_dir", [FIXTURE_DATA, PROJECT_DIR / "data"], ids=["fixture", "real content"])
def test_every_record_loads_in_the_forms_shape(data_dir):
    config = _collections(cms_config(_themes(data_dir), BACKEND))
    checked, problems = 0, []
    for path in data_files(data_dir):
        collection = collection_of(data_dir, path)
        if collection.entry is not None:
            continue
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        problems += _record_problems(record, config[collection.name]["fields"], path.name)
        checked += 1
    assert checked and problems == [], "\n".join(problems)


def test_the_shape_check_sees_a_record_the_form_would_change():
    fields = _collections(cms_config(_themes(), BACKEND))["partners"]["fields"]
    record = {"name": ["a", "list"], "kind": "planet", "country": "CA", "description": {"fr": "x"},
              "location": {"city": "Montréal", "latitude": "north", "longitude": 1.0}, "colour": "red"}
    problems = "\n".join(_record_problems(record, fields, "p"))
    for expected in ("p.name:", "p.kind:", "p.description.en: required", "p.location.latitude:", "p.colour:"):
        assert expected in problems
