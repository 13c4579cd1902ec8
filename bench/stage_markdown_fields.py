"""Time to read (validation) and render a Markdown field of pathological content: `python -m bench.stage_markdown_fields`.

The data's Markdown goes through cmark-gfm; the last column shows what
Python-Markdown (MkDocs' parser, kept for the trusted docs/ pages) takes on
the same text at 5,000 characters, which is why data does not go through it.
"""

from __future__ import annotations

import time

import markdown

from csn.data.markdown_render import MarkdownRenderer, read_markdown
from csn.data.validate import MAX_MARKDOWN_LENGTH

SIZE = MAX_MARKDOWN_LENGTH  # the longest field validation lets through
SMALL = 5_000
PATTERNS = {
    "paragraphs with links": "Un texte avec un [lien](https://example.org/) et **du gras**.\n\n",
    "nested lists": "- a\n  - b\n",
    "emphasis": "*a **b ",
    "open brackets": "[",
    "unclosed links": "[a](",
    "backquotes": "`a",
    "links": "[a](b)",
    "images": "![",
    "quotes and lists": "> - ",
    "angle brackets": "<",
}


def seconds(function, text: str) -> float:
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


def main() -> None:
    render = MarkdownRenderer()
    python_markdown = markdown.Markdown()
    print(f"{'pattern':24} {'read s':>7} {'render s':>9}  (at {SIZE:,} chars)   Python-Markdown at {SMALL:,}")
    for name, unit in PATTERNS.items():
        text = unit * (SIZE // len(unit))
        small = unit * (SMALL // len(unit))
        slow = seconds(lambda t: python_markdown.reset().convert(t), small)
        print(f"{name:24} {seconds(read_markdown, text):7.3f} {seconds(render, text):9.3f}"
              f"{'':24}{slow:7.3f} s")


if __name__ == "__main__":
    main()
