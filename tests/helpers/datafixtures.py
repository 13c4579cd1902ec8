"""A data folder to plant problems in: a good project record, and the problems a load reports."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from csn.data.errors import DataError, Problem
from csn.data.load import load_site

GOOD_PROJECT = """\
title:
  fr: Projet d'essai
  en: Test project
summary:
  fr: Un résumé.
  en: A summary.
description:
  fr: Une description.
  en: A description.
status: active
start: 2021-03
themes:
  - formation
partners:
  - udem
"""


def write(data_dir: Path, relative: str, text: str) -> None:
    (data_dir / relative).write_text(textwrap.dedent(text), encoding="utf-8")


def problems_of(data_dir: Path) -> list[Problem]:
    with pytest.raises(DataError) as raised:
        load_site(data_dir)
    return raised.value.problems


def assert_says(problem: Problem, codes: str | tuple[str, ...], quoted: str = "") -> None:
    """The problem is the one expected, by its code and those of the messages it quotes (never by its wording),
    and quotes `quoted` (a value from the data, the same in every language) in French and in English."""
    expected = (codes,) if isinstance(codes, str) else codes
    assert problem.message.codes()[: len(expected)] == expected, str(problem)
    for lang in ("fr", "en"):
        assert quoted in problem.text(lang), problem.text(lang)


def only_problem(data_dir: Path) -> Problem:
    problems = problems_of(data_dir)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]
