"""The last pass over every finished page: a Content-Security-Policy, and safe external links.

The policy lets a page use scripts, styles, fonts and images of the site
itself only. Inline scripts and <style> blocks are allowed one by one, by the
hash of their exact text, computed here from the finished page: whatever
template or later feature adds one is covered, and a script injected into a
page after the build (or one that differs by a single byte) does not run.
"""

from __future__ import annotations

import base64
import hashlib

from .html_tags import Tag, replace_spans, start_tag, start_tags
from .safe_urls import scheme_of

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
    kind = (tag.attrs.get("type") or "").strip().lower()
    return tag.name == "script" and "src" not in tag.attrs and kind in SCRIPT_TYPES


def page_policy(tags: list[Tag]) -> str:
    """The policy for a page: its own inline scripts and styles, by hash, in page order without repeats."""
    scripts = dict.fromkeys(_hash(t.raw_text or "") for t in tags if _is_inline_script(t))
    styles = dict.fromkeys(_hash(t.raw_text or "") for t in tags if t.name == "style")
    return policy(list(scripts), list(styles))


def _policy_edit(tags: list[Tag]) -> tuple[int, int, str] | None:
    """Where the policy goes: first in <head> after the charset (a policy covers only what follows it)."""
    if any(t.name == "meta" and (t.attrs.get("http-equiv") or "").lower() == "content-security-policy"
           for t in tags):
        return None
    head = next((t for t in tags if t.name == "head"), None)
    if head is None:
        return None
    charset = next((t for t in tags if t.name == "meta" and "charset" in t.attrs and t.start > head.start), None)
    anchor = charset.end if charset else head.end
    meta = start_tag("meta", {"http-equiv": "Content-Security-Policy", "content": page_policy(tags)})
    return anchor, anchor, "\n" + meta


def _is_external(tag: Tag) -> bool:
    href = tag.attrs.get("href") or ""
    return tag.name in ("a", "area") and (scheme_of(href) in ("http", "https") or href.lstrip().startswith("//"))


def _rel_edit(tag: Tag) -> tuple[int, int, str] | None:
    """An external link that could reach back to this page (window.opener) or leak its address: fix its rel."""
    tokens = (tag.attrs.get("rel") or "").split()
    missing = [token for token in EXTERNAL_REL if token not in tokens]
    if not missing:
        return None
    attrs = {**tag.attrs, "rel": " ".join(tokens + missing)}
    return tag.start, tag.end, start_tag(tag.name, attrs)


def secure_page(html: str, with_policy: bool = True) -> str:
    """`html` with its Content-Security-Policy <meta> (unless `with_policy` is off) and safe external links."""
    tags = start_tags(html, READ_TAGS)
    edits = [edit for edit in (_rel_edit(t) for t in tags if _is_external(t)) if edit]
    if with_policy:
        policy_edit = _policy_edit(tags)
        if policy_edit:
            edits.append(policy_edit)
    return replace_spans(html, edits) if edits else html
