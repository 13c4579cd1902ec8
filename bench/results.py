"""`make bench`'s figures as JSON (bench/results.json, or OUT=): what other tools read instead of the table."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

from .measure import Series

DEFAULT_PATH = Path(__file__).resolve().parent / "results.json"
RATIO_TO_FLOOR = ("project", "hugo")


def in_process_seconds(output: str) -> float | None:
    """The time `validate` reports for loading and validating, without the interpreter's start
    (in French by default: `(1,07 s)`)."""
    match = re.search(r"\((\d+(?:[.,]\d+)?) s\)", output)
    return float(match.group(1).replace(",", ".")) if match else None


def median_in_process(series: Series) -> float | None:
    inner = sorted(x for x in (in_process_seconds(r.output) for r in series.runs) if x is not None)
    return inner[len(inner) // 2] if inner else None


def measurement(name: str, series: Series, pages: int | None, floor: Series | None) -> dict:
    low, high = series.spread
    figures = {
        "median_s": round(series.median, 3),
        "min_s": round(low, 3),
        "max_s": round(high, 3),
        # The preview's figure is the wait of an edit: the server's CPU time covers its whole life.
        "cpu_s": round(series.cpu_median, 3) if name != "preview" else None,
        "peak_mb": round(series.peak_mb, 1),
        "pages": pages,
        "runs_s": [round(run.seconds, 3) for run in series.runs],
    }
    if name == "validate":
        figures["in_process_s"] = median_in_process(series)
    if floor is not None and name in RATIO_TO_FLOOR:
        figures["vs_floor"] = round(series.median / floor.median, 3)
    return figures


def results_document(results: dict[int, dict[str, Series]], pages: dict[int, dict[str, int]], machine: str,
                     repeat: int, edits: int, load_before: float, growth: dict[str, float]) -> dict:
    sizes = {}
    for n, series in results.items():
        floor = series.get("floor")
        sizes[str(n)] = {name: measurement(name, s, pages[n].get(name), floor) for name, s in series.items()}
    return {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine,
        "repeat": repeat,
        "preview_edits": edits,
        "load_average": {"start": round(load_before, 2), "end": round(os.getloadavg()[0], 2)},
        "units": {"median_s": "wall seconds", "cpu_s": "user + system seconds of the process and its children",
                  "peak_mb": "largest resident set of one process (the measured command or a child it waited for)",
                  "pages": "index.html files in the output"},
        "sizes": sizes,
        "growth": growth,
    }


def write_results(path: Path, document: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
