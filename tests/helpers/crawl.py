"""Follow every link of a served site over HTTP, as a visitor's browser and a feed reader would."""

from __future__ import annotations

import functools
import re
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from tests.helpers.htmlcheck import references

MAX_URLS = 3000  # a bound, so a crawl always ends
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
_SKIPPED_SCHEMES = ("mailto:", "javascript:", "data:", "tel:")


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes

    @functools.cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.body.decode("utf-8"), "lxml")


def fetch(url: str) -> Response:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return Response(answer.url, answer.status, answer.headers.get_content_type(), answer.read())
    except urllib.error.HTTPError as error:
        return Response(url, error.code, error.headers.get_content_type(), error.read())


def links_in(response: Response) -> list[str]:
    """Every address a response refers to, absolute (HTML, XML feeds and sitemaps, CSS)."""
    base = response.url
    if response.content_type == "text/html":
        found = [href for _, href in references(response.soup)]
    elif response.content_type.endswith("xml"):
        soup = BeautifulSoup(response.body, "xml")
        found = [tag.get("href") for tag in soup.find_all(href=True)]
        found += [tag.get_text(strip=True) for tag in soup.find_all(["loc", "link", "uri"]) if not tag.get("href")]
    elif response.content_type == "text/css":
        found = _CSS_URL.findall(response.body.decode("utf-8", "replace"))
    else:
        found = []
    return [urldefrag(urljoin(base, href.strip()))[0] for href in found
            if href and href.strip() and not href.strip().startswith(("#", *_SKIPPED_SCHEMES))]


@dataclass
class Crawl:
    """What a crawl met: every response of the site, and every reference that did not answer 200."""

    site_url: str
    responses: dict[str, Response] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)
    edges: list[tuple[str, str]] = field(default_factory=list)  # (page, address it refers to)

    def pages(self) -> dict[str, Response]:
        return {url: r for url, r in self.responses.items() if r.content_type == "text/html" and r.status == 200}


def crawl(site_url: str, start: list[str] | None = None) -> Crawl:
    """Fetch `start` (the site's home) and every address under the same origin it leads to."""
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(site_url))
    result = Crawl(site_url)
    queue = deque(start or [site_url])
    queued = set(queue)
    while queue and len(result.responses) < MAX_URLS:
        url = queue.popleft()
        response = fetch(url)
        result.responses[url] = response
        for target in links_in(response):
            if not target.startswith(origin):
                continue  # another site: not ours to check here
            result.edges.append((url, target))
            if target not in queued:
                queued.add(target)
                queue.append(target)
    result.broken = sorted({f"{page} -> {target} ({result.responses[target].status})"
                            for page, target in result.edges
                            if target in result.responses and result.responses[target].status != 200})
    assert len(result.responses) < MAX_URLS, "the crawl did not end: a link loop that makes new addresses?"
    return result
