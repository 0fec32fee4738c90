"""Browser-test helpers: every page type to check, and search as a reader types it.

Serving a site and starting Chromium live in :mod:`crossroads.devtools`, which the scripts
use too.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from crossroads.devtools import CHROMIUM_ARGS, CHROMIUM_PATH, SITE_PREFIX, serve_directory

__all__ = [
    "CHROMIUM_ARGS",
    "CHROMIUM_PATH",
    "PAGE_TYPES",
    "SITE_PREFIX",
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
