"""The source watch: does every cited source still say what the guide quotes it saying?

``python -m crossroads watch`` fetches each source URL once and reports every source that
fails or times out, redirects somewhere else, or no longer contains one of the passages the
guide quotes from it. Text is compared after normalising both sides to lowercase words, so
markup, punctuation, curly quotes and line breaks do not matter; a quote elided with "…" is
checked piece by piece. The report is Markdown, for a person and for an issue.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from crossroads.guide import Guide
from crossroads.model import Source
from crossroads.record import Record

MAX_BYTES = 5_000_000
USER_AGENT = "crossroads-source-watch/1 (checks that cited pages still say what is quoted)"


@dataclass(frozen=True)
class Finding:
    """One source that needs a person to re-check it."""

    source_id: str
    url: str
    kind: str  # "unreachable" | "redirected" | "quote missing"
    detail: str


@dataclass(frozen=True)
class Fetched:
    final_url: str
    text: str


def citations_by_source(guide: Guide) -> dict[str, list[str]]:
    """Source id -> every passage the guide quotes from it (each once), in data order."""
    quotes: dict[str, list[str]] = {source_id: [] for source_id in guide.sources}
    for citations in _all_citations(guide):
        for source_id, quote in citations.items():
            if quote not in quotes[source_id]:
                quotes[source_id].append(quote)
    return quotes


def _all_citations(value: Any) -> Iterator[dict[str, str]]:
    """Every ``sources`` mapping of id -> quote anywhere in the model."""
    if isinstance(value, Record):
        for field in type(value).__record_fields__:
            item = getattr(value, field.name)
            quoted = isinstance(item, dict) and all(isinstance(q, str) for q in item.values())
            if field.name == "sources" and quoted:
                yield item
            else:
                yield from _all_citations(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _all_citations(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_citations(item)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def normalise(text: str) -> str:
    """Lowercase words separated by single spaces: what two versions of a passage share."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


def page_words(body: str) -> str:
    parser = _TextOnly()
    parser.feed(body)
    parser.close()
    return " " + normalise(" ".join(parser.parts)) + " "


def quote_is_on_page(quote: str, words: str) -> bool:
    pieces = [normalise(piece) for piece in re.split(r"…|\.\.\.", quote)]
    return all(f" {piece} " in words for piece in pieces if piece)


def fetch(url: str, timeout: float) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(
        request, timeout=timeout
    ) as response:  # the model allows http(s) only
        raw = response.read(MAX_BYTES)
        charset = response.headers.get_content_charset() or "utf-8"
        return Fetched(final_url=response.geturl(), text=raw.decode(charset, errors="replace"))


def _same_place(a: str, b: str) -> bool:
    """Equal apart from http -> https, a trailing slash or the #fragment (never sent)."""

    def key(url: str) -> str:
        url = url.split("#", 1)[0].removeprefix("https://").removeprefix("http://")
        return url.rstrip("/")

    return key(a) == key(b)


def check_source(
    source: Source, quotes: list[str], fetcher: Callable[[str], Fetched]
) -> list[Finding]:
    def found(kind: str, detail: str) -> Finding:
        return Finding(source.id, source.url, kind, detail)

    try:
        fetched = fetcher(source.url)
    except urllib.error.HTTPError as error:
        return [found("unreachable", f"HTTP {error.code} {error.reason}")]
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        return [found("unreachable", f"{type(error).__name__}: {reason}")]
    findings = []
    if not _same_place(source.url, fetched.final_url):
        findings.append(found("redirected", f"now at {fetched.final_url}"))
    words = page_words(fetched.text)
    findings += [
        found("quote missing", quote) for quote in quotes if not quote_is_on_page(quote, words)
    ]
    return findings


def watch(
    guide: Guide,
    *,
    timeout: float = 20.0,
    workers: int = 4,
    fetcher: Callable[..., Fetched] = fetch,
) -> list[Finding]:
    """Fetch every source once (at most ``workers`` at a time) and collect what needs a re-check."""
    quotes = citations_by_source(guide)

    def one(source: Source) -> list[Finding]:
        return check_source(source, quotes[source.id], lambda url: fetcher(url, timeout))

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, guide.sources.values()))
    return [finding for findings in results for finding in findings]


def report(findings: list[Finding], checked: int, day: str) -> str:
    """The Markdown report: one section per source that needs a re-check."""
    lines = [f"# Source watch, {day}", ""]
    if not findings:
        lines.append(f"All {checked} sources answered, and every quoted passage is still there.")
        return "\n".join(lines) + "\n"
    sources = sorted({f.source_id for f in findings})
    lines += [
        f"{len(sources)} of {checked} sources need a re-check. For each, open the page, find "
        "what it says now, then fix the statements that cite it (or their quotes), and set "
        "its `checked` date in `data/sources.yml`.",
        "",
    ]
    for source_id in sources:
        mine = [f for f in findings if f.source_id == source_id]
        lines += [f"## `{source_id}`", "", f"<{mine[0].url}>", ""]
        for finding in mine:
            detail = finding.detail.replace("\n", " ")
            if finding.kind == "quote missing":
                lines.append(f"- quote missing: “{detail}”")
            else:
                lines.append(f"- {finding.kind}: {detail}")
        lines.append("")
    return "\n".join(lines)
