"""Data files read by two processes give exactly what one process gives, problems included."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from bench.synth import write_data
from csn.data import two_cores
from csn.data.errors import DataError
from csn.data.load import load_site
from tests.helpers.sitebuild import PROJECT_DIR


def _pid_of(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """Let this test's process fork (a pytest-xdist worker runs threads) and count the forks."""
    made: list[int] = []
    fork = os.fork

    def counted_fork() -> int:
        made.append(1)
        return fork()

    monkeypatch.setattr(two_cores, "can_fork", lambda: True)
    monkeypatch.setattr(os, "fork", counted_fork)
    return made


def test_only_a_process_with_one_thread_forks():
    script = ("import threading; from csn.data.two_cores import can_fork; print(can_fork());"
              "threading.Thread(target=threading.Event().wait, daemon=True).start(); print(can_fork())")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(PROJECT_DIR / "hooks")})
    assert done.stdout.split() == ["True", "False"]


def test_the_second_half_is_computed_by_a_child(forks):
    items = list(range(1000))
    results = two_cores.map_in_two(_pid_of, items)
    assert [square for square, _ in results] == [i * i for i in items]
    pids = {pid for _, pid in results[500:]}
    assert {pid for _, pid in results[:500]} == {os.getpid()}
    assert len(pids) == 1 and pids != {os.getpid()} and forks == [1]


def test_short_lists_stay_in_this_process(forks):
    results = two_cores.map_in_two(_pid_of, list(range(10)))
    assert {pid for _, pid in results} == {os.getpid()} and not forks


def _fails_on_999(item: int) -> int:
    if item == 999:
        raise ValueError("item 999")
    return item


def test_a_failure_in_the_child_is_raised_here_as_it_would_be(forks):
    with pytest.raises(ValueError, match="item 999"):
        two_cores.map_in_two(_fails_on_999, list(range(1000)))
    assert forks == [1]


@pytest.fixture(scope="module")
def big_data(tmp_path_factory):
    """400 news items, 20 projects, 40 partners: enough files for the loader to share them."""
    root = tmp_path_factory.mktemp("big")
    data = root / "data"
    write_data(data, 400)
    return data


def _summary(site) -> list:
    return [site.assets, [(p.id, p.title, p.partners and [x.partner.id for x in p.partners]) for p in site.projects],
            [(p.id, p.name, repr(p.location)) for p in site.partners],
            [(n.id, n.date, n.title, n.body, [p.id for p in n.projects]) for n in site.news]]


def test_the_loaded_site_is_the_same_with_one_or_two_processes(big_data, monkeypatch, forks):
    shared = load_site(big_data)
    assert forks == [1]
    monkeypatch.setattr(two_cores, "MIN_ITEMS_TO_SHARE", 10**9)
    alone = load_site(big_data)
    assert len(shared.news) == 400
    assert _summary(shared) == _summary(alone)


def test_problems_from_both_halves_are_all_reported(big_data, tmp_path, monkeypatch, forks):
    data = tmp_path / "data"
    shutil.copytree(big_data, data)
    news = sorted((data / "news").glob("*.yml"))
    news[0].write_text(news[0].read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    news[-1].write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError) as shared:
        load_site(data)
    assert forks == [1]
    monkeypatch.setattr(two_cores, "MIN_ITEMS_TO_SHARE", 10**9)
    with pytest.raises(DataError) as alone:
        load_site(data)
    assert shared.value.problems == alone.value.problems
    files = {problem.file for problem in shared.value.problems}
    assert {f"data/news/{news[0].name}", f"data/news/{news[-1].name}"} <= files
