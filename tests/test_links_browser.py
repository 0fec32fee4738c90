"""In Chromium: a search result opens its section, deep links are in view and highlighted, copy link
gives the right URL, and no page asks a third-party host for anything."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from tests.browser import PAGE_TYPES, search_results, serve_directory
from tests.conftest import Build


def test_clicking_a_search_result_lands_on_its_section(page: Page, base_url: str) -> None:
    page.goto(base_url + "sources/")
    found = search_results(page, "Database access")
    target = next(url for url in found if url.endswith("#database"))
    page.locator(f'.cr-search__results a[href$="{target}"]').first.click()
    expect(page).to_have_url(re.compile(r"#database$"))
    expect(page.locator("#database")).to_be_in_viewport()


@pytest.mark.parametrize(
    "target",
    [
        "compare/nodejs-vs-flask/#concurrency",
        "articles/nodejs-vs-flask-article/#connections-1000s-vs-10",
        "use-cases/real-time-apps/#fit-flask",
        "technologies/nodejs/#cpu-bound",
    ],
)
def test_deep_links_are_in_view_and_highlighted(page: Page, base_url: str, target: str) -> None:
    page.goto(base_url + target)
    anchor = target.split("#")[1]
    heading = page.locator(f"#{anchor}")
    expect(heading).to_be_in_viewport()
    outline = heading.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"
    other = page.locator("article h2[id]").filter(has_not=page.locator(f"#{anchor}")).last
    assert other.evaluate("e => getComputedStyle(e).outlineStyle") == "none"


def test_copy_link_gives_the_section_url(browser: Browser, base_url: str) -> None:
    context = browser.new_context(timezone_id="UTC")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    page.clock.set_fixed_time("2026-12-09T23:30:00Z")
    page.goto(base_url + "articles/nodejs-vs-flask-article/")
    button = page.locator("#django-built-on-flask .cr-copy-link")
    assert "Copy link to this section: Wrong:" in str(button.get_attribute("aria-label"))
    button.click()
    expect(button).to_have_text("Link copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    # The guide keeps a section history, so the link carries the day it was copied.
    assert copied == (
        base_url + "articles/nodejs-vs-flask-article/?since=2026-12-09#django-built-on-flask"
    )
    context.close()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_pages_make_no_third_party_requests(browser: Browser, base_url: str, path: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    page.goto(base_url + path, wait_until="networkidle")
    search_results(page, "flask")
    assert outside == []
    context.close()


def test_an_anchor_alias_lands_with_instant_navigation(
    project: Path, build: Callable[[Path], Build], browser: Browser
) -> None:
    """An old link to a renamed claim lands on its new section, also via Material's XHR nav."""
    claims = project / "data/articles/nodejs-vs-flask-article.yml"
    claims.write_text(
        claims.read_text().replace(
            "  - id: flask-multiple-languages\n", "  - id: flask-sql-by-hand\n"
        )
    )
    moved = project / "data/moved.yml"
    moves = yaml.safe_load(moved.read_text())
    moves["anchors"].append(
        {
            "page": "articles/nodejs-vs-flask-article/",
            "from": "flask-multiple-languages",
            "to": "flask-sql-by-hand",
        }
    )
    moved.write_text(yaml.safe_dump(moves))
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "    - navigation.top\n", "    - navigation.top\n    - navigation.instant\n"
        )
    )
    methodology = project / "docs/methodology.md"
    methodology.write_text(
        methodology.read_text()
        + "\n[An old link](articles/nodejs-vs-flask-article.md#flask-multiple-languages)\n"
    )
    result = build(project)
    assert result.returncode == 0, result.output
    with serve_directory(result.site) as base:
        page = browser.new_page()
        page.goto(base + "methodology/")
        page.get_by_role("link", name="An old link").click()
        expect(page).to_have_url(
            re.compile(r"/articles/nodejs-vs-flask-article/#flask-multiple-languages$")
        )
        target = page.locator("#flask-sql-by-hand")
        expect(target).to_be_in_viewport()
        page.close()
        fresh = browser.new_page()
        fresh.goto(base + "articles/nodejs-vs-flask-article/#flask-multiple-languages")
        landed = fresh.locator("#flask-sql-by-hand")
        expect(landed).to_be_in_viewport()
        assert landed.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
        fresh.close()


def test_a_citation_marker_leads_to_the_sources_words_and_back(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "compare/nodejs-vs-flask/")
    marker = page.locator(".cr-assessment .cr-cite a").first
    passage = page.locator(attr_selector(marker.get_attribute("href")))
    expect(passage).to_be_hidden()  # folded under its source on a phone
    marker.click()
    expect(passage).to_be_in_viewport()
    quote = passage.locator(".cr-passage-toggle")
    # The passage a marker leads to shows all of the quote, not a line cut short.
    assert quote.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    assert quote.evaluate("e => getComputedStyle(e).whiteSpace") == "normal"
    assert len(quote.inner_text().strip()) > 2
    passage.locator(".cr-backlinks a").first.click()
    expect(marker).to_be_in_viewport()
    # Every passage of a source shows when a reader opens it.
    entry = page.locator("ol.cr-references > li").first
    toggle = entry.locator(".cr-passages-toggle")
    expect(entry.locator("li.cr-passage").first).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    for item in entry.locator("li.cr-passage").all():
        expect(item).to_be_visible()
    page.close()
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(base_url + "compare/nodejs-vs-flask/")
    quote = plain.locator("li.cr-passage .cr-passage-toggle").first
    expect(quote).to_be_visible()
    assert quote.evaluate("e => getComputedStyle(e).whiteSpace") == "normal"
    context.close()


def attr_selector(href: str | None) -> str:
    assert href and href.startswith("#")
    return f"[id='{href[1:]}']"
