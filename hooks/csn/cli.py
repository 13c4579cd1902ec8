"""Commands for editors and CI: `python -m csn validate` (run from hooks/)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import DataError, format_problems
from .load import load_site
from .plan import build_plan

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


def validate(project_dir: Path) -> int:
    started = time.perf_counter()
    try:
        site = load_site(project_dir / "data")
        plan = build_plan(site, project_dir / "docs")
    except DataError as error:
        print(format_problems(error.problems), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"The data is valid: {len(site.projects)} projects, {len(site.partners)} partners, "
          f"{len(site.news)} news items, {len(plan.pages)} pages ({elapsed:.2f} s).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m csn", description=__doc__)
    parser.add_argument("--project", type=Path, default=PROJECT_DIR, help="project folder (holds data/ and docs/)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every data file and report every problem at once")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.project.resolve())
    return 2
