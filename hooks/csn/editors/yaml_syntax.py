"""`make check-yaml`: is each YAML file of the repository well formed (any tags allowed, e.g. mkdocs.yml's !ENV)?

Only the syntax: the data files' content is validation's business.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from csn.data.errors import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def syntax_problems(path: Path, shown: str) -> list[Problem]:
    try:
        for _ in yaml.parse(path.read_text(encoding="utf-8"), Loader=_Loader):
            pass
    except UnicodeDecodeError:
        return [Problem(shown, 0, "", "the file is not UTF-8 text: save it again with the UTF-8 encoding")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        where = ""
        if exc.context:
            started = exc.context_mark.line + 1 if exc.context_mark else line
            where = f" ({exc.context} started on line {started})" if started != line else f" ({exc.context})"
        return [Problem(shown, line, "", f"YAML syntax error: {exc.problem}{where}")]
    except yaml.YAMLError as exc:
        return [Problem(shown, 0, "", f"YAML syntax error: {exc}")]
    return []
