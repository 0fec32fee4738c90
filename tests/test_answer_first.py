"""Answer first, in the built HTML: each page opens with its bottom line, every grade is an
icon, a colour class and its word with a key, and a "depends" says on what.

Expectations come from the data (every comparison, technology, use case, depends cell and
claim the guide has), so they hold as the guide grows.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from bs4 import BeautifulSoup, Tag

from crossroads.grades import GRADES, GradeKind
from crossroads.guide import Guide
from crossroads.model import BottomLine, Cited
from crossroads.paths import OUTCOME_PREFIX
from crossroads.validation import load_guide
from tests.conftest import Build


@pytest.fixture(scope="module")
def guide(site: Build) -> Guide:
    return load_guide(site.project / "data", dt.date.today())


def words(element: Tag | str) -> str:
    text = element if isinstance(element, str) else element.get_text()
    return " ".join(text.split())


def content(page: BeautifulSoup) -> Tag:
    article = page.select_one("article")
    assert article is not None
    return article


def pages_with_bottom_lines(guide: Guide) -> list[tuple[str, BottomLine, Cited | None]]:
    """(page path, its bottom line, the summary it opens) for everything that has one."""
    found: list[tuple[str, BottomLine, Cited | None]] = []
    for c in guide.comparisons:
        if c.bottom_line:
            found.append((f"compare/{c.id}/", c.bottom_line, c.summary))
    for t in guide.technologies.values():
        if t.bottom_line:
            found.append((f"technologies/{t.id}/", t.bottom_line, t.summary))
    for u in guide.use_cases.values():
        if u.bottom_line:
            found.append((f"use-cases/{u.id}/", u.bottom_line, None))
    return found


def test_this_guide_has_a_bottom_line_for_every_comparison(guide: Guide) -> None:
    assert guide.comparisons
    assert [c.id for c in guide.comparisons if c.bottom_line is None] == []


def test_each_page_opens_with_its_bottom_line_before_the_summary_it_folds(
    site: Build, guide: Guide
) -> None:
    found = pages_with_bottom_lines(guide)
    assert len(found) >= len(guide.comparisons)
    for path, bottom_line, summary in found:
        article = content(site.page(path))
        line = article.select_one("p.cr-bottom-line")
        assert line is not None, path
        assert words(bottom_line.text) in words(line), path
        markers = line.select(".cr-cite a")
        assert len(markers) == len(bottom_line.sources), path
        # Nothing but the title (with the date it changed, once the guide has a history) and
        # a technology's one-line kind comes before it.
        before = [
            e
            for e in line.find_previous_siblings()
            if e.name != "h1" and "cr-changed" not in (e.get("class") or [])
        ]
        assert len(before) <= 1 and all(e.name == "p" for e in before), path
        glance = article.find(id="at-a-glance")
        if glance is not None:
            assert line in glance.find_all_previous("p"), path
        if summary is not None:
            folded = line.find_next_sibling()
            assert folded is not None and "cr-summary" in (folded.get("class") or []), path
            assert "cr-detail" in (folded.get("class") or []), path
            first_paragraph = re.split(r"\n\s*", summary.text.strip())[0]
            assert words(first_paragraph) in words(folded), path
            assert line.select_one("button.cr-detail-toggle") is not None, path


def grade_value(badge: Tag) -> tuple[GradeKind, str]:
    """(kind, value) of a badge, read from its classes."""
    classes: list[str] = list(badge.get("class") or [])
    prefixes: dict[GradeKind, str] = {
        "fit": "cr-fit--",
        "status": "cr-verdict--",
        "claim": "cr-claim-verdict--",
    }
    for kind, prefix in prefixes.items():
        for name in classes:
            if name.startswith(prefix):
                return kind, name.removeprefix(prefix)
    raise AssertionError(f"a grade without a kind class: {badge}")


def test_every_grade_on_every_page_is_an_icon_a_tone_and_its_word(site: Build) -> None:
    seen: set[tuple[GradeKind, str]] = set()
    for html, page in site.pages():
        for badge in page.select(".cr-grade"):
            kind, value = grade_value(badge)
            grade = GRADES[kind][value]
            icons = badge.select("svg")
            assert len(icons) == 1 and icons[0].get("aria-hidden") == "true", html
            assert icons[0].select_one("path[d]") is not None
            assert f"cr-grade--{grade.tone}" in (badge.get("class") or [])
            assert words(badge) == grade.word, html
            seen.add((kind, value))
    assert {"fit", "status", "claim"} <= {kind for kind, _ in seen}


def test_each_page_has_a_key_to_the_grades_it_shows(site: Build) -> None:
    checked = 0
    for html, page in site.pages():
        article = page.select_one("article")
        if article is None:
            continue
        in_key = {grade_value(b) for b in article.select(".cr-legend .cr-grade")}
        grades = article.select(".cr-grade")
        shown = {grade_value(b) for b in grades if not b.find_parent(class_="cr-legend")}
        assert shown <= in_key, f"{html}: no key for {sorted(shown - in_key)}"
        for key in article.select(".cr-legend"):
            assert key.has_attr("data-search-exclude")
        checked += bool(shown)
    assert checked > 5


def test_each_use_case_fit_and_claim_verdict_shows_as_its_grade(site: Build, guide: Guide) -> None:
    for u in guide.use_cases.values():
        page = content(site.page(f"use-cases/{u.id}/"))
        for r in u.recommendations:
            heading = page.find(id=f"fit-{r.technology}")
            assert heading is not None
            assert heading.select_one(f".cr-fit--{r.fit} svg") is not None, (u.id, r.technology)
            technology = content(site.page(f"technologies/{r.technology}/"))
            assert technology.select_one(f"a[href*='{u.id}'] ~ .cr-fit--{r.fit}") is not None
    for article in guide.articles.values():
        page = content(site.page(f"articles/{article.id}/"))
        for claim in article.claims:
            heading = page.find(id=claim.id)
            assert heading is not None
            assert heading.select_one(f".cr-claim-verdict--{claim.verdict} svg") is not None


def test_each_flowchart_outcome_shows_its_fit_for_its_use_case(site: Build, guide: Guide) -> None:
    if guide.flowchart is None:
        pytest.skip("no flowchart")
    page = content(site.page("decide/"))
    shown = 0
    for outcome in guide.flowchart.outcomes:
        heading = page.find(id=f"{OUTCOME_PREFIX}{outcome.id}")
        assert heading is not None
        block = heading.find_next_sibling(class_="cr-outcome")
        assert block is not None
        fit = None
        if outcome.use_case and outcome.technology:
            fit = guide.recommendation(outcome.use_case, outcome.technology)
        if fit is None:
            assert block.select_one(".cr-fit") is None
        else:
            assert block.select_one(f".cr-fit--{fit.fit} svg") is not None, outcome.id
            shown += 1
    assert shown > 0


def depends_cells(guide: Guide) -> list[tuple[str, str]]:
    return [
        (t.id, c)
        for t in guide.technologies.values()
        for c, a in t.assessments.items()
        if a.status == "depends"
    ]


def test_a_depends_says_what_decides_it_and_what_to_check_wherever_it_shows(
    site: Build, guide: Guide
) -> None:
    cells = depends_cells(guide)
    assert cells
    for technology_id, criterion_id in cells:
        a = guide.assessment(technology_id, criterion_id)
        assert a.decided_by and a.check
        wanted = [
            f"What decides it: {words(a.decided_by)}",
            f"What to check: {words(a.check)}",
        ]
        page = content(site.page(f"technologies/{technology_id}/"))
        heading = page.find(id=criterion_id)
        assert heading is not None
        section = heading.find_next_sibling("p")
        assert section is not None and section.select_one(".cr-verdict--depends svg")
        assert all(w in words(section) for w in wanted), (technology_id, criterion_id)
        for c in guide.comparisons:
            if technology_id not in c.technologies:
                continue
            compared = content(site.page(f"compare/{c.id}/"))
            # The table says what decides it; its section says that and what to check.
            assert wanted[0] in words(compared.select_one(".cr-glance table") or "")
            heading = compared.find(id=criterion_id)
            assert heading is not None
            name = guide.technologies[technology_id].name
            blocks = heading.find_next_siblings(class_="cr-assessment", limit=len(c.technologies))
            block = next(b for b in blocks if words(b).startswith(f"{name}: Depends"))
            assert all(w in words(block) for w in wanted), (c.id, technology_id, criterion_id)


def test_compare_any_copies_say_what_a_depends_depends_on(site: Build, guide: Guide) -> None:
    page = site.page("compare/")
    script = page.find(id="cr-picker-data")
    assert script is not None
    cells = json.loads(script.get_text())["cells"]
    for technology_id, criterion_id in depends_cells(guide):
        a = guide.assessment(technology_id, criterion_id)
        cell = cells[technology_id][criterion_id]
        assert cell["verdict"] == "Depends"
        assert f"What decides it: {a.decided_by}" in cell["reason"]
        assert f"What to check: {a.check}" in cell["reason"]
