"""The build's date: SOURCE_DATE_EPOCH when set, Montréal's day, a clear error when it is wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from csn.data.build_date import BuildDateError, build_date, build_datetime
from tests.helpers.sitebuild import build


@pytest.mark.parametrize("epoch, day", [
    ("1593388800", dt.date(2020, 6, 28)),  # 2020-06-29 00:00 UTC is 20:00 the day before in Montréal (EDT)
    ("1593403200", dt.date(2020, 6, 29)),  # 04:00 UTC: midnight in Montréal
    ("1578027600", dt.date(2020, 1, 3)),  # 05:00 UTC in winter (EST): midnight in Montréal
    ("1578027599", dt.date(2020, 1, 2)),
])
def test_source_date_epoch_gives_the_day_in_montreal(epoch, day):
    assert build_date({"SOURCE_DATE_EPOCH": epoch}) == day


def test_the_instant_is_the_epoch_itself():
    moment = build_datetime({"SOURCE_DATE_EPOCH": "1593403200"})
    assert moment.timestamp() == 1593403200 and moment.utcoffset() == dt.timedelta(hours=-4)


def test_without_source_date_epoch_it_is_now():
    before = dt.datetime.now(dt.UTC)
    moment = build_datetime({})
    assert before <= moment <= dt.datetime.now(dt.UTC)
    assert build_date({"SOURCE_DATE_EPOCH": " "}) == build_datetime({}).date()


@pytest.mark.parametrize("value", ["yesterday", "-5", "1.5e9", "9" * 30])
def test_a_wrong_value_is_refused_with_what_to_do(value):
    with pytest.raises(BuildDateError, match="SOURCE_DATE_EPOCH: `.*git log -1 --format=%ct"):
        build_date({"SOURCE_DATE_EPOCH": value})


def test_a_build_with_a_wrong_value_stops_with_one_clear_line(data_dir):
    result = build(data_dir.parent, extra_env={"SOURCE_DATE_EPOCH": "last tuesday"})
    assert result.returncode != 0
    assert "SOURCE_DATE_EPOCH: `last tuesday` n'est pas un instant" in result.output
    assert "Traceback" not in result.output
    assert not (result.site / "index.html").exists()
