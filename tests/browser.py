"""Shared Chromium setup for browser tests and screenshots: Debian's chromium, loopback only."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
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


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 below SITE_PREFIX; yield the base URL (ending in '/')."""
    handler = functools.partial(_PrefixedHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SITE_PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
