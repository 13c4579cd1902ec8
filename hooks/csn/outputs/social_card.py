"""The picture social networks show with a shared page: one card per language, made by `make social-cards`.

The cards are committed PNG files of the theme's assets (scripts/social_cards.py draws them with
Chromium); this module says where they are, their size and what they show, for the page head and the script.
"""

from __future__ import annotations

from dataclasses import dataclass

from csn.site.strings import Translator
from csn.site.urls import absolute_url

# The size Facebook, LinkedIn and X recommend for a large link preview (1.91:1).
WIDTH, HEIGHT = 1200, 630


def card_path(lang: str) -> str:
    """The card's path from the site root: the theme's assets are published once, at the root."""
    return f"assets/images/social-card-{lang}.png"


@dataclass(frozen=True)
class SocialCard:
    url: str  # absolute: social networks do not resolve relative addresses
    alt: str
    width: int = WIDTH
    height: int = HEIGHT
    type: str = "image/png"


def record_card(record, lang: str, site_url: str, title: str) -> SocialCard | None:
    """A record's own picture as its card: the 1200x630 crop made with it (pictures.py), or None."""
    image = getattr(record, "image", None)
    rendition = image.rendition if image is not None else None
    if rendition is None or rendition.preview is None:
        return None
    preview = rendition.preview
    return SocialCard(url=absolute_url(site_url, preview.path), alt=image.alt_in(lang) or title,
                      width=preview.width, height=preview.height, type=preview.type)


def social_card(site_info, lang: str, site_url: str) -> SocialCard:
    alt = Translator(lang)("social_card.alt", site=site_info.name[lang], tagline=site_info.tagline[lang])
    return SocialCard(url=absolute_url(site_url, card_path(lang)), alt=alt)
