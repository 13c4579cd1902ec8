"""The last pass over each page: the policy <meta>, hashes of the exact inline texts, rel on external links."""

from __future__ import annotations

import base64
import hashlib

import pytest

from csn.security.html_tags import start_tags
from csn.security.page_security import READ_TAGS, TemplateScripts, secure_page
from tests.helpers.html_tags_reference import reference_start_tags

PAGE = """<!doctype html>
<html><head><META CHARSET="utf-8"><title>t</title>
<script>var a = "</scr" + "ipt>";</script>
<script type="application/ld+json">{"@type": "Thing"}</script>
<script src="assets/x.js"></script>
<style>p { color: red }</style>
</head><body>
<a href="https://example.org/" title="a > b">out</a>
<a href="../inside/">in</a>
<a href="mailto:a@b.org">mail</a>
<a HREF="//example.org/x" rel="me">protocol-relative</a>
<a href="http://example.org/" rel="noopener">already half</a>
<script type="module">import "./m.js";</script>
</body></html>"""
# The scripts PAGE's templates wrote.
TRUSTED = TemplateScripts.of('var a = "</scr" + "ipt>";', 'import "{{ module }}";', "x()")


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy_of(html: str) -> str:
    metas = [t for t in start_tags(html) if t.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    return metas[0].attrs["content"]


def test_the_policy_follows_the_charset_and_hashes_exactly_the_executable_inline_scripts():
    secured = secure_page(PAGE, TRUSTED)
    assert secured.index('<META CHARSET="utf-8">') < secured.index("Content-Security-Policy") < secured.index("<title>")
    directives = dict(d.strip().split(" ", 1) for d in policy_of(secured).split(";"))
    script_sources = directives["script-src"].split()
    assert script_sources == ["'self'", "'wasm-unsafe-eval'", sha256('var a = "</scr" + "ipt>";'), sha256('import "./m.js";')]
    assert directives["style-src"].split() == ["'self'", sha256("p { color: red }")]
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"


def test_external_links_get_noopener_noreferrer_and_keep_their_other_values():
    tags = {t.attrs.get("href") or t.attrs.get("HREF"): t for t in start_tags(secure_page(PAGE, TRUSTED)) if t.name == "a"}
    assert tags["https://example.org/"].attrs == {"href": "https://example.org/", "title": "a > b",
                                                  "rel": "noopener noreferrer"}
    assert tags["//example.org/x"].attrs["rel"] == "me noopener noreferrer"
    assert tags["http://example.org/"].attrs["rel"] == "noopener noreferrer"
    assert "rel" not in tags["../inside/"].attrs and "rel" not in tags["mailto:a@b.org"].attrs


def test_nothing_else_changes():
    secured = secure_page(PAGE, TRUSTED)
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy_of(secured)}">'
    unchanged = [line for line in secured.replace(meta, "", 1).splitlines() if "//" not in line]
    assert unchanged == [line for line in PAGE.splitlines() if "//" not in line]
    assert secure_page(secured, TRUSTED) == secured  # a second pass finds nothing to do


def test_a_page_without_head_or_with_its_own_policy_is_left_alone():
    assert secure_page("<p>fragment</p>", TRUSTED) == "<p>fragment</p>"
    own = '<html><head><meta http-equiv="content-security-policy" content="default-src \'none\'"></head></html>'
    assert secure_page(own, TRUSTED) == own


def test_a_policy_without_charset_goes_first_in_head():
    secured = secure_page("<html><head><script>x()</script></head></html>", TRUSTED)
    assert secured.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy"')


def _check_scan(html: str) -> int:
    """The quick scan (only some tags) finds exactly what the full scan finds, at the right places."""
    every = start_tags(html)
    assert start_tags(html, READ_TAGS) == [t for t in every if t.name in READ_TAGS]
    for tag in every:
        text = html[tag.start:tag.end]
        assert text.startswith("<") and text[1:1 + len(tag.name)].lower() == tag.name and text.endswith(">"), text
        if tag.raw_text is not None:
            assert html[tag.end:].startswith(tag.raw_text)
            assert html[tag.end + len(tag.raw_text):][:2 + len(tag.name)].lower() == f"</{tag.name}"
    return len(every)


def test_the_quick_scan_reads_the_edge_cases_as_the_full_one():
    for html in (PAGE, "<p>a &#x; b<a href=//e>", "<!-- <a href=x> --><a href=y>", "<title><a href=x></title>",
                 "<textarea><a href=z></textarea><a href=q>", "x<", "<a", "&#;<a href='x'>"):
        _check_scan(html)


AGREED = (PAGE, "<p>a &#x; b<a href=//e>", "<!-- <a href=x> --><a href=y>", "&#;<a href='x'>",
          '<a title="x>y" href="/z">', "<A HREF='x' Data-X>", "<br/><img src=a.png alt=''/>",
          "<script>if (a<b) document.write('<a href=x>')</script><a href=y>", "<style>a>b{}</style><p>",
          '<a href="&amp;&lt;x" rel=noopener>', "<!DOCTYPE html><html lang=fr><head><meta charset=utf-8>",
          "<p>1 < 2 and 3 <4</p><a href=q>", "<?php x ?><a href=3>",
          "</p foo='>'><a href=4>", "<SCRIPT>x</SCRIPT ><a href=5>")


@pytest.mark.parametrize("html", AGREED)
def test_the_scanner_finds_what_htmlparser_finds(html):
    assert start_tags(html) == reference_start_tags(html)
    _check_scan(html)


@pytest.mark.parametrize(("html", "expected"), [
    ("<title><a href=x></title><a href=y>", [("title", None), ("a", "y")]),  # a title's content is text
    ("<textarea><a href=z></textarea><a href=q>", [("textarea", None), ("a", "q")]),
    ('<a href="https://e.org" href="/here">', [("a", "https://e.org")]),  # the first value counts
    ("<p>x<a href='cut", [("p", None)]),  # a tag cut off by the end of the page is dropped
    ("<!--> <a href=1> --><a href=2>", [("a", "1"), ("a", "2")]),  # `<!-->` is a whole (empty) comment
])
def test_the_scanner_reads_as_browsers_where_htmlparser_does_not(html, expected):
    assert [(tag.name, tag.attrs.get("href")) for tag in start_tags(html)] == expected


def test_every_built_page_gives_the_tags_htmlparser_gives_and_the_quick_scan_agrees(real_site, hostile_site):
    """One pass over every built page: the scanner against HTMLParser, the quick scan against the full one."""
    pages = [*real_site.site.rglob("*.html"), *hostile_site.site.rglob("*.html")]
    tags = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert start_tags(html) == reference_start_tags(html), page
        tags += _check_scan(html)
    assert tags > 10_000
