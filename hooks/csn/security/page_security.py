"""The last pass over every finished page: a Content-Security-Policy, and safe external links.

The policy lets a page use scripts, styles, fonts and images of the site
itself only. Inline scripts and <style> blocks are allowed one by one, by the
hash of their exact text, computed here from the finished page; a script is
hashed only when the theme's templates wrote it: its text matches one of the
inline scripts of the template files, whose `{{ ... }}` values may only be
text that cannot leave a JavaScript string. A script that came in any other
way (a value that closed an attribute, a later injection) gets no hash, so
the browser refuses it, and the build names it.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from csn.security.html_tags import Tag, replace_spans, start_tag, start_tags
from csn.security.safe_urls import scheme_of

# MIME types a browser executes as script (a <script> of another type is data: JSON, JSON-LD).
SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module", "text/ecmascript",
                          "application/ecmascript"})
EXTERNAL_REL = ("noopener", "noreferrer")
# The start tags this pass reads: the scanner only steps over the others.
READ_TAGS = frozenset({"head", "meta", "script", "style", "a", "area"})


def policy(script_hashes: list[str], style_hashes: list[str]) -> str:
    directives = {
        "default-src": ["'self'"],
        # 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search (in the page when its worker
        # cannot start); it allows no eval() of JavaScript and no inline script.
        "script-src": ["'self'", "'wasm-unsafe-eval'", *script_hashes],
        "style-src": ["'self'", *style_hashes],
        # data: for the icons Material's stylesheet draws as inline SVG masks (search results); images
        # cannot run code, and a data: URL in a page's own markup is refused by validation.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def _hash(text: str) -> str:
    # Browsers hash the element's text after normalising line breaks to \n.
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(normalised.encode("utf-8")).digest()).decode() + "'"


def _is_inline_script(tag: Tag) -> bool:
    if tag.name != "script":  # first: the other tags' attributes are then never read
        return False
    kind = (tag.attrs.get("type") or "").strip().lower()
    return "src" not in tag.attrs and kind in SCRIPT_TYPES


# An inline script of a template file: its text between <script> and </script>, when it is executable.
_TEMPLATE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<text>.*?)</script>", re.DOTALL | re.IGNORECASE)
_TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.DOTALL)
# What a template value may print inside a script: no quote, backslash, markup or line break could end its string.
_SAFE_VALUE = r"[^\"'`\\<>\r\n\u2028\u2029]*"


class TemplateScripts:
    """The inline scripts the theme's templates can write, as patterns a page's script must match in full."""

    def __init__(self, patterns: Iterable[re.Pattern]):
        self.patterns = tuple(patterns)

    @classmethod
    def of(cls, *texts: str) -> TemplateScripts:
        """From the texts of template scripts, `{{ ... }}` values included."""
        return cls(pattern for pattern in map(_script_pattern, texts) if pattern)

    def wrote(self, text: str) -> bool:
        return any(pattern.fullmatch(text) for pattern in self.patterns)


def _script_pattern(text: str) -> re.Pattern | None:
    if "{%" in text or "{#" in text:
        return None  # logic inside a script: never matched, so never allowed (no template of the theme has it)
    pieces = _TEMPLATE_VALUE.split(text)
    return re.compile(_SAFE_VALUE.join(re.escape(piece) for piece in pieces), re.DOTALL)


@functools.cache
def template_scripts(template_dirs: tuple[str, ...]) -> TemplateScripts:
    """The inline scripts of every template under `template_dirs` (the theme's, then the overrides)."""
    patterns = []
    for folder in template_dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            for match in _TEMPLATE_SCRIPT.finditer(path.read_text(encoding="utf-8", errors="replace")):
                attrs = match["attrs"]
                kind = re.search(r"""\btype=["']?([^"'\s>]+)""", attrs)
                if "src=" in attrs or (kind and kind.group(1).lower() not in SCRIPT_TYPES):
                    continue
                pattern = _script_pattern(match["text"])
                if pattern:
                    patterns.append(pattern)
    return TemplateScripts(patterns)


def untrusted_scripts(tags: list[Tag], trusted: TemplateScripts) -> list[str]:
    """The texts of the page's inline scripts that no template wrote."""
    return [t.raw_text or "" for t in tags if _is_inline_script(t) and not trusted.wrote(t.raw_text or "")]


def page_policy(tags: list[Tag], trusted: TemplateScripts) -> str:
    """The policy for a page: the inline scripts its templates wrote and its styles, by hash, in page order."""
    scripts = dict.fromkeys(_hash(t.raw_text or "") for t in tags
                            if _is_inline_script(t) and trusted.wrote(t.raw_text or ""))
    styles = dict.fromkeys(_hash(t.raw_text or "") for t in tags if t.name == "style")
    return policy(list(scripts), list(styles))


def _policy_edit(tags: list[Tag], trusted: TemplateScripts) -> tuple[int, int, str] | None:
    """Where the policy goes: first in <head> after the charset (a policy covers only what follows it)."""
    if any(t.name == "meta" and t.mentions("http-equiv")
           and (t.attrs.get("http-equiv") or "").lower() == "content-security-policy" for t in tags):
        return None
    head = next((t for t in tags if t.name == "head"), None)
    if head is None:
        return None
    charset = next((t for t in tags if t.name == "meta" and "charset" in t.attrs and t.start > head.start), None)
    anchor = charset.end if charset else head.end
    meta = start_tag("meta", {"http-equiv": "Content-Security-Policy", "content": page_policy(tags, trusted)})
    return anchor, anchor, "\n" + meta


def _is_external(tag: Tag) -> bool:
    # A link out has a scheme (`:`) or starts with `//`, maybe written with character references (`&`).
    if tag.name not in ("a", "area") or not tag.mentions(":", "//", "&"):
        return False
    href = tag.attrs.get("href") or ""
    return scheme_of(href) in ("http", "https") or href.lstrip().startswith("//")


def _rel_edit(tag: Tag) -> tuple[int, int, str] | None:
    """An external link that could reach back to this page (window.opener) or leak its address: fix its rel."""
    tokens = (tag.attrs.get("rel") or "").split()
    missing = [token for token in EXTERNAL_REL if token not in tokens]
    if not missing:
        return None
    attrs = {**tag.attrs, "rel": " ".join(tokens + missing)}
    return tag.start, tag.end, start_tag(tag.name, attrs)


def secure_page(html: str, trusted: TemplateScripts | None = None, refused: list[str] | None = None) -> str:
    """`html` with safe external links and, given the `trusted` scripts, its Content-Security-Policy <meta>.

    The texts of inline scripts the templates did not write are added to `refused`."""
    tags = start_tags(html, READ_TAGS)
    edits = [edit for edit in (_rel_edit(t) for t in tags if _is_external(t)) if edit]
    if trusted is not None:
        if refused is not None:
            refused += untrusted_scripts(tags, trusted)
        policy_edit = _policy_edit(tags, trusted)
        if policy_edit:
            edits.append(policy_edit)
    return replace_spans(html, edits) if edits else html
