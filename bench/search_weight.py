"""What one search costs a visitor: the bytes the browser fetches for the search, from a cold cache.

Usage: python -m bench.search_weight SITE_DIR [PATH] [QUERY]

Serves the built site at SITE_DIR on 127.0.0.1, opens PATH (default: the home
page) with `?q=QUERY` in Debian's Chromium, waits for the results, and sums
the bodies of the search's responses: Pagefind's files (pagefind/), or the
lunr index, worker and language files of Material's search plugin (search/,
workers/, lunr/); and what they weigh gzipped, as GitHub Pages serves text
(Pagefind's index files are compressed already). Not part of `make bench`: it
needs Chromium (`make test` installs it).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import threading
from pathlib import Path

SEARCH_PARTS = ("/pagefind/", "/search/", "/workers/", "/lunr/")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def weigh(site: Path, path: str, query: str) -> dict[str, bytes]:
    """{url: body} of every search response while one search is made and answered."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}"
    fetched: dict[str, bytes] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page()
            page.on("response", lambda response: fetched.__setitem__(response.url, response.body())
                    if any(part in response.url for part in SEARCH_PARTS) else None)
            page.goto(f"{origin}/{path}?q={query}")
            page.locator(".md-search-result__item").first.wait_for(timeout=600_000)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    return fetched


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_weight", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("path", nargs="?", default="")
    parser.add_argument("query", nargs="?", default="données")
    args = parser.parse_args(argv)
    fetched = weigh(args.site, args.path, args.query)
    # A server gzips what that makes smaller (text); Pagefind's index files come compressed already.
    sizes = {url: (len(body), min(len(body), len(gzip.compress(body, 6)))) for url, body in fetched.items()}
    for url, (size, zipped) in sorted(sizes.items(), key=lambda item: -item[1][0]):
        print(f"{size:>12,} B {zipped:>12,} B gzipped  {url.split('/', 3)[-1]}")
    print(f"{sum(s for s, _ in sizes.values()):>12,} B {sum(z for _, z in sizes.values()):>12,} B gzipped  "
          f"in {len(sizes)} files for one search of {args.query!r} from /{args.path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
