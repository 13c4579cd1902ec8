"""The keyboard alone: a skip link, every control reachable with a visible focus, and the header's
menu, search and language switcher usable, at a phone's and a desktop's width, in both languages."""

from __future__ import annotations

import pytest

from tests.helpers.browserkit import FOCUSED_JS, REACHABLE_CONTROLS_JS, sample_pages

SAMPLES = sample_pages()
PHONE, DESKTOP = 375, 1280
SEARCHED = "Munich"  # a word of pages in both languages
MAX_TAB_STOPS = 400
# Mutations of the page and changes of its address: what using a control may do.
WATCH_CHANGES_JS = """() => { window.__changes = 0;
  new MutationObserver(list => { window.__changes += list.length; })
    .observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true}); }"""


def home(lang: str):
    return next(sample for sample in SAMPLES if sample.kind == "home" and sample.lang == lang)


def focused(page) -> dict | None:
    return page.evaluate(FOCUSED_JS)


def tab_until(page, wanted, limit: int = 60) -> dict:
    """Press Tab until the focused element satisfies `wanted`; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        if state and wanted(state):
            return state
    raise AssertionError(f"{limit} presses of Tab never reached the control")


def tab_walk(page) -> list[dict]:
    """Every stop of the Tab key from the top of the page to its end."""
    stops = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        state = focused(page)
        if state is None or (stops and state["key"] == stops[0]["key"]):
            return stops
        stops.append(state)
    raise AssertionError(f"more than {MAX_TAB_STOPS} tab stops: a keyboard trap?")


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda sample: sample.name)
def test_tab_reaches_every_control_and_shows_where_it_is(open_page, sample, width):
    recorded = open_page(width)
    page = recorded.page
    recorded.goto(sample.path)
    controls = page.evaluate(REACHABLE_CONTROLS_JS)
    stops = tab_walk(page)

    skip = stops[0]
    assert skip["tag"] == "a" and skip["href"].startswith("#"), f"the first stop is not a skip link: {skip}"
    assert page.locator(skip["href"]).count() == 1, f"the skip link's target {skip['href']} is missing"
    problems = [f"focus on something out of sight: {stop['key']} {stop['name']!r}" for stop in stops if not stop["seen"]]
    problems += [f"focus does not show: {stop['key']} {stop['name']!r}" for stop in stops if not stop["focus_shows"]]
    reached = {stop["key"] for stop in stops}
    problems += [f"never reached with Tab: {control}" for control in controls if control not in reached]
    problems += recorded.problems(recorded.expected_failures(sample))
    assert not problems, "\n".join(problems)
    assert len(stops) >= 3  # skip link, menu or logo, search: the walk did walk


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_skip_link_leads_into_the_content(open_page, lang, width):
    recorded = open_page(width)
    page = recorded.page
    recorded.goto(next(s for s in SAMPLES if s.kind == "project" and s.lang == lang).path)
    page.keyboard.press("Tab")
    assert focused(page)["seen"], "the skip link does not show when focused"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    state = focused(page)
    assert state["in_main"] and state["seen"], state


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda sample: sample.name)
def test_controls_in_the_content_work_with_the_keyboard(open_page, sample):
    """Filters and other controls of the content: each one, focused, answers Space or the arrow keys."""
    recorded = open_page(DESKTOP)
    page = recorded.page
    recorded.goto(sample.path)
    controls = page.locator(".md-content :is(input, select, textarea, button, summary, [role=button], [tabindex='0'])")
    problems = []
    for index in range(controls.count()):
        control = controls.nth(index)
        if not control.is_visible():
            continue
        page.evaluate(WATCH_CHANGES_JS)
        before = page.url
        control.focus()
        tag = control.evaluate("e => e.tagName.toLowerCase()")
        if tag in ("select",):
            page.keyboard.press("ArrowDown")
        elif tag in ("input", "textarea") and control.get_attribute("type") not in ("checkbox", "radio"):
            page.keyboard.type("a")
        else:
            page.keyboard.press("Space")
        page.wait_for_timeout(100)
        if page.url == before and page.evaluate("() => window.__changes") == 0:
            problems.append(f"nothing happened: {control.evaluate('e => e.outerHTML.slice(0, 120)')}")
    problems += recorded.problems(recorded.expected_failures(sample))
    recorded.save_requests(f"controls-{sample.name}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_menu_opens_and_leads_to_a_section_with_the_keyboard(open_page, lang):
    recorded = open_page(PHONE)
    page = recorded.page
    recorded.goto(home(lang).path)
    tab_until(page, lambda state: "csn-toggle--drawer" in state["key"])
    page.keyboard.press("Enter")
    first = focused(page)
    assert first["seen"] and "md-nav__link" in first["key"], f"the open menu does not take the focus: {first}"
    assert page.locator(".csn-toggle--drawer").get_attribute("aria-expanded") == "true"

    page.keyboard.press("Escape")
    back = focused(page)
    assert "csn-toggle--drawer" in back["key"], f"Escape does not give the focus back to the menu button: {back}"
    assert page.locator(".csn-toggle--drawer").get_attribute("aria-expanded") == "false"
    assert not page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    section = focused(page)
    assert section["seen"] and section["href"], section
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url != recorded.url(home(lang).path)
    assert not recorded.problems(), recorded.problems()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_search_with_the_keyboard(open_page, lang, width):
    recorded = open_page(width)
    page = recorded.page
    recorded.goto(home(lang).path)
    if width == PHONE:
        tab_until(page, lambda state: "csn-toggle--search" in state["key"])
        page.keyboard.press("Enter")
    else:
        tab_until(page, lambda state: state["tag"] == "input")
    assert focused(page)["tag"] == "input" and focused(page)["seen"]
    page.keyboard.type(SEARCHED)
    # Each key typed starts a search; wait for the results of the whole word (highlighted in full), or a
    # late answer to a shorter prefix could replace the list under the focus.
    page.wait_for_function("""word => [...document.querySelectorAll(".md-search-result__item mark")]
        .some(mark => mark.textContent.toLowerCase() === word)""", arg=SEARCHED.lower())
    page.keyboard.press("ArrowDown")
    result = focused(page)
    assert result["seen"] and result["focus_shows"] and result["href"], result
    address = page.evaluate("() => document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(address)  # a result on the same page only moves to its heading
    recorded.save_requests(f"search-{lang}-{width}")
    assert address.startswith(recorded.origin) and SEARCHED.lower() in page.content().lower()
    assert not recorded.problems(), recorded.problems()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_escape_closes_the_search_and_gives_the_focus_back(open_page, lang):
    recorded = open_page(PHONE)
    page = recorded.page
    recorded.goto(home(lang).path)
    tab_until(page, lambda state: "csn-toggle--search" in state["key"])
    page.keyboard.press("Enter")
    assert page.locator(".csn-toggle--search").get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.activeElement.matches('.csn-toggle--search')")
    assert page.locator(".csn-toggle--search").get_attribute("aria-expanded") == "false"
    assert not page.locator(".md-search__input").is_visible()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_language_switcher_with_the_keyboard(open_page, lang, width):
    recorded = open_page(width)
    page = recorded.page
    sample = next(s for s in SAMPLES if s.kind == "partner" and s.lang == lang)
    other = "en" if lang == "fr" else "fr"
    recorded.goto(sample.path)
    link = tab_until(page, lambda state: state["key"].startswith("a#.csn-lang")
                     and page.evaluate("() => document.activeElement.hreflang") == other)
    assert link["seen"] and link["focus_shows"], link
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == recorded.url(sample.twins[other])
    assert page.locator("html").get_attribute("lang") == other
