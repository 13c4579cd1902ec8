"""Inline SVG pictures of a built page, read as the XML they must be."""

from __future__ import annotations

from lxml import etree

SVG_NS = "http://www.w3.org/2000/svg"


def inline_svg(html: str, css_class: str) -> etree._Element:
    """The `<svg class="css_class">` element of a page's source, parsed by a strict XML parser."""
    start = html.index(f'<svg class="{css_class}"')
    depth, position = 0, start
    while True:
        opening = html.find("<svg", position)
        closing = html.find("</svg>", position)
        if opening != -1 and opening < closing:
            depth, position = depth + 1, opening + 4
            continue
        depth, position = depth - 1, closing + len("</svg>")
        if depth == 0:
            break
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    return etree.fromstring(html[start:position].encode("utf-8"), parser)


def q(name: str) -> str:
    """The qualified name of an SVG element, for lxml's find and iter."""
    return f"{{{SVG_NS}}}{name}"


def classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()
