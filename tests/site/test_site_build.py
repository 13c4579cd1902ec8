"""`make build` (python -m csn build): a failed build leaves the previous site/ exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers.sitebuild import MKDOCS, build, copy_project


def csn_build(project):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    done = subprocess.run([sys.executable, "-m", "csn", "--project", str(project), "build"], check=False, cwd=project,
                          env=env, capture_output=True, text=True, timeout=600)
    return done.returncode, done.stdout + done.stderr


def break_a_link(project) -> None:
    """A docs link to a missing page: MkDocs writes every page, then aborts the strict build."""
    about = project / "docs" / "fr" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[Perdu](page-absente.md)\n", encoding="utf-8")


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path):
    project = copy_project(tmp_path / "project")
    code, output = csn_build(project)
    assert code == 0, output
    site = project / "site"
    marker = site / "previous-build.txt"
    marker.write_text("still here", encoding="utf-8")
    home = (site / "index.html").read_bytes()

    break_a_link(project)
    code, output = csn_build(project)
    assert code != 0 and "page-absente.md" in output
    assert "La construction a échoué : site/ est resté tel quel." in output
    assert marker.read_text(encoding="utf-8") == "still here" and (site / "index.html").read_bytes() == home
    assert sorted(p.name for p in project.iterdir() if "site" in p.name) == ["site"]  # no staging left behind

    (project / "data" / "projects" / "casse.yml").write_text("title: [\n", encoding="utf-8")
    code, output = csn_build(project)
    assert code != 0 and "data/projects/casse.yml:1:" in output
    assert marker.is_file() and (site / "index.html").read_bytes() == home

    (project / "data" / "projects" / "casse.yml").unlink()
    (project / "docs" / "fr" / "about.md").write_text(
        (project / "docs" / "fr" / "about.md").read_text(encoding="utf-8").replace("[Perdu](page-absente.md)", ""),
        encoding="utf-8")
    code, output = csn_build(project)
    assert code == 0, output
    assert not marker.exists() and (site / "en" / "index.html").is_file()
    assert sorted(p.name for p in project.iterdir() if "site" in p.name) == ["site"]


def test_plain_mkdocs_would_have_emptied_it(tmp_path):
    """Why the staging folder: the same late failure, built in place, wipes the previous site."""
    project = copy_project(tmp_path / "project")
    assert build(project, generator=MKDOCS).returncode == 0  # `mkdocs build`, in place
    marker = project / "site" / "previous-build.txt"
    marker.write_text("still here", encoding="utf-8")
    break_a_link(project)
    assert build(project, generator=MKDOCS).returncode != 0
    assert not marker.exists()


def test_two_builds_started_at_once_take_turns(tmp_path):
    """The second `make build` waits for the first; both succeed and site/ is whole, with no temporary left."""
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    command = [sys.executable, "-m", "csn", "--project", str(project), "build"]
    builds = [subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True) for _ in range(2)]
    outputs = [build.communicate(timeout=600)[0] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], outputs
    assert sum("attente de sa fin" in output for output in outputs) == 1, outputs
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    assert (site / "api" / "v1").is_dir() and (site / "sitemap.xml").is_file()
    assert sorted(p.name for p in project.iterdir() if "site" in p.name) == ["site"]
