"""Every page kind, in both languages, at a phone's and a desktop's width, as Chromium shows it.

Each page is loaded once per width and checked for everything a load can show: axe-core's WCAG 2.1
A/AA rules (Material's own markup included), console errors, failed requests, requests to other
hosts and, on the phone, horizontal scrolling. A screenshot of each goes to test-output/.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers.browserkit import FINISH_TRANSITIONS_JS, sample_pages, screenshot_path

SAMPLES = sample_pages()
PHONE, DESKTOP = 375, 1280
SEARCHED = "Munich"  # a word of pages in both languages
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()


def axe_violations(page, within: str | None = None) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on the page as it is now (or on a part), one line per element."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = AXE.run(page, context=within, options=options).response
    return [f"{violation['id']}: {node['target']} {node['failureSummary'].splitlines()[-1].strip()}"
            for violation in results["violations"] for node in violation["nodes"]]


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda sample: sample.name)
def test_page_loads_cleanly_and_passes_axe(open_page, sample, width):
    recorded = open_page(width)
    page = recorded.page
    response = recorded.goto(sample.path)
    page.wait_for_load_state("networkidle")
    assert response.status == (404 if sample.is_not_found else 200)
    page.evaluate(FINISH_TRANSITIONS_JS)
    page.screenshot(path=screenshot_path(f"{sample.name}-{width}"), full_page=True)
    recorded.save_requests(f"{sample.name}-{width}")

    problems = [f"axe {line}" for line in axe_violations(page)]
    problems += recorded.problems(recorded.expected_failures(sample))
    if width == PHONE:
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            problems.append(f"scrolls {overflow}px sideways at {width}px wide")
    assert not problems, "\n".join(problems)
    assert recorded.requests[0] == recorded.url(sample.path)  # recording works: the page itself was seen


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_open_menus_and_search_pass_axe_too(open_page, lang):
    """What the header opens (drawer, search with results) is checked open, at both widths;
    the rest of the page is checked by the test above."""
    home = next(sample for sample in SAMPLES if sample.kind == "home" and sample.lang == lang)
    problems = []
    for width in (PHONE, DESKTOP):
        recorded = open_page(width)
        page = recorded.page
        recorded.goto(home.path)
        page.locator("a.csn-lang").focus()
        page.evaluate(FINISH_TRANSITIONS_JS)
        problems += [f"{width}px, language link focused: {line}" for line in axe_violations(page, ".md-header")]
        if width == PHONE:
            page.locator(".csn-toggle--drawer").click()
            page.evaluate(FINISH_TRANSITIONS_JS)
            problems += [f"{width}px, drawer open: {line}" for line in axe_violations(page, ".md-sidebar--primary")]
            page.keyboard.press("Escape")
            page.locator(".csn-toggle--search").click()
        else:
            page.locator(".md-search__input").focus()
        page.keyboard.type(SEARCHED)
        page.locator(".md-search-result__item").first.wait_for()
        page.evaluate(FINISH_TRANSITIONS_JS)
        problems += [f"{width}px, search open: {line}" for line in axe_violations(page, ".md-search")]
        problems += recorded.problems()
    assert not problems, "\n".join(problems)
