"""Sandbox for a build under test: Python loads this at start-up when this folder is on PYTHONPATH
(tests/sandbox.py puts it there).

An audit hook (PEP 578) refuses every network connection and name lookup, and writes one
JSON line per event to the file named by CSN_SANDBOX_LOG: each network attempt, each file
opened, each folder listed, each process started. tests/sandbox.py reads the record.
"""

import json
import os
import sys

_LOG = os.environ.get("CSN_SANDBOX_LOG")
_NETWORK = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
            "socket.sendto", "socket.sendmsg"}
_PROCESSES = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.startfile"}
_FILES = {"open": "open", "os.listdir": "list", "os.scandir": "list"}
_seen: set[tuple[str, str]] = set()
_writing = False


def _record(kind: str, target: str) -> None:
    global _writing
    if (kind, target) in _seen:
        return
    _seen.add((kind, target))
    _writing = True  # our own write to the log raises an "open" event too
    try:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps({"kind": kind, "target": target}) + "\n")
    finally:
        _writing = False


def _path(value) -> str | None:
    if isinstance(value, int) or value is None:
        return None  # an already open descriptor
    return os.path.abspath(os.fsdecode(value))


def _hook(event: str, args: tuple) -> None:
    if _writing:
        return
    if event in _NETWORK:
        _record("network", f"{event} {args[1:2] or args}")
        raise OSError(f"network blocked by the test sandbox: {event}")
    if event in _PROCESSES:
        _record("process", f"{event} {args[:2]}")
    elif event in _FILES:
        path = _path(args[0] if args else ".")
        if path is not None:
            _record(_FILES[event], path)


if _LOG:
    sys.addaudithook(_hook)
