"""make bench's JSON: every size and measurement with its figures, read back as JSON."""

import json

from bench.measure import Run, Series
from bench.results import in_process_seconds, results_document, write_results


def test_results_json_has_each_measurement_figures(tmp_path):
    validate_output = "Checked 40 files: no problem (0.26 s)"
    results = {1000: {"project": Series([Run(6.0, 120.0, "", 9.0), Run(5.0, 125.0, "", 8.5), Run(7.0, 118.0, "", 9.5)]),
                      "floor": Series([Run(10.0, 90.0, "", 10.0)]),
                      "validate": Series([Run(0.5, 40.0, validate_output, 0.6)])}}
    pages = {1000: {"project": 2722, "floor": 2722}}
    path = tmp_path / "out" / "results.json"
    write_results(path, results_document(results, pages, "test machine", 3, 3, 0.5, {"project 100->1000": 9.1}))
    document = json.loads(path.read_text(encoding="utf-8"))
    project = document["sizes"]["1000"]["project"]
    assert (project["median_s"], project["min_s"], project["max_s"]) == (6.0, 5.0, 7.0)
    assert (project["cpu_s"], project["peak_mb"], project["pages"]) == (9.0, 125.0, 2722)
    assert project["vs_floor"] == 0.6
    assert document["sizes"]["1000"]["validate"]["in_process_s"] == 0.26
    assert document["sizes"]["1000"]["validate"]["pages"] is None
    assert document["growth"] == {"project 100->1000": 9.1}


def test_validate_time_is_read_in_either_language():
    assert in_process_seconds("Les données sont valides : 4 000 actualités publiées, 10 826 pages (1,3 s).") == 1.3
    assert in_process_seconds("The data is valid: 10,826 pages (0.98 s).") == 0.98
    assert in_process_seconds("Les données sont valides (2 s).") == 2.0
