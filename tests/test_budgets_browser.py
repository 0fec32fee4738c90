"""Budgets a reader feels, measured in Chromium on the built guide: what our own scripts and
styles cost each kind of page, and how long a comparison is on a phone with its folds closed.

Page kinds are found in the built site and comparisons come from the data, so a new kind of
page or a new comparison is measured without editing this file.
"""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from crossroads.validation import load_guide
from tests.conftest import Build, guide_root

GUIDE = load_guide(guide_root() / "data", dt.date.today())
COMPARISONS = [c.id for c in GUIDE.comparisons]
ENGINE_ASSETS = "assets/crossroads/"
OWN_CODE_BUDGET = 10 * 1024  # bytes, gzip -9, of what a page loads before anyone searches
PHONE_SCREENS = 15


def page_kinds(site: Path) -> list[str]:
    """The first page of each (top folder, depth) in the built site, and the 404 page: one
    page of every kind (as scripts/lighthouse_report.py picks them). Redirect stubs are not
    pages anyone reads."""
    chosen: dict[tuple[str, int], str] = {}
    for html in sorted(site.rglob("index.html")):
        parts = html.parent.relative_to(site).parts
        if parts and parts[0] in ("search", "assets"):
            continue
        if 'http-equiv="refresh"' not in html.read_text(encoding="utf-8"):
            chosen.setdefault((parts[0] if parts else "", len(parts)), "/".join((*parts, "")))
    return [*chosen.values(), "404.html"]


def test_our_scripts_and_styles_on_every_kind_of_page_stay_within_10_kb_gzipped(
    site: Build, browser: Browser, base_url: str
) -> None:
    kinds = page_kinds(site.site)
    assert {"", "decide/", "compare/"} <= set(kinds)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    costs = {}
    for kind in kinds:
        loaded.clear()
        page.goto(base_url + kind, wait_until="networkidle")
        names = sorted({url.split(ENGINE_ASSETS, 1)[1] for url in loaded if ENGINE_ASSETS in url})
        assert names, f"/{kind} loads none of the engine's assets"
        # As a static host sends them: the published (minified) files, gzip -9.
        costs[kind] = sum(
            len(gzip.compress((site.site / ENGINE_ASSETS / name).read_bytes(), compresslevel=9))
            for name in names
        )
    page.close()
    over = {kind: cost for kind, cost in costs.items() if cost > OWN_CODE_BUDGET}
    assert not over, f"over {OWN_CODE_BUDGET} bytes: {over}"
    # A page's own code loads where it is used: the flowchart's only with the flowchart.
    assert costs["decide/"] > costs[""] and costs["compare/"] > costs[""]


# Folds a phone reader sees closed, and those of them with no visible button just before.
CLOSED_FOLDS = """() => {
    const closed = [...document.querySelectorAll('.md-typeset .cr-detail')]
        .filter(e => !e.getClientRects().length);
    const untappable = closed.filter(e => {
        const button = e.previousElementSibling?.querySelector('.cr-detail-toggle');
        return !button || !button.getClientRects().length;
    });
    return [closed.length, untappable.length];
}"""


@pytest.mark.parametrize("comparison", COMPARISONS)
def test_a_comparison_is_at_most_15_phone_screens_with_its_folds_closed(
    browser: Browser, base_url: str, comparison: str
) -> None:
    # 390 x 844: a common phone. Folds start closed; each opens with one tap.
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{base_url}compare/{comparison}/")
    closed, untappable = page.evaluate(CLOSED_FOLDS)
    assert closed > 0 and untappable == 0, (comparison, closed, untappable)
    tall = page.evaluate("document.documentElement.scrollHeight / innerHeight")
    page.close()
    assert tall <= PHONE_SCREENS, f"{comparison}: {tall:.1f} screens at 390 px"


FOLDED = ".md-typeset .cr-detail"
HIDDEN_FOLDS = """sel => [...document.querySelectorAll(sel)]
    .filter(e => getComputedStyle(e).display === 'none').length"""


@pytest.mark.parametrize("comparison", COMPARISONS)
def test_without_javascript_and_in_print_every_fold_of_a_comparison_shows(
    browser: Browser, base_url: str, comparison: str
) -> None:
    url = f"{base_url}compare/{comparison}/"
    for javascript, media in ((False, "screen"), (True, "print")):
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, java_script_enabled=javascript
        )
        page = context.new_page()
        page.emulate_media(media=media)  # type: ignore[arg-type]
        page.goto(url)
        folds = page.locator(FOLDED).count()
        assert folds > 0, comparison
        hidden = page.evaluate(HIDDEN_FOLDS, FOLDED)
        assert hidden == 0, f"{comparison}: {hidden} of {folds} hidden ({media}, JS {javascript})"
        context.close()
