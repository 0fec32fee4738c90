"""What the page scripts read: the JSON each script finds in its page, with declared shapes.

Each payload is plain text for the script to insert as text (never HTML), except a grade:
the badge :mod:`crossroads.grades` renders (its word escaped there), so a grade looks the
same in a script-made view as on every page and is decided in one place. The TypedDicts
say exactly what the scripts rely on, including the order of the compare-any table's
columns, so a change on one side shows on the other.
"""

from __future__ import annotations

from typing import TypedDict

from crossroads import paths
from crossroads.grades import badge
from crossroads.guide import Guide
from crossroads.model import Assessment, Outcome
from crossroads.words import verdict_text


class Words(TypedDict):
    one: str
    many: str


class Named(TypedDict):
    id: str
    name: str


class Cell(TypedDict):
    verdict: str
    reason: str


class PickerData(TypedDict):
    words: Words
    technologies: list[Named]
    columns: list[str]  # the technology of each table column after the first, in order
    criteria: list[Named]
    cells: dict[str, dict[str, Cell]]


class AnswerData(TypedDict):
    id: str
    label: str
    next: str


class QuestionData(TypedDict):
    text: str
    help: str | None
    answers: list[AnswerData]


class Link(TypedDict):
    title: str
    url: str


class CriterionLink(TypedDict):
    name: str
    url: str


class SourceData(TypedDict):
    title: str
    publisher: str
    url: str
    checked: str
    quote: str


class OutcomeData(TypedDict):
    title: str
    technology: str | None
    reason: str
    useCase: Link | None
    fit: str | None  # the technology's grade for the use case: badge HTML, or None
    criteria: list[CriterionLink]
    sources: list[SourceData]


class FlowData(TypedDict):
    words: Words
    start: str
    questionPrefix: str
    questions: dict[str, QuestionData]
    outcomes: dict[str, OutcomeData]


def _words(guide: Guide) -> Words:
    return {"one": guide.info.item.one, "many": guide.info.item.many}


def picker_data(guide: Guide) -> PickerData:
    """The compare-any table's ids, in column and row order, and each cell as plain text."""
    return {
        "words": _words(guide),
        "technologies": [{"id": t.id, "name": t.name} for t in guide.technologies.values()],
        # The table is rendered from guide.technologies too; saying so here keeps the
        # script from assuming it.
        "columns": list(guide.technologies),
        "criteria": [{"id": c.id, "name": c.name} for c in guide.criteria],
        "cells": {
            t: {c.id: _cell(guide.assessment(t, c.id)) for c in guide.criteria}
            for t in guide.technologies
        },
    }


def _cell(assessment: Assessment) -> Cell:
    """A cell as copied text: a "depends" says what decides it and what to check, as shown."""
    reason = assessment.reason or ""
    if assessment.decided_by is not None and assessment.check is not None:
        reason += f" What decides it: {assessment.decided_by} What to check: {assessment.check}"
    return {"verdict": verdict_text(assessment), "reason": reason.strip()}


def criterion_page(guide: Guide, technology_ids: list[str]) -> tuple[paths.PageKind, str | None]:
    """Where a criterion is best read for these technologies (its section there): the first
    comparison that covers them all, which holds the reasoning and sources, else the
    criteria page. A page kind and id for the registry."""
    wanted = set(technology_ids)
    for comparison in guide.comparisons:
        if wanted <= set(comparison.technologies):
            return "comparison", comparison.id
    return "criteria", None


def _fit(guide: Guide, outcome: Outcome) -> str | None:
    """How the outcome's technology fits its use case, as the badge pages show, where the
    outcome names both and the use case grades that technology."""
    if not (outcome.use_case and outcome.technology):
        return None
    found = guide.recommendation(outcome.use_case, outcome.technology)
    return str(badge("fit", found.fit)) if found is not None else None


def _outcome(guide: Guide, outcome: Outcome) -> OutcomeData:
    everyone = list(guide.technologies)
    use_case = guide.use_cases[outcome.use_case] if outcome.use_case else None
    return {
        "title": outcome.title,
        "technology": guide.technologies[outcome.technology].name if outcome.technology else None,
        "reason": outcome.reason,
        "useCase": {
            "title": use_case.title,
            "url": paths.url_for("use-case", use_case.id, from_kind="decide"),
        }
        if use_case
        else None,
        "fit": _fit(guide, outcome),
        "criteria": [
            {
                "name": guide.criterion(c).name,
                "url": paths.url_for(*criterion_page(guide, everyone), c, from_kind="decide"),
            }
            for c in outcome.criteria
        ],
        "sources": [
            {
                "title": guide.sources[s].title,
                "publisher": guide.sources[s].publisher,
                "url": guide.sources[s].url,
                "checked": guide.sources[s].checked.isoformat(),
                "quote": quote,
            }
            for s, quote in outcome.sources.items()
        ],
    }


def flowchart_data(guide: Guide) -> FlowData:
    """What the flowchart script needs; every value is text the script inserts as text."""
    flowchart = guide.flowchart
    assert flowchart is not None
    return {
        "words": _words(guide),
        "start": flowchart.start,
        "questionPrefix": paths.QUESTION_PREFIX,
        "questions": {
            q.id: {
                "text": q.text,
                "help": q.help,
                "answers": [{"id": a.id, "label": a.label, "next": a.next} for a in q.answers],
            }
            for q in flowchart.questions
        },
        "outcomes": {o.id: _outcome(guide, o) for o in flowchart.outcomes},
    }
