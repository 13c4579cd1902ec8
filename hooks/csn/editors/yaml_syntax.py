"""`make check-yaml`: is each YAML file of the repository well formed (any tags allowed, e.g. mkdocs.yml's !ENV)?

Only the syntax: the data files' content is validation's business.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from csn.data.errors import Problem
from csn.data.yaml_explain import explain
from csn.messages import Message

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def syntax_problems(path: Path, shown: str) -> list[Problem]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [Problem(shown, 0, "", Message("encoding.not_utf8"))]
    try:
        for _ in yaml.parse(text, Loader=_Loader):
            pass
    except yaml.MarkedYAMLError as exc:
        line, message = explain(exc, text)
        return [Problem(shown, line, "", message)]
    except yaml.YAMLError as exc:
        return [Problem(shown, 0, "", Message("yaml.unexplained", detail=str(exc)))]
    return []
