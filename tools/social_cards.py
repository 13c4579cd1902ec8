"""Draw the social sharing cards (one PNG per language) with Debian's Chromium, as `make social-cards` does.

Usage: python -m tools.social_cards OUTPUT_DIR  (the cards go to OUTPUT_DIR/social-card-<lang>.png)

The card shows the consortium's name, tagline and institution from data/site.yml, in the language of
the card, on the site's colours (Material's indigo palette, mkdocs.yml). The page is drawn from an
inline HTML string with system fonts only: every request it might make is refused.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from playwright.sync_api import sync_playwright

from csn.data.load import load_site
from csn.data.schema import LANGUAGES
from csn.outputs.social_card import HEIGHT, WIDTH, card_path
from tools.browser import CHROMIUM, CHROMIUM_ARGS

# Material's indigo palette (mkdocs.yml: primary and accent indigo): --md-primary-fg-color and its dark shade.
PRIMARY, PRIMARY_DARK, ACCENT = "#4051b5", "#303fa1", "#526cfe"

CARD = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><style>
  html, body {{ margin: 0; width: {width}px; height: {height}px; overflow: hidden; }}
  body {{ box-sizing: border-box; padding: 72px 88px; display: flex; flex-direction: column;
         justify-content: space-between; color: #fff; font-family: "DejaVu Sans", "Liberation Sans", sans-serif;
         background: linear-gradient(135deg, {primary} 0%, {primary} 55%, {primary_dark} 100%); }}
  .acronym {{ display: inline-block; align-self: flex-start; padding: 10px 28px; border-radius: 48px;
              background: #fff; color: {primary}; font-size: 40px; font-weight: 700; letter-spacing: 4px; }}
  h1 {{ margin: 0 0 24px; font-size: 76px; line-height: 1.1; font-weight: 700; }}
  p {{ margin: 0; font-size: 34px; line-height: 1.35; opacity: .92; max-width: 1000px; }}
  footer {{ display: flex; align-items: center; gap: 20px; font-size: 30px; }}
  footer::before {{ content: ""; width: 64px; height: 6px; background: {accent}; border-radius: 3px;
                    box-shadow: 0 0 0 2px #fff; }}
</style></head><body>
  <span class="acronym">{acronym}</span>
  <main><h1 lang="{name_lang}">{name}</h1><p>{tagline}</p></main>
  <footer><span lang="{institution_lang}">{institution}</span></footer>
</body></html>
"""


def card_html(info, lang: str) -> str:
    return CARD.format(
        lang=lang, width=WIDTH, height=HEIGHT, primary=PRIMARY, primary_dark=PRIMARY_DARK, accent=ACCENT,
        acronym=escape(info.acronym), name=escape(info.name[lang]), name_lang=info.name_lang_on(lang) or lang,
        tagline=escape(info.tagline[lang]), institution=escape(info.institution.name[lang]),
        institution_lang=info.institution.name_lang_on(lang) or lang)


def draw(output_dir: Path) -> list[Path]:
    info = load_site(ROOT / "data").info
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.route("**/*", lambda route: route.abort())  # no font, image or anything else from anywhere
        for lang in LANGUAGES:
            page.set_content(card_html(info, lang), wait_until="load")
            output = output_dir / Path(card_path(lang)).name
            page.screenshot(path=str(output))
            written.append(output)
        browser.close()
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for path in draw(Path(sys.argv[1])):
        print(f"wrote {path}")
