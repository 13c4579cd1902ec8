"""The Content-Security-Policy of every page kind holds in Chromium: nothing the site needs is refused."""

from __future__ import annotations

import pytest

from tests.helpers.browserkit import StaticServer
from tests.helpers.sitebuild import build, copy_project

# Every violation the browser reports, recorded before any script of the page runs.
RECORD_VIOLATIONS = """
window.__csp_violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp_violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""

PAGE_KINDS = [
    "/", "/en/", "/a-propos/", "/en/about/", "/projets/", "/en/projects/", "/projets/lac-de-donnees/",
    "/en/projects/data-lake/", "/partenaires/", "/en/partners/", "/partenaires/mrif/", "/en/partners/mrif/",
    "/actualites/", "/en/news/", "/actualites/adhesion-a-echalliance/", "/en/news/joining-echalliance/",
    "/en/a/page/that/does/not/exist/",
]


@pytest.fixture(scope="module")
def same_origin_site(tmp_path_factory):
    """The real site built for the address it is served at, as on GitHub Pages (Material fetches its
    sitemap from `site_url`: from another origin, the policy would rightly refuse it)."""
    project = copy_project(tmp_path_factory.mktemp("csp") / "project")
    server = StaticServer(project / "site")
    result = build(project, site_url=server.origin + "/")
    assert result.returncode == 0, result.output
    with server:
        yield server


@pytest.fixture
def recorded(open_page, same_origin_site):
    """A recorded page of the same-origin build, 1280 px wide."""
    return open_page(origin=same_origin_site.origin)


def visit(recorded, path: str):
    page = recorded.page
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(recorded.origin + path)
    page.wait_for_load_state("networkidle")
    return page


def csp_errors(recorded) -> list[str]:
    reported = recorded.page.evaluate("window.__csp_violations")
    console = [str(error) for error in recorded.console_errors if "Content Security Policy" in str(error)]
    return reported + console


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_page_works_under_its_policy(recorded, path):
    page = visit(recorded, path)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    # Material's scripts ran (its bundle marks the page as JavaScript-enabled); the search box is there.
    assert page.evaluate("typeof __md_get") == "function"
    assert page.locator("[data-csn-search]").count() == 1
    errors = csp_errors(recorded)
    assert errors == [], "\n".join(errors)


@pytest.mark.parametrize("path, query", [("/", "données"), ("/en/", "data")])
def test_search_works_under_the_policy(recorded, path, query):
    page = visit(recorded, path)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10_000)
    assert results.count() > 0
    errors = csp_errors(recorded)
    assert errors == [], "\n".join(errors)


def test_an_injected_inline_script_is_refused(recorded):
    page = visit(recorded, "/projets/")
    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = true";
        document.body.appendChild(script);
    }""")
    page.wait_for_timeout(100)
    assert page.evaluate("window.__injected") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__csp_violations"))


def test_interactions_on_a_small_screen_work_under_the_policy(open_page, same_origin_site):
    recorded = open_page(375, 700, origin=same_origin_site.origin)
    page = visit(recorded, "/en/projects/data-lake/")
    page.locator("button.csn-toggle--drawer").click()  # the navigation drawer (a keyboard-friendly button)
    page.locator("label.md-overlay").click(position={"x": 360, "y": 350})
    page.mouse.wheel(0, 3000)  # down, then up: Material shows its back-to-top button
    page.mouse.wheel(0, -500)
    page.wait_for_timeout(300)
    page.locator("button.csn-toggle--search").click()
    page.keyboard.type("ECHAlliance")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    errors = csp_errors(recorded)
    assert errors == [], "\n".join(errors)
