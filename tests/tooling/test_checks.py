"""The project's own checks: the YAML syntax check, and every check of `make check` (ruff, the
banned MkDocs imports, validation, schemas) through the pre-commit configuration, once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.sitebuild import PROJECT_DIR, VENV, copy_whole_project

# Every folder of Python in the project (the Makefile's `lint` checks the same).
PYTHON_FOLDERS = ("hooks", "tests", "bench", "tools")


def test_make_lint_checks_the_same_folders():
    makefile = (PROJECT_DIR / "Makefile").read_text(encoding="utf-8")
    assert f"ruff check {' '.join(PYTHON_FOLDERS)}\n" in makefile
    assert all((PROJECT_DIR / folder).is_dir() for folder in PYTHON_FOLDERS)


def test_yaml_syntax_check_names_the_file_and_line(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("a: 1\nb: [2,\nc: 3\n", encoding="utf-8")
    tagged = tmp_path / "mkdocs-like.yml"
    tagged.write_text("site_url: !ENV [SITE_URL, 'http://x/']\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "csn", "yaml-syntax", str(broken), str(tagged)],
                          cwd=PROJECT_DIR / "hooks", capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert (f"{broken.as_posix()}:2: le [ ouvert sur cette ligne n'est jamais fermé : terminez la liste par ] sur "
            "la même ligne") in done.stderr
    assert "1 des 2 fichiers YAML est mal formé." in done.stderr
    assert "mkdocs-like.yml" not in done.stderr and "Traceback" not in done.stderr


def _git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=project, check=True,
                   capture_output=True)


def test_pre_commit_runs_every_check_and_stops_a_todo(tmp_path):
    project = copy_whole_project(tmp_path / "project")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"), "VENV": str(VENV),
           "NO_MKDOCS_2_WARNING": "1"}
    pre_commit = [str(VENV / "bin" / "pre-commit"), "run", "--all-files"]

    clean = subprocess.run(pre_commit, cwd=project, env=env, capture_output=True, text=True, timeout=600,
                           check=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    for hook in ("data is valid", "data files match their JSON Schemas", "match schema.py", "YAML syntax",
                 "Python lint"):
        assert any(hook in line and line.rstrip().endswith("Passed") for line in clean.stdout.splitlines()), (
            hook, clean.stdout)

    path = project / "data" / "partners" / "mei.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: government", "kind: TODO"), encoding="utf-8")
    _git(project, "add", "-A")
    stopped = subprocess.run(pre_commit, cwd=project, env=env, capture_output=True, text=True, timeout=600,
                             check=False)
    assert stopped.returncode != 0
    assert "data/partners/mei.yml:6: kind: contient encore TODO : remplacez-le par l'un de university" in stopped.stdout
    assert "data/partners/mei.yml:6: kind: Une de ces valeurs" in stopped.stdout  # the JSON Schema's view


def test_only_the_hosts_may_import_mkdocs(tmp_path):
    """The lint rule that keeps the data, site and outputs stages plain Python."""
    stage = tmp_path / "hooks" / "csn" / "site"
    stage.mkdir(parents=True)
    (stage / "leak.py").write_text("from mkdocs.structure.files import File\nimport material\n", encoding="utf-8")
    host = tmp_path / "hooks" / "csn" / "hosts" / "mkdocs"
    host.mkdir(parents=True)
    (host / "glue.py").write_text("from mkdocs.structure.files import File\n", encoding="utf-8")
    done = subprocess.run([str(VENV / "bin" / "ruff"), "check", "--config", str(PROJECT_DIR / "pyproject.toml"),
                           "--select", "TID251", "hooks"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "hooks/csn/site/leak.py:1" in done.stdout and "hooks/csn/site/leak.py:2" in done.stdout
    assert "glue.py" not in done.stdout
