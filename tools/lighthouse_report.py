"""Lighthouse on each page kind in both languages, the built site served compressed as GitHub Pages serves it.

Usage: python -m tools.lighthouse_report SITE_DIR OUTPUT_DIR   (`make lighthouse` builds the site and
installs Lighthouse from tools/lighthouse/ first). Runs Debian's Chromium (or CHROMIUM_PATH) headless,
mobile emulation with Lighthouse's default simulated throttling; writes one JSON report per page and a
Markdown table (scores, bytes transferred) to OUTPUT_DIR/lighthouse.md, and exits 1 when a page misses
the targets: 100 in accessibility, best practices and SEO, 95 in performance. Besides the first page of
each kind, a project and a news item with a picture of their own are audited (the photo is their largest
paint). The 404 page is not audited (Lighthouse refuses a page answered with 404).
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from csn.data.load import load_site
from csn.site.plan import build_plan
from tests.helpers.browserkit import SamplePage, sample_pages
from tools.browser import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
# Lighthouse's resource types, grouped as the closing notes give them.
RESOURCE_TYPES = {"Document": "html", "Stylesheet": "css", "Script": "js", "Image": "images", "Font": "other",
                  "Fetch": "other", "XHR": "other", "Other": "other"}


class CompressedHandler(SimpleHTTPRequestHandler):
    """Static files, text ones gzipped when the browser accepts it (GitHub Pages does the same)."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file():
            not_found = Path(self.directory) / "404.html"
            self.send_response(404)
            body = not_found.read_bytes()
            return self._send(body, "text/html; charset=utf-8", accepts)
        if path.suffix not in COMPRESSED:
            return super().send_head()
        self.send_response(200)
        return self._send(path.read_bytes(), self.guess_type(str(path)), accepts)

    def _send(self, body: bytes, content_type: str, accepts: bool):
        import io

        if accepts:
            body = gzip.compress(body, 6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CompressedHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str, report: Path) -> dict:
    chrome = os.environ.get("CHROMIUM_PATH", CHROMIUM)
    subprocess.run([str(LIGHTHOUSE), url, f"--chrome-path={chrome}", "--quiet", "--output=json",
                    f"--output-path={report}", f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   check=True, timeout=300, env={**os.environ, "CHROME_PATH": chrome})
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    weight = data["audits"]["total-byte-weight"]["numericValue"]
    requests = [item for item in data["audits"]["network-requests"]["details"]["items"]]
    # What each kind of file costs, as transferred (compressed): what the design and the pictures weigh.
    by_type = {kind: 0 for kind in RESOURCE_TYPES.values()}
    for item in requests:
        by_type[RESOURCE_TYPES.get(item.get("resourceType"), "other")] += int(item.get("transferSize") or 0)
    failing = {name: [audit_id for audit_id, result in data["audits"].items()
                      if result.get("score") is not None and result["score"] < 1
                      and audit_id in {ref["id"] for ref in data["categories"][name]["auditRefs"] if ref["weight"]}]
               for name in CATEGORIES if scores[name] < 100}
    return {"scores": scores, "bytes": int(weight), "requests": len(requests), "failing": failing, "by_type": by_type,
            "lcp_ms": round(data["audits"]["largest-contentful-paint"]["numericValue"])}


def picture_pages(data_dir: Path, docs_dir: Path) -> list[SamplePage]:
    """The first project and news item with a picture of their own, in each language (kinds "…-picture")."""
    found: dict[tuple[str, str], SamplePage] = {}
    for page in build_plan(load_site(data_dir), docs_dir).pages:
        if page.kind in ("project", "news_item") and page.entity.image and (page.kind, page.lang) not in found:
            found[(page.kind, page.lang)] = SamplePage(f"{page.kind}-picture", page.lang, page.path)
    return list(found.values())


def main(site: Path, output: Path) -> int:
    output.mkdir(parents=True, exist_ok=True)
    server, origin = serve(site)
    rows, misses = [], []
    try:
        # Lighthouse refuses to audit a page answered with 404: the error page is left out.
        samples = [s for s in sample_pages(ROOT / "data", ROOT / "docs") if not s.is_not_found]
        for sample in samples + picture_pages(ROOT / "data", ROOT / "docs"):
            result = audit(origin + sample.path, output / f"lighthouse-{sample.name}.json")
            rows.append((sample.name, result))
            for name, target in TARGETS.items():
                if result["scores"][name] < target:
                    misses.append(f"{sample.name}: {name} {result['scores'][name]} < {target} "
                                  f"({', '.join(result['failing'].get(name, []))})")
            print(f"{sample.name}: {result['scores']} {result['bytes']:,} bytes, {result['requests']} requests",
                  flush=True)
    finally:
        server.shutdown()
    header = ("| page | performance | accessibility | best practices | SEO | bytes (compressed) | HTML | CSS | JS "
              "| images | other | requests | LCP |")
    lines = [header, "|---" + "|---:" * 12 + "|"]
    for name, result in rows:
        s = result["scores"]
        lines.append(f"| {name} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} | "
                     f"{result['bytes']:,} | " + " | ".join(f"{result['by_type'][kind]:,}" for kind in
                                                             ("html", "css", "js", "images", "other")) +
                     f" | {result['requests']} | {result['lcp_ms']} ms |")
    (output / "lighthouse.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    if misses:
        print("Targets missed:\n" + "\n".join(misses), file=sys.stderr)
    return 1 if misses else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
