"""Build a copy of the project (with its real data or altered data) into a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

PROJECT_DIR = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "docs", "data", "assets", "overrides", "hooks")
MKDOCS = [sys.executable, "-m", "mkdocs"]
# What a whole copy of the project leaves out: local state, outputs and caches.
NOT_COPIED = (".git", ".venv", "site", "test-output", "__pycache__", ".pytest_cache", ".ruff_cache", ".cache")
VENV = Path(sys.executable).parent.parent


@dataclass
class BuildResult:
    project: Path
    site: Path
    returncode: int
    output: str

    def html(self, url_path: str) -> BeautifulSoup:
        """The parsed page at `url_path` ("", "en/projects/data-lake/")."""
        return BeautifulSoup((self.site / url_path / "index.html").read_text(encoding="utf-8"), "lxml")


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = PROJECT_DIR / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


def copy_whole_project(destination: Path) -> Path:
    """The project with its Makefile, guides and tests, to run `make` commands on; times are kept so that
    make finds the virtualenv (passed as VENV=) up to date."""
    shutil.copytree(PROJECT_DIR, destination, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
    return destination


def make(project: Path, *args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run `make <args>` in a copy of the project with this test run's virtualenv."""
    return subprocess.run(["make", "--no-print-directory", "-C", str(project), f"VENV={VENV}", *args],
                          capture_output=True, text=True, timeout=timeout, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


def build(project: Path, site_url: str | None = None, extra_env: dict | None = None) -> BuildResult:
    # The copy's own hooks, not the repository's: a build of a copy reads nothing outside it.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks"), **(extra_env or {})}
    if site_url is not None:
        env["SITE_URL"] = site_url
    site = project / "site"
    done = subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    return BuildResult(project, site, done.returncode, done.stdout + done.stderr)
