"""JSON written inside an HTML `<script>` element, the one place a data output is embedded in markup.

Data outputs (open data, JSON-LD, feeds' texts) hold the editors' exact text: a reuser reads
"Recherche & Innovation", never "Recherche &amp; Innovation". Escaping happens where a value is
written into a format: Jinja's autoescape for HTML, attributes and XML; here for JSON in a script,
where `<`, `>` and `&` would let a text close the element or open a comment, and U+2028/U+2029 end
a line for older JavaScript parsers. Each becomes a `\\u....` escape, which any JSON parser reads
back as the same character.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                            "\u2029": "\\u2029"})


def json_in_script(value: Any, **dumps_options: Any) -> Markup:
    """`value` as JSON that can stand as it is between <script> and </script>, and parses back to `value`."""
    return Markup(json.dumps(value, ensure_ascii=False, **dumps_options).translate(_IN_SCRIPT))
