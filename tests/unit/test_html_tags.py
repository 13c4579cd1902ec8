"""The tokenizer of the security pass, on the HTML no template writes: looking for a few names must find
exactly the tags a full reading finds, and an unclosed tag must be read in linear time, not hang."""

from __future__ import annotations

import pytest

from csn.security.html_tags import start_tags
from csn.security.page_security import READ_TAGS

AWKWARD = [
    '<div title="<a href=\'http://e\'>"><a href="http://f">',  # a tag inside a quoted value is none
    "<!-- <a href=x> --><a b>",
    "<!----<title>x--<script>",  # an unclosed comment runs to the end
    "<script><a href=1></script><a c>",
    "</ <a x> >",  # a bogus comment
    "</a \"x>\" <a y>",  # an end tag whose quote runs to the end
    '<? <a> ?><A HREF="HTTP://X">',
    "<<a>>", "< a><a\tb=1/>", "<meta", "<area/x=1>", "<ab><abc a><a>",
    "<title><a x></title><a y>", "<a\"x><a>", "area<A\" \"-->",  # a name with a quote: _TOKEN reads `A`
    "<!---><a z>", "<!----!><a q>", "x<", "<",
]


@pytest.mark.parametrize("html", AWKWARD)
@pytest.mark.parametrize("names", [READ_TAGS, frozenset({"a"})])
def test_looking_for_some_names_finds_what_a_full_reading_finds(html, names):
    every = start_tags(html)
    assert start_tags(html, names) == [tag for tag in every if tag.name in names]


def test_a_tag_whose_quote_is_never_closed_is_read_at_once():
    # Backtracking into the attributes of such a tag was exponential in its length (hours at 60 words).
    html = "<p>text</p><a " + "word other " * 2000 + '"'
    assert start_tags(html, READ_TAGS) == []
    assert [tag.name for tag in start_tags(html)] == ["p"]
