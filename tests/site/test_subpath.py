"""The site works under a project sub-path (https://<org>.github.io/<repo>/): built for
http://127.0.0.1:<port>/csn-showcase/, served there like GitHub Pages, and checked over HTTP."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.helpers.crawl import Crawl, crawl, fetch, links_in
from tests.helpers.htmlcheck import html_pages, page_url

pytestmark = pytest.mark.xdist_group("subpath")

MISSING = ["no-such-page/", "en/projects/no-such-project/deeper/", "actualites/2099/gone.html",
           "projets/lac-de-donnees/nope"]


@pytest.fixture(scope="module")
def site_crawl(subpath_site) -> Crawl:
    return crawl(subpath_site.url)


def lang_of(site_crawl: Crawl, url: str) -> str:
    return site_crawl.responses[url].soup.html["lang"]


def test_every_link_and_asset_answers_and_stays_under_the_subpath(subpath_site, site_crawl):
    assert not site_crawl.broken, "\n".join(site_crawl.broken[:20])
    escaped = [url for url in site_crawl.responses if not url.startswith(subpath_site.url)]
    assert not escaped, escaped[:10]
    fetched = list(site_crawl.responses)
    for suffix in ("/", ".css", ".js", ".png"):
        assert any(url.endswith(suffix) for url in fetched), f"the crawl fetched no {suffix} address"


def test_every_built_page_is_reached_from_the_home_page(subpath_site, site_crawl):
    built = {subpath_site.url + page_url(subpath_site.root, page) for page in html_pages(subpath_site.root)
             if page.name != "404.html"}
    assert len(built) > 40
    assert built - set(site_crawl.pages()) == set()


def test_the_language_switch_leads_to_the_twin_in_the_other_language(site_crawl):
    switches = 0
    for url, response in site_crawl.pages().items():
        here = response.soup.html["lang"]
        for link in response.soup.select("a.csn-lang[hreflang]"):
            target = urljoin(url, link["href"])
            assert site_crawl.responses[target].status == 200, (url, link["href"])
            assert lang_of(site_crawl, target) == link["hreflang"], (url, link["href"])
            assert target != url and link["hreflang"] != here, (url, link["href"])  # only the other language
            switches += 1
    assert switches == len(site_crawl.pages())


def test_alternates_and_canonical_addresses_are_under_the_subpath(subpath_site, site_crawl):
    for url, response in site_crawl.pages().items():
        head = response.soup.head
        assert head.select_one('link[rel="canonical"]')["href"] == url
        for link in head.select('link[rel="alternate"][hreflang]'):
            assert link["href"].startswith(subpath_site.url), (url, link["href"])
            assert site_crawl.responses[link["href"]].status == 200
            expected = "fr" if link["hreflang"] == "x-default" else link["hreflang"]
            assert lang_of(site_crawl, link["href"]) == expected, (url, link["href"])


def test_the_social_card_is_under_the_subpath_and_answers(subpath_site, site_crawl):
    cards = set()
    for url, response in site_crawl.pages().items():
        images = [tag["content"] for tag in response.soup.head.select('meta[property="og:image"]')]
        if response.soup.select_one(".csn-record-head__media .csn-picture__img"):  # a record's own picture: its crop
            assert len(images) == 1 and images[0].startswith(f"{subpath_site.url}assets/pictures/"), url
        else:
            assert images == [f"{subpath_site.url}assets/images/social-card-{lang_of(site_crawl, url)}.png"], url
        cards.update(images)
    assert len([card for card in cards if "/social-card-" in card]) == 2
    for card in sorted(cards):
        response = fetch(card)
        expected = "image/png" if card.endswith(".png") else "image/jpeg"
        assert (response.status, response.content_type) == (200, expected), card


def test_sitemap_and_feeds_point_inside_the_subpath(subpath_site, site_crawl):
    """The sitemap, and every feed a page announces in its head: each answers, and so does every link in it."""
    machine_readable = {subpath_site.url + "sitemap.xml"}
    for response in site_crawl.pages().values():
        for link in response.soup.head.select('link[rel="alternate"][type]'):
            machine_readable.add(urljoin(response.url, link["href"]))
    checked = crawl(subpath_site.url, start=sorted(machine_readable))
    for url in sorted(machine_readable):
        response = checked.responses[url]
        assert response.status == 200 and response.content_type.endswith("xml"), url
        inside = links_in(response)
        assert inside and all(link.startswith(subpath_site.url) for link in inside), url
    assert not checked.broken, "\n".join(checked.broken[:20])


@pytest.mark.parametrize("missing", MISSING)
def test_a_missing_address_gets_the_404_page_and_its_assets_load(subpath_site, missing):
    response = fetch(subpath_site.url + missing)
    assert response.status == 404
    assert response.body == (subpath_site.root / "404.html").read_bytes()
    targets = [t for t in links_in(response) if t.startswith(subpath_site.origin)]
    assert any(t.endswith(".css") for t in targets) and any(t.endswith(".js") for t in targets)
    for target in targets:
        assert target.startswith(subpath_site.url), target
        assert fetch(target).status == 200, target
