"""Files of docs/ that are not what they seem: special files and link loops are clear errors (no hang, no
OSError), and a docs page's front matter goes through the data files' strict loader, with located errors."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from csn.data.errors import DataError
from csn.render.build import check_project
from tests.helpers.sitebuild import build, copy_project


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def problems_of(project: Path) -> list:
    with pytest.raises(DataError) as raised:
        check_project(project, project / "docs")
    return raised.value.problems


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


def make_link_loop(path: Path) -> None:
    os.symlink(path.name + ".other", path)
    os.symlink(path.name, path.with_name(path.name + ".other"))


def make_folder_loop(path: Path) -> None:
    os.symlink("..", path)


def make_dangling_link(path: Path) -> None:
    os.symlink("gone.md", path)


SPECIAL = {
    "fifo named like a page": ("docs/fr/piege.md", make_fifo, ("file.special", "file.fifo")),
    "fifo in a subfolder": ("docs/en/sub/pipe", make_fifo, ("file.special", "file.fifo")),
    "socket": ("docs/fr/prise.md", make_socket, ("file.special", "file.socket")),
    "fifo in overrides": ("overrides/partials/pipe.html", make_fifo, ("file.special", "file.fifo")),
    "fifo in data": ("data/projects/tube.yml", make_fifo, ("file.special", "file.fifo")),
    "link loop": ("docs/fr/boucle.md", make_link_loop, ("file.link_loop",)),
    "folder loop": ("docs/fr/ici", make_folder_loop, ("file.link_to_parent",)),
    "dangling link": ("docs/en/lost.md", make_dangling_link, ("file.dangling_link",)),
}


@pytest.mark.parametrize(("where", "make", "codes"), SPECIAL.values(), ids=SPECIAL.keys())
def test_special_files_and_loops_are_clear_errors(project, where, make, codes):
    path = project / where
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    problems = problems_of(project)
    assert any(p.file == where and p.message.codes() == codes for p in problems), "\n".join(map(str, problems))


def test_validate_and_build_stop_at_once_without_traceback(project):
    make_fifo(project / "docs" / "fr" / "piege.md")
    make_folder_loop(project / "docs" / "en" / "here")
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "csn", "--project", str(project), "validate"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    output = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in output
    assert "docs/fr/piege.md: est un tube nommé (FIFO)" in output
    assert "docs/en/here: est un lien symbolique vers un dossier qui le contient" in output
    result = build(project)  # would hang (the FIFO) or die of OSError (the loop) without the check
    assert result.returncode != 0 and "Traceback" not in result.output and "piege.md" in result.output


def set_front_matter(project: Path, page: str, front: bytes) -> Path:
    path = project / "docs" / page
    body = path.read_bytes().split(b"\n---", 1)[1].split(b"\n", 1)[1]
    path.write_bytes(b"---\n" + front + b"\n---\n" + body)
    return path


FRONT_MATTER = {
    "unclosed bracket": (b"title: [Projets\nslug: projets", 2, "", "yaml.unclosed_bracket"),
    "python tag": (b"title: !!python/object/apply:os.system ['true']\nslug: projets", 2, "title", "yaml_feature.tag"),
    "latin-1": ("title: Projets édités\nslug: projets".encode("latin-1"), 2, "", "encoding.not_utf8"),
    "duplicate key": (b"title: Projets\ntitle: Autres\nslug: projets", 3, "title", "duplicate.key"),
    "title as a list": (b"title:\n  - Projets\nslug: projets", 3, "title", "shape.text"),
    "invisible title": ("title: \u200b\u200d\u2063\nslug: projets".encode(), 2, "title", "hidden.at"),
    "bidi in slug": ("title: Projets\nslug: proj\u202eets".encode(), 3, "slug", "hidden.after"),
    "anchor and alias": (b"title: &t Projets\ndescription: *t\nslug: projets", 2, "title", "yaml_feature.anchor"),
}


@pytest.mark.parametrize(("front", "line", "field", "code"), FRONT_MATTER.values(), ids=FRONT_MATTER.keys())
def test_front_matter_problems_are_located(project, front, line, field, code):
    set_front_matter(project, "fr/projects.md", front)
    problems = problems_of(project)
    assert [(p.file, p.line, p.field) for p in problems] == [("docs/fr/projects.md", line, field)], problems
    assert problems[0].code == code, str(problems[0])


def test_an_unclosed_front_matter_is_reported(project):
    path = project / "docs" / "fr" / "about.md"
    path.write_text("---\ntitle: À propos\nslug: a-propos\n\n# À propos\n", encoding="utf-8")
    [problem] = problems_of(project)
    assert (problem.file, problem.line, problem.code) == ("docs/fr/about.md", 1, "docs.front_matter_open")


def test_front_matter_is_read_the_yaml_1_2_way(project):
    set_front_matter(project, "fr/about.md", b"title: on\nslug: on\ndescription: no")
    set_front_matter(project, "en/about.md", b"title: yes\nslug: off\ndescription: 1e3")
    _, plan = check_project(project, project / "docs")
    french = plan.page("doc:about.md", "fr")
    english = plan.page("doc:about.md", "en")
    assert (french.path, french.title, french.description) == ("on/", "on", "no")
    assert (english.path, english.title, english.description) == ("en/off/", "yes", "1e3")
