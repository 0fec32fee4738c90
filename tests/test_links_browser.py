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


MARKERS = ".cr-assessment .cr-cite > a"


@pytest.mark.parametrize("width", [360, 390, 1366])
def test_a_marker_shows_its_source_in_place(browser: Browser, base_url: str, width: int) -> None:
    """A marker opens the source's title, the date it was checked and the passage beside it;
    Escape, a click elsewhere and the marker again close it, and the page never moves."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base_url + "compare/nodejs-vs-flask/")
    marker = page.locator(MARKERS).nth(3)
    marker.scroll_into_view_if_needed()
    expect(marker).to_have_attribute("aria-expanded", "false")
    passage = page.locator(attr_selector(marker.get_attribute("href")))
    entry = passage.locator("xpath=../..")
    title = entry.locator("a").first.inner_text()
    checked = entry.locator("time").first.inner_text()
    quote = passage.locator(".cr-passage-toggle").inner_text()
    at = page.evaluate("scrollY")

    marker.click()
    pop = page.locator(f"#{marker.get_attribute('aria-controls')}")
    expect(pop).to_be_in_viewport(ratio=1)
    expect(marker).to_have_attribute("aria-expanded", "true")
    expect(pop.get_by_role("link", name=title)).to_be_visible()
    expect(pop).to_contain_text(f"checked {checked}")
    expect(pop.locator(".cr-pop__quote")).to_have_text(quote)
    assert page.evaluate("scrollY") == at
    assert "#" not in page.url
    box = pop.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.keyboard.press("Escape")
    expect(pop).to_have_count(0)
    expect(marker).to_be_focused()
    expect(marker).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")  # by keyboard: the marker opens it, Tab goes into it
    expect(pop).to_be_visible()
    page.keyboard.press("Tab")
    expect(pop.get_by_role("link", name=title)).to_be_focused()
    page.keyboard.press("Escape")
    expect(marker).to_be_focused()
    marker.click()
    marker.click()  # the marker again
    expect(pop).to_have_count(0)
    marker.click()
    page.mouse.click(2, 400)  # elsewhere
    expect(pop).to_have_count(0)
    marker.click()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the popover's two links: focus moved on
    expect(pop).to_have_count(0)
    assert page.evaluate("scrollY") == at
    page.close()


def test_a_marker_near_the_foot_of_the_screen_opens_upwards(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 700})
    page.goto(base_url + "compare/nodejs-vs-flask/")
    marker = page.locator(MARKERS).nth(5)
    marker.evaluate("m => window.scrollBy(0, m.getBoundingClientRect().bottom - innerHeight + 4)")
    at = page.evaluate("scrollY")
    marker.click()
    expect(page.locator(".cr-pop")).to_be_in_viewport(ratio=1)
    assert page.evaluate("scrollY") == at
    page.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_a_jump_to_the_list_keeps_the_sources_title_in_view(
    browser: Browser, base_url: str, width: int
) -> None:
    """From every marker (the popover's link, or the marker itself without JavaScript) the
    passage lands in view with its source's title above it, below the sticky header."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base_url + "compare/nodejs-vs-flask/")
    hidden = page.evaluate(
        """() => {
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const bad = [];
        for (const marker of document.querySelectorAll('.cr-cite > a')) {
          location.hash = marker.hash;
          const passage = document.getElementById(marker.hash.slice(1));
          const title = passage.parentElement.parentElement.querySelector('a');
          const top = title.getBoundingClientRect().top, end = passage.getBoundingClientRect();
          if (top < header || end.bottom > innerHeight) bad.push(marker.hash);
        }
        return bad;
      }"""
    )
    assert page.locator("ol.cr-references li.cr-passage").count() > 50
    assert hidden == []
    marker = page.locator(MARKERS).first
    marker.click()
    page.locator(".cr-pop").get_by_role("link", name="In the list of sources").click()
    expect(page).to_have_url(re.compile(re.escape(str(marker.get_attribute("href"))) + "$"))
    expect(page.locator(attr_selector(marker.get_attribute("href")))).to_be_in_viewport()
    expect(page.locator(".cr-pop")).to_have_count(0)
    page.close()


def test_a_citation_marker_leads_to_the_sources_words_and_back(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "compare/nodejs-vs-flask/")
    marker = page.locator(MARKERS).first
    target = attr_selector(marker.get_attribute("href"))
    passage = page.locator(target)
    expect(passage).to_be_hidden()  # folded under its source on a phone
    marker.click()
    page.locator(".cr-pop").get_by_role("link", name="In the list of sources").click()
    expect(passage).to_be_in_viewport()
    quote = passage.locator(".cr-passage-toggle")
    # The passage a marker leads to shows all of the quote, not a line cut short.
    assert quote.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    assert quote.evaluate("e => getComputedStyle(e).whiteSpace") == "normal"
    assert len(quote.inner_text().strip()) > 2
    passage.locator(".cr-backlinks a").first.click()
    expect(marker).to_be_in_viewport()
    # Away from a passage the list folds again behind its count; opened, every passage of a
    # source shows when a reader opens that source.
    entry = page.locator("ol.cr-references > li").first
    expect(entry).to_be_hidden()
    page.locator(".cr-references__intro").get_by_role("button", name="Show them").click()
    expect(entry).to_be_visible()
    toggle = entry.locator(".cr-passages-toggle")
    expect(entry.locator("li.cr-passage").first).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    for item in entry.locator("li.cr-passage").all():
        expect(item).to_be_visible()
    page.close()
    # Without JavaScript the marker itself leads to the passage in the list.
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(base_url + "compare/nodejs-vs-flask/")
    plain.locator(MARKERS).first.click()
    expect(plain.locator(target)).to_be_in_viewport()
    quote = plain.locator("li.cr-passage .cr-passage-toggle").first
    expect(quote).to_be_visible()
    assert quote.evaluate("e => getComputedStyle(e).whiteSpace") == "normal"
    context.close()


def attr_selector(href: str | None) -> str:
    assert href and href.startswith("#")
    return f"[id='{href[1:]}']"
