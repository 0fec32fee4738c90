"""Every page at phone and desktop widths, in Chromium: nothing scrolls sideways, no box
inside an article scrolls on its own, and the home page's first screen offers the ways into
the guide, every comparison and compare any among them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from crossroads.paths import COMPARE_ANY_ANCHOR
from crossroads.validation import load_guide
from tests.browser import decided
from tests.conftest import Build, guide_root

GUIDE = load_guide(guide_root() / "data", dt.date.today())

WIDTHS = (360, 390, 1366)
# Boxes inside the article that scroll on their own, either way: a reader's wheel or thumb
# gets caught in them. Code blocks may scroll, nothing else.
SCROLL_BOXES = """() => [...document.querySelectorAll('article *')].filter(e => {
    const s = getComputedStyle(e), scrolls = v => ['auto', 'scroll'].includes(v);
    const x = scrolls(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
    const y = scrolls(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
    return (x || y) && !e.closest('pre, code');
  }).map(e => e.tagName + '.' + e.className)"""


def published_pages(site: Build) -> list[str]:
    """Every page of the built site (URL paths), found on disk so a new page is covered."""
    pages = []
    for html in sorted(site.site.rglob("index.html")):
        path = html.parent.relative_to(site.site).as_posix()
        pages.append("" if path == "." else path + "/")
    return pages


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_nor_any_box_in_it(
    browser: Browser, base_url: str, site: Build, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    # A decision taken to its outcome is a page state of its own.
    paths = published_pages(site)
    paths += [decided(GUIDE.flowchart)] if GUIDE.flowchart is not None else []
    assert len(paths) > 10
    problems = []
    for path in paths:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        width_used = page.evaluate("document.documentElement.scrollWidth")
        if width_used > width:
            problems.append(f"{path or '/'}: page is {width_used} px wide")
        boxes = page.evaluate(SCROLL_BOXES)
        if boxes:
            problems.append(f"{path or '/'}: boxes scroll on their own: {boxes}")
    page.close()
    assert problems == []


@pytest.mark.parametrize(("width", "height"), [(360, 640), (390, 844), (1366, 768)])
def test_the_home_pages_first_screen_offers_the_ways_in(
    browser: Browser, base_url: str, width: int, height: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(base_url)
    ways = page.locator(".cr-ways-in a")
    hrefs = [Path(h or "").as_posix() for h in ways.evaluate_all("a => a.map(e => e.href)")]
    assert any(h.endswith("/decide") for h in hrefs), hrefs
    assert any("/compare/" in h for h in hrefs), hrefs
    assert any(h.endswith("/use-cases") for h in hrefs), hrefs
    # Every comparison, and compare any.
    for comparison in GUIDE.comparisons:
        assert any(h.endswith(f"/compare/{comparison.id}") for h in hrefs), comparison.id
    assert any(h.endswith(f"/compare/#{COMPARE_ANY_ANCHOR}") for h in hrefs), hrefs
    for link in ways.all():
        expect(link).to_be_in_viewport(ratio=1)
    page.close()
