"""Browser-test helpers: every page type to check and the flowchart's paths, from a guide's
data, and search as a reader types it.

Serving a site and starting Chromium live in :mod:`crossroads.devtools`, which the scripts
use too.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page, expect

from crossroads.devtools import CHROMIUM_ARGS, CHROMIUM_PATH, SITE_PREFIX, serve_directory
from crossroads.guide import Guide
from crossroads.model import Flowchart, Question
from crossroads.paths import page_url, path_for

__all__ = [
    "CHROMIUM_ARGS",
    "CHROMIUM_PATH",
    "SITE_PREFIX",
    "SearchAnswer",
    "Step",
    "all_paths",
    "ask",
    "decided",
    "page_types",
    "search_results",
    "serve_directory",
    "typo",
    "url",
]

Step = tuple[str, str]  # (question id, answer id)


def typo(word: str) -> str:
    """One typo: two letters in the middle swapped ("Falsk")."""
    middle = len(word) // 2
    return word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]


def url(kind: str, item: str | None = None, anchor: str | None = None) -> str:
    """A page's (and section's) URL path below the site root: ``compare/a-vs-b/#testing``."""
    return page_url(path_for(kind, item)) + (f"#{anchor}" if anchor else "")


def all_paths(flowchart: Flowchart) -> list[tuple[list[Step], str]]:
    """Every path from the start to an outcome: the answers taken and the outcome id."""
    paths: list[tuple[list[Step], str]] = []

    def walk(node_id: str, taken: list[Step]) -> None:
        node = flowchart.node(node_id)
        if isinstance(node, Question):
            for answer in node.answers:
                walk(answer.next, [*taken, (node.id, answer.id)])
        else:
            paths.append((taken, node.id))

    walk(flowchart.start, [])
    return paths


def decided(flowchart: Flowchart) -> str:
    """The decision page taken to an outcome by the longest path: a page state of its own."""
    taken, _ = max(all_paths(flowchart), key=lambda path: len(path[0]))
    return url("decide") + "?" + "&".join(f"q-{q}={a}" for q, a in taken)


def page_types(guide: Guide) -> list[str]:
    """One page of every kind the guide publishes (URL paths below the site root), from its
    data, for checks that must hold on every page type: accessibility, requests, validity.
    Two technologies, the first and the last: the last is the newest when the guide grows."""
    technologies = list(guide.technologies)
    paths = ["", url("comparisons"), url("technology", technologies[0])]
    paths += [url("technology", technologies[-1])] if len(technologies) > 1 else []
    paths += [url("comparison", guide.comparisons[0].id)] if guide.comparisons else []
    if guide.use_cases:
        paths += [url("use-cases"), url("use-case", next(iter(guide.use_cases)))]
    if guide.flowchart is not None:
        paths += [url("decide"), decided(guide.flowchart)]
    paths += [url("article", next(iter(guide.articles)))] if guide.articles else []
    # methodology/ is a hand-written page of this guide's docs/; no-such-page/, the 404 page.
    return [*paths, url("criteria"), url("sources"), "methodology/", "no-such-page/"]


@dataclass(frozen=True)
class SearchAnswer:
    """What the search dialog shows for a query: result links and the notices above them."""

    results: list[str]  # hrefs, from the site root: "technologies/flask/#testing"
    notice: str
    status: str


def ask(page: Page, query: str) -> SearchAnswer:
    """Open the search (the header button) and type ``query``; what the dialog shows for it."""
    if not page.locator("dialog.cr-search[open]").count():
        page.locator(".cr-search-button").click()
    box = page.locator(".cr-search__input")
    box.fill(query)
    # Results appear after a typing pause; the dialog names the query they are for.
    expect(page.locator("dialog.cr-search")).to_have_attribute("data-query", query)
    shown = page.locator(".cr-search__results a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return SearchAnswer(
        results=[href.split(SITE_PREFIX, 1)[1] for href in shown],
        notice=" ".join(page.locator(".cr-search__notice").inner_text().split()),
        status=page.locator(".cr-search__status").inner_text(),
    )


def search_results(page: Page, query: str) -> list[str]:
    """The result links for ``query``, from the site root."""
    return ask(page, query).results
