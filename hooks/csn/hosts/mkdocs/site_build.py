"""`make build`: build into a staging folder, and put it in place of site/ only when the build succeeded.

MkDocs empties its site folder when a build starts and aborts a strict build
only after every page is written: building in place, a failed build would
leave a half-built or wrong site/. Here site/ stays as it was until a
complete, successful build replaces it.

The swap is two renames (site/ -> .site.previous/, staging -> site/) and a
removal; a build killed between any two of them leaves a state that
`recover_site` turns back into one complete site (the earlier or the later
one) before anything else touches the folder. A lock on the project folder
makes a second build started meanwhile wait for the first one.

The small API other build drivers use: `build_lock(project_dir)`,
`new_staging(site_dir)`, `publish_site(staging, site_dir)`, `discard(staging)`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from csn.messages import say

LOCK_FILE = ".csn-build.lock"


class BuildLocked(RuntimeError):
    """Another build holds the project's lock and the caller chose not to wait."""


def _previous(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.previous")


def _staging_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}.building"


def _lock_holder(lock_file: Path) -> str:
    try:
        return lock_file.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


@contextlib.contextmanager
def build_lock(project_dir: Path, wait: bool = True, announce=None) -> Iterator[None]:
    """Hold the project's build lock: one build at a time writes its site.

    A second build waits for the first one (after saying so through `announce`, by default on stderr),
    or raises BuildLocked when `wait` is false. The lock is the kernel's (flock): a killed build
    releases it with its process, so no stale lock file ever blocks the next build.
    """
    lock_file = project_dir / LOCK_FILE
    announce = announce or (lambda message: print(message, file=sys.stderr, flush=True))
    with open(lock_file, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _lock_holder(lock_file)
            who = say("build.lock_holder", process=holder) if holder else ""
            if not wait:
                raise BuildLocked(say("build.locked", who=who)) from None
            announce(say("build.waiting", who=who))
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a power cut after the swap keeps the new site)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def recover_site(site_dir: Path) -> None:
    """Turn whatever an interrupted build left into one complete site/, and remove its leftovers.

    Call it with the build lock held. The states a killed swap can leave:
    - site/ missing, .site.previous/ there: killed between the two renames; the previous site comes back;
    - site/ and .site.previous/ both there: killed after the swap, while removing the old site;
    - staging folders (complete or not): a build that never got to its swap.
    """
    previous = _previous(site_dir)
    if previous.exists() and not site_dir.exists():
        previous.rename(site_dir)
        _fsync_dir(site_dir.parent)
    shutil.rmtree(previous, ignore_errors=True)
    for leftover in site_dir.parent.glob(_staging_prefix(site_dir) + "*"):
        shutil.rmtree(leftover, ignore_errors=True)


def new_staging(site_dir: Path) -> Path:
    """A new, empty staging folder beside `site_dir` (same file system: the swap is a rename)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(site_dir) + "-", dir=site_dir.parent))
    umask = os.umask(0o022)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp's 0700 would make the published site/ private
    return staging


def discard(staging: Path) -> None:
    """Remove a staging folder whose build failed."""
    shutil.rmtree(staging, ignore_errors=True)


def publish_site(staging: Path, site_dir: Path) -> None:
    """Put the complete site built in `staging` in place of `site_dir` (call it with the build lock held).

    At every instant a complete site is either at `site_dir` or at `.site.previous`, where
    `recover_site` finds it again after a crash.
    """
    if not staging.is_dir():
        raise FileNotFoundError(f"{staging}: no built site to publish")
    previous = _previous(site_dir)
    if previous.exists():  # from an interrupted run (recover_site normally removed it)
        if site_dir.exists():
            shutil.rmtree(previous)
        else:
            previous.rename(site_dir)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    _fsync_dir(site_dir.parent)
    shutil.rmtree(previous, ignore_errors=True)


def build_site(project_dir: Path, site_dir: Path) -> int:
    """Strict build of `project_dir` into `site_dir`; return its exit status (0: built)."""
    # Imported here: MkDocs loads only for a build, not for the other commands of csn.cli.
    from csn.hosts.mkdocs.language_builds import build_languages

    with build_lock(project_dir):
        recover_site(site_dir)
        staging = new_staging(site_dir)
        try:
            status = build_languages(project_dir.resolve(), staging)  # both cores: language_builds.py
            if status != 0:
                print(say("build.failed", folder=site_dir.name), file=sys.stderr)
                return status
            publish_site(staging, site_dir)
        finally:
            discard(staging)
    print(say("build.done", folder=site_dir))
    return 0
