"""Take the editors' guides' pictures of the editing interface (/admin/), in French and in English.

Usage: python -m tools.editing_screenshots SITE_DIR OUTPUT_DIR  (`make editing-screenshots` builds first)
The CMS works on a stand-in local clone (tools/cms_clone.py); GitHub's own pages cannot be shown here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.browser import CHROMIUM, CHROMIUM_ARGS, StaticServer
from tools.cms_clone import LOCAL_CLONE_BUTTON, clone_files, show_local_clone

VIEWPORT = {"width": 1280, "height": 800}
BROWSER_LOCALES = {"fr": "fr-CA", "en": "en-CA"}
SAMPLE_PICTURE = Path(__file__).resolve().parent.parent / "assets" / "images" / "munich-symposium.jpg"
SAMPLE_ALT = {"fr": "La salle du symposium de Munich", "en": "The Munich symposium hall"}


def _add_picture(page) -> None:
    """Tick the news item's picture, upload the sample and write its alt texts, as the guides tell."""
    page.locator('section[data-key-path="image"]').get_by_role("checkbox").first.check()
    page.locator('section[data-key-path="image"]').first.scroll_into_view_if_needed()  # drawn once in view
    page.locator('[data-key-path="image.src"] input[type="file"]').first.set_input_files(str(SAMPLE_PICTURE))
    page.locator('[data-key-path="image.src"]').get_by_text("/assets/images/munich-symposium.webp").wait_for()
    page.locator('[data-key-path="image.alt"]').get_by_role("checkbox").first.check()
    for lang, text in SAMPLE_ALT.items():
        page.locator(f'[data-key-path="image.alt.{lang}"]').get_by_role("textbox").fill(text)
    page.locator('section[data-key-path="image"]').first.scroll_into_view_if_needed()


def _shot(page, path: Path) -> Path:
    page.wait_for_timeout(1500)  # the CMS draws its screens after the data is read
    page.screenshot(path=str(path))
    return path


def take(site: Path, output: Path) -> list[Path]:
    taken = []
    output.mkdir(parents=True, exist_ok=True)
    with StaticServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for lang, locale in BROWSER_LOCALES.items():
            context = browser.new_context(viewport=VIEWPORT, locale=locale)
            page = context.new_page()
            show_local_clone(page, server.url + "admin/", clone_files())
            page.get_by_role("button", name=LOCAL_CLONE_BUTTON[lang]).wait_for()
            taken.append(_shot(page, output / f"admin-sign-in-{lang}.png"))
            page.get_by_role("button", name=LOCAL_CLONE_BUTTON[lang]).click()
            taken.append(_shot(page, output / f"admin-collections-{lang}.png"))
            page.goto(server.url + "admin/#/collections/news/new")
            taken.append(_shot(page, output / f"admin-news-new-{lang}.png"))
            _add_picture(page)
            taken.append(_shot(page, output / f"admin-news-image-{lang}.png"))
            context.close()
        browser.close()
    return taken


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    for path in take(Path(sys.argv[1]), Path(sys.argv[2])):
        print(f"wrote {path}")
