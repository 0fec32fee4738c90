"""Step four of loading a guide, *check rules*: the few rules about meaning rather than shape
or ids, each a small function of one parsed file.

Shapes are the schema's (:mod:`crossroads.schema`), ids the index's
(:mod:`crossroads.id_index`); what is left is here, looked up by the file's model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from crossroads.data_files import DataFile
from crossroads.errors import DataProblem
from crossroads.graph import check_flowchart
from crossroads.loading import YamlDocument
from crossroads.model import (
    ComparisonsFile,
    Flowchart,
    GuideInfo,
    SourcesFile,
    Technology,
    UseCase,
)

Rule = Callable[[Any, YamlDocument, dt.date], list[DataProblem]]


def _no_future_dates(sources: SourcesFile, doc: YamlDocument, today: dt.date) -> list[DataProblem]:
    return [
        doc.problem(("sources", index, "checked"), "date is in the future")
        for index, source in enumerate(sources.sources)
        if source.checked > today
    ]


def _each_technology_once(
    comparisons: ComparisonsFile, doc: YamlDocument, today: dt.date
) -> list[DataProblem]:
    return [
        doc.problem(("comparisons", index, "technologies"), "a technology is listed twice")
        for index, comparison in enumerate(comparisons.comparisons)
        if len(set(comparison.technologies)) != len(comparison.technologies)
    ]


def _each_recommendation_once(
    use_case: UseCase, doc: YamlDocument, today: dt.date
) -> list[DataProblem]:
    recommended = [r.technology for r in use_case.recommendations]
    return [
        doc.problem(
            ("recommendations", index, "technology"),
            f"technology {technology!r} is recommended twice",
        )
        for index, technology in enumerate(recommended)
        if recommended.index(technology) != index
    ]


def _not_related_to_itself(
    use_case: UseCase, doc: YamlDocument, today: dt.date
) -> list[DataProblem]:
    return [
        doc.problem(("related", index), "a use case is not related to itself")
        for index, related in enumerate(use_case.related)
        if related == use_case.id
    ]


def _flowchart(flowchart: Flowchart, doc: YamlDocument, today: dt.date) -> list[DataProblem]:
    return check_flowchart(flowchart, doc)


RULES: dict[type[Any], list[Rule]] = {
    SourcesFile: [_no_future_dates],
    ComparisonsFile: [_each_technology_once],
    UseCase: [_each_recommendation_once, _not_related_to_itself],
    Flowchart: [_flowchart],
}


def _not_covered_is_not_compared(files: list[DataFile]) -> list[DataProblem]:
    """Search tells readers the guide does not cover what ``not_covered`` names: that must
    not be a technology the guide compares (as it becomes when someone adds it)."""
    names: dict[str, str] = {}
    for file in files:
        if isinstance(file.value, Technology):
            names[file.value.id] = names[file.value.name.lower()] = file.value.name
    problems = []
    for file in files:
        if not isinstance(file.value, GuideInfo) or file.document is None:
            continue
        for index, entry in enumerate(file.value.not_covered):
            compared = names.get(entry.name.lower()) or next(
                (names[w.lower()] for w in entry.words if w.lower() in names), None
            )
            if compared:
                problems.append(
                    file.document.problem(
                        ("not_covered", index),
                        f"the guide compares {compared} now: remove {entry.name!r} from "
                        "not_covered, or search tells readers it is not covered",
                    )
                )
    return problems


# Rules that join several files.
GUIDE_RULES: list[Callable[[list[DataFile]], list[DataProblem]]] = [_not_covered_is_not_compared]


def rule_problems(files: list[DataFile], today: dt.date) -> list[DataProblem]:
    """What every parsed file's rules find, and the rules that join files."""
    problems: list[DataProblem] = []
    for file in files:
        if file.value is not None and file.document is not None:
            for rule in RULES.get(file.model, []):
                problems += rule(file.value, file.document, today)
    for guide_rule in GUIDE_RULES:
        problems += guide_rule(files)
    return problems
