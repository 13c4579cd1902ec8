"""One size's temporary folders: the project copy with synthetic data, its preview copy, the floor, Hugo."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .floor import write_floor
from .hugo import write_hugo
from .synth import Counts, write_data

PROJECT_DIR = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "docs", "overrides", "hooks")
SITE_URL = "https://csn.example.org/"


@dataclass
class Workspace:
    """One size's folders: the project copy, its preview copy, the floor and the Hugo site."""

    n: int
    counts: Counts
    root: Path
    edited_news: Path  # the news file that the preview measurement edits
    edited_path: str  # that item's French URL path

    @property
    def project(self) -> Path:
        return self.root / "project"

    @property
    def preview(self) -> Path:
        return self.root / "preview"

    @property
    def floor(self) -> Path:
        return self.root / "floor"

    @property
    def hugo(self) -> Path:
        return self.root / "hugo"


def copy_project(destination: Path, names: tuple[str, ...] = COPIED) -> Path:
    """The project's files and folders `names` (those that exist) in a new folder."""
    destination.mkdir(parents=True)
    for name in names:
        source = PROJECT_DIR / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, destination / name)
    return destination


def prepare(root: Path, n: int, with_hugo: bool) -> Workspace:
    from csn.data.load import load_site
    from csn.data.publishing import publication_date
    from csn.site.plan import build_plan

    project = copy_project(root / "project")
    counts = write_data(project / "data", n)
    shutil.copytree(project, root / "preview")
    write_floor(project, root / "floor", SITE_URL)
    if with_hugo:
        write_hugo(project, root / "hugo", SITE_URL)
    site = load_site(project / "data", publication_date())
    item = site.news[len(site.news) // 2]
    path = build_plan(site, project / "docs").for_entity(item, "fr").path
    return Workspace(n, counts, root, root / "preview" / "data" / "news" / f"{item.id}.yml", path)
