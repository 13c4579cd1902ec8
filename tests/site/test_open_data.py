"""The open data: JSON valid against its published schema, equal to the YAML it comes from, and its CSV."""

from __future__ import annotations

import csv
import io
import json
import unicodedata

import jsonschema
import pytest
import yaml

from csn.data.markdown_render import MarkdownRenderer
from tests.helpers.sitebuild import FIXTURE_DATA

SITE_URL = "https://csn.example.org/"
API = "api/v1/"
DATASETS = ("projects", "partners", "news")
DATA = FIXTURE_DATA


def load(real_site, path: str):
    return json.loads((real_site.site / path).read_text(encoding="utf-8"))


def records(real_site, dataset: str) -> dict[str, dict]:
    return {r["id"]: r for r in load(real_site, f"{API}{dataset}.json")["records"]}


def yaml_records(folder: str) -> dict[str, dict]:
    """The editors' files read plainly, as YAML, without the site's loader."""
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((DATA / folder).glob("*.yml"))}


def text(value) -> str:
    """A YAML scalar as the site reads it: text, NFC, without outer blanks."""
    return unicodedata.normalize("NFC", str(value)).strip()


def translated(value) -> dict:
    """A text in both languages as the export gives it: exactly as written."""
    return {lang: text(value[lang]) for lang in ("fr", "en")}


RENDER = MarkdownRenderer()


def rendered(value) -> dict:
    """A Markdown text in both languages as the export gives it: the site's sanitized HTML."""
    return {lang: str(RENDER(text(value[lang]), asset_root=SITE_URL)) for lang in ("fr", "en")}


def proper(value) -> dict:
    return translated(value) if isinstance(value, dict) else translated({lang: value for lang in ("fr", "en")})


@pytest.mark.parametrize("dataset", DATASETS)
def test_each_file_is_valid_against_its_published_schema(real_site, dataset):
    document = load(real_site, f"{API}{dataset}.json")
    schema = load(real_site, f"{API}schema/{dataset}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert document["version"] == 1 and document["dataset"] == dataset
    assert document["schema"] == schema["$id"] == f"{SITE_URL}{API}schema/{dataset}.schema.json"


def test_the_schema_rejects_a_record_that_breaks_it(real_site):
    document = load(real_site, f"{API}projects.json")
    document["records"][0]["status"] = "ongoing"
    del document["records"][1]["title"]["en"]
    validator = jsonschema.Draft202012Validator(load(real_site, f"{API}schema/projects.schema.json"))
    assert len(list(validator.iter_errors(document))) == 2


def test_the_catalogue_lists_every_file_and_the_files_exist(real_site):
    catalogue = load(real_site, f"{API}index.json")
    assert [d["dataset"] for d in catalogue["datasets"]] == list(DATASETS)
    for entry in catalogue["datasets"]:
        for key in ("json", "schema", "csv"):
            if key in entry:
                assert (real_site.site / entry[key][len(SITE_URL):]).is_file(), entry[key]
        assert entry["count"] == len(records(real_site, entry["dataset"]))
    assert {d["dataset"] for d in catalogue["datasets"] if "csv" in d} == {"projects", "partners"}


def project_matches_yaml(pid: str, record: dict, raw: dict) -> None:
    for field in ("title", "summary"):
        assert record[field] == translated(raw[field]), (pid, field)
    assert record["description"] == rendered(raw["description"])
    assert record["status"] == raw["status"]
    assert record["start"] == str(raw["start"]) and record["end"] == (str(raw["end"]) if "end" in raw else None)
    assert record["featured"] == raw.get("featured", False)
    assert [t["id"] for t in record["themes"]] == raw["themes"]
    written = [p if isinstance(p, dict) else {"id": p} for p in raw["partners"]]
    assert [p["id"] for p in record["partners"]] == [p["id"] for p in written]
    for out, given in zip(record["partners"], written, strict=True):
        assert out["role"] == (translated(given["role"]) if "role" in given else None)
        assert out["funder"] == given.get("funder", False)
    assert [link["url"] for link in record["links"]] == [link["url"] for link in raw.get("links", [])]


def partner_matches_yaml(pid: str, record: dict, raw: dict) -> None:
    assert record["name"] == proper(raw["name"])
    assert record["description"] == translated(raw["description"])
    assert (record["kind"], record["country"]) == (raw["kind"], raw["country"])
    assert record["acronym"] == raw.get("acronym")
    assert record["website"] == raw.get("website")
    assert record["region"] == (proper(raw["region"]) if "region" in raw else None)


def news_matches_yaml(nid: str, record: dict, raw: dict) -> None:
    assert record["date"] == str(raw["date"])
    for field in ("title", "summary"):
        assert record[field] == translated(raw[field]), (nid, field)
    assert record["body"] == rendered(raw["body"])
    assert [p["id"] for p in record["projects"]] == raw.get("projects", [])
    assert [p["id"] for p in record["partners"]] == raw.get("partners", [])
    assert record["source"] == ({"name": text(raw["source"]["name"]), "url": raw["source"].get("url")}
                                if "source" in raw else None)


MATCHES_YAML = {"projects": project_matches_yaml, "partners": partner_matches_yaml, "news": news_matches_yaml}


@pytest.mark.parametrize("dataset", DATASETS)
def test_each_record_round_trips_to_the_yaml(real_site, dataset):
    exported = records(real_site, dataset)
    source = yaml_records(dataset)
    assert set(exported) == set(source)
    for rid, raw in source.items():
        MATCHES_YAML[dataset](rid, exported[rid], raw)


def test_references_are_ids_of_other_records_with_the_urls_of_their_pages(real_site):
    every = {dataset: records(real_site, dataset) for dataset in DATASETS}
    checked = 0
    for dataset, by_id in every.items():
        for record in by_id.values():
            for lang, url in record["url"].items():
                assert real_site.html(url[len(SITE_URL):]).html["lang"] == lang
            for target in DATASETS:  # a record's `projects`, `partners` and `news` point into those datasets
                for ref in record.get(target, []) if target != dataset else []:
                    assert ref["id"] in every[target], (dataset, record["id"], target, ref["id"])
                    assert ref["url"] == every[target][ref["id"]]["url"]
                    checked += 1
    assert checked > 50


def read_csv(real_site, name: str) -> list[dict]:
    raw = (real_site.site / f"{API}{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "spreadsheets need the UTF-8 byte-order mark to read the accents"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def in_both_languages(row: dict, record: dict, field: str) -> None:
    """The CSV's `<field>_fr` and `<field>_en` columns: the JSON's exact texts."""
    for lang in ("fr", "en"):
        assert row[f"{field}_{lang}"] == record[field][lang], (record["id"], field, lang)


def project_row_matches_json(row: dict, record: dict) -> None:
    in_both_languages(row, record, "title")
    assert row["url_en"] == record["url"]["en"] and row["status"] == record["status"]
    assert row["themes"].split(";") == [t["id"] for t in record["themes"]]
    assert row["partners"].split(";") == [p["id"] for p in record["partners"]]
    assert row["funders"] == "mrif"
    assert row["end"] == (record["end"] or "")


def partner_row_matches_json(row: dict, record: dict) -> None:
    in_both_languages(row, record, "name")
    assert row["country"] == record["country"] and row["website"] == (record["website"] or "")
    assert row["projects"] == ";".join(p["id"] for p in record["projects"])


ROW_MATCHES_JSON = {"projects": project_row_matches_json, "partners": partner_row_matches_json}


@pytest.mark.parametrize("dataset", list(ROW_MATCHES_JSON))
def test_the_csv_has_one_row_per_record_with_the_json_values(real_site, dataset):
    rows = read_csv(real_site, dataset)
    exported = records(real_site, dataset)
    assert [row["id"] for row in rows] == list(exported)
    for row in rows:
        ROW_MATCHES_JSON[dataset](row, exported[row["id"]])


@pytest.mark.parametrize("path", ["donnees-ouvertes/", "en/open-data/"])
def test_the_open_data_page_documents_every_field_of_every_dataset(real_site, path):
    soup = real_site.html(path)
    schemas = {d: load(real_site, f"{API}schema/{d}.schema.json") for d in DATASETS}
    tables = soup.select("table.csn-fields")
    assert len(tables) == len(DATASETS)
    for dataset, table in zip(DATASETS, tables, strict=True):
        documented = [th.get_text(strip=True) for th in table.select("tbody th")]
        assert documented == list(schemas[dataset]["properties"]["records"]["items"]["properties"])
        assert all(td.get_text(strip=True) for td in table.select("tbody td"))
    footer = real_site.html("en/" if path.startswith("en/") else "").select("footer.csn-footer a")
    assert any(a["href"].rstrip("/").endswith(path.rstrip("/").split("/")[-1]) for a in footer)
