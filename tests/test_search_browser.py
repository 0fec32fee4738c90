"""Readers type questions into the search box; the first result opens the section that
answers it. Typed in Chromium, on this guide, on a new guide and on a build without hooks.

The questions come from each guide's data, so a new technology, criterion or use case
brings its own: how readers ask about a criterion (its ``asks``), a technology by name, a
name with a typo, a comparison, a use case, a flowchart outcome, a claim of a reviewed
article, something the guide says it does not cover, and words it has no answer to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from crossroads.anchors import Anchors
from crossroads.guide import Guide
from crossroads.paths import OUTCOME_PREFIX
from crossroads.scaffold import new_guide
from crossroads.search.words import STOP_WORDS, tokens
from crossroads.validation import load_guide
from tests.browser import ask, serve_directory, typo, url
from tests.conftest import Build, run_build, search_records

MIN_QUESTIONS = 40


@dataclass(frozen=True)
class Question:
    text: str
    answer: str  # the URL (from the site root) of the section that answers it
    # Sections that answer it as well (two outcomes may share a title).
    also: tuple[str, ...] = ()


def questions(guide: Guide) -> list[Question]:
    """Questions a reader might type, each with the section that answers it, from data."""
    found: list[Question] = []
    for technology in guide.technologies.values():
        name = technology.name
        for criterion in guide.criteria:
            if criterion.id not in technology.assessments:
                continue
            answer = url("technology", technology.id, criterion.id)
            phrased = next((a for a in criterion.asks if " it" in f" {a}"), None)
            if phrased:  # "Does it support async?" -> "Does Flask support async?"
                found.append(Question(f" {phrased}".replace(" it", f" {name}", 1)[1:], answer))
            else:  # keywords, as readers also type
                found.append(Question(f"{name} {criterion.name}", answer))
        first = next(iter(technology.assessments))
        found.append(
            Question(
                f"{typo(name)} {guide.criterion(first).name}",
                url("technology", technology.id, first),
            )
        )
        found.append(Question(name, url("technology", technology.id)))
    for comparison in guide.comparisons:
        names = [guide.technologies[t].name for t in comparison.technologies]
        found.append(Question(" vs ".join(names), url("comparison", comparison.id)))
    for use_case in guide.use_cases.values():
        found.append(Question(use_case.title, url("use-case", use_case.id)))
    if guide.flowchart is not None:
        pages = {t.name.casefold(): url("technology", t.id) for t in guide.technologies.values()}
        outcomes = guide.flowchart.outcomes
        for outcome in outcomes:
            same = [
                url("decide", None, OUTCOME_PREFIX + o.id)
                for o in outcomes
                if o.title == outcome.title
            ]
            # An outcome titled with a technology's bare name ("Ruby on Rails"): that name
            # opens the technology's page (asked above), which answers it as well.
            named = pages.get(outcome.title.casefold())
            same += [named] if named else []
            found.append(Question(outcome.title, same[0], tuple(same[1:])))
    for article in guide.articles.values():
        for claim in article.claims[:3]:
            # A reader checking a sentence of the article pastes it.
            found.append(Question(claim.quote, url("article", article.id, claim.id)))
    return found


@dataclass(frozen=True)
class Served:
    guide: Guide
    url: str


@pytest.fixture(
    scope="module", params=["this guide", "a new guide", "generate, plain MkDocs, finish"]
)
def served(
    request: pytest.FixtureRequest,
    site: Build,
    new_guide_site: Build,
    plain_site: tuple[Build, Anchors],
) -> Iterator[Served]:
    build = {
        "this guide": site,
        "a new guide": new_guide_site,
        "generate, plain MkDocs, finish": plain_site[0],
    }[request.param]
    project = site.project if request.param.startswith("generate") else build.project
    guide = load_guide(project / "data", dt.date.today())
    with serve_directory(build.site) as url:
        yield Served(guide, url)


@pytest.fixture
def searching(browser: Browser, served: Served) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(served.url + url("sources"))
    yield page
    context.close()


def test_this_guide_has_enough_questions(site: Build) -> None:
    guide = load_guide(site.project / "data", dt.date.today())
    assert len(questions(guide)) >= MIN_QUESTIONS


def test_each_question_opens_the_section_that_answers_it(searching: Page, served: Served) -> None:
    wrong = []
    for question in questions(served.guide):
        answer = ask(searching, question.text)
        first = answer.results[0] if answer.results else f"nothing ({answer.status})"
        if first not in (question.answer, *question.also):
            wrong.append(f"{question.text!r} opened {first}, not {question.answer}")
    assert not wrong, "\n".join(wrong)


def test_the_first_result_opens_at_its_section(searching: Page, served: Served) -> None:
    question = questions(served.guide)[0]
    ask(searching, question.text)
    searching.keyboard.press("Enter")
    searching.wait_for_url(f"**/{question.answer}")
    anchor = question.answer.split("#", 1)[1]
    assert searching.locator(f"[id='{anchor}']").is_visible()


def test_what_the_guide_does_not_cover_is_said_so(searching: Page, served: Served) -> None:
    first = next(iter(served.guide.technologies.values())).name
    for entry in served.guide.info.not_covered:
        answer = ask(searching, f"{first} vs {entry.words[0]}")
        assert f"does not cover {entry.name}" in answer.notice, answer.notice


def test_words_the_guide_has_no_answer_to_open_nothing(searching: Page) -> None:
    answer = ask(searching, "how to bake sourdough bread")
    assert answer.results == []
    assert "has no answer" in answer.notice


def test_search_works_across_materials_instant_navigation(tmp_path: Path, browser: Browser) -> None:
    """With navigation.instant, Material swaps pages without reloading scripts: the search
    button stays single, a result opens its section, and the next page searches too."""
    project = tmp_path / "guide"
    new_guide(project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  features:\n", "  features:\n    - navigation.instant\n")
    )
    built = run_build(project, tmp_path / "site")
    assert built.returncode == 0, built.output
    guide = load_guide(project / "data", dt.date.today())
    first, second = questions(guide)[:2]
    with serve_directory(built.site) as url:
        page = browser.new_page()
        page.goto(url)
        ask(page, first.text)
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/{first.answer}")
        assert page.locator(".cr-search-button").count() == 1
        page.keyboard.press("Escape")
        page.keyboard.press("/")
        expect(page.locator("dialog.cr-search[open]")).to_be_visible()
        assert ask(page, second.text).results[0] == second.answer
        page.close()


def test_the_browser_splits_words_as_the_index_does(page: Page, base_url: str, site: Build) -> None:
    """search-ui.js repeats crossroads/search/words.py: the same text, the same words."""
    page.goto(base_url)
    page.locator(".cr-search-button").click()
    expect(page.locator("dialog.cr-search[open]")).to_be_visible()
    samples = [
        "Which is fastest? Is the Node.js event loop single-threaded?",
        "Sebasti\u00e1n\u2019s \u201cFastAPI\u201d caf\u00e9: Python 3.11+, C++ and C#",
        "asp.net, O'Reilly's, don\u2019t",
        "Supported, supports, supporting; processes, libraries, queries, WebSockets",
    ]
    samples += [r["x"] for r in list(search_records(site.site).values())[:40]]
    stop = dict.fromkeys(STOP_WORDS, True)
    for text in samples:
        assert page.evaluate("([t, s]) => crossroadsSearch.tokens(t, s)", [text, stop]) == tokens(
            text
        ), text
