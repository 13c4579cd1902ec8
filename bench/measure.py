"""Run one measured command in its own process: wall time and that process's peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Run:
    seconds: float
    peak_mb: float  # the largest resident set of the process, or of a child it waited for
    output: str
    cpu_seconds: float = 0.0  # user + system time: steadier than wall time on a shared machine


@dataclass
class Series:
    """Repeated runs of one measurement."""

    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        return min(run.seconds for run in self.runs), max(run.seconds for run in self.runs)

    @property
    def cpu_median(self) -> float:
        return statistics.median(run.cpu_seconds for run in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(run.peak_mb for run in self.runs)


class CommandFailed(Exception):
    pass


def start(command: list[str], cwd, env: dict[str, str], output) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)


def reap(process: subprocess.Popen) -> tuple[int, float, float]:
    """Wait for `process` itself (not any other child): its exit code, peak resident MB and CPU seconds."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def run(command: list[str], cwd, env: dict[str, str], timeout: float = 1800) -> Run:
    """Run `command` to its end; raise CommandFailed with its output when it exits non-zero."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = start(command, cwd, env, output)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            code, peak_mb, cpu_seconds = reap(process)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    if code != 0:
        raise CommandFailed(f"{' '.join(map(str, command))} (in {cwd}) exited with {code}:\n{text[-4000:]}")
    return Run(seconds, peak_mb, text, cpu_seconds)
