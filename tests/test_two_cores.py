"""Data files read by two processes give exactly what one process gives, problems included."""

from __future__ import annotations

import os
import shutil
import threading

import pytest
from bench.synth import write_data

from csn import two_cores
from csn.errors import DataError
from csn.load import load_site


def _pid_of(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


def test_the_second_half_is_computed_by_a_child():
    items = list(range(1000))
    results, states = two_cores.map_in_two(_pid_of, items, child_state=lambda: os.getpid())
    assert [square for square, _ in results] == [i * i for i in items]
    pids = {pid for _, pid in results[500:]}
    assert {pid for _, pid in results[:500]} == {os.getpid()}
    assert len(pids) == 1 and pids != {os.getpid()} and states == list(pids)


def test_short_lists_stay_in_this_process():
    results, states = two_cores.map_in_two(_pid_of, list(range(10)), child_state=lambda: "unused")
    assert {pid for _, pid in results} == {os.getpid()} and states == []


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        results, states = two_cores.map_in_two(_pid_of, list(range(1000)))
    finally:
        stop.set()
        thread.join()
    assert {pid for _, pid in results} == {os.getpid()} and states == []


def _fails_on_999(item: int) -> int:
    if item == 999:
        raise ValueError("item 999")
    return item


def test_a_failure_in_the_child_is_raised_here_as_it_would_be():
    with pytest.raises(ValueError, match="item 999"):
        two_cores.map_in_two(_fails_on_999, list(range(1000)))


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


def test_the_loaded_site_is_the_same_with_one_or_two_processes(big_data, monkeypatch):
    shared = load_site(big_data)
    monkeypatch.setattr(two_cores, "MIN_ITEMS_TO_SHARE", 10**9)
    alone = load_site(big_data)
    assert len(shared.news) == 400
    assert _summary(shared) == _summary(alone)


def test_problems_from_both_halves_are_all_reported(big_data, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(big_data, data)
    news = sorted((data / "news").glob("*.yml"))
    news[0].write_text(news[0].read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    news[-1].write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError) as shared:
        load_site(data)
    monkeypatch.setattr(two_cores, "MIN_ITEMS_TO_SHARE", 10**9)
    with pytest.raises(DataError) as alone:
        load_site(data)
    assert shared.value.problems == alone.value.problems
    files = {problem.file for problem in shared.value.problems}
    assert {f"data/news/{news[0].name}", f"data/news/{news[-1].name}"} <= files
