"""The Markdown renderer gives back the memory cmark-gfm allocates, and renders as cmarkgfm does."""

from __future__ import annotations

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from csn.data.cmark_render import markdown_to_html

EXTENSIONS = ("table", "strikethrough", "autolink")
SAMPLES = [
    "",
    "# Titre\n\nUn **paragraphe** avec [un lien](https://example.org) et ~~barré~~ : données.\n",
    "| a | b |\n|---|:-:|\n| 1 | 2 |\n\nhttps://example.org/auto\n",
    "<script>alert(1)</script>\n\n<b>gras</b>",
    "[" * 5000,
    "> " * 200 + "deep",
]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("options", [0, Options.CMARK_OPT_UNSAFE])
def test_same_html_as_cmarkgfm(text, options):
    expected = cmarkgfm.markdown_to_html_with_extensions(text, options, extensions=list(EXTENSIONS))
    assert markdown_to_html(text, options, EXTENSIONS) == expected


def test_unknown_extension_is_refused():
    with pytest.raises(ValueError, match="footnotes-typo"):
        markdown_to_html("text", 0, ("footnotes-typo",))


def _resident_kb() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * 4


def test_memory_is_given_back():
    text = SAMPLES[1] * 8 + SAMPLES[2] * 4  # cmarkgfm's own function leaks about 45 KB per call of this
    for _ in range(200):  # allocator pools settle first
        markdown_to_html(text, 0, EXTENSIONS)
    before = _resident_kb()
    for _ in range(3000):
        markdown_to_html(text, 0, EXTENSIONS)
    assert _resident_kb() - before < 4_000  # a leak of even 2 KB per call would show 6,000 KB
