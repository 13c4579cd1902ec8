"""Parts of Material's page frame that are identical on many pages, rendered once per folder.

Rendering Material's `main.html` is the largest cost of each page. A page drawn
from the data is never in the navigation and has no table of contents, so its
tabs, navigation drawer, stylesheet links and script configuration are the
same as those of every other data page in its folder (the links in them are
relative to the folder). One instance serves one language's build: nothing is
kept from one language, or one build, to the next.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from jinja2 import pass_context
from jinja2.runtime import Context

# The blocks of Material's base.html that depend on nothing but the folder for such a page.
SHARED = frozenset({"styles", "tabs", "site_nav", "config"})


class SharedBlocks:
    """`csn_shared_block(name, super)` in main.html: the block's HTML, rendered once per folder."""

    def __init__(self) -> None:
        self._html: dict[tuple, str] = {}

    @pass_context
    def __call__(self, context: Context, name: str, render: Callable[[], str]) -> str:
        key = self.key(context, name)
        if key is None:
            return render()
        html = self._html.get(key)
        if html is None:
            html = self._html[key] = render()
        return html

    @staticmethod
    def key(context: Context, name: str) -> tuple | None:
        """What the block's HTML depends on, or None when it must be rendered for this page alone."""
        page = context.get("page")
        planned = getattr(getattr(page, "file", None), "csn_page", None)
        if name not in SHARED or planned is None or not planned.is_generated:
            return None
        if next(iter(page.toc or ()), None) is not None:
            return None
        nav = context.get("nav")
        active = tuple(item.url for item in getattr(nav, "pages", ()) if item.active)
        hide = tuple(page.meta.get("hide") or ())
        return name, posixpath.dirname(page.url.rstrip("/")), active, hide

