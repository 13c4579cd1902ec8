"""The identity's colours: WCAG 2.1 contrast ratios, the shades suggested, and the data errors they give."""

from __future__ import annotations

import textwrap

import pytest

from csn.data.contrast import LARGE_RATIO, TEXT_RATIO, contrast, identity_failures, passing_shade, relative_luminance
from csn.data.errors import DataError
from csn.data.load import load_site


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
    text = failure.message().text("en")
    assert "#66aaff" in text and f"{failure.ratio:.2f}:1" in text
    assert failure.suggestion.upper() in text and failure.suggestion.upper() in failure.message().text("fr")
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
    assert found[0].code == "color.contrast_darker"
    message = found[0].text("en")
    assert "#F2A900" in message and "4.5:1" in message and "darker" in message
    suggestion = message.split('e.g. `"')[1].split('"')[0]
    assert contrast(suggestion, "#ffffff") >= TEXT_RATIO


def test_both_colours_failing_are_both_reported(data_dir):
    found = problems(data_dir, "#99ccff", "#ffcc00")
    assert [(p.line, p.field) for p in found] == [(13, "colors.primary"), (14, "colors.accent")]


@pytest.mark.parametrize("written, code", [
    ("0057AC", "color.invalid"),
    ("#05A", "color.invalid"),
    ("blue", "color.invalid"),
])
def test_a_colour_must_be_written_as_hex(data_dir, written, code):
    found = problems(data_dir, written, "#b8410e")
    assert [(p.line, p.field) for p in found] == [(13, "colors.primary")]
    assert found[0].code == code


def test_a_colour_without_quotes_is_read_as_a_comment_and_the_message_says_so(data_dir):
    text = SITE.format(primary="#0057AC", accent="#b8410e").replace('"#0057AC"', "#0057AC")
    (data_dir / "site.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_site(data_dir)
    [problem] = raised.value.problems
    assert problem.field == "colors.primary" and problem.code == "missing.field_quoted"


def test_the_real_identity_passes_and_reaches_the_model():
    from tests.helpers.sitebuild import PROJECT_DIR

    identity = load_site(PROJECT_DIR / "data").info.identity
    assert identity.logo and identity.logo.endswith(".svg")
    assert identity_failures(identity.primary, identity.accent) == {}


TYPEFACE = """
typeface:
  name: {name}
  regular: {regular}
"""


def typeface_problems(data_dir, name: str, regular: str, content: bytes) -> list:
    fonts = data_dir.parent / "assets" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    (fonts / "face.woff2").write_bytes(content)
    site = data_dir / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + TYPEFACE.format(name=name, regular=regular), encoding="utf-8")
    try:
        load_site(data_dir)
    except DataError as error:
        return error.problems
    return []


def test_a_shipped_woff2_typeface_is_accepted_and_published(data_dir):
    assert typeface_problems(data_dir, "Source Sans 3", "assets/fonts/face.woff2", b"wOF2" + b"\0" * 40) == []
    site = load_site(data_dir)
    assert site.info.identity.typeface.files == {400: "assets/fonts/face.woff2"}
    assert "assets/fonts/face.woff2" in site.assets
    from csn.site.identity_style import identity_properties

    assert '--csn-font:"Source Sans 3", ' in identity_properties(site.info.identity)


@pytest.mark.parametrize("name, regular, content, field, codes", [
    ("Source Sans 3", "assets/fonts/face.woff2", b"<html>", "typeface.regular", ("image.content", "image.not_woff2")),
    ("Source Sans 3", "assets/fonts/face.ttf", b"wOF2", "typeface.regular", ("image.not_font",)),
    ("Source Sans 3", "https://fonts.example/face.woff2", b"wOF2", "typeface.regular", ("image.address",)),
    ('Evil"}</style>', "assets/fonts/face.woff2", b"wOF2", "typeface.name", ("typeface.invalid",)),
])
def test_a_wrong_typeface_is_a_located_error(data_dir, name, regular, content, field, codes):
    found = typeface_problems(data_dir, f"'{name}'", regular, content)
    assert [p.field for p in found] == [field], found
    assert found[0].message.codes() == codes and found[0].line > 0
