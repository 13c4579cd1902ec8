"""Benchmarks of the site build (`make bench`, `make profile`); see bench/__main__.py."""

import sys
from pathlib import Path

# The data layer lives in hooks/csn, as MkDocs loads it; make it importable when run from the repository.
_HOOKS = str(Path(__file__).resolve().parent.parent / "hooks")
if _HOOKS not in sys.path:
    sys.path.insert(0, _HOOKS)
