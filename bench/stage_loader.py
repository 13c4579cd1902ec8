"""Time and memory of loading pathological YAML files: `python -m bench.stage_loader` (prints a table).

Each input is at most the 1 MB limit (one is just over it). Time is one
untraced run; memory is the peak of Python allocations (tracemalloc, in a
second run) and, for the C parser's own buffers, the growth of the process's
peak resident size.
"""

from __future__ import annotations

import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from csn.data.yaml_loader import MAX_FILE_BYTES, load_yaml_file, uses_c_loader

LIMIT = MAX_FILE_BYTES - 100


def fill(unit: str, head: str = "", tail: str = "") -> str:
    return head + unit * ((LIMIT - len(head) - len(tail)) // len(unit)) + tail


INPUTS = {
    "deep flow nesting [[[...]]]": fill("[", "a: "),
    "deep block nesting": "".join(f"{' ' * 2 * i}k{i}:\n" for i in range(700)),
    "one 1 MB line": fill("x", "a: "),
    "one 1 MB quoted line": fill("x", 'a: "', '"'),
    "100,000 keys": "".join(f"k{i}: v\n" for i in range(100_000))[:LIMIT],
    "flow list of 300,000 items": fill("1,", "a: [", "1]"),
    "alias bomb (billion laughs)": "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                                   "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
    "100,000 documents": fill("---\na: 1\n"),
    "duplicate key at the end": "".join(f"k{i}: v\n" for i in range(4000)) + "k0: again\n",
    "1 MB block scalar": "a: |\n" + fill("  line of text\n"),
    "binary junk": bytes(range(256)) * (LIMIT // 256),
    "just over the limit": "a: " + "x" * MAX_FILE_BYTES,
    "tabs at the end": fill("k: v\n", tail="\tx: 1\n"),
}


def measure(content: str | bytes, folder: Path) -> tuple[float, float, str]:
    path = folder / "input.yml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    started = time.perf_counter()
    _, problems = load_yaml_file(path, "input.yml")
    elapsed = time.perf_counter() - started
    tracemalloc.start()  # a second run: tracing slows every allocation down
    load_yaml_file(path, "input.yml")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    outcome = str(problems[0])[len("input.yml"):][:70] if problems else "loaded"
    return elapsed, peak / 1e6, outcome


def main() -> None:
    print(f"C parser: {uses_c_loader()}; limit {MAX_FILE_BYTES:,} bytes")
    print(f"{'input':32} {'time ms':>8} {'py MB':>7} {'RSS+ MB':>8}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for name, text in INPUTS.items():
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            elapsed, peak, outcome = measure(text, Path(folder))
            grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
            print(f"{name:32} {elapsed * 1000:8.1f} {peak:7.2f} {grown:8.1f}  {outcome}")


if __name__ == "__main__":
    main()
