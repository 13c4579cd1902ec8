"""`make profile`: where the project's build (or the floor's) spends its time, at one size.

Writes the synthetic data set of size N, then runs one strict build under
pyinstrument (a statistical profiler: little overhead, call trees that read
well) or cProfile (exact call counts), and prints the report. The report is
also saved next to the data set when --keep is given.
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .__main__ import environment
from .workspace import PROJECT_DIR, SITE_URL, prepare


def profile_command(tool: str, report: Path) -> list[str]:
    build = ["-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
    if tool == "pyinstrument":
        # --show-all: the library frames (Material's templates, Markdown, the search plugin) are the point.
        return [sys.executable, "-m", "pyinstrument", "--renderer", "text", "--show-all", "--outfile", str(report),
                *build]
    return [sys.executable, "-m", "bench.cpu_profile", str(report), *build[3:]]


# Where a build's time goes: (label, function, calling function or None); a function is
# (end of its file's path, its name), so that the report survives edits that move lines.
COST_CENTRES = (
    ("whole build", ("mkdocs/commands/build.py", "build"), None),
    ("Material page frame (main.html)", ("jinja2/environment.py", "render"),
     ("mkdocs/commands/build.py", "_build_page")),
    ("MkDocs Markdown (Page.render)", ("mkdocs/structure/pages.py", "render"), None),
    ("data pages' bodies (templates + Markdown)", ("csn/pages.py", "render_content"), None),
    ("load, validate, plan", ("csn/build.py", "prepare"), None),
    ("security pass (policy hashes, rel)", ("csn/page_security.py", "secure_page"), None),
    ("search index (Pagefind, a subprocess)", ("csn/outputs/search_bundle.py", "write_search_bundle"), None),
    ("feeds, sitemaps, open data", ("csn/site_files.py", "language_files"), None),
    ("template compilation", ("jinja2/environment.py", "compile"), None),
    ("writing files", ("mkdocs/utils/__init__.py", "write_file"), None),
)


def _is(key: tuple, function: tuple[str, str]) -> bool:
    filename, _, name = key
    return filename.endswith(function[0]) and name == function[1]


def cost_summary(stats: pstats.Stats) -> str:
    """Seconds (cumulative CPU under cProfile, which inflates them) and share of the whole build."""
    found: dict[str, float] = {}
    for label, function, caller in COST_CENTRES:
        seconds = 0.0
        for key, (_, _, _, cumulative, callers) in stats.stats.items():
            if not _is(key, function):
                continue
            if caller is None:
                seconds += cumulative
            else:
                seconds += sum(value[3] for who, value in callers.items() if _is(who, caller))
        found[label] = seconds
    total = found["whole build"] or 1.0
    return "\n".join(f"{seconds:8.2f} s {100 * seconds / total:5.1f} %  {label}" for label, seconds in found.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--size", type=int, default=1000, help="N, the number of news items (default: 1000)")
    parser.add_argument("--target", choices=("project", "floor"), default="project")
    parser.add_argument("--tool", choices=("pyinstrument", "cprofile"), default="cprofile",
                        help="cprofile (default): CPU time, exact counts; pyinstrument: wall-time call tree")
    parser.add_argument("--top", type=int, default=0, help="cProfile: also print the top functions (default: 0)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="csn-profile-"))
    try:
        space = prepare(root / str(args.size), args.size, with_hugo=False)
        folder = space.project if args.target == "project" else space.floor
        report = root / ("profile.txt" if args.tool == "pyinstrument" else "profile.prof")
        env = environment(space.project if args.target == "project" else None)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (env.get("PYTHONPATH"), str(PROJECT_DIR))))
        done = subprocess.run(profile_command(args.tool, report), cwd=folder, env=env, capture_output=True, text=True,
                              check=False)
        if done.returncode != 0:
            print(done.stdout + done.stderr, file=sys.stderr)
            return 1
        if args.tool == "pyinstrument":
            print(report.read_text(encoding="utf-8"))
        else:
            stats = pstats.Stats(str(report))
            if args.top:
                stats.sort_stats("cumulative").print_stats(args.top)
                stats.sort_stats("tottime").print_stats(args.top)
            print(cost_summary(stats))
        print(f"(site_url {SITE_URL}; N={args.size}, {args.target})")
        return 0
    finally:
        if args.keep:
            print(f"Kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
