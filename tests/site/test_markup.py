"""The HTML of every built page passes the Nu HTML Checker (vnu.jar from the npm registry, run with
the machine's Java), except for the errors listed below, which come from Material's own markup."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from tests.helpers.browserkit import sample_pages
from tests.helpers.htmlcheck import html_pages, page_url
from tests.helpers.sitebuild import PROJECT_DIR

VNU_JAR = PROJECT_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SAMPLES = [sample for sample in sample_pages() if not sample.is_not_found]


@pytest.fixture(scope="session")
def vnu_errors(real_site) -> dict[str, list[dict]]:
    """The checker's errors on every HTML file of the built site, by page URL ('', 'en/news/', '404.html')."""
    java = shutil.which("java")
    if not java or not VNU_JAR.is_file():
        pytest.fail("Java or vnu.jar is missing: `make test` installs default-jre-headless and runs `npm ci`")
    pages = html_pages(real_site.site)
    done = subprocess.run([java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, pages)],
                          check=False, capture_output=True, text=True, timeout=600)
    assert done.stderr.lstrip().startswith("{"), f"vnu.jar did not report: {done.stderr[-2000:]}"
    report = json.loads(done.stderr)
    errors = defaultdict(list)
    for page in pages:
        errors[page_url(real_site.site, page)] = []
    for message in report["messages"]:
        page = Path(message["url"].removeprefix("file:"))
        errors[page_url(real_site.site, page)].append(message)
    return errors


# Errors in markup that Material writes outside any template block (base.html), with the reason they stay.
MATERIAL_ERRORS = {
    ('Attribute “autocomplete” is only allowed when the input type is', 'class="md-toggle"'):
        "base.html writes autocomplete=off on its two toggle checkboxes (menu, search) so that Firefox does "
        "not restore them open on reload; they sit outside any block: removing it means forking base.html",
}


def is_from_material(message: dict) -> bool:
    return any(words in message["message"] and where in message.get("extract", "")
               for words, where in MATERIAL_ERRORS)


def shown(messages: list[dict]) -> str:
    return "\n".join(f"line {m.get('lastLine')}: {m['message']} {m.get('extract', '').strip()!r}" for m in messages)


@pytest.mark.xdist_group("vnu")
@pytest.mark.xdist_group("vnu")
def test_every_page_and_the_404_are_valid_html(vnu_errors):
    assert "404.html" in vnu_errors and all(sample.path in vnu_errors for sample in SAMPLES)
    ours = {page: [m for m in messages if not is_from_material(m)] for page, messages in vnu_errors.items()}
    assert not any(ours.values()), "\n".join(f"/{page}:\n{shown(messages)}" for page, messages in ours.items()
                                            if messages)


@pytest.mark.xdist_group("vnu")
def test_the_listed_material_errors_still_occur(vnu_errors):
    """An exception that no longer matches anything must leave the list."""
    seen = {(words, where) for messages in vnu_errors.values() for message in messages
            for words, where in MATERIAL_ERRORS if words in message["message"] and where in message.get("extract", "")}
    assert seen == set(MATERIAL_ERRORS)
