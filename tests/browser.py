"""Shared Chromium setup for browser tests and screenshots: Debian's chromium, loopback only."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, expect

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]

# One page of every kind the guide publishes (URL paths below the site root), for checks
# that must hold on every page type: accessibility, requests, validity.
PAGE_TYPES = [
    "",
    "compare/nodejs-vs-flask/",
    "compare/",
    "technologies/flask/",
    "use-cases/",
    "use-cases/ml-and-data-science/",
    "decide/",
    "decide/?q-workload=model&q-model-library=python",
    "claims/",
    "criteria/",
    "sources/",
    "methodology/",
    "no-such-page/",
]

# The path the guide is published under (site_url in mkdocs.yml), served the same way here
# so that absolute links, such as those on 404.html, resolve as they will when hosted.
SITE_PREFIX = "/crossroads/"


class _PrefixedHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below SITE_PREFIX and answers 404 with the site's own 404 page."""

    def translate_path(self, path: str) -> str:
        inside = path.startswith(SITE_PREFIX)
        return super().translate_path("/" + path[len(SITE_PREFIX) :] if inside else "/-/-")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(str(self.directory)) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _CompressingHandler(_PrefixedHandler):
    """Like a static host: text is sent gzip-compressed to clients that accept it."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_directory(root: Path, *, compress: bool = False) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 below SITE_PREFIX; yield the base URL (ending in '/')."""
    handler_class = _CompressingHandler if compress else _PrefixedHandler
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SITE_PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


def search_results(page: Page, query: str) -> list[str]:
    """Type ``query`` into Material's search box as a reader would; the result links' URLs.

    Material searches on every keystroke, so the first results to appear may be those of a
    prefix of the query: wait until the list stops changing.
    """
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(query)
    links = page.locator(".md-search-result__item a.md-search-result__link")
    expect(links.first).to_be_visible()
    shown: list[str] = []
    for _ in range(40):
        now = links.evaluate_all("links => links.map(a => a.href)")
        if now == shown:
            break
        shown = now
        page.wait_for_timeout(150)
    return shown
