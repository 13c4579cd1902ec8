"""Real-browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from browserkit import CHROMIUM, CHROMIUM_ARGS, RecordedPage, StaticServer


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
def recorded_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    record = RecordedPage(page)
    page.on("request", lambda request: record.requests.append(request.url))
    page.on("requestfailed", lambda request: record.failures.append(f"{request.url} {request.failure}"))
    page.on("response", lambda response: response.status >= 400 and record.failures.append(
        f"{response.url} {response.status}"))
    page.on("console", lambda message: message.type == "error" and record.console_errors.append(message.text))
    yield record
    context.close()
