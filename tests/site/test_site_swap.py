"""site/ is never lost: the swap of a new site survives a kill at any step, and builds take turns.

A build is killed (SIGKILL, nothing cleaned up) before each rename and each file removal of the swap;
after each kill, what the next build does first (recover_site, under the lock) must leave site/ as one
complete site, the earlier or the later, never a mix, never nothing; a failing build after it leaves
that site as it is.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from csn.hosts.mkdocs.site_build import BuildLocked, build_lock, discard, new_staging, publish_site, recover_site

HOOKS = Path(__file__).resolve().parent.parent / "hooks"


def write_site(folder: Path, version: str, pages: int = 12) -> None:
    """A site whose every file names its version, in nested folders like a real one."""
    for number in range(pages):
        page = folder / f"section-{number % 3}" / f"page-{number}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<p>{version} {number}</p>", encoding="utf-8")
    (folder / "index.html").write_text(f"<p>{version} home</p>", encoding="utf-8")


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def expected(tmp_path: Path, version: str) -> dict[str, str]:
    reference = tmp_path / f"reference-{version}"
    if not reference.exists():
        write_site(reference, version)
    return tree(reference)


# Runs the swap in a child process that kills itself at the N-th file system change (rename, unlink,
# rmdir), before making it: every intermediate state of the swap is reached once.
KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from csn.hosts.mkdocs.site_build import build_lock, new_staging, publish_site, recover_site
    project, kill_at = Path(sys.argv[2]), int(sys.argv[3])
    site = project / "site"
    calls = 0
    def killing(original):
        def call(*args, **kwargs):
            global calls
            calls += 1
            if calls == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return original(*args, **kwargs)
        return call
    with build_lock(project):
        recover_site(site)
        staging = new_staging(site)
        for number in range(12):
            page = staging / f"section-{number % 3}" / f"page-{number}" / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"<p>new {number}</p>", encoding="utf-8")
        (staging / "index.html").write_text("<p>new home</p>", encoding="utf-8")
        os.rename, os.unlink, os.rmdir = killing(os.rename), killing(os.unlink), killing(os.rmdir)
        publish_site(staging, site)
    print("published")
""")


def swap_killed_at(project: Path, step: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLER, str(HOOKS), str(project), str(step)],
                          capture_output=True, text=True, timeout=60, check=False)


def failing_build(project: Path) -> None:
    """What a build that fails does: recover, build into a staging folder, throw it away."""
    with build_lock(project):
        recover_site(project / "site")
        staging = new_staging(project / "site")
        (staging / "half.html").write_text("half", encoding="utf-8")
        discard(staging)


def test_a_kill_at_any_step_of_the_swap_leaves_a_complete_site(tmp_path):
    old, new = expected(tmp_path, "old"), expected(tmp_path, "new")
    outcomes = []
    step = 1
    while True:
        project = tmp_path / f"project-{step}"
        write_site(project / "site", "old")
        done = swap_killed_at(project, step)
        if done.returncode == 0:
            assert "published" in done.stdout
            assert tree(project / "site") == new
            break
        assert done.returncode == -9, done.stderr  # killed, not a Python error
        failing_build(project)  # recovers first, then fails: the site must survive both
        site = tree(project / "site")
        assert site in (old, new), f"killed before file system change {step}: a mixed or missing site"
        assert sorted(p.name for p in project.iterdir()) == [".csn-build.lock", "site"]
        outcomes.append("old" if site == old else "new")
        step += 1
        assert step < 200, "the swap never finished"
    # Killed before the first rename the old site stays; from the second rename on the new one is in place.
    assert outcomes[0] == "old" and outcomes[-1] == "new" and len(outcomes) > 10


def test_a_kill_before_the_first_build_has_a_site(tmp_path):
    """The first build of a checkout has no site to keep: a kill leaves no site or the complete new one."""
    project = tmp_path / "project"
    project.mkdir()
    for step in (1, 2):
        done = swap_killed_at(project, step)
        recover_site(project / "site")
        if done.returncode == 0:
            break
        assert not (project / "site").exists() or tree(project / "site") == expected(tmp_path, "new")


@pytest.mark.parametrize("state", ["between the renames", "after the swap", "staging left"])
def test_each_intermediate_state_is_recovered(tmp_path, state):
    site = tmp_path / "site"
    previous = tmp_path / ".site.previous"
    if state == "between the renames":
        write_site(previous, "old")
    elif state == "after the swap":
        write_site(site, "new")
        write_site(previous, "old")
        (previous / "index.html").unlink()  # half removed
    else:
        write_site(site, "old")
        write_site(tmp_path / ".site.building-abc", "half")
    recover_site(site)
    assert tree(site) == expected(tmp_path, "new" if state == "after the swap" else "old")
    assert sorted(p.name for p in tmp_path.iterdir() if "site" in p.name) == ["site"]


BUILDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from csn.hosts.mkdocs.site_build import build_lock, new_staging, publish_site, recover_site
    project, version = Path(sys.argv[2]), sys.argv[3]
    site = project / "site"
    with build_lock(project):
        print("building", version, flush=True)
        go = Path(sys.argv[4]) if len(sys.argv) > 4 else None
        while go is not None and not go.exists():  # hold the lock until the other build is known to wait
            time.sleep(0.01)
        recover_site(site)
        staging = new_staging(site)
        for number in range(12):  # slowly, so that the other build starts meanwhile
            page = staging / f"section-{number % 3}" / f"page-{number}" / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"<p>{version} {number}</p>", encoding="utf-8")
            time.sleep(0.05)
        (staging / "index.html").write_text(f"<p>{version} home</p>", encoding="utf-8")
        publish_site(staging, site)
    print("published", version)
""")


def test_two_builds_at_once_take_turns(tmp_path):
    project = tmp_path / "project"
    write_site(project / "site", "old")
    go = tmp_path / "go"
    first = subprocess.Popen([sys.executable, "-c", BUILDER, str(HOOKS), str(project), "first", str(go)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert first.stdout.readline().strip() == "building first"  # it holds the lock
    second = subprocess.Popen([sys.executable, "-c", BUILDER, str(HOOKS), str(project), "second"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # The second build's first words: that it waits (however slowly it started, the first one holds on).
    waiting = second.stderr.readline()
    go.touch()
    seen = []
    while first.poll() is None:  # while the first build runs, site/ is always the old site, whole
        seen.append(tree(project / "site") if (project / "site").exists() else None)
        time.sleep(0.01)
    out_first, _ = first.communicate(timeout=60)
    out_second, err_second = second.communicate(timeout=60)
    err_second = waiting + err_second
    assert first.returncode == 0 and second.returncode == 0, err_second
    assert "published first" in out_first and "published second" in out_second
    assert "Une autre construction de ce projet est en cours" in err_second and "attente de sa fin" in err_second
    assert tree(project / "site") == expected(tmp_path, "second")
    old, new = expected(tmp_path, "old"), expected(tmp_path, "first")
    assert all(state in (old, new) for state in seen if state is not None)


def test_a_build_that_will_not_wait_stops_with_a_message(tmp_path):
    with build_lock(tmp_path):
        done = subprocess.run([sys.executable, "-c", textwrap.dedent("""
            import sys
            from pathlib import Path
            sys.path.insert(0, sys.argv[1])
            from csn.hosts.mkdocs.site_build import BuildLocked, build_lock
            try:
                with build_lock(Path(sys.argv[2]), wait=False):
                    print("got the lock")
            except BuildLocked as error:
                print(error)
        """), str(HOOKS), str(tmp_path)], capture_output=True, text=True, timeout=60, check=False)
    assert f"(processus {os.getpid()})" in done.stdout and "got the lock" not in done.stdout
    with build_lock(tmp_path, wait=False):  # released: free again
        pass
    with pytest.raises(BuildLocked), build_lock(tmp_path), build_lock(tmp_path, wait=False):
        pass


def test_the_published_site_is_readable_by_others(tmp_path):
    staging = new_staging(tmp_path / "site")
    write_site(staging, "new")
    publish_site(staging, tmp_path / "site")
    assert (tmp_path / "site").stat().st_mode & 0o055 == 0o055 & ~current_umask()


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
