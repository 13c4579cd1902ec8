"""Walk the pages of a built site: links, resources and their targets."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

RESOURCE_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                       ("iframe", "src"), ("use", "href"))


ADMIN_FOLDER = "admin"  # the editing interface: not a page of the site (tests/browser/test_admin.py)


def html_pages(site: Path) -> list[Path]:
    """The site's pages: every HTML file but the editing interface's."""
    return sorted(page for page in site.rglob("*.html") if page.relative_to(site).parts[0] != ADMIN_FOLDER)


def page_url(site: Path, page: Path) -> str:
    """The site-root URL of a built file: 'projets/x/' for projets/x/index.html."""
    relative = page.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def parse(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")


def target_file(site: Path, from_url: str, href: str, site_url: str = "") -> Path | None:
    """The file a link leads to (relative, or absolute under `site_url`), or None when it leaves the site."""
    base = "http://site.invalid/"
    if site_url and href.startswith(site_url):
        href = base + href[len(site_url):]
    resolved = urlsplit(urljoin(base + from_url, href))
    if f"{resolved.scheme}://{resolved.netloc}/" != base:
        return None
    path = site / unquote(resolved.path.lstrip("/"))
    return path / "index.html" if resolved.path.endswith("/") or path.is_dir() else path


def references(soup: BeautifulSoup):
    for tag, attribute in RESOURCE_ATTRIBUTES:
        for element in soup.find_all(tag):
            value = element.get(attribute) or element.get("xlink:href")
            if value:
                yield element, value
