"""SVG logos are decided by an allow-list on the parsed document, CSS read after unescaping: every way of
referring to another host is refused, ordinary artwork from drawing programs passes."""

from __future__ import annotations

import pytest

from csn.security.svg_allowlist import css_unescaped, svg_problem

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
EVIL = "https://evil.example/x"


def svg(body: str) -> bytes:
    return (HEAD + body + "</svg>").encode("utf-8")


REFUSED = {
    # presentation attributes that take a url()
    "fill": f'<rect fill="url({EVIL}#p)"/>',
    "stroke": f"<rect stroke=\"url('{EVIL}')\"/>",
    "filter": f'<g filter="url({EVIL}#f)"/>',
    "mask": f'<g mask="url( {EVIL} )"/>',
    "clip-path": f'<g clip-path="url({EVIL}#c)"/>',
    "cursor": f'<rect cursor="url({EVIL}.cur), auto"/>',
    "marker-start": f'<path d="M0 0" marker-start="url({EVIL}#m)"/>',
    "marker-end": f'<path d="M0 0" marker-end="url(&quot;{EVIL}#m&quot;)"/>',
    "marker-mid escaped": f'<path d="M0 0" marker-mid="\\75rl({EVIL}#m)"/>',
    "entity in attribute": f'<rect fill="&#x75;rl({EVIL})"/>',
    # CSS, escaped in every way
    "style import escaped": f"<style>@\\69mport '{EVIL}.css';</style>",
    "style import hex long": f"<style>@\\000069mport url({EVIL}.css);</style>",
    "style url escaped": f"<style>rect {{ fill: \\75rl({EVIL}) }}</style>",
    "style url char escape": f"<style>rect {{ fill: u\\rl({EVIL}) }}</style>",
    "style comment inside": f"<style>rect {{ fill: url(/* x */'{EVIL}') }}</style>",
    "style font-face": f"<style>@font-face {{ font-family: x; src: url({EVIL}.woff) }}</style>",
    "style image-set": f"<style>rect {{ fill: image-set('{EVIL}.png' 1x) }}</style>",
    "style attribute escaped": f'<rect style="fill: \\000075rl({EVIL})"/>',
    "style in CDATA": f"<style><![CDATA[rect {{ fill: url({EVIL}) }}]]></style>",
    "style expression": "<style>rect { width: expression(alert(1)) }</style>",
    # elements and attributes outside the list
    "image from elsewhere": f'<image href="{EVIL}.png"/>',
    "image svg data": '<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>',
    "use of another file": '<use href="other.svg#logo"/>',
    "feImage": f'<filter id="f"><feImage href="{EVIL}.png"/></filter>',
    "font-face element": f'<font-face><font-face-src><font-face-uri href="{EVIL}"/></font-face-src></font-face>',
    "cursor element": f'<cursor href="{EVIL}.png"/>',
    "unknown attribute": '<rect src="x.png"/>',
    "xml:base": f'<g xml:base="{EVIL}/"><use href="#a"/></g>',
    "html in svg": '<h:img xmlns:h="http://www.w3.org/1999/xhtml" src="https://evil.example/x.png"/>',
    "mathml": '<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"/>',
    "animate a url in": f'<rect><animate attributeName="fill" to="url({EVIL})"/></rect>',
    "animate style": '<rect><set attributeName="style" to="x"/></rect>',
    "link elsewhere": f'<a href="{EVIL}"><rect/></a>',
}


@pytest.mark.parametrize("body", REFUSED.values(), ids=REFUSED.keys())
def test_every_way_to_another_host_is_refused(body):
    problem = svg_problem(svg(body))
    assert problem, body
    assert problem.code.startswith("svg."), problem.codes()


INKSCAPE = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg width="210mm" height="297mm" viewBox="0 0 210 297" version="1.1" id="svg5"
   inkscape:version="1.2.2" sodipodi:docname="logo.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview7" pagecolor="#ffffff" inkscape:zoom="0.7" />
  <defs id="defs2">
    <linearGradient id="g1"><stop offset="0" style="stop-color:#1a237e;stop-opacity:1" /></linearGradient>
    <filter id="blur" x="0" y="0"><feGaussianBlur stdDeviation="2" in="SourceGraphic" /></filter>
    <clipPath id="clip"><rect width="10" height="10" /></clipPath>
    <marker id="arrow" orient="auto"><path d="M0 0L5 5" /></marker>
  </defs>
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format>
    <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage" /></cc:Work></rdf:RDF></metadata>
  <g inkscape:label="Calque 1" inkscape:groupmode="layer" id="layer1" clip-path="url(#clip)">
    <path style="fill:url(#g1);stroke:#000;filter:url( '#blur' )" d="M 10,10 H 50" marker-end="url(#arrow)" />
    <text xml:space="preserve" style="font-family:'Open Sans';font-size:8px" x="5" y="20">CSN <tspan>santé</tspan></text>
    <image width="4" height="4" href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVQI12P4//8/AAX+Av7czFnnAAAAAElFTkSuQmCC" />
  </g>
  <style>@media (prefers-color-scheme: dark) { path { fill: #fff } } /* a comment */</style>
</svg>
"""

ACCEPTED = {
    "inkscape logo": INKSCAPE.encode("utf-8"),
    "gradient by xlink": svg('<defs><linearGradient id="a"/></defs><rect fill="url(#a)"/>'
                             '<use xlink:href="#a" aria-label="logo" data-name="x"/>'),
    "animation of a colour": svg('<rect><animate attributeName="fill" values="red;blue" dur="2s"/></rect>'),
    "illustrator attributes": svg('<g xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/" i:extraneous="self">'
                                  '<circle r="3"/></g>'),
}


@pytest.mark.parametrize("data", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_artwork_from_drawing_programs_passes(data):
    assert svg_problem(data) is None


@pytest.mark.parametrize(("css", "read"), [
    ("@\\69mport", "@import"), ("\\75 rl(", "url("), ("\\000075rl(", "url("), ("u\\rl(", "url("),
    ("u/* x */rl(", "u rl("), ("\\\n", ""), ("\\0", "\ufffd"), ("\\110000", "\ufffd"),
])
def test_css_is_read_as_a_browser_reads_it(css, read):
    assert css_unescaped(css) == read
