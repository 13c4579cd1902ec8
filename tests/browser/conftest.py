"""Real-browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.helpers.browserkit import CHROMIUM, CHROMIUM_ARGS, RecordedPage, StaticServer, record


@pytest.fixture(scope="session")
def served_site(real_site):
    """The real site (built once per worker), served on a free port of 127.0.0.1."""
    with StaticServer(real_site.site) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, served_site):
    """Opens recorded pages at a given viewport width, for the served site or another local `origin`;
    closes them after the test."""
    contexts = []

    def open_at(width: int = 1280, height: int = 900, origin: str | None = None) -> RecordedPage:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        return record(context, origin or served_site.origin)

    yield open_at
    for context in contexts:
        context.close()


@pytest.fixture
def recorded_page(open_page) -> RecordedPage:
    """A recorded page of the served site, 1280 px wide."""
    return open_page()


@pytest.fixture(scope="session")
def served_fixture_site(fixture_site):
    """The fixture site (tests/fixturesite.py), served like the real one."""
    with StaticServer(fixture_site.site) as server:
        yield server
