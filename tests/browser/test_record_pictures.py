"""A record's picture as Chromium shows it: the WebP of a width that fits the screen, loaded, no layout shift."""

from __future__ import annotations

import re

import pytest

from csn.pictures.pipeline import load_site_with_pictures
from csn.site.plan import build_plan
from tests.helpers.sitebuild import FIXTURE_DATA, FIXTURE_DOCS

PLAN = build_plan(load_site_with_pictures(FIXTURE_DATA), FIXTURE_DOCS)
# Any record page with a processed picture, in each language (the fixture has one).
WITH_PICTURE = {lang: next((page.path for page in PLAN.pages if page.lang == lang and page.kind in ("news_item", "project")
                            and getattr(page.entity.image, "rendition", None)), None) for lang in ("fr", "en")}

HEADER_PICTURE_JS = """() => {
  const img = document.querySelector('.csn-record-head__media picture img');
  const box = img.getBoundingClientRect();
  return {src: img.currentSrc, complete: img.complete && img.naturalWidth > 0, width: box.width,
          height: box.height, ratio: window.devicePixelRatio};
}"""
LAYOUT_SHIFT_JS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const entry of list.getEntries()) total += entry.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_browser_loads_a_webp_that_fits_without_shifting_the_page(open_page, lang, width):
    path = WITH_PICTURE[lang]
    if path is None:
        pytest.skip("no record of the data has a picture")
    recorded = open_page(width)
    page = recorded.page
    recorded.goto(path)
    page.wait_for_load_state("networkidle")
    shown = page.evaluate(HEADER_PICTURE_JS)
    assert shown["complete"] and shown["src"].endswith(".webp"), shown
    chosen = int(re.search(r"-(\d+)\.webp$", shown["src"])[1])  # the file's own width
    needed = shown["width"] * shown["ratio"]
    assert needed <= chosen < max(needed * 2, 481), shown  # sharp, yet not the largest one by default
    assert page.evaluate(LAYOUT_SHIFT_JS) < 0.01
    assert not recorded.problems(), recorded.problems()
