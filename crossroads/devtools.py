"""Dev tools shared by tests/ and scripts/: serve a built site on loopback as a static host
would, and the way to start Debian's Chromium here. Builds never import this module."""

from __future__ import annotations

import functools
import gzip
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
