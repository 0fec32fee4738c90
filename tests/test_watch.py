"""The source watch against a loopback server: unchanged, quote gone, 404, redirect, slow.

A small guide (the scaffold) has its source URLs pointed at the server, which answers each
source's page in one of those ways. Nothing leaves the machine, every source is requested
exactly once, and a slow page costs no more than the timeout.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crossroads.guide import Guide
from crossroads.scaffold import new_guide
from crossroads.validation import load_guide
from crossroads.watch import citations_by_source, page_words, quote_is_on_page, report, watch

TODAY = dt.date(2026, 11, 30)


class Pages:
    """What the loopback server answers for each source id, and which requests it saw."""

    def __init__(self, quotes: dict[str, list[str]]) -> None:
        self.quotes = quotes
        self.behaviour: dict[str, str] = {}
        self.requests: list[str] = []
        self.lock = threading.Lock()

    def body(self, source_id: str, *, keep_quotes: bool) -> bytes:
        kept = self.quotes[source_id] if keep_quotes else ["This page says something else now."]
        # The page marks the text up differently from the data: words are what must match.
        paragraphs = "".join(
            f"<p>Intro text.</p><p><em>{escape(q.replace(' ', '  ').upper())}</em></p>"
            for q in kept
        )
        head = f"<!doctype html><title>{source_id}</title><script>var x=1</script>"
        return (head + paragraphs).encode()


@pytest.fixture
def server() -> Iterator[tuple[str, Pages]]:
    pages = Pages({})

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            source_id = self.path.strip("/").split("/")[-1]
            with pages.lock:
                pages.requests.append(self.path)
            moved = self.path.startswith("/moved-elsewhere/")
            behaviour = "same" if moved else pages.behaviour.get(source_id, "same")
            if behaviour == "404":
                self.send_error(404, "Not Found")
                return
            if behaviour == "redirect":
                self.send_response(301)
                self.send_header("Location", f"/moved-elsewhere/{source_id}")
                self.end_headers()
                return
            if behaviour == "slow":
                time.sleep(3)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a timed-out client
                self.wfile.write(pages.body(source_id, keep_quotes=behaviour != "changed"))

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", pages
    finally:
        httpd.shutdown()
        httpd.server_close()


def loopback_guide(tmp_path: Path, base: str) -> tuple[Path, Guide]:
    project = tmp_path / "guide"
    new_guide(project)
    sources = project / "data/sources.yml"
    text = re.sub(
        r"(  - id: (\S+)\n(?:    .*\n)*?    url: )\S+",
        lambda m: f"{m.group(1)}{base}/docs/{m.group(2)}",
        sources.read_text(),
    )
    sources.write_text(text)
    guide = load_guide(project / "data", TODAY)
    assert all(s.url.startswith(base) for s in guide.sources.values())
    return project, guide


def test_every_source_is_fetched_once_and_each_change_is_reported(
    tmp_path: Path, server: tuple[str, Pages]
) -> None:
    base, pages = server
    _, guide = loopback_guide(tmp_path, base)
    pages.quotes = citations_by_source(guide)
    assert sum(len(q) for q in pages.quotes.values()) >= len(guide.sources)
    ids = sorted(guide.sources)
    quoted = [i for i in ids if pages.quotes[i]]
    unchanged, changed = quoted[0], quoted[1]
    gone, moved, slow = [i for i in ids if i not in (unchanged, changed)][:3]
    pages.behaviour = {changed: "changed", gone: "404", moved: "redirect", slow: "slow"}

    started = time.monotonic()
    findings = watch(guide, timeout=1.0, workers=4)
    elapsed = time.monotonic() - started

    by_source = {(f.source_id, f.kind) for f in findings}
    assert {s for s, _ in by_source} == {changed, gone, moved, slow}
    assert (gone, "unreachable") in by_source and (slow, "unreachable") in by_source
    assert (moved, "redirected") in by_source
    missing = [f.detail for f in findings if f.source_id == changed]
    assert missing == pages.quotes[changed] and all(
        f.kind == "quote missing" for f in findings if f.source_id == changed
    )
    assert unchanged not in {f.source_id for f in findings}
    # One request per source (plus the redirect's target), all to loopback, bounded in time.
    first_requests = [p for p in pages.requests if p.startswith("/docs/")]
    assert sorted(first_requests) == sorted(f"/docs/{i}" for i in ids)
    assert len(pages.requests) == len(ids) + 1
    assert elapsed < 10


def watch_command(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    # A bare environment: no proxy settings can send the loopback requests elsewhere.
    return subprocess.run(
        [sys.executable, "-m", "crossroads", "watch", str(project), "--timeout", "2", *options],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={"CROSSROADS_TODAY": TODAY.isoformat(), "PATH": "/usr/bin:/bin"},
    )


def test_the_command_writes_a_report_and_exits_non_zero(
    tmp_path: Path, server: tuple[str, Pages]
) -> None:
    base, pages = server
    project, guide = loopback_guide(tmp_path, base)
    pages.quotes = citations_by_source(guide)
    gone = sorted(guide.sources)[0]
    pages.behaviour = {gone: "404"}
    report_file = tmp_path / "report.md"
    result = watch_command(project, "--report", str(report_file))
    assert result.returncode == 1, result.stderr
    text = report_file.read_text()
    assert text.startswith("# Source watch, 2026-11-30")
    assert f"## `{gone}`" in text and "unreachable: HTTP 404" in text
    assert f"1 of {len(guide.sources)} sources need a re-check" in text

    pages.behaviour = {}
    again = watch_command(project)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "every quoted passage is still there" in again.stdout


def test_quotes_match_on_words_and_elisions_match_piece_by_piece() -> None:
    html = "<p>He said: “Flask is a  <b>lightweight</b> WSGI web-application framework.”"
    page = page_words(html)
    assert quote_is_on_page("Flask is a lightweight WSGI web-application framework.", page)
    assert quote_is_on_page("Flask is a … framework", page)
    assert not quote_is_on_page("Flask is a heavyweight framework", page)
    assert report([], 3, "2026-11-30").endswith("every quoted passage is still there.\n")
