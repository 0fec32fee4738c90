"""Load every file under ``data/``, validate it against :mod:`crossroads.model`, cross-check ids.

All problems in all files are collected before anything is raised, so one build
tells an author everything there is to fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from crossroads.errors import DataError, DataProblem
from crossroads.graph import check_flowchart
from crossroads.loading import Location, YamlDocument, load_yaml
from crossroads.model import (
    ClaimsFile,
    ComparisonsFile,
    CriteriaFile,
    Flowchart,
    Guide,
    Moves,
    SourcesFile,
    StatementsFile,
    Technology,
    UseCase,
)
from crossroads.schema import Invalid, parse

STALE_AFTER = dt.timedelta(days=365)

ModelT = TypeVar("ModelT")


class _Collector:
    """Accumulates problems across files instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[DataProblem] = []

    def load(self, path: Path) -> YamlDocument | None:
        if not path.is_file():
            self.problems.append(
                DataProblem(path.as_posix(), 1, "", "required data file is missing")
            )
            return None
        try:
            return load_yaml(path)
        except DataError as exc:
            self.problems.extend(exc.problems)
            return None

    def parse(self, document: YamlDocument | None, model: type[ModelT]) -> ModelT | None:
        if document is None:
            return None
        try:
            return parse(model, document.data)
        except Invalid as exc:
            self.problems.extend(document.problem(p.location, p.message) for p in exc.problems)
            return None


OneItemT = TypeVar("OneItemT", Technology, UseCase)


def _folder(
    collect: _Collector, folder: Path, model: type[OneItemT]
) -> tuple[list[Path], dict[str, YamlDocument], dict[str, OneItemT]]:
    """Load one-item-per-file data (``<folder>/<id>.yml``); the id must match the file name."""
    paths = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    documents: dict[str, YamlDocument] = {}
    items: dict[str, OneItemT] = {}
    for path in paths:
        document = collect.load(path)
        item = collect.parse(document, model)
        if document is None or item is None:
            continue
        if item.id != path.stem:
            message = f"id {item.id!r} must match the file name {path.stem!r}"
            collect.problems.append(document.problem(("id",), message))
            continue
        documents[item.id] = document
        items[item.id] = item
    return paths, documents, items


def load_guide(data_dir: Path, today: dt.date) -> Guide:
    """Read and validate the whole guide under ``data_dir``; raise :class:`DataError` if invalid."""
    collect = _Collector()
    docs = {
        name: collect.load(data_dir / f"{name}.yml")
        for name in ("sources", "criteria", "comparisons", "statements", "claims")
    }
    sources_file = collect.parse(docs["sources"], SourcesFile)
    criteria_file = collect.parse(docs["criteria"], CriteriaFile)
    comparisons_file = collect.parse(docs["comparisons"], ComparisonsFile)
    statements_file = collect.parse(docs["statements"], StatementsFile)
    claims_file = collect.parse(docs["claims"], ClaimsFile)

    tech_paths, technology_docs, technologies = _folder(
        collect, data_dir / "technologies", Technology
    )
    if not tech_paths:
        collect.problems.append(
            DataProblem((data_dir / "technologies").as_posix(), 1, "", "no technology files found")
        )
    technologies = dict(sorted(technologies.items(), key=lambda item: item[1].name.lower()))
    use_case_paths, use_case_docs, use_cases = _folder(collect, data_dir / "use-cases", UseCase)
    use_cases = dict(sorted(use_cases.items(), key=lambda item: item[1].title.lower()))

    moves_doc = collect.load(data_dir / "moved.yml")
    moves = collect.parse(moves_doc, Moves)

    flowchart_doc = collect.load(data_dir / "flowchart.yml")
    flowchart = collect.parse(flowchart_doc, Flowchart)

    problems = collect.problems
    # Cross-checks run on whatever parsed, so one build reports problems in every file; a
    # reference into a file that failed to parse is not checked (its ids are unknown).
    source_ids = {s.id for s in sources_file.sources} if sources_file else None
    criterion_ids = {c.id for c in criteria_file.criteria} if criteria_file else None
    # A technology file that failed to parse still names its technology: do not also report
    # every reference to it as unknown.
    technology_ids = set(technologies) | {path.stem for path in tech_paths}

    def refs(
        document: YamlDocument,
        location: Location,
        ids: Iterable[str],
        known: set[str] | None,
        kind: str,
    ) -> None:
        if known is None:
            return
        for position, ref in enumerate(ids):
            if ref not in known:
                problems.append(document.problem((*location, position), f"unknown {kind} {ref!r}"))

    def ref_one(
        document: YamlDocument, location: Location, ref: str, known: set[str] | None, kind: str
    ) -> None:
        if known is not None and ref not in known:
            problems.append(document.problem(location, f"unknown {kind} {ref!r}"))

    if sources_file and (doc := docs["sources"]):
        problems += _duplicates(doc, "sources", [s.id for s in sources_file.sources])
        for index, source in enumerate(sources_file.sources):
            if source.checked > today:
                problems.append(doc.problem(("sources", index, "checked"), "date is in the future"))

    if criteria_file and (doc := docs["criteria"]):
        problems += _duplicates(doc, "criteria", [c.id for c in criteria_file.criteria])

    for tech_id, technology in technologies.items():
        doc = technology_docs[tech_id]
        refs(doc, ("summary", "sources"), technology.summary.sources, source_ids, "source")
        for criterion_id, assessment in technology.assessments.items():
            if criterion_ids is not None and criterion_id not in criterion_ids:
                problems.append(
                    doc.problem(
                        ("assessments", criterion_id), f"unknown criterion {criterion_id!r}"
                    )
                )
            where: Location = ("assessments", criterion_id, "sources")
            refs(doc, where, assessment.sources, source_ids, "source")

    if comparisons_file and (doc := docs["comparisons"]):
        problems += _duplicates(doc, "comparisons", [c.id for c in comparisons_file.comparisons])
        for index, comparison in enumerate(comparisons_file.comparisons):
            where = ("comparisons", index)
            refs(
                doc, (*where, "technologies"), comparison.technologies, technology_ids, "technology"
            )
            if len(set(comparison.technologies)) != len(comparison.technologies):
                problems.append(
                    doc.problem((*where, "technologies"), "a technology is listed twice")
                )
            if comparison.summary is not None:
                summary_sources = comparison.summary.sources
                refs(doc, (*where, "summary", "sources"), summary_sources, source_ids, "source")

    if statements_file and (doc := docs["statements"]):
        problems += _duplicates(doc, "statements", [s.id for s in statements_file.statements])
        for index, statement in enumerate(statements_file.statements):
            where = ("statements", index)
            refs(
                doc, (*where, "technologies"), statement.technologies, technology_ids, "technology"
            )
            refs(doc, (*where, "criteria"), statement.criteria, criterion_ids, "criterion")
            refs(doc, (*where, "sources"), statement.sources, source_ids, "source")

    use_case_ids = set(use_cases) | {path.stem for path in use_case_paths}
    claim_ids = {c.id for c in claims_file.claims} if claims_file else None
    for use_case_id, use_case in use_cases.items():
        doc = use_case_docs[use_case_id]
        for index, need in enumerate(use_case.needs):
            ref_one(doc, ("needs", index, "criterion"), need.criterion, criterion_ids, "criterion")
        recommended = [r.technology for r in use_case.recommendations]
        for index, recommendation in enumerate(use_case.recommendations):
            where = ("recommendations", index)
            tech_ref = recommendation.technology
            ref_one(doc, (*where, "technology"), tech_ref, technology_ids, "technology")
            refs(doc, (*where, "sources"), recommendation.sources, source_ids, "source")
            if recommended.index(recommendation.technology) != index:
                problems.append(
                    doc.problem(
                        (*where, "technology"),
                        f"technology {recommendation.technology!r} is recommended twice",
                    )
                )
        for index, caveat in enumerate(use_case.caveats):
            refs(doc, ("caveats", index, "sources"), caveat.sources, source_ids, "source")
        refs(doc, ("related",), use_case.related, use_case_ids - {use_case_id}, "use case")
        refs(doc, ("claims",), use_case.claims, claim_ids, "claim")

    if flowchart and flowchart_doc:
        problems += check_flowchart(flowchart, flowchart_doc)
        for index, outcome in enumerate(flowchart.outcomes):
            where = ("outcomes", index)
            if outcome.technology is not None:
                ref_one(
                    flowchart_doc,
                    (*where, "technology"),
                    outcome.technology,
                    technology_ids,
                    "technology",
                )
            ref_one(flowchart_doc, (*where, "use_case"), outcome.use_case, use_case_ids, "use case")
            refs(flowchart_doc, (*where, "criteria"), outcome.criteria, criterion_ids, "criterion")
            refs(flowchart_doc, (*where, "sources"), outcome.sources, source_ids, "source")

    if claims_file and (doc := docs["claims"]):
        problems += _duplicates(doc, "claims", [c.id for c in claims_file.claims])
        for index, claim in enumerate(claims_file.claims):
            where = ("claims", index)
            refs(doc, (*where, "criteria"), claim.criteria, criterion_ids, "criterion")
            refs(doc, (*where, "sources"), claim.sources, source_ids, "source")

    if problems:
        raise DataError(problems)
    assert sources_file and criteria_file and comparisons_file and statements_file and claims_file
    assert flowchart and flowchart_doc and moves
    sources_doc, criteria_doc = docs["sources"], docs["criteria"]
    comparisons_doc, statements_doc, claims_doc = (
        docs["comparisons"],
        docs["statements"],
        docs["claims"],
    )
    assert sources_doc and criteria_doc and comparisons_doc and statements_doc and claims_doc

    origins = {f"technology:{tid}": technology_docs[tid].name for tid in technologies}
    origins.update({f"use-case:{uid}": use_case_docs[uid].name for uid in use_cases})
    origins["flowchart"] = flowchart_doc.name
    origins.update(
        {
            "sources": sources_doc.name,
            "criteria": criteria_doc.name,
            "comparisons": comparisons_doc.name,
            "statements": statements_doc.name,
            "claims": claims_doc.name,
        }
    )
    return Guide(
        sources={s.id: s for s in sources_file.sources},
        criteria=list(criteria_file.criteria),
        technologies=technologies,
        comparisons=list(comparisons_file.comparisons),
        statements=list(statements_file.statements),
        article=claims_file.article,
        claims=list(claims_file.claims),
        use_cases=use_cases,
        flowchart=flowchart,
        moves=moves,
        origins=origins,
    )


def _duplicates(document: YamlDocument, key: str, ids: list[str]) -> list[DataProblem]:
    first_seen: dict[str, int] = {}
    problems = []
    for index, item_id in enumerate(ids):
        if item_id in first_seen:
            first_line = document.line_of((key, first_seen[item_id], "id"))
            problems.append(
                document.problem(
                    (key, index, "id"),
                    f"duplicate id {item_id!r} (first used at line {first_line})",
                )
            )
        else:
            first_seen[item_id] = index
    return problems


def stale_sources(guide: Guide, today: dt.date) -> list[tuple[str, dt.date]]:
    """Sources checked more than a year before ``today``, oldest first."""
    stale = [(s.id, s.checked) for s in guide.sources.values() if today - s.checked > STALE_AFTER]
    return sorted(stale, key=lambda item: (item[1], item[0]))
