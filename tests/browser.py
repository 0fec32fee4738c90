"""Browser-test helpers: every page type to check, and search as a reader types it.

Serving a site and starting Chromium live in :mod:`crossroads.devtools`, which the scripts
use too.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page, expect

from crossroads.devtools import CHROMIUM_ARGS, CHROMIUM_PATH, SITE_PREFIX, serve_directory

__all__ = [
    "CHROMIUM_ARGS",
    "CHROMIUM_PATH",
    "PAGE_TYPES",
    "SITE_PREFIX",
    "SearchAnswer",
    "ask",
    "search_results",
    "serve_directory",
]

# One page of every kind the guide publishes (URL paths below the site root), for checks
# that must hold on every page type: accessibility, requests, validity.
PAGE_TYPES = [
    "",
    "compare/nodejs-vs-flask/",
    "compare/",
    "technologies/flask/",
    "technologies/fastapi/",
    "use-cases/",
    "use-cases/ml-and-data-science/",
    "decide/",
    "decide/?q-workload=model&q-model-library=python",
    "articles/nodejs-vs-flask-article/",
    "criteria/",
    "sources/",
    "methodology/",
    "no-such-page/",
]


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
