"""The editor's wait: from saving one YAML file to the changed page being served by `mkdocs serve`."""

from __future__ import annotations

import os
import re
import signal
import socket
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .measure import CommandFailed, Run, reap, start

POLL_SECONDS = 0.02


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_command(project: Path, port: int, incremental: bool) -> list[str]:
    """The preview server as `make serve` starts it (watching data/ even where mkdocs.yml does not)."""
    return [sys.executable, "-m", "mkdocs", "serve", "--strict", *(["--dirty"] if incremental else []),
            "--dev-addr", f"127.0.0.1:{port}", "--watch", str(project / "data")]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=600) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, text: str, server, deadline: float, log) -> None:
    while text not in _fetch(url):
        if _exited(server) or time.perf_counter() > deadline:
            log.seek(0)
            raise CommandFailed(f"the preview server never served {text!r} at {url}:\n"
                                f"{log.read().decode('utf-8', 'replace')[-4000:]}")
        time.sleep(POLL_SECONDS)


def _exited(process) -> bool:
    """Whether `process` has ended, without reaping it (its rusage is read later)."""
    return os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None


def _retitle(path: Path, fr: str, en: str) -> None:
    """Give the news item at `path` new titles, as an editor would in a text editor."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^title:\n  fr: .*\n  en: .*\n", f"title:\n  fr: {fr}\n  en: {en}\n", text, count=1,
                  flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")


def measure_preview(project: Path, news_file: Path, page_path: str, edits: int, env: dict[str, str],
                    incremental: bool = True, timeout: float = 1800) -> list[Run]:
    """Start the server, then `edits` times: retitle one news item and time until its page shows it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page_path}"
    runs: list[Run] = []
    with tempfile.TemporaryFile() as log:
        server = start(serve_command(project, port, incremental), project, env, log)
        try:
            _wait_for(url, "<html", server, time.perf_counter() + timeout, log)
            for edit in range(1, edits + 1):
                marker = f"Bench edit {edit} {os.getpid()}"
                started = time.perf_counter()
                _retitle(news_file, f"Titre {marker}", f"Title {marker}")
                _wait_for(url, marker, server, started + timeout, log)
                runs.append(Run(time.perf_counter() - started, 0.0, ""))
                time.sleep(0.3)  # let the watcher settle before the next save
        finally:
            if not _exited(server):
                server.send_signal(signal.SIGINT)
            _, peak_mb, _ = reap(server)
    for run in runs:
        run.peak_mb = peak_mb
    return runs
