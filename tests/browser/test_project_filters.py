"""The projects index filtered by theme and status in Chromium: by mouse, by keyboard, from a shared URL."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from csn.data.load import load_site
from tests.helpers.browserkit import screenshot_path
from tests.helpers.sitebuild import FIXTURE_DATA

SITE = load_site(FIXTURE_DATA)

ALL_FR = ["Coopération en innovation technosociale", "Propriété des données et accès aux données de santé",
          "Un lac de données pour les établissements de santé affiliés",
          "Une approche intégrée de la formation en santé numérique"]


def shown_titles(page) -> list[str]:
    return page.eval_on_selector_all("[data-csn-projects] article:not([hidden]) .csn-card__title a",
                                     "links => links.map(a => a.textContent.trim())")


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.evaluate("location.href")).query)


def wait_for_query(page, expected: dict[str, list[str]]) -> None:
    page.wait_for_function("""expected => {
        const params = new URLSearchParams(location.search);
        return Object.entries(expected).every(([k, v]) => JSON.stringify(params.getAll(k)) === JSON.stringify(v))
            && [...params.keys()].every(k => k in expected);
    }""", arg=expected)


def test_without_javascript_every_project_is_listed_and_no_dead_control_shows(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site.origin + "/projets/?theme=formation")
    assert shown_titles(page) == ALL_FR
    assert not page.locator("form[data-csn-filters]").is_visible()
    context.close()


def test_filters_by_mouse_narrow_the_list_and_write_the_url(served_site, recorded_page):
    page = recorded_page.page
    page.goto(served_site.origin + "/projets/")
    assert shown_titles(page) == ALL_FR
    page.get_by_role("checkbox", name="Formation", exact=True).check()
    assert shown_titles(page) == ["Une approche intégrée de la formation en santé numérique"]
    wait_for_query(page, {"theme": ["formation"]})
    assert page.locator("[data-csn-count]").inner_text() == "1 projet affiché sur 4"
    page.get_by_role("checkbox", name="Partage de données", exact=True).click()
    assert shown_titles(page) == ALL_FR[1:]
    wait_for_query(page, {"theme": ["formation", "partage-de-donnees"]})
    assert page.locator("[data-csn-count]").inner_text() == "3 projets affichés sur 4"
    if len({p.status for p in SITE.projects}) > 1:  # one status for all: no choice is offered
        page.get_by_role("checkbox", name="Terminé", exact=True).check()
        wait_for_query(page, {"theme": ["formation", "partage-de-donnees"], "status": ["completed"]})
        assert shown_titles(page) == ALL_FR[1:]
    else:
        assert page.locator('form[data-csn-filters] input[name="status"]').count() == 0
    page.screenshot(path=screenshot_path("projects-filtered-fr"), full_page=True)
    page.get_by_role("button", name="Afficher tous les projets").click()
    wait_for_query(page, {})
    assert shown_titles(page) == ALL_FR
    assert page.locator("[data-csn-count]").inner_text() == "4 projets"
    assert recorded_page.problems() == []


def test_filters_by_keyboard(served_site, recorded_page):
    page = recorded_page.page
    page.goto(served_site.origin + "/en/projects/")
    first_box = page.locator('form[data-csn-filters] input[name="theme"]').first
    for _ in range(60):  # Tab from the top of the page to the first theme
        page.keyboard.press("Tab")
        if first_box.evaluate("box => box === document.activeElement"):
            break
    else:
        raise AssertionError("the first theme cannot be reached with the Tab key")
    label = first_box.locator("xpath=..").inner_text()
    page.keyboard.press("Space")
    assert first_box.is_checked()
    shown = shown_titles(page)
    assert 0 < len(shown) < 4
    wait_for_query(page, {"theme": [first_box.get_attribute("value")]})
    for title in shown:  # every project left has the theme that was ticked
        card = page.locator("[data-csn-projects] article", has_text=title)
        assert label in card.locator(".csn-tags").inner_text()
    page.keyboard.press("Space")
    assert len(shown_titles(page)) == 4
    wait_for_query(page, {})


def test_a_shared_url_opens_the_filtered_view(served_site, recorded_page):
    page = recorded_page.page
    page.goto(served_site.origin + "/en/projects/?theme=ethique-et-gouvernance-des-donnees&status=completed")
    assert shown_titles(page) == ["Data ownership and access to health data"]
    assert page.get_by_role("checkbox", name="Data ethics and governance", exact=True).is_checked()
    statuses = page.locator('form[data-csn-filters] input[name="status"]')
    assert statuses.count() == 0 or page.get_by_role("checkbox", name="Completed", exact=True).is_checked()
    assert page.locator("[data-csn-count]").inner_text() == "1 project shown of 4"
    # A value no box offers is ignored: the whole list shows.
    page.goto(served_site.origin + "/en/projects/?status=planned")
    assert len(shown_titles(page)) == 4 and not page.locator("[data-csn-none]").is_visible()
    assert page.locator("form[data-csn-filters] input:checked").count() == 0
