"""Answer first, in Chromium: the bottom line on the first screen, the summary behind "Read
more" on a phone, and grades that read by icon and word as well as colour, in both schemes
and in print. Pages and expectations come from the data."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Browser, Page, expect

from crossroads.grades import GRADES
from crossroads.model import Question
from crossroads.paths import QUESTION_PREFIX
from crossroads.validation import load_guide
from tests.conftest import guide_root

GUIDE = load_guide(guide_root() / "data", dt.date.today())
COMPARISONS = [c.id for c in GUIDE.comparisons if c.bottom_line is not None]
# Pages that show every kind of grade the guide has: a use case with its fits, an article's
# claim verdicts, a technology with depends cells, the comparisons, the flowchart outcomes.
GRADE_PAGES = [
    f"use-cases/{next(iter(GUIDE.use_cases))}/",
    *(f"articles/{a}/" for a in GUIDE.articles),
    *(
        f"technologies/{t.id}/"
        for t in GUIDE.technologies.values()
        if any(a.status == "depends" for a in t.assessments.values())
    ),
    "compare/",
    "use-cases/",
    "decide/",
]
# A grade's text colour and its icon's fill, with the page's background behind them.
GRADE_STYLES = """() => [...document.querySelectorAll('article .cr-grade')].map(b => {
    const icon = b.querySelector('svg');
    const box = icon ? icon.getBoundingClientRect() : {width: 0, height: 0};
    const tone = [...b.classList].find(c => c.startsWith('cr-grade--'));
    return {tone, word: b.textContent.trim(), color: getComputedStyle(b).color,
            fill: icon ? getComputedStyle(icon).fill : '', width: box.width, height: box.height};
  })"""


@pytest.mark.parametrize(("width", "height"), [(360, 640), (390, 844), (1366, 768)])
def test_every_comparison_opens_with_its_bottom_line_on_the_first_screen(
    browser: Browser, base_url: str, width: int, height: int
) -> None:
    assert COMPARISONS
    page = browser.new_page(viewport={"width": width, "height": height})
    for comparison in COMPARISONS:
        page.goto(base_url + f"compare/{comparison}/")
        line = page.locator("article .cr-bottom-line")
        expect(line).to_have_count(1)
        expect(line).to_be_in_viewport(ratio=1)
    page.close()


def summary_shown(page: Page) -> bool:
    return page.locator("article .cr-summary").first.is_visible()


def test_the_summary_folds_behind_read_more_on_a_phone_only(
    browser: Browser, base_url: str
) -> None:
    path = f"compare/{COMPARISONS[0]}/"
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(base_url + path)
    assert not summary_shown(phone)
    more = phone.get_by_role("button", name="Read more")
    more.click()
    expect(more).to_have_attribute("aria-expanded", "true")
    assert summary_shown(phone)
    phone.emulate_media(media="print")
    phone.reload()
    assert summary_shown(phone)
    phone.close()
    wide = browser.new_page(viewport={"width": 1366, "height": 768})
    wide.goto(base_url + path)
    assert summary_shown(wide)
    expect(wide.get_by_role("button", name="Read more")).to_be_hidden()
    wide.close()
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    no_script = context.new_page()
    no_script.goto(base_url + path)
    assert summary_shown(no_script)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_grade_reads_by_icon_and_word_in_its_tones_colour(
    browser: Browser, base_url: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1366, "height": 900})  # type: ignore[arg-type]
    page = context.new_page()
    colours: dict[str, set[str]] = {}
    for path in GRADE_PAGES:
        page.goto(base_url + path)
        for grade in page.evaluate(GRADE_STYLES):
            assert grade["word"], (path, grade)
            assert grade["width"] > 8 and grade["height"] > 8, (path, grade)
            assert grade["fill"] == grade["color"], (path, grade)  # the icon takes the tone
            colours.setdefault(grade["tone"], set()).add(grade["color"])
    context.close()
    # One colour per tone, and no two tones alike: colour adds to the word, never replaces it.
    assert {"cr-grade--good", "cr-grade--bad", "cr-grade--open"} <= colours.keys()
    assert all(len(shades) == 1 for shades in colours.values()), colours
    assert len({next(iter(shades)) for shades in colours.values()}) == len(colours)


def test_grades_print_with_their_icons(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.emulate_media(media="print")
    for path in GRADE_PAGES:
        page.goto(base_url + path)
        grades = page.evaluate(GRADE_STYLES)
        assert grades, path
        assert all(g["width"] > 0 and g["word"] for g in grades), path
    page.close()


def graded_outcomes() -> list[tuple[str, str, str]]:
    """(deep link query, outcome id, fit) for each flowchart outcome whose use case grades
    its technology: every path to it, the first found."""
    flowchart = GUIDE.flowchart
    assert flowchart is not None
    found: dict[str, tuple[str, str, str]] = {}

    def walk(node_id: str, query: list[str]) -> None:
        node = flowchart.node(node_id)
        if isinstance(node, Question):
            for answer in node.answers:
                walk(answer.next, [*query, f"{QUESTION_PREFIX}{node.id}={answer.id}"])
        elif node.use_case and node.technology:
            fit = GUIDE.recommendation(node.use_case, node.technology)
            if fit is not None:
                found.setdefault(node.id, ("&".join(query), node.id, fit.fit))

    walk(flowchart.start, [])
    return list(found.values())


def test_the_flowchart_outcome_shows_its_fit_as_the_pages_do(
    browser: Browser, base_url: str
) -> None:
    outcomes = graded_outcomes()
    assert outcomes, "the guide has an outcome whose use case grades its technology"
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for query, outcome_id, fit in outcomes:
        page.goto(f"{base_url}decide/?{query}")
        shown = page.locator(f'.cr-flow__outcome[data-outcome="{outcome_id}"] .cr-grade')
        expect(shown).to_have_count(1)
        grade = GRADES["fit"][fit]
        expect(shown).to_have_text(grade.word)
        expect(shown).to_have_class(re.compile(rf"\bcr-grade--{grade.tone}\b"))
        expect(shown.locator("svg")).to_be_visible()
        # Copied as Markdown, the decision says the fit in words.
        assert grade.word in page.locator(".cr-flow__markdown textarea").input_value()
    page.close()
