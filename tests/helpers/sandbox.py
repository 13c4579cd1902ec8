"""Run a build (or any Python command) with the network refused and every file access recorded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import csn
from tests.helpers.sitebuild import BuildResult, build

SANDBOX_DIR = Path(__file__).resolve().parent / "sandbox_startup"
# Where an honest build may read: the project, Python and its installed packages, this sandbox,
# and the machine's time zone files, which Babel looks up when imported (the build never formats
# a time with them: the reproducibility test builds under two different TZ values).
INSTALLED_PACKAGE_ROOT = Path(csn.__file__).resolve().parent.parent
SYSTEM_TIME_ZONE = (Path("/usr/share/zoneinfo"), Path("/etc/localtime"), Path("/etc/timezone"))


@dataclass
class SandboxRecord:
    events: list[dict]

    def of_kind(self, *kinds: str) -> list[str]:
        return [event["target"] for event in self.events if event["kind"] in kinds]

    def outside(self, *roots: Path) -> list[str]:
        """Files opened and folders listed outside `roots` and the always-allowed places.

        The installed package's folder (an editable install: the repository's hooks/) is on every
        Python's import path, so a failed import lists it; nothing may be opened there."""
        allowed = [Path(p).resolve() for p in (*roots, sys.prefix, sys.base_prefix, sys.exec_prefix, SANDBOX_DIR)]
        allowed += SYSTEM_TIME_ZONE
        listed_only = [INSTALLED_PACKAGE_ROOT]
        return sorted({target for target in self.of_kind("open", "list")
                       if not any(_within(Path(target), root) for root in allowed)}
                      - {target for target in self.of_kind("list") if Path(target).resolve() in listed_only})


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents or root in path.resolve().parents


def sandbox_env(log: Path) -> dict[str, str]:
    """Environment entries that load the sandbox into a Python process, logging to `log`."""
    return {"CSN_SANDBOX_LOG": str(log)}


def _with_sandbox_path(env: dict[str, str]) -> dict[str, str]:
    path = env.get("PYTHONPATH", "")
    return {**env, "PYTHONPATH": os.pathsep.join(filter(None, [str(SANDBOX_DIR), path]))}


def read_record(log: Path) -> SandboxRecord:
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return SandboxRecord([json.loads(line) for line in lines])


def sandboxed_build(project: Path, log: Path, site_url: str | None = None,
                    extra_env: dict | None = None) -> tuple[BuildResult, SandboxRecord]:
    """Build `project` as tests/sitebuild.py does, inside the sandbox."""
    # The project's own picture cache: the shared one of the tests lies outside the project.
    env = {"CSN_PICTURE_CACHE": "", **(extra_env or {}), **sandbox_env(log), "PYTHONPATH": str(project / "hooks")}
    result = build(project, site_url=site_url, extra_env=_with_sandbox_path(env))
    return result, read_record(log)


def sandboxed_python(code: str, log: Path, cwd: Path) -> tuple[subprocess.CompletedProcess, SandboxRecord]:
    env = _with_sandbox_path({**os.environ, **sandbox_env(log), "PYTHONPATH": ""})
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    return done, read_record(log)
