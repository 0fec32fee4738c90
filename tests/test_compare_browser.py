"""Compare any (pick technologies and criteria, share, copy, download) and print, in Chromium."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Browser, Page, expect

from crossroads.validation import load_guide
from tests.conftest import guide_root

GUIDE = load_guide(guide_root() / "data", dt.date.today())
TABLE = "#all-technologies ~ .cr-compare table"
# The one technology order every page uses.
NAMES = [t.name for t in GUIDE.technologies.values()]
ORDER = list(GUIDE.technologies)
# Expectations come from the data: the first comparison's two technologies (in the guide's
# order), a third one, and two criteria named in the address against the guide's order.
COMPARISON = GUIDE.comparisons[0]
FIRST, SECOND = sorted(COMPARISON.technologies[:2], key=ORDER.index)
THIRD = next(t for t in ORDER if t not in (FIRST, SECOND))
LATE, EARLY = GUIDE.criteria[-1], GUIDE.criteria[1]


def visible_rows(page: Page) -> list[str]:
    return page.locator(f"{TABLE} tbody tr:visible td:first-child").all_inner_texts()


def visible_header(page: Page) -> list[str]:
    return page.locator(f"{TABLE} thead th:visible").all_inner_texts()


def test_the_choice_in_the_url_shapes_the_table(page: Page, base_url: str) -> None:
    page.goto(base_url + f"compare/?t={SECOND},{FIRST}&c={LATE.id},{EARLY.id},not-a-criterion")
    status = f"2 of {len(GUIDE.criteria)} criteria"
    expect(page.locator(".cr-picker__status")).to_contain_text(status)
    # Rows and columns keep the guide's order, whatever the order in the address.
    assert visible_rows(page) == [EARLY.name, LATE.name]
    chosen = [GUIDE.technologies[t].name for t in (FIRST, SECOND)]
    assert visible_header(page) == ["Criterion", *chosen]


def test_choosing_with_the_keyboard_updates_table_and_url(page: Page, base_url: str) -> None:
    page.goto(base_url + "compare/")
    assert len(visible_rows(page)) == len(GUIDE.criteria)
    box = page.get_by_role("checkbox", name=EARLY.name, exact=True)
    box.focus()
    page.keyboard.press("Space")
    expect(box).not_to_be_checked()
    assert EARLY.name not in visible_rows(page)
    chosen = parse_qs(urlsplit(page.url).query)["c"][0].split(",")
    assert EARLY.id not in chosen and len(chosen) == len(GUIDE.criteria) - 1
    page.reload()
    assert EARLY.name not in visible_rows(page)


def test_at_least_two_technologies_stay_chosen(page: Page, base_url: str) -> None:
    page.goto(base_url + f"compare/?t={FIRST},{SECOND}")
    box = page.get_by_role("checkbox", name=GUIDE.technologies[SECOND].name, exact=True)
    box.click()
    expect(box).to_be_checked()
    expect(page.locator(".cr-picker__status")).to_contain_text("at least two")


def test_copy_the_shown_table_as_markdown(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=base_url.split("/cr")[0]
    )
    page = context.new_page()
    page.goto(base_url + "compare/?c=database,testing")
    page.get_by_role("button", name="Copy table as Markdown").click()
    expect(page.locator(".cr-picker__copied")).to_have_text("Copied.")
    text = page.evaluate("() => navigator.clipboard.readText()")
    lines = text.splitlines()
    assert lines[0] == "| Criterion | " + " | ".join(NAMES) + " |"
    first = next(iter(GUIDE.technologies))
    for line, criterion in zip(lines[2:4], ("database", "testing"), strict=True):
        name = GUIDE.criterion(criterion).name
        verdict = GUIDE.assessment(first, criterion).verdict or ""
        assert line.startswith(f"| {name} | {verdict}"), line
    assert len([x for x in lines if x.startswith("| ")]) == 4
    context.close()


def test_download_the_shown_table_as_csv(page: Page, base_url: str) -> None:
    page.goto(base_url + "compare/?c=community,testing")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    path = download.value.path()
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0] == ["Criterion", *NAMES]
    assert rows[1][0] == "Testing" or rows[1][0] == "Community and adoption"
    community = next(r for r in rows if r[0] == "Community and adoption")
    assert community[1].startswith("Not assessed yet")
    assert len(rows) == 3


def test_without_javascript_the_full_table_shows(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "compare/?c=testing")
    expect(page.locator("#cr-picker")).to_be_hidden()
    assert len(visible_rows(page)) == len(GUIDE.criteria)
    context.close()


def test_a_long_table_scrolls_with_the_page_its_header_row_in_view(
    page: Page, base_url: str
) -> None:
    """No scroll box in the article: the table scrolls with the page and its header row
    sticks just below the site header."""
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(base_url + "compare/")
    wrap = page.locator(".cr-compare .md-typeset__scrollwrap").first
    assert wrap.evaluate("w => w.scrollHeight <= w.clientHeight + 1")
    assert wrap.evaluate("w => w.getBoundingClientRect().height") > 2 * 768
    row = page.locator(f"{TABLE} tbody tr").nth(10)
    row.evaluate("r => window.scrollTo(0, r.getBoundingClientRect().top + scrollY - 300)")
    header = page.locator(".md-header").bounding_box()
    cells = page.locator(f"{TABLE} thead th")
    first, other = cells.nth(0), cells.nth(2)
    for cell in (first, other):
        box = cell.bounding_box()
        assert header and box and abs(box["y"] - (header["y"] + header["height"])) < 1
    expect(other).to_be_in_viewport()


def test_a_link_to_the_table_keeps_the_choice(browser: Browser, base_url: str) -> None:
    """Both "Copy link to this table" and the section's own "Copy link" give the choice and
    the table's section; opening that link shows the same table, scrolled to it."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    page.goto(base_url + f"compare/?t={FIRST},{SECOND},{THIRD}&c={LATE.id},{EARLY.id}")
    page.get_by_role("checkbox", name=GUIDE.technologies[THIRD].name, exact=True).uncheck()
    page.get_by_role("button", name="Copy link to this table").click()
    expect(page.locator(".cr-picker__copied")).to_have_text("Link copied.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    expected = f"compare/?t={FIRST},{SECOND}&c={EARLY.id},{LATE.id}#all-technologies"
    assert copied == base_url + expected
    page.locator("#all-technologies .cr-copy-link").click()
    # The heading's link is the same, but for the day it was copied in a dated guide.
    from_heading = page.evaluate("() => navigator.clipboard.readText()")
    assert re.sub(r"&since=\d{4}-\d{2}-\d{2}", "", from_heading) == copied
    shown = visible_rows(page), visible_header(page)
    context.close()
    for width, height in ((360, 640), (390, 844), (1366, 768)):
        opened = browser.new_page(viewport={"width": width, "height": height})
        opened.goto(copied)
        opened.wait_for_load_state("load")
        assert (visible_rows(opened), visible_header(opened)) == shown
        expect(opened.locator(".cr-picker__status")).to_be_in_viewport()
        expect(opened.locator(f"{TABLE} tbody tr:visible").first).to_be_in_viewport()
        opened.close()


def test_a_comparison_prints_cleanly(page: Page, base_url: str) -> None:
    page.goto(base_url + f"compare/{COMPARISON.id}/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".cr-copy-link"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none"
    link = page.locator(".cr-references a[href^='http']").first
    href = link.get_attribute("href")
    after = link.evaluate("e => getComputedStyle(e, '::after').content")
    assert href and href in after
    wrap = page.locator(".cr-compare .md-typeset__scrollwrap").first
    assert wrap.evaluate("w => getComputedStyle(w).overflowY") == "visible"
    # Back-links are for the screen: no arrows on paper.
    backlinks = page.locator(".cr-backlinks").first
    assert backlinks.evaluate("e => getComputedStyle(e).display") == "none"


def test_on_a_phone_each_criterion_is_a_block_with_its_columns_named(
    page: Page, base_url: str
) -> None:
    # That no page scrolls sideways at any width is tests/test_widths_browser.py.
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + f"compare/{COMPARISON.id}/")
    first_row = page.locator(".cr-compare tbody tr").first
    label = first_row.locator("td").nth(1).locator(".cr-cell-label")
    expect(label).to_be_visible()
    expect(label).to_have_text(
        GUIDE.technologies[min(COMPARISON.technologies, key=ORDER.index)].name
    )
    page.set_viewport_size({"width": 1366, "height": 740})
    expect(label).to_be_hidden()


def test_none_then_three_ticks_shows_three_criteria(page: Page, base_url: str) -> None:
    page.goto(base_url + "compare/")
    page.get_by_role("button", name="None of the criteria").click()
    assert visible_rows(page) == []
    expect(page.locator(".cr-picker__status")).to_contain_text("Tick the criteria to show.")
    wanted = GUIDE.criteria[:3]
    for criterion in wanted:
        page.get_by_role("checkbox", name=criterion.name, exact=True).check()
    assert visible_rows(page) == [c.name for c in wanted]
    chosen = parse_qs(urlsplit(page.url).query)["c"][0].split(",")
    assert chosen == [c.id for c in wanted]
    page.get_by_role("button", name="All criteria", exact=True).click()
    assert len(visible_rows(page)) == len(GUIDE.criteria)
