"""A list of items worked on by this process and a forked child: the machine's second core.

Reading thousands of data files is Python work (YAML events, validation), so a
single process uses one core of two. Here a child, forked with everything
already imported, takes the second half of the items and sends its results back
pickled through a pipe while this process does the first half.

It is only done where it is safe and pays: on systems that fork, in a process
running a single thread (`mkdocs serve` runs a server and a watcher: forking
there could copy a lock held by another thread), and for lists long enough that
the fork and the pickling cost less than half the work. If the child fails in
any way, its half is done here, so a failure looks exactly as it would without
the child.
"""

from __future__ import annotations

import gc
import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS_TO_SHARE = 400  # below this, forking costs about as much as it saves


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def map_in_two(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """`[function(item) for item in items]`, in order. What `function` changes besides its result
    is lost for the child's half: its results must say all the caller needs."""
    if len(items) < MIN_ITEMS_TO_SHARE or not can_fork():
        return [function(item) for item in items]
    half = len(items) // 2
    read_end, write_end = os.pipe()
    gc.freeze()  # the child's collector then leaves the inherited objects alone: no copy of their pages
    pid = os.fork()
    if pid == 0:  # the child: its half, sent back, then gone without running any cleanup of the parent's
        status = 1
        try:
            os.close(read_end)
            results = [function(item) for item in items[half:]]
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump(results, pipe, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    gc.unfreeze()
    os.close(write_end)
    try:
        first = [function(item) for item in items[:half]]
    finally:
        received = _receive(read_end)
        os.waitpid(pid, 0)
    if received is None:  # the child failed: its half is done here, and fails here the same way if it must
        return first + [function(item) for item in items[half:]]
    return first + received


def _receive(read_end: int) -> list | None:
    with os.fdopen(read_end, "rb") as pipe:
        try:
            return pickle.load(pipe)
        except Exception:  # noqa: BLE001 - a child that died sends nothing or half a message
            return None
