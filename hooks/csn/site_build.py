"""`make build`: build into a staging folder, and put it in place of site/ only when the build succeeded.

MkDocs empties its site folder when a build starts and aborts a strict build
only after every page is written: building in place, a failed build would
leave a half-built or wrong site/. Here site/ stays as it was until a
complete, successful build replaces it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .messages import say


def build_site(project_dir: Path, site_dir: Path) -> int:
    """Strict build of `project_dir` into `site_dir`; return MkDocs' exit status."""
    staging = site_dir.with_name(f".{site_dir.name}.building")
    previous = site_dir.with_name(f".{site_dir.name}.previous")
    for leftover in (staging, previous):  # from an interrupted run
        shutil.rmtree(leftover, ignore_errors=True)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)], check=False,
                          cwd=project_dir)
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(say("build.failed", folder=site_dir.name), file=sys.stderr)
        return done.returncode
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    print(say("build.done", folder=site_dir))
    return 0
