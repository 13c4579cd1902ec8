"""The identity's colours: WCAG 2.1 contrast ratios, the shades suggested, and the data errors they give."""

from __future__ import annotations

import textwrap

import pytest

from csn.contrast import LARGE_RATIO, TEXT_RATIO, contrast, identity_failures, passing_shade, relative_luminance
from csn.errors import DataError
from csn.load import load_site


@pytest.mark.parametrize("first, second, ratio", [
    ("#000000", "#ffffff", 21.0),
    ("#ffffff", "#ffffff", 1.0),
    ("#777777", "#ffffff", 4.48),  # the classic grey just below AA
    ("#0057ac", "#ffffff", 7.10),
])
def test_ratios_match_wcag_s_formula(first, second, ratio):
    assert contrast(first, second) == pytest.approx(ratio, abs=0.01)
    assert contrast(second, first) == pytest.approx(ratio, abs=0.01)  # order does not matter


@pytest.mark.parametrize("color, background, minimum", [
    ("#00a9e0", "#ffffff", TEXT_RATIO),  # a light blue: darkened
    ("#e0542a", "#ffffff", TEXT_RATIO),
    ("#ffff00", "#ffffff", LARGE_RATIO),
    ("#333366", "#000000", TEXT_RATIO),  # on a dark background: lightened
])
def test_the_suggested_shade_passes_and_keeps_the_hue(color, background, minimum):
    shade = passing_shade(color, background, minimum)
    assert contrast(shade, background) >= minimum
    assert contrast(color, background) < minimum <= contrast(shade, background)
    lighter = relative_luminance(background) < 0.18
    assert (relative_luminance(shade) > relative_luminance(color)) == lighter


def test_a_passing_identity_has_no_failure_and_a_failing_one_names_the_field():
    assert identity_failures("#0057ac", "#b8410e") == {}
    failures = identity_failures("#66aaff", "#b8410e")
    assert set(failures) == {"primary"}
    failure = failures["primary"]
    assert failure.ratio < TEXT_RATIO
    assert "#66aaff" in failure.message() and f"{failure.ratio:.2f}:1" in failure.message()
    assert failure.suggestion.upper() in failure.message()
    assert identity_failures(failure.suggestion, "#b8410e") == {}  # the suggestion itself passes everywhere


SITE = """\
name: Consortium d'essai
acronym: CE
tagline:
  fr: Devise
  en: Tagline
description:
  fr: Description.
  en: Description.
institution:
  name: Université de Montréal
  url: https://www.umontreal.ca
colors:
  primary: "{primary}"
  accent: "{accent}"
"""


def problems(data_dir, primary: str, accent: str) -> list:
    (data_dir / "site.yml").write_text(SITE.format(primary=primary, accent=accent), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_site(data_dir)
    return raised.value.problems


def test_a_colour_too_light_is_an_error_on_its_line_with_ratio_and_fix(data_dir):
    found = problems(data_dir, "#0057AC", "#F2A900")
    assert [(p.file, p.line, p.field) for p in found] == [("data/site.yml", 14, "colors.accent")]
    message = found[0].message
    assert "#F2A900" in message and "4.5:1" in message and "darker" in message
    suggestion = message.split('e.g. `"')[1].split('"')[0]
    assert contrast(suggestion, "#ffffff") >= TEXT_RATIO


def test_both_colours_failing_are_both_reported(data_dir):
    found = problems(data_dir, "#99ccff", "#ffcc00")
    assert [(p.line, p.field) for p in found] == [(13, "colors.primary"), (14, "colors.accent")]


@pytest.mark.parametrize("written, words", [
    ("0057AC", "is not a colour"),
    ("#05A", "is not a colour"),
    ("blue", "is not a colour"),
])
def test_a_colour_must_be_written_as_hex(data_dir, written, words):
    found = problems(data_dir, written, "#b8410e")
    assert [(p.line, p.field) for p in found] == [(13, "colors.primary")]
    assert words in found[0].message


def test_a_colour_without_quotes_is_read_as_a_comment_and_the_message_says_so(data_dir):
    text = SITE.format(primary="#0057AC", accent="#b8410e").replace('"#0057AC"', "#0057AC")
    (data_dir / "site.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_site(data_dir)
    [problem] = raised.value.problems
    assert problem.field == "colors.primary" and "in quotes" in problem.message


def test_the_real_identity_passes_and_reaches_the_model():
    from sitebuild import PROJECT_DIR

    identity = load_site(PROJECT_DIR / "data").info.identity
    assert identity.logo and identity.logo.endswith(".svg")
    assert identity_failures(identity.primary, identity.accent) == {}
