"""Everything committed that is generated from schema.py: check it (tests, pre-commit) or rewrite it.

- data/schemas/<collection>.schema.json, the JSON Schemas;
- the first line of every data file, which names its schema;
- the field tables of the editors' guides;
- data/schemas/sveltia-cms.json, the forms of the editing interface at /admin/ (cms_config.py).
`make schemas` rewrites them all, so that a change of schema.py is one command away from being in sync.
"""

from __future__ import annotations

from pathlib import Path

from csn.data.datafiles import collection_of, data_files
from csn.editors.cms_config import CONFIG_FILE
from csn.editors.cms_config import render as render_cms_config
from csn.editors.guide import GUIDES, refresh
from csn.editors.schema_export import SCHEMAS_FOLDER, expected_files, modeline

MODELINE_START = "# yaml-language-server:"


def with_modeline(text: str, line: str) -> str:
    """`text` starting with `line`, replacing an older modeline in its place."""
    first, _, rest = text.partition("\n")
    if first.startswith(MODELINE_START):
        return line + "\n" + rest
    return line + "\n" + text


def expected(project_dir: Path) -> dict[Path, str]:
    """Each generated file and the text it must hold; guides missing a field table raise ValueError."""
    data_dir = project_dir / "data"
    files = expected_files(data_dir)
    files[data_dir / CONFIG_FILE] = render_cms_config()
    for path in data_files(data_dir):
        collection = collection_of(data_dir, path)
        files[path] = with_modeline(path.read_text(encoding="utf-8"), modeline(collection))
    for lang, name in GUIDES.items():
        guide = project_dir / name
        if not guide.is_file():
            raise ValueError(f"{name} is missing: the editors' guide holds the generated field tables")
        text, missing = refresh(guide.read_text(encoding="utf-8"), lang)
        if missing:
            raise ValueError(f"{name}: no field table for {', '.join(missing)}: add its two marker lines "
                             "(see guide.py) where the table belongs")
        files[guide] = text
    return files


def _leftover_schemas(project_dir: Path, files: dict[Path, str]) -> list[Path]:
    """Schema files of collections that no longer exist."""
    return sorted(set((project_dir / "data" / SCHEMAS_FOLDER).glob("*.schema.json")) - set(files))


def _differs(path: Path, text: str) -> bool:
    if not path.is_file():
        return True
    actual = path.read_text(encoding="utf-8")
    # The editing interface (Sveltia CMS) writes a data file without its comments, the first line included:
    # such a file is in step (`make schemas` puts the line back), only a wrong first line is not.
    return actual != text and not (text.startswith(MODELINE_START) and not actual.startswith(MODELINE_START)
                                   and text.partition("\n")[2] == actual)


def stale(project_dir: Path) -> list[str]:
    """The generated files that differ from the definition, shown from the project folder."""
    files = expected(project_dir)
    found = [path.relative_to(project_dir).as_posix() for path, text in files.items() if _differs(path, text)]
    return found + [f"{path.relative_to(project_dir).as_posix()} (no such collection)"
                    for path in _leftover_schemas(project_dir, files)]


def write(project_dir: Path) -> list[str]:
    """Rewrite what differs and remove leftovers; return what changed."""
    files = expected(project_dir)
    changed = []
    for path, text in files.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path.relative_to(project_dir).as_posix())
    for path in _leftover_schemas(project_dir, files):
        path.unlink()
        changed.append(f"{path.relative_to(project_dir).as_posix()} (removed)")
    return changed
