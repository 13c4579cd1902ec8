"""The run's object, made anew with freshly imported code when the preview's code changed.

`mkdocs serve` keeps one process from rebuild to rebuild, in which Python keeps every csn
module: after an edit of hooks/csn/ (or its strings), the next rebuild imports them all
anew and starts a new run with the same command and flags.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from csn.data.file_stamps import stamps_under

CSN_DIR = Path(__file__).resolve().parents[2]
RUN_MODULE = "csn.hosts.mkdocs.run"

_command = "build"
_dirty = False
_stamp: tuple = ()
_run = None


def _source_stamp() -> tuple:
    """The package's code and strings as saved (not the bytecode Python writes beside them)."""
    return tuple(stamp for stamp in stamps_under(CSN_DIR) if stamp[0].suffix in (".py", ".yml", ".json"))


def start(command: str, dirty: bool) -> None:
    """on_startup: a new run of `mkdocs build` or `mkdocs serve`."""
    global _command, _dirty, _run, _stamp
    _command, _dirty = command, dirty
    _stamp = _source_stamp()
    _run = importlib.import_module(RUN_MODULE).MkDocsRun(command, dirty)


def current():
    """The run's object."""
    if _run is None:  # a host that does not send on_startup (MkDocs before 1.4): a plain build
        start(_command, _dirty)
    return _run


def refreshed():
    """The run's object at the start of a (re)build; under `mkdocs serve`, a new one from new code
    when a source file changed since the last."""
    global _run, _stamp
    if _run is None:
        start(_command, _dirty)
    elif _command == "serve":
        stamp = _source_stamp()
        if stamp != _stamp:
            for name in [name for name in sys.modules if name.startswith("csn.") and name != __name__]:
                del sys.modules[name]
            _stamp = stamp
            _run = importlib.import_module(RUN_MODULE).MkDocsRun(_command, _dirty)
    return _run
