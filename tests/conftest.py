from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.browserkit import StaticServer, free_port
from tests.helpers.hostile import add_hostile_fixtures
from tests.helpers.sitebuild import BuildResult, build, copy_project

# Under GitHub Actions the tests' planted problems must not become annotations on the pull request nor
# fill the job summary: the tests that want them set these variables themselves.
for _name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
    os.environ.pop(_name, None)

# Every copy of the project the tests build shares one cache of processed pictures (keyed by content, written
# whole or not at all): the real pictures are processed once per machine, not once per copy.
os.environ.setdefault("CSN_PICTURE_CACHE", str(Path(__file__).resolve().parent.parent / ".cache" / "pictures"))

SITE_URL = "https://csn.example.org/"
# A GitHub project site lives under the repository's name: https://<org>.github.io/<repo>/.
PROJECT_SUBPATH = "/csn-showcase/"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The real site, built once per test worker from a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("real") / "project")
    result = build(project, site_url=SITE_URL)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> BuildResult:
    """The real site plus a hostile project, partner, news item, theme and tagline (tests/hostile.py)."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    add_hostile_fixtures(project)
    result = build(project, site_url=SITE_URL)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory):
    """The real site built for, and served under, a project sub-path on 127.0.0.1 (like GitHub Pages)."""
    port = free_port()
    project = copy_project(tmp_path_factory.mktemp("subpath") / "project")
    result = build(project, site_url=f"http://127.0.0.1:{port}{PROJECT_SUBPATH}")
    assert result.returncode == 0, result.output
    with StaticServer(result.site, port=port, prefix=PROJECT_SUBPATH) as server:
        yield server


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the real data folder that a test may alter."""
    return copy_project(tmp_path / "project") / "data"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> BuildResult:
    """The real data plus a published test item and a scheduled one, two news per page, built on TODAY.

    Tests using it share the xdist group "fixture_site", so that one worker builds it once.
    """
    from tests.helpers.fixturesite import TODAY, build_fixture_site

    return build_fixture_site(tmp_path_factory.mktemp("fixture") / "project", TODAY)
