"""The environment variables a build reads, checked at once by every command: the same clear message everywhere.

SOURCE_DATE_EPOCH (the build's time), CSN_TODAY (the day to publish for) and SITE_URL (the site's
address) come from a shell or a CI workflow; a wrong value is a problem like one in the data,
reported on one line by `validate`, `summary`, `build` and the preview, never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from csn.data.build_date import build_datetime
from csn.data.errors import DataError, Problem
from csn.data.publishing import TODAY_VARIABLE, publication_date
from csn.data.site_url import VARIABLE as SITE_URL_VARIABLE
from csn.data.site_url import site_url_problems


def environment_problems(environ: Mapping[str, str] | None = None) -> list[Problem]:
    """Every wrong value among the variables the build reads (unset ones are fine)."""
    environ = os.environ if environ is None else environ
    problems: list[Problem] = []
    for check in (lambda: build_datetime(dict(environ)),
                  lambda: environ.get(TODAY_VARIABLE, "").strip() and publication_date(environ)):
        try:
            check()
        except DataError as error:
            problems += error.problems
    if environ.get(SITE_URL_VARIABLE):
        problems += site_url_problems(environ[SITE_URL_VARIABLE])
    return problems


def check_environment(environ: Mapping[str, str] | None = None) -> None:
    """Raise a DataError naming every wrong variable."""
    problems = environment_problems(environ)
    if problems:
        raise DataError(problems)
