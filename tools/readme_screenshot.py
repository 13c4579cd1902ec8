"""Take the README's picture of the home page: the built site served locally, shown by Debian's Chromium.

Usage: python -m tools.readme_screenshot SITE_DIR OUTPUT.png  (`make screenshot` builds the site first)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.browser import CHROMIUM, CHROMIUM_ARGS, FINISH_TRANSITIONS_JS, StaticServer

# Tall enough to show the pictures under the first screen: the hero, the figures and the featured projects' cards.
VIEWPORT = {"width": 1280, "height": 1440}
# Pictures below the first screen load lazily: wait until each one is decoded.
DECODE_PICTURES_JS = "() => Promise.all([...document.images].map(img => img.decode().catch(() => null)))"


def take(site: Path, output: Path) -> None:
    with StaticServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(server.origin + "/", wait_until="networkidle")
        page.evaluate(DECODE_PICTURES_JS)
        page.evaluate(FINISH_TRANSITIONS_JS)
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(output))
        browser.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    take(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {sys.argv[2]}")
