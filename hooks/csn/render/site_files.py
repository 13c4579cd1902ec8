"""The files each language's build writes besides its pages: feeds, sitemaps, robots.txt, open data.

Each language writes its own feed and sitemap; the default language's build
also writes what belongs to the whole site (the complete sitemap, robots.txt
and the open data), once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from csn.data.schema import DEFAULT_LANGUAGE
from csn.outputs.feeds import build_feed, feed_path
from csn.outputs.open_data import open_data_files
from csn.outputs.sitemap import SITEMAP_FILE, robots_txt, sitemap_entries, sitemap_path
from csn.render.build import LanguageBuild


def language_files(build: LanguageBuild, site_url: str) -> Iterator[tuple[str, str | bytes]]:
    """This language's extra files, (path from the site root, content), one at a time: the caller
    can put each away before the next is made."""
    lang, renderer = build.lang, build.renderer
    feed = build_feed(build.site, build.plan, lang, site_url, renderer.markdown)
    yield feed_path(lang), renderer.render_file("feed.xml", feed=feed)
    del feed
    if lang == DEFAULT_LANGUAGE:
        yield SITEMAP_FILE, renderer.render_file("sitemap.xml", entries=sitemap_entries(build.plan, site_url))
        yield "robots.txt", robots_txt(site_url)
        yield from open_data_files(build.site, build.plan, site_url, renderer.markdown).items()
    else:
        yield sitemap_path(lang), renderer.render_file("sitemap.xml", entries=sitemap_entries(build.plan, site_url,
                                                                                              lang))


def write_site_files(site_dir: Path, builds: Iterable[LanguageBuild], site_url: str) -> None:
    """Write the languages' extra files straight into `site_dir`."""
    for build in builds:
        for path, content in language_files(build, site_url):
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                target.write_text(content, encoding="utf-8")
            else:
                target.write_bytes(content)
