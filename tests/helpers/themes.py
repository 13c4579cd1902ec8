"""The template folders of the theme as MkDocs reads them: the project's overrides, Material's and MkDocs' own."""

from __future__ import annotations

from pathlib import Path

import material
import mkdocs

from tests.helpers.sitebuild import PROJECT_DIR

THEME_DIRS = (str(PROJECT_DIR / "overrides"), str(Path(material.__file__).parent / "templates"),
              str(Path(mkdocs.__file__).parent / "templates"))
