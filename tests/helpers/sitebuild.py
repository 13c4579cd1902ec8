"""Build a copy of the project (the fixture project's content, or altered content) into a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

PROJECT_DIR = Path(__file__).resolve().parents[2]
# The content the site tests build: a frozen copy of data/ and docs/ (tests/fixtures/project/README.md),
# so that editors' new records change no test. The code, templates, configuration and schemas are the repository's.
FIXTURE_DIR = PROJECT_DIR / "tests" / "fixtures" / "project"
FIXTURE_DATA = FIXTURE_DIR / "data"
FIXTURE_DOCS = FIXTURE_DIR / "docs"
CODE_COPIED = ("mkdocs.yml", "overrides", "hooks")
CONTENT_COPIED = ("data", "docs", "assets")
MKDOCS = [sys.executable, "-m", "mkdocs"]
# ProperDocs, the drop-in fork of MkDocs 1.x: the escape hatch from MkDocs 1.6 (tests/site/test_properdocs.py).
PROPERDOCS = [sys.executable, "-m", "properdocs"]
# What a whole copy of the project leaves out: local state, outputs and caches.
NOT_COPIED = (".git", ".venv", "site", "test-output", "__pycache__", ".pytest_cache", ".ruff_cache", ".cache")
VENV = Path(sys.executable).parent.parent
# The editing interface bundled from the npm package (`make test` bundles it), where the build looks for it.
ADMIN_BUNDLE = Path("node_modules") / ".cache" / "csn-admin"


@dataclass
class BuildResult:
    project: Path
    site: Path
    returncode: int
    output: str

    def html(self, url_path: str) -> BeautifulSoup:
        """The parsed page at `url_path` ("", "en/projects/data-lake/")."""
        return BeautifulSoup((self.site / url_path / "index.html").read_text(encoding="utf-8"), "lxml")


def copy_project(destination: Path, content: Path = FIXTURE_DIR) -> Path:
    """The repository's code and configuration with `content`'s data/, docs/ and assets/ (the fixture's,
    or PROJECT_DIR for the real content)."""
    destination.mkdir(parents=True, exist_ok=True)
    sources = [PROJECT_DIR / name for name in CODE_COPIED] + [content / name for name in CONTENT_COPIED]
    for source in sources:
        if source.is_dir():
            shutil.copytree(source, destination / source.name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, destination / source.name)
    schemas = destination / "data" / "schemas"
    if not schemas.exists():
        shutil.copytree(PROJECT_DIR / "data" / "schemas", schemas)
    _link_admin_bundle(destination)
    return destination


def _link_admin_bundle(destination: Path) -> None:
    """The bundled CMS inside the copy, where a build finds it (hard links: 11 MB, copied by no one)."""
    source = PROJECT_DIR / ADMIN_BUNDLE
    if not source.is_dir():
        raise RuntimeError(f"{source} is missing: `make test` bundles the editing interface (tools/bundle_cms.mjs)")

    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:  # another file system
            shutil.copy2(src, dst)

    shutil.copytree(source, destination / ADMIN_BUNDLE, copy_function=link)


def _not_copied(folder: str, names: list[str]) -> set[str]:
    """Build outputs and caches: at the top level only (hooks/csn/site/ is code, site/ is not)."""
    top = Path(folder) == PROJECT_DIR
    return {name for name in names if name in NOT_COPIED and (top or name in ("__pycache__", ".pytest_cache"))}


def copy_whole_project(destination: Path) -> Path:
    """The project with its Makefile, guides and tests, to run `make` commands on; times are kept so that
    make finds the virtualenv (passed as VENV=) up to date."""
    shutil.copytree(PROJECT_DIR, destination, ignore=_not_copied, symlinks=True)
    return destination


def make(project: Path, *args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run `make <args>` in a copy of the project with this test run's virtualenv, never reinstalled from the
    copy (a reinstall would point the virtualenv's editable package at the copy, which is then removed)."""
    keep = [f"--old-file={VENV}/{stamp}" for stamp in (".site-installed", ".test-installed", ".bench-installed")]
    return subprocess.run(["make", "--no-print-directory", "-C", str(project), f"VENV={VENV}", *keep, *args],
                          capture_output=True, text=True, timeout=timeout, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


def build(project: Path, site_url: str | None = None, extra_env: dict | None = None,
          generator: list[str] | None = None, site_name: str = "site") -> BuildResult:
    # The copy's own hooks, not the repository's: a build of a copy reads nothing outside it.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks"),
           "CSN_ADMIN_BUNDLE": str(project / ADMIN_BUNDLE), **(extra_env or {})}
    if site_url is not None:
        env["SITE_URL"] = site_url
    site = project / site_name
    # By default `make build`'s command: both languages in parallel, then the site's files and its search index.
    command = [*generator, "build", "--strict", "--site-dir", str(site)] if generator else \
        [sys.executable, "-m", "csn", "--project", str(project), "build", "--site-dir", str(site)]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)
    return BuildResult(project, site, done.returncode, done.stdout + done.stderr)
