"""Every page is valid HTML (Nu HTML Checker) and has no axe-core violations, light and dark."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from playwright.sync_api import Browser

from crossroads.validation import load_guide
from tests.browser import ask, page_types, typo, url
from tests.conftest import ROOT, Build, guide_root

GUIDE = load_guide(guide_root() / "data", dt.date.today())

VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
AXE = ROOT / "node_modules/axe-core/axe.min.js"


# Java and the npm-installed checker: not in the quick tier, which installs neither.
@pytest.mark.slow
def test_every_page_passes_the_nu_html_checker(site: Build) -> None:
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "gnu",
            str(site.site),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    checked = list(site.site.rglob("*.html"))
    assert len(checked) > 20


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", page_types(GUIDE))
def test_no_axe_violations(browser: Browser, base_url: str, path: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(base_url + path)
    shown = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert shown == ("slate" if scheme == "dark" else "default")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => `${v.id} (${v.impact}): `
                      + v.nodes.slice(0, 3).map(n => n.target).join(', '))"""
    )
    context.close()
    assert violations == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1366])
def test_no_axe_violations_in_the_search_dialog(
    browser: Browser, base_url: str, scheme: str, width: int
) -> None:
    context = browser.new_context(
        color_scheme=scheme,  # type: ignore[arg-type]
        viewport={"width": width, "height": 800},
    )
    page = context.new_page()
    page.goto(base_url + "criteria/")
    # Results, a corrected typo and a "not covered" notice, all at once.
    name = next(iter(GUIDE.technologies.values())).name
    missing = [entry.words[0] for entry in GUIDE.info.not_covered[:1]]
    ask(page, " ".join([typo(name), "vs", *missing, GUIDE.criteria[0].name]))
    assert page.locator(".cr-search__results a").count() > 0
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => `${v.id} (${v.impact}): `
                      + v.nodes.slice(0, 3).map(n => n.target).join(', '))"""
    )
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert violations == []
    assert overflow <= 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1366])
def test_no_axe_violations_with_a_sources_popover_open(
    browser: Browser, base_url: str, scheme: str, width: int
) -> None:
    context = browser.new_context(
        color_scheme=scheme,  # type: ignore[arg-type]
        viewport={"width": width, "height": 800},
    )
    page = context.new_page()
    page.goto(base_url + url("comparison", GUIDE.comparisons[0].id))
    page.locator(".cr-assessment .cr-cite > a").nth(2).click()
    assert page.locator(".cr-pop").is_visible()
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => `${v.id} (${v.impact}): `
                      + v.nodes.slice(0, 3).map(n => n.target).join(', '))"""
    )
    context.close()
    assert violations == []
