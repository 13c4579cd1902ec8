"""What each page tells search engines, feed readers and social networks, in its own language.

Rendered by `overrides/partials/csn-seo.html` in the page's <head>: the feed
link for autodiscovery, Open Graph and Twitter card metadata (with the language's
social card, see social_card.py), and JSON-LD.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from csn.data.dates import LOCALES
from csn.data.schema import LANGUAGES
from csn.outputs.feeds import FEED_TYPE, feed_path
from csn.outputs.social_card import SocialCard, record_card, social_card
from csn.outputs.structured_data import StructuredData
from csn.site.plan import PlannedPage
from csn.site.strings import Translator
from csn.site.urls import absolute_url

ARTICLE_KINDS = ("news_item",)
RECORD_KINDS = ("news_item", "project", "partner")  # pages whose own picture may be their card


@dataclass(frozen=True)
class SeoContext:
    og_type: str  # "website" or "article"
    og_title: str
    og_locale: str  # fr_CA
    og_locale_alternates: tuple[str, ...]  # en_CA
    site_name: str
    published: str | None  # article:published_time, to its real precision
    feed_title: str
    feed_url: str
    feed_type: str
    json_ld: Markup
    image: SocialCard


def seo_context(page: PlannedPage, site, plan, site_url: str) -> SeoContext:
    name = site.info.name[page.lang]
    is_article = page.kind in ARTICLE_KINDS
    return SeoContext(
        og_type="article" if is_article else "website",
        og_title=page.title if page.kind == "home" else f"{page.title} – {name}",
        og_locale=LOCALES[page.lang],
        og_locale_alternates=tuple(LOCALES[lang] for lang in LANGUAGES if lang != page.lang and lang in page.alternates),
        site_name=name,
        published=page.entity.date.iso() if is_article else None,
        feed_title=Translator(page.lang)("feed.title", site=name),
        feed_url=absolute_url(site_url, feed_path(page.lang)),
        feed_type=FEED_TYPE,
        json_ld=StructuredData(site, plan, site_url, page.lang).script(page),
        image=(record_card(page.entity, page.lang, site_url, page.title) if page.kind in RECORD_KINDS else None)
        or social_card(site.info, page.lang, site_url))
