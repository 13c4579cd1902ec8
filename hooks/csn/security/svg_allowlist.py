"""Is an SVG file self-contained artwork? Decided by an allow-list on the parsed document.

An SVG image is published on the site's origin: opened there it runs like a page, and shown in a
page it may still fetch what it refers to. A list of what is forbidden always misses a way in
(presentation attributes such as `fill="url(https://…)"`, `cursor`, `marker-end`; CSS escapes such as
`@\\69mport` or `\\75rl(…)`), so here only listed elements and attributes pass, every attribute value
and every CSS text is read after unescaping, and a reference may only point inside the file
(`#id`), or be an embedded raster picture (`data:image/png;base64,…`) on an <image>.
"""

from __future__ import annotations

import re
from xml.parsers import expat

from csn.messages import Message

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# Editors' bookkeeping that browsers never render nor fetch (Inkscape, Illustrator, Sketch, licence metadata).
EDITOR_NAMESPACES = frozenset({
    "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://creativecommons.org/ns#", "http://purl.org/dc/elements/1.1/",
    "http://ns.adobe.com/AdobeIllustrator/10.0/", "http://ns.adobe.com/Graphs/1.0/", "http://ns.adobe.com/Extensibility/1.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/", "http://www.bohemiancoding.com/sketch/ns", "http://www.serif.com/",
    "http://purl.org/dc/terms/",
})


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


FILTER_PRIMITIVES = _names(
    "feblend fecolormatrix fecomponenttransfer fecomposite feconvolvematrix fediffuselighting fedisplacementmap "
    "fedistantlight fedropshadow feflood fefunca fefuncb fefuncg fefuncr fegaussianblur femerge femergenode "
    "femorphology feoffset fepointlight fespecularlighting fespotlight fetile feturbulence")
ANIMATIONS = frozenset({"set", "animate", "animatetransform", "animatemotion", "mpath"})
ELEMENTS = _names(
    "svg g defs symbol use title desc metadata switch path rect circle ellipse line polyline polygon text tspan "
    "textpath lineargradient radialgradient stop clippath mask pattern marker filter style image a view"
) | FILTER_PRIMITIVES | ANIMATIONS
ATTRIBUTES = _names("""
id class style lang tabindex role focusable version baseprofile width height viewbox preserveaspectratio
zoomandpan enable-background x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points pathlength transform
gradienttransform gradientunits patterntransform patternunits patterncontentunits spreadmethod offset
clippathunits maskunits maskcontentunits filterunits primitiveunits markerunits markerwidth markerheight refx
refy orient href dx dy rotate textlength lengthadjust startoffset method spacing side requiredfeatures
requiredextensions systemlanguage in in2 result stddeviation mode type values operator k1 k2 k3 k4 order
kernelmatrix divisor bias targetx targety edgemode preservealpha surfacescale diffuseconstant specularconstant
specularexponent kernelunitlength scale xchannelselector ychannelselector radius basefrequency numoctaves seed
stitchtiles azimuth elevation z pointsatx pointsaty pointsatz limitingconeangle tablevalues slope intercept
amplitude exponent flood-color flood-opacity lighting-color fill fill-opacity fill-rule stroke stroke-width
stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity opacity color
display visibility clip-path clip-rule mask filter stop-color stop-opacity font-family font-size font-weight
font-style font-variant font-stretch font-size-adjust text-anchor dominant-baseline alignment-baseline
baseline-shift letter-spacing word-spacing text-decoration writing-mode direction unicode-bidi overflow
color-interpolation color-interpolation-filters color-rendering shape-rendering text-rendering image-rendering
mix-blend-mode isolation paint-order vector-effect marker-start marker-mid marker-end transform-origin
white-space media title attributename attributetype begin dur end min max restart repeatcount repeatdur fill
calcmode keytimes keysplines from to by additive accumulate keypoints path space
""")
# xml:space and xml:lang; xlink:href (checked like href) and xlink:title.
NAMESPACED_ATTRIBUTES = frozenset({(XML_NS, "space"), (XML_NS, "lang"), (XLINK_NS, "href"), (XLINK_NS, "title")})
# Values that hold a reference: only an anchor in this file.
_LOCAL_REFERENCE = re.compile(r"\s*#[^\s]*\s*$")
_RASTER_DATA = re.compile(r"\s*data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$", re.IGNORECASE)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(\n)|(.))", re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.DOTALL)
# CSS that fetches: @import, @font-face; url(), image(), image-set(), cross-fade(), element(), src() not to `#`.
_CSS_AT_RULE = re.compile(r"@(?!media\b|keyframes\b|supports\b)[a-z-]+", re.IGNORECASE)
_CSS_FUNCTION = re.compile(r"(?<![a-z0-9_-])(url|src|image|image-set|-webkit-image-set|cross-fade|element)\(\s*"
                           r"(['\"]?)\s*(.?)", re.IGNORECASE)
_CSS_SCRIPT = re.compile(r"expression\(|javascript:|behaviou?r\s*:|-moz-binding", re.IGNORECASE)


class UnsafeSvg(Exception):
    """What makes the file unsafe, in an editor's words."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(message.code)


def css_unescaped(text: str) -> str:
    """CSS text as a browser reads it: comments out, `\\69` and `\\i` escapes resolved."""
    def replace(match: re.Match) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return "" if match.group(2) else match.group(3)
    return _CSS_ESCAPE.sub(replace, _CSS_COMMENT.sub(" ", text))


def css_problem(text: str) -> Message | None:
    """Why this CSS (a <style> or a style/presentation value) could fetch something or run code, or None."""
    css = css_unescaped(text)
    if _CSS_SCRIPT.search(css):
        return Message("svg.css_code")
    at_rule = _CSS_AT_RULE.search(css)
    if at_rule:
        return Message("svg.css_at_rule", rule=at_rule.group(0))
    for function in _CSS_FUNCTION.finditer(css):
        if function.group(1).lower() != "url" or function.group(3) != "#":
            return Message("svg.css_function", function=function.group(1))
    return None


def svg_problem(data: bytes) -> Message | None:
    """Why an SVG file is not self-contained artwork (could run code, load something, expand without end), or None."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    seen_root = False
    styles: list[str] = []
    editor_depth = 0  # inside an element of an editor's namespace (metadata)

    def refuse(message: Message):
        raise UnsafeSvg(message)

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal seen_root, editor_depth
        namespace, _, local = name.rpartition(" ")
        if not seen_root:
            seen_root = True
            if local != "svg" or namespace not in ("", SVG_NS):
                refuse(Message("svg.root"))
        if editor_depth or namespace in EDITOR_NAMESPACES:
            editor_depth += 1
            _check_editor_attributes(attributes, refuse)
            return
        if namespace not in ("", SVG_NS) or local.lower() not in ELEMENTS:
            refuse(Message("svg.element", element=local))
        for attribute, value in attributes.items():
            _check_attribute(local.lower(), attribute, value, refuse)
        if local.lower() in ANIMATIONS:
            target = attributes.get("attributeName", "").lower()
            if target.endswith("href") or target.startswith("on") or target == "style":
                refuse(Message("svg.animation", attribute=target))
        if local.lower() == "style":
            styles.append("")

    def text(data: str) -> None:
        if styles:
            styles[-1] += data

    def end(name: str) -> None:
        nonlocal editor_depth
        if editor_depth:
            editor_depth -= 1
            return
        if name.rpartition(" ")[2].lower() == "style" and styles:
            problem = css_problem(styles.pop())
            if problem:
                refuse(Message("svg.style_element", reason=problem))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = lambda *args: refuse(Message("svg.doctype"))
    parser.EntityDeclHandler = lambda *args: refuse(Message("svg.entities"))
    parser.ProcessingInstructionHandler = lambda *args: refuse(Message("svg.processing_instruction"))
    parser.ExternalEntityRefHandler = lambda *args: refuse(Message("svg.external_entity"))
    try:
        parser.Parse(data, True)
    except UnsafeSvg as unsafe:
        return unsafe.message
    except expat.ExpatError as error:
        return Message("svg.malformed", detail=expat.errors.messages[error.code], line=error.lineno)
    return None if seen_root else Message("svg.not_svg")


def _check_attribute(element: str, attribute: str, value: str, refuse) -> None:
    namespace, _, local = attribute.rpartition(" ")
    name = local.lower()
    if name.startswith("on"):
        refuse(Message("svg.handler", attribute=name))
    if name == "href" and namespace in ("", XLINK_NS):
        if not (_LOCAL_REFERENCE.match(value) or (element == "image" and _RASTER_DATA.match(value))):
            refuse(Message("svg.href"))
        return
    if "javascript:" in re.sub(r"[\s\x00-\x1f]", "", css_unescaped(value)).lower():
        refuse(Message("svg.javascript"))
    if namespace in EDITOR_NAMESPACES:
        _check_editor_attributes({attribute: value}, refuse)
        return
    known = (name in ATTRIBUTES or name.startswith(("aria-", "data-"))) if not namespace else \
        (namespace, name) in NAMESPACED_ATTRIBUTES
    if not known:
        refuse(Message("svg.attribute", attribute=name))
    problem = css_problem(value)
    if problem:
        refuse(Message("svg.style_attribute", reason=problem) if name == "style"
               else Message("svg.presentation_attribute", reason=problem, attribute=name))


def _check_editor_attributes(attributes: dict[str, str], refuse) -> None:
    """An editor's bookkeeping is never rendered nor fetched (a licence's address is a name): no code in it."""
    for attribute, value in attributes.items():
        name = attribute.rpartition(" ")[2].lower()
        if name.startswith("on") or "javascript:" in re.sub(r"\s", "", value).lower():
            refuse(Message("svg.editor_data", attribute=name))
