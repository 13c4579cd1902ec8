"""`make serve`: the live preview follows the editor's changes, survives a data error and comes back."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers.browserkit import free_port
from tests.helpers.hostile import png_bytes
from tests.helpers.sitebuild import VENV, copy_whole_project

# What MkDocs and mkdocs-static-i18n would say about their machinery (csn/hosts/mkdocs/editor_log.py).
MACHINERY_NOTES = ("Template skipped", "stale files", "--clean", "mkdocs_static_i18n: Building",
                   "mkdocs_static_i18n: Overriding")
WAIT_SECONDS = 90  # rebuilds take a few seconds; the machine may be busy with other tests


class Preview:
    """`make serve` running on a copy of the project, stopped by its process id."""

    def __init__(self, project: Path, *make_args: str):
        self.port = free_port()
        self.log = project / "serve.log"
        self._log_file = open(self.log, "w", encoding="utf-8")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "-C", str(project), f"VENV={VENV}", "serve", "HOST=127.0.0.1",
             f"PORT={self.port}", *make_args],
            stdout=self._log_file, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url(path), timeout=WAIT_SECONDS) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def wait_for(self, path: str, test: Callable[[int, BeautifulSoup], bool], what: str) -> BeautifulSoup:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the server stopped:\n{self.output()}"
            status, body = self.get(path)
            soup = BeautifulSoup(body, "lxml")
            if status and test(status, soup):
                return soup
            time.sleep(0.5)
        raise AssertionError(f"/{path}: {what} did not happen within {WAIT_SECONDS} s\n{self.output()}")

    def output(self) -> str:
        self._log_file.flush()
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> None:
        # make and mkdocs run in their own session, whose id is make's process id.
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
        self._log_file.close()


def h1(soup: BeautifulSoup) -> str:
    heading = soup.find("h1")
    return heading.get_text(strip=True) if heading else ""


@pytest.fixture
def project(tmp_path):
    return copy_whole_project(tmp_path / "project")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_serve_follows_edits_survives_a_data_error_and_recovers(project):
    data_file = project / "data" / "projects" / "lac-de-donnees.yml"
    fr_page, en_page = "projets/lac-de-donnees/", "en/projects/data-lake/"
    preview = Preview(project)
    try:
        preview.wait_for(fr_page, lambda s, soup: s == 200 and "Un lac de données" in h1(soup), "the first build")
        assert preview.get(en_page)[0] == 200

        replace_in(data_file, "  fr: Un lac de données pour les établissements de santé affiliés",
                   "  fr: Un lac de données, version révisée")
        replace_in(data_file, "  en: A data lake for affiliated health institutions", "  en: A revised data lake")
        preview.wait_for(fr_page, lambda s, soup: h1(soup) == "Un lac de données, version révisée", "the new title")
        preview.wait_for(en_page, lambda s, soup: h1(soup) == "A revised data lake", "the new English title")

        replace_in(data_file, "status: completed", "status: finished")
        problem = "data/projects/lac-de-donnees.yml:42: status: `finished` n'est pas permis"  # French by default
        for page in (fr_page, en_page):
            soup = preview.wait_for(page, lambda s, soup: problem in soup.get_text(), "the page of problems")
            assert soup.find("meta", attrs={"http-equiv": "refresh"}) is not None  # it reloads by itself
        assert problem in preview.output()  # the terminal shows the same message as `make validate`
        assert "Traceback" not in preview.output()
        assert preview.process.poll() is None

        replace_in(data_file, "status: finished", "status: active")
        preview.wait_for(fr_page, lambda s, soup: s == 200 and h1(soup) == "Un lac de données, version révisée",
                         "the site's return")
        soup = preview.wait_for(en_page, lambda s, soup: s == 200 and h1(soup) == "A revised data lake",
                                "the English page's return")
        assert "Active" in soup.get_text()

        # A change of the data layer's own code counts at the next rebuild too (no restart).
        replace_in(project / "hooks" / "csn" / "site" / "strings" / "en.yml", "status.active: Active",
                   "status.active: Under way")
        preview.wait_for(en_page, lambda s, soup: "Under way" in soup.get_text(), "the new interface string")
    finally:
        preview.stop()
    assert preview.process.returncode is not None
    # MkDocs' notes about its own machinery mean nothing to an editor: they are not in the terminal.
    log = preview.log.read_text(encoding="utf-8")
    for note in MACHINERY_NOTES:
        assert note not in log, note
    assert "Serving on http://127.0.0.1:" in log
    assert "Aperçu : construction du site (environ 10 secondes), puis ouvrez http://127.0.0.1:" in log
    assert "mkdocs serve --strict" not in log  # the command line itself means nothing to an editor


def test_serve_can_build_one_language_only(project):
    preview = Preview(project, "ONLY=en")
    try:
        preview.wait_for("en/projects/data-lake/", lambda s, soup: s == 200 and h1(soup) == (
            "A data lake for affiliated health institutions"), "the English page")
        assert preview.get("projets/lac-de-donnees/")[0] == 404
    finally:
        preview.stop()


def test_serve_starts_on_data_with_problems_and_shows_them(project):
    replace_in(project / "data" / "partners" / "udem.yml", "kind: university", "kind: school")
    preview = Preview(project, "ONLY=fr")
    try:
        soup = preview.wait_for("", lambda s, soup: "kind: `school` n'est pas permis" in soup.get_text(),
                                "the page of problems")
        assert soup.find("ol", class_="csn-problems") is not None
        replace_in(project / "data" / "partners" / "udem.yml", "kind: school", "kind: university")
        preview.wait_for("partenaires/universite-de-montreal/", lambda s, soup: s == 200 and h1(soup).startswith(
            "Université de Montréal"), "the partner page")
    finally:
        preview.stop()


def test_adding_the_missing_image_brings_the_preview_back_without_saving_the_record(project):
    """The preview watches assets/ too; its page of problems speaks English with CSN_LANG=en."""
    partner = project / "data" / "partners" / "udem.yml"
    partner.write_text(partner.read_text(encoding="utf-8") + "logo: assets/logos/udem-logo.png\n", encoding="utf-8")
    preview = Preview(project, "ONLY=fr", "CSN_LANG=en")
    try:
        soup = preview.wait_for("", lambda s, soup: "`assets/logos/udem-logo.png`: no such file" in soup.get_text(),
                                "the page of problems")
        assert soup.find("ol", class_="csn-problems")["lang"] == "en"
        logo = project / "assets" / "logos" / "udem-logo.png"
        logo.parent.mkdir(parents=True, exist_ok=True)
        logo.write_bytes(png_bytes())
        soup = preview.wait_for("partenaires/universite-de-montreal/", lambda s, soup: s == 200 and h1(soup).startswith(
            "Université de Montréal"), "the partner page, once the image is there")
        # A raster logo is published processed (assets/pictures/udem-logo-<key>-<width>.png), never as it is.
        assert soup.find("img", src=lambda src: src and "assets/pictures/udem-logo-" in src) is not None
    finally:
        preview.stop()
