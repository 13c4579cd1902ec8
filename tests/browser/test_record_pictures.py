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
    assert path is not None, "the fixture project (tests/fixtures/project) must keep a record with a picture"
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


# Every picture's `sizes` against the box it is drawn in: cards, record headers, and a partner's raster logo in the
# partner page's header, a partner card, the home page's strip and a project's list of partners.
PAGES_WITH_PICTURES = {
    "fr": ["", "actualites/", "actualites/symposium-de-munich/", "partenaires/",
           "partenaires/alliance-bavaroise-pour-la-recherche/", "projets/lac-de-donnees/"],
    "en": ["en/", "en/news/", "en/news/munich-symposium/", "en/partners/",
           "en/partners/bavarian-research-alliance/", "en/projects/data-lake/"],
}
# Loads every picture at once, then gives each its drawn width and the width its `sizes` announces: with `w`
# descriptors, the browser draws the chosen file at the density that makes its natural width the `sizes` width.
PICTURE_WIDTHS_JS = """async () => {
  const imgs = [...document.querySelectorAll('picture img[srcset]')];
  for (const img of imgs) img.loading = 'eager';
  await Promise.all(imgs.map(img => img.decode().catch(() => null)));
  return imgs.map(img => ({where: img.closest('[class*="__media"], .csn-strip, .csn-partner-list')?.className,
                           src: img.currentSrc.split('/').pop(), drawn: img.getBoundingClientRect().width,
                           announced: img.naturalWidth}));
}"""


@pytest.fixture(scope="module")
def logo_site(tmp_path_factory):
    """The fixture's content where one partner has a wide raster logo, served like the real site."""
    from PIL import Image

    from tests.helpers.browserkit import StaticServer
    from tests.helpers.sitebuild import build, copy_project

    project = copy_project(tmp_path_factory.mktemp("logos") / "project")
    logo = Image.new("RGBA", (900, 300), (0, 0, 0, 0))
    logo.paste((0, 87, 172, 255), (30, 30, 870, 270))
    (project / "assets" / "logos").mkdir(parents=True)
    logo.save(project / "assets" / "logos" / "wide.png")
    partner = project / "data" / "partners" / "bayfor.yml"
    partner.write_text(partner.read_text(encoding="utf-8") + "logo: assets/logos/wide.png\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    with StaticServer(result.site) as server:
        yield server


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_picture_announces_about_the_width_it_is_drawn_at(open_page, logo_site, lang, width):
    recorded = open_page(width, origin=logo_site.origin)
    seen = set()
    for path in PAGES_WITH_PICTURES[lang]:
        recorded.goto(path)
        recorded.page.wait_for_load_state("networkidle")
        for shown in recorded.page.evaluate(PICTURE_WIDTHS_JS):
            seen.add(shown["where"])
            # Never drawn wider than announced (it would be blurred), nor announced much wider (wasted bytes).
            assert shown["drawn"] <= shown["announced"] + 2, (path, shown)
            assert shown["announced"] <= shown["drawn"] * 1.35 + 8, (path, shown)
    assert {"csn-card__media", "csn-record-head__media", "csn-strip", "csn-partner-list"} <= seen, seen
    assert not recorded.problems(), recorded.problems()
