"""Run `mkdocs build` under cProfile counting CPU time, not wall time: the machine may be shared.

Usage: python -m bench.cpu_profile REPORT.prof [mkdocs build arguments...]
"""

from __future__ import annotations

import cProfile
import sys
import time

from mkdocs.__main__ import cli


def main(argv: list[str]) -> int:
    report, args = argv[0], argv[1:]
    profiler = cProfile.Profile(time.process_time)
    try:
        profiler.runcall(cli.main, args=["build", *args], prog_name="mkdocs", standalone_mode=False)
    finally:
        profiler.dump_stats(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
