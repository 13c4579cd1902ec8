"""The files each language's build writes besides its pages: feeds, sitemaps, robots.txt, open data.

Each language writes its own feed and sitemap; the default language's build
also writes what belongs to the whole site (the complete sitemap, robots.txt
and the open data), once.
"""

from __future__ import annotations

from .build import LanguageBuild
from .feeds import build_feed, feed_path
from .open_data import open_data_files
from .plan import DEFAULT_LANGUAGE
from .sitemap import SITEMAP_FILE, robots_txt, sitemap_entries, sitemap_path


def language_files(build: LanguageBuild, site_url: str) -> dict[str, str | bytes]:
    """This language's extra files, by path from the site root."""
    lang, renderer = build.lang, build.renderer
    feed = build_feed(build.site, build.plan, lang, site_url, renderer.markdown)
    files: dict[str, str | bytes] = {feed_path(lang): renderer.render_file("feed.xml", feed=feed)}
    if lang == DEFAULT_LANGUAGE:
        files[SITEMAP_FILE] = renderer.render_file("sitemap.xml", entries=sitemap_entries(build.plan, site_url))
        files["robots.txt"] = robots_txt(site_url)
        files.update(open_data_files(build.site, build.plan, site_url, renderer.markdown))
    else:
        files[sitemap_path(lang)] = renderer.render_file("sitemap.xml",
                                                         entries=sitemap_entries(build.plan, site_url, lang))
    return files
