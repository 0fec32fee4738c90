"""The decision flowchart in real Chromium: every path, deep links, keyboard, history, copy."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from crossroads.model import Flowchart, Question
from crossroads.validation import load_guide
from tests.browser import Step, all_paths
from tests.conftest import guide_root

_SHIPPED = load_guide(guide_root() / "data", dt.date.today()).flowchart
assert _SHIPPED is not None, "the shipped guide has a flowchart"
FLOWCHART: Flowchart = _SHIPPED
PATHS = all_paths(FLOWCHART)
# A path through three questions at least: deep links, history and the controls take it.
LONG = next(path for path, _ in PATHS if len(path) >= 3)


def query(*steps: Step) -> str:
    """The decision page's query for these answers: ``q-<question>=<answer>&...``."""
    return "&".join(f"q-{q}={a}" for q, a in steps)


def answer(page: Page, question_id: str, answer_id: str) -> None:
    question = page.locator(f'.cr-flow__question[data-question="{question_id}"]')
    expect(question).to_be_visible()
    question.locator(f'button[data-answer="{answer_id}"]').click()


def expect_outcome(page: Page, outcome_id: str) -> None:
    outcome = FLOWCHART.node(outcome_id)
    assert not isinstance(outcome, Question)
    shown = page.locator(f'.cr-flow__outcome[data-outcome="{outcome_id}"]')
    expect(shown).to_be_visible()
    expect(shown.locator("h2")).to_have_text(f"Recommendation: {outcome.title}")


@pytest.mark.parametrize(
    ("path", "outcome_id"), PATHS, ids=["/".join(a for _, a in p) for p, _ in PATHS]
)
def test_every_path_ends_at_its_outcome(
    page: Page, base_url: str, path: list[Step], outcome_id: str
) -> None:
    page.goto(base_url + "decide/")
    for question_id, answer_id in path:
        answer(page, question_id, answer_id)
    expect_outcome(page, outcome_id)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {f"q-{q}": [a] for q, a in path}
    shown_path = page.locator(".cr-flow__path li")
    expect(shown_path).to_have_count(len(path))


def test_deep_link_lands_on_the_question(page: Page, base_url: str) -> None:
    (first, second, *_) = LONG
    page.goto(base_url + f"decide/?{query(first)}")
    expect(page.locator(f'.cr-flow__question[data-question="{second[0]}"]')).to_be_visible()
    expect(page.locator(".cr-flow__path li")).to_have_count(1)


def test_deep_link_to_an_outcome(page: Page, base_url: str) -> None:
    path, outcome_id = PATHS[-1]
    query = "&".join(f"q-{q}={a}" for q, a in path)
    page.goto(f"{base_url}decide/?{query}")
    expect_outcome(page, outcome_id)


def test_unknown_answers_are_dropped_and_the_missing_question_asked(
    page: Page, base_url: str
) -> None:
    (first, second, *_) = LONG
    page.goto(
        base_url + f"decide/?q-removed-question=yes&{query(first)}&q-{second[0]}=no-such-answer"
    )
    expect(page.locator(f'.cr-flow__question[data-question="{second[0]}"]')).to_be_visible()
    assert parse_qs(urlsplit(page.url).query) == {f"q-{first[0]}": [first[1]]}


def test_browser_back_and_forward(page: Page, base_url: str) -> None:
    (first, second, third, *_) = LONG
    page.goto(base_url + "decide/")
    answer(page, *first)
    answer(page, *second)
    expect(page.locator(f'.cr-flow__question[data-question="{third[0]}"]')).to_be_visible()
    page.go_back()
    expect(page.locator(f'.cr-flow__question[data-question="{second[0]}"]')).to_be_visible()
    page.go_back()
    expect(page.locator(f'.cr-flow__question[data-question="{first[0]}"]')).to_be_visible()
    page.go_forward()
    expect(page.locator(f'.cr-flow__question[data-question="{second[0]}"]')).to_be_visible()


def test_change_back_and_restart_controls(page: Page, base_url: str) -> None:
    (first, second, *_) = LONG
    start = FLOWCHART.node(first[0])
    assert isinstance(start, Question)
    # Another first answer that leads to a question, and an answer to that one.
    other = next(p for p, _ in PATHS if len(p) >= 2 and p[0] != first)
    page.goto(base_url + f"decide/?{query(first, second)}")
    page.get_by_role("button", name=f"Change your answer to: {start.text}").click()
    expect(page.locator(f'.cr-flow__question[data-question="{first[0]}"]')).to_be_visible()
    answer(page, *other[0])
    answer(page, *other[1])
    page.locator(".cr-flow__back").click()
    expect(page.locator(f'.cr-flow__question[data-question="{other[1][0]}"]')).to_be_visible()
    page.locator(".cr-flow__restart").click()
    expect(page.locator(f'.cr-flow__question[data-question="{first[0]}"]')).to_be_visible()
    assert urlsplit(page.url).query == ""


def test_a_whole_path_with_the_keyboard_only(page: Page, base_url: str) -> None:
    path, outcome_id = next((p, o) for p, o in PATHS if len(p) >= 3)
    page.goto(base_url + "decide/")
    for question_id, answer_id in path:
        for _ in range(150):  # past the header, nav and table of contents
            page.keyboard.press("Tab")
            focused = page.evaluate(
                "() => [document.activeElement.dataset.answer || null,"
                " document.activeElement.closest('[data-question]')?.dataset.question || null]"
            )
            if focused == [answer_id, question_id]:
                break
        else:
            raise AssertionError(f"could not reach answer {answer_id!r} with Tab")
        page.keyboard.press("Enter")
        # Focus moves to the new heading, so the next Tab starts from the new question.
        expect(page.locator(".cr-flow__heading")).to_be_focused()
    expect_outcome(page, outcome_id)


def test_the_outcome_is_announced(page: Page, base_url: str) -> None:
    path, outcome_id = PATHS[0]
    page.goto(base_url + "decide/")
    for question_id, answer_id in path:
        answer(page, question_id, answer_id)
    outcome = FLOWCHART.node(outcome_id)
    assert not isinstance(outcome, Question)
    expect(page.locator(".cr-flow__live")).to_have_text(f"Recommendation: {outcome.title}")


def test_copy_the_decision_as_markdown(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    path, outcome_id = PATHS[0]
    query = "&".join(f"q-{q}={a}" for q, a in path)
    page.goto(f"{base_url}decide/?{query}")
    page.get_by_role("button", name="Copy this decision as Markdown").click()
    expect(page.locator(".cr-flow__copied")).to_contain_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    outcome = FLOWCHART.node(outcome_id)
    assert not isinstance(outcome, Question)
    assert copied.startswith(f"## Decision: {outcome.title}")
    first_question = FLOWCHART.node(path[0][0])
    assert isinstance(first_question, Question)
    assert f"| {first_question.text} |" in copied.replace("\\", "")
    assert page.url in copied
    # Criteria link to their sections: a comparison's, or the criteria page's.
    assert re.search(r"/(compare/[a-z0-9-]+|criteria)/#[a-z0-9-]+\)", copied), copied
    assert "checked 20" in copied
    context.close()


def test_copy_a_clean_link_to_the_decision(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    path, _ = PATHS[-1]
    query = "&".join(f"q-{q}={a}" for q, a in path)
    page.goto(f"{base_url}decide/?h=websocket&{query}")  # as when arriving from search
    page.get_by_role("button", name="Copy link to this decision").click()
    expect(page.locator(".cr-flow__copied")).to_have_text("Link copied.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == f"{base_url}decide/?{query}"
    context.close()


def test_printing_a_decision_prints_the_path_and_the_outcome(page: Page, base_url: str) -> None:
    path, outcome_id = PATHS[0]
    query = "&".join(f"q-{q}={a}" for q, a in path)
    page.goto(f"{base_url}decide/?{query}")
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    outcome = FLOWCHART.node(outcome_id)
    assert not isinstance(outcome, Question)
    expect(page.locator(".cr-flow__outcome h2")).to_be_visible()
    expect(page.locator(".cr-flow__outcome h2")).to_have_text(f"Recommendation: {outcome.title}")
    expect(page.locator(".cr-flow__path")).to_be_visible()
    expect(page.locator(".cr-flow__outcome .cr-sources li").first).to_be_visible()
    expect(page.locator(".cr-flow__outcome blockquote.cr-quote").first).to_be_visible()
    expect(page.locator(".cr-flow button").first).to_be_hidden()


@pytest.mark.parametrize(("width", "height"), [(360, 640), (390, 844), (1366, 768)])
def test_a_shared_decision_opens_at_the_recommendation(
    browser: Browser, base_url: str, width: int, height: int
) -> None:
    """A link to a decision opens scrolled to it: the answers taken just above the outcome."""
    page = browser.new_page(viewport={"width": width, "height": height})
    path, outcome_id = max(PATHS, key=lambda p: len(p[0]))
    page.goto(f"{base_url}decide/?{query_for(path)}")
    page.wait_for_load_state("load")
    answers = page.locator(".cr-flow__path")
    expect(answers).to_be_in_viewport()
    expect(page.locator(f'.cr-flow__outcome[data-outcome="{outcome_id}"] h2')).to_be_in_viewport()
    header = page.locator(".md-header").bounding_box()
    box = answers.bounding_box()
    assert header and box and header["height"] <= box["y"] < header["height"] + 40
    # The start of the flowchart still opens at the top of the page.
    page.goto(f"{base_url}decide/")
    assert page.evaluate("scrollY") == 0
    page.close()


def test_a_printed_decision_is_its_path_outcome_and_sources_on_two_pages(
    page: Page, base_url: str
) -> None:
    """Every decision prints on at most two pages: the overview tree, the other outcomes and
    the page's list of sources stay off paper; the outcome's sources and quotes are there."""
    page.emulate_media(media="print")  # as page.pdf() prints, unless told "screen"
    for path, outcome_id in PATHS:
        page.goto(f"{base_url}decide/?{query_for(path)}")
        expect(page.locator(f'.cr-flow__outcome[data-outcome="{outcome_id}"]')).to_be_attached()
        for hidden in (".cr-tree", "#outcomes", "#o-" + outcome_id, "ol.cr-references"):
            expect(page.locator(hidden)).to_be_hidden()
        expect(page.locator(".cr-flow__path")).to_be_visible()
        expect(page.locator(".cr-flow__outcome blockquote.cr-quote").first).to_be_visible()
        pages = pdf_pages(page.pdf(format="A4"))
        assert pages <= 2, f"{outcome_id}: {pages} pages"


def query_for(path: list[Step]) -> str:
    return "&".join(f"q-{q}={a}" for q, a in path)


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF Chromium printed: the /Count of its root page tree, the largest."""
    counts = re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)
    assert counts, "no page tree found"
    return max(int(c) for c in counts)


def test_without_javascript_the_whole_tree_is_there(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "decide/")
    expect(page.locator("#cr-flow")).to_be_hidden()
    for question in FLOWCHART.questions:
        expect(page.locator(f"#q-{question.id}")).to_have_count(1)
        for answer_ in question.answers:
            target = (
                f"#q-{answer_.next}"
                if isinstance(FLOWCHART.node(answer_.next), Question)
                else f"#o-{answer_.next}"
            )
            expect(page.locator(f'a[href="{target}"]').first).to_be_attached()
    for outcome in FLOWCHART.outcomes:
        expect(page.locator(f"#o-{outcome.id}")).to_have_count(1)
    page.goto(base_url + f"decide/#q-{FLOWCHART.questions[-1].id}")
    expect(page.locator(f"#q-{FLOWCHART.questions[-1].id}")).to_be_in_viewport()
    context.close()
