from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import BuildResult, build, copy_project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The real site, built once per test worker from a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("real") / "project")
    result = build(project, site_url="https://csn.example.org/")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the real data folder that a test may alter."""
    return copy_project(tmp_path / "project") / "data"
