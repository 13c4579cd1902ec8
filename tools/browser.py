"""Debian's Chromium for the project's tools and tests: its settings, and a static server like GitHub Pages."""

from __future__ import annotations

import http.server
import os
import socket
import sys
import threading
from pathlib import Path
from typing import Self

# Debian's Chromium by default; CHROMIUM_PATH picks another build of Chromium or Chrome
# (GitHub's Ubuntu runners have Google Chrome, and Ubuntu's own chromium package is a snap).
CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's hosts on this closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

_FINISH = "document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} });"
FINISH_TRANSITIONS_JS = "() => { " + _FINISH + " }"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser drops a request it no longer needs (a picture of a page it left): not a failure.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StaticServer:
    """Serves `root` at http://127.0.0.1:<port>/<prefix> like GitHub Pages.

    A project site lives under a sub-path (`prefix`, e.g. "/csn-showcase/"): a missing URL
    under it gets the site's 404.html with status 404; a URL outside it is not the site's
    (a bare 404), so a link that escapes the sub-path is caught.
    """

    def __init__(self, root: Path, port: int | None = None, prefix: str = "/"):
        self.root = root
        self.port = port or free_port()
        self.prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        root_dir, site_prefix = str(root), self.prefix.rstrip("/")

        class Handler(_QuietHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=root_dir, **kwargs)

            def _inside(self) -> bool:
                path = self.path.split("?", 1)[0].split("#", 1)[0]
                return path == site_prefix or path.startswith(site_prefix + "/")

            def send_head(self):
                if not self._inside():
                    self.send_error(404)
                    return None
                return super().send_head()

            def translate_path(self, path):
                return super().translate_path(path[len(site_prefix):] or "/")

            def send_error(self, code, message=None, explain=None):
                not_found = Path(root_dir) / "404.html"
                if code == 404 and self._inside() and not_found.is_file():
                    body = not_found.read_bytes()
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(body)
                    return
                super().send_error(code, message, explain)

        self.httpd = _QuietServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The site's own address: origin and sub-path."""
        return self.origin + self.prefix

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
