"""Interface strings: one table per language, the same keys in each, used by the templates."""

from __future__ import annotations

import re
from pathlib import Path

from csn.site.strings import strings_table

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"


def test_both_tables_have_the_same_keys_and_no_empty_text():
    fr, en = strings_table("fr"), strings_table("en")
    assert set(fr) == set(en)
    assert all(str(v).strip() for v in [*fr.values(), *en.values()])


def test_every_literal_key_used_by_a_template_exists():
    used = set()
    # Page bodies call t(...), Material's overrides csn_t(...); lang.t(...) is Material's own table.
    for template in OVERRIDES.rglob("*.html"):
        used |= set(re.findall(r"""(?<![\w.])(?:csn_)?t\(\s*["']([a-z_.]*[a-z_])["']\s*[,)]""",
                               template.read_text(encoding="utf-8")))
    assert used and used <= set(strings_table("fr")), used - set(strings_table("fr"))
