"""One Atom feed (RFC 4287) of the published news per language: `feed.xml`, `en/feed.xml`.

Python computes every value here (absolute URLs, RFC 3339 dates, ids); the
template `overrides/csn/feed.xml` only prints them, autoescaped: titles and summaries are
`type="text"` (the exact text, XML-escaped once), the body `type="html"`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from csn.data.build_date import site_time_zone
from csn.data.dates import PartialDate
from csn.data.model import News, Site
from csn.data.schema import LANGUAGES
from csn.site.plan import Plan, language_prefix
from csn.site.strings import Translator
from csn.site.urls import absolute_url

FEED_FILE = "feed.xml"
FEED_TYPE = "application/atom+xml"


def feed_path(lang: str) -> str:
    """`feed.xml` for the default language, `en/feed.xml` for English."""
    return language_prefix(lang) + FEED_FILE


def rfc3339(date: PartialDate | dt.date) -> str:
    """Midnight in Montréal on the first day the date can mean: Atom needs a full date-time."""
    day = date.first_day() if isinstance(date, PartialDate) else date
    return dt.datetime.combine(day, dt.time(0), tzinfo=site_time_zone()).isoformat()


def tag_uri(site_url: str, date: PartialDate, specific: str) -> str:
    """A permanent id (RFC 4151) that survives a change of slug: `tag:host,2020-06-29:/news/<id>/fr`."""
    parts = urlsplit(site_url)
    return f"tag:{parts.hostname},{date.iso()}:{parts.path or '/'}{specific}"


@dataclass(frozen=True)
class FeedLink:
    lang: str
    url: str


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    url: str
    published: str
    updated: str
    summary: str
    content: str  # the body's HTML as text: the template escapes it once more (type="html")
    lang: str = ""  # the language it is written in: another than the feed's for a news item in one language


@dataclass(frozen=True)
class Feed:
    lang: str
    id: str
    title: str  # plain text (type="text"), like every text of the feed but the entries' content
    subtitle: str
    updated: str
    self_url: str
    html_url: str  # the news index in this language
    author_name: str
    author_uri: str
    author_email: str | None
    other_feeds: tuple[FeedLink, ...]
    entries: tuple[FeedEntry, ...]


def build_feed(site: Site, plan: Plan, lang: str, site_url: str, markdown) -> Feed:
    """The feed of `lang`: every published news item, newest first, linking to its page in `lang` (or, for an
    item in the other language only, to its page there, its title saying "(in French)")."""
    t = Translator(lang)
    info = site.info

    def url_of(page) -> str:
        return absolute_url(site_url, page.path)

    entries = tuple(_entry(item, url_of(plan.for_entity(item, lang)), lang, site_url, markdown) for item in site.news)
    updated = entries[0].updated if entries else rfc3339(site.today)
    return Feed(
        lang=lang, id=absolute_url(site_url, feed_path(lang)), title=t("feed.title", site=info.name[lang]),
        subtitle=info.tagline[lang], updated=updated, self_url=absolute_url(site_url, feed_path(lang)),
        html_url=url_of(plan.page("doc:news.md", lang)), author_name=info.name[lang],
        author_uri=url_of(plan.page("doc:index.md", lang)), author_email=info.email,
        other_feeds=tuple(FeedLink(other, absolute_url(site_url, feed_path(other)))
                          for other in LANGUAGES if other != lang),
        entries=entries)


def _entry(item: News, url: str, lang: str, site_url: str, markdown) -> FeedEntry:
    stamp = rfc3339(item.date)
    written_in = item.text_lang(lang)
    title = item.title[written_in]
    if written_in != lang:
        title += " " + Translator(lang)(f"language.written_in.{written_in}")
    return FeedEntry(id=tag_uri(site_url, item.date, f"news/{item.id}/{written_in}"), title=title,
                     url=url, published=stamp, updated=stamp, summary=item.summary[written_in],
                     content=str(markdown(item.body[written_in], asset_root=site_url)), lang=written_in)
