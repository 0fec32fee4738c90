"""Load every file under ``data/``, validate it against :mod:`crossroads.model`, cross-check ids.

All problems in all files are collected before anything is raised, so one build
tells an author everything there is to fix. Which files the guide reads is decided here
once (:data:`SINGLE_FILES`, :data:`FOLDERS`); any other YAML or JSON file under ``data/``
(but the editors' JSON Schemas in ``data/schemas/``) is an error, so a misspelt name is
never silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from crossroads.errors import DataError, DataProblem, display_path
from crossroads.graph import check_flowchart
from crossroads.loading import Location, YamlDocument, load_yaml
from crossroads.model import (
    Article,
    ComparisonsFile,
    CriteriaFile,
    Flowchart,
    Guide,
    GuideInfo,
    Moves,
    SourcesFile,
    StatementsFile,
    Technology,
    UseCase,
)
from crossroads.schema import Invalid, parse
from crossroads.suggest import did_you_mean, nearest

STALE_AFTER = dt.timedelta(days=365)
MANIFEST_FILE = "published-anchors.json"

# file name -> (its shape, whether a guide must have it)
SINGLE_FILES: dict[str, tuple[type[Any], bool]] = {
    "guide.yml": (GuideInfo, True),
    "sources.yml": (SourcesFile, True),
    "criteria.yml": (CriteriaFile, True),
    "comparisons.yml": (ComparisonsFile, False),
    "statements.yml": (StatementsFile, False),
    "flowchart.yml": (Flowchart, False),
    "moved.yml": (Moves, False),
}
# folder -> the shape of each ``<folder>/<id>.yml``
FOLDERS: dict[str, type[Technology | UseCase | Article]] = {
    "technologies": Technology,
    "use-cases": UseCase,
    "articles": Article,
}
# ``<folder>/<name>.schema.json``: the JSON Schemas editors check data files against
# (``crossroads schemas write``); the guide never reads them.
SCHEMAS_FOLDER = "schemas"
_DATA_LIKE = re.compile(r"\.(ya?ml|json)(\W|$)", re.IGNORECASE)

ModelT = TypeVar("ModelT")
ItemT = TypeVar("ItemT", Technology, UseCase, Article)


def what_the_guide_reads() -> str:
    names = [*SINGLE_FILES, MANIFEST_FILE, *(f"{folder}/<id>.yml" for folder in FOLDERS)]
    return ", ".join(names)


@dataclass
class _Collector:
    """Accumulates problems across files instead of stopping at the first."""

    problems: list[DataProblem] = field(default_factory=list)

    def load(self, path: Path, *, required: bool = True) -> YamlDocument | None:
        if not path.is_file():
            if required:
                self.problems.append(
                    DataProblem(display_path(path), 1, "", "required data file is missing")
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

    def folder(
        self, folder: Path, model: type[ItemT]
    ) -> tuple[set[str], dict[str, YamlDocument], dict[str, ItemT]]:
        """One-item-per-file data (``<folder>/<id>.yml``); the id must match the file name.

        Returns every file's stem (so references to a file that failed to parse are not also
        reported as unknown), the documents and the items that parsed.
        """
        paths = sorted(folder.glob("*.yml")) if folder.is_dir() else []
        documents: dict[str, YamlDocument] = {}
        items: dict[str, ItemT] = {}
        for path in paths:
            document = self.load(path)
            item = self.parse(document, model)
            if document is None or item is None:
                continue
            if item.id != path.stem:
                message = f"id {item.id!r} must match the file name {path.stem!r}"
                self.problems.append(document.problem(("id",), message))
                continue
            documents[item.id] = document
            items[item.id] = item
        return {p.stem for p in paths}, documents, items


def stray_files(data_dir: Path) -> list[DataProblem]:
    """YAML or JSON files under ``data_dir`` that the guide would not read."""
    read = {data_dir / name for name in (*SINGLE_FILES, MANIFEST_FILE)}
    problems = []
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if not _DATA_LIKE.search(path.name) or path in read:
            continue
        if len(relative.parts) == 2 and relative.parts[0] in FOLDERS and path.suffix == ".yml":
            continue
        if relative.parent.as_posix() == SCHEMAS_FOLDER and path.name.endswith(".schema.json"):
            continue
        problems.append(
            DataProblem(
                display_path(path),
                1,
                "",
                f"the guide does not read this file: {_stray_advice(relative)} "
                f"(the guide reads {what_the_guide_reads()})",
            )
        )
    return problems


def _stray_advice(relative: Path) -> str:
    if relative.suffix.lower() == ".yaml":
        return f"rename it to {relative.with_suffix('.yml').as_posix()}"
    if len(relative.parts) == 2 and relative.parts[0] not in FOLDERS:
        near = nearest(relative.parts[0], FOLDERS)
        if near:
            return f"move it to the folder {near}/"
    if len(relative.parts) == 1 and (near := nearest(relative.name, SINGLE_FILES)):
        return f"it looks like a copy of {near}: delete it, or move it out of data/"
    return "rename it, or move it out of data/"


class _References:
    """Checks that ids used in one file are defined somewhere, suggesting the nearest one."""

    def __init__(self, problems: list[DataProblem]) -> None:
        self.problems = problems
        # kind -> known ids, or None when the defining file failed (its ids are unknown)
        self.known: dict[str, set[str] | None] = {}

    def check(
        self,
        document: YamlDocument,
        location: Location,
        ids: Iterable[str] | Mapping[str, str] | str,
        kind: str,
    ) -> None:
        """``ids``: one id, a list of ids, or citations (source id -> quote)."""
        known = self.known[kind]
        if known is None:
            return
        if isinstance(ids, str):
            places: list[tuple[Location, str]] = [(location, ids)]
        elif isinstance(ids, Mapping):
            places = [((*location, ref), ref) for ref in ids]
        else:
            places = [((*location, position), ref) for position, ref in enumerate(ids)]
        for where, ref in places:
            if ref not in known:
                hint = did_you_mean(ref, known)
                self.problems.append(document.problem(where, f"unknown {kind} {ref!r}{hint}"))


def duplicates(document: YamlDocument, key: str, ids: list[str]) -> list[DataProblem]:
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


@dataclass
class _Loaded:
    """Everything read from ``data/``, before cross-checks; ``None`` where a file failed."""

    docs: dict[str, YamlDocument | None]
    info: GuideInfo | None
    sources: SourcesFile | None
    criteria: CriteriaFile | None
    comparisons: ComparisonsFile | None
    statements: StatementsFile | None
    flowchart: Flowchart | None
    moves: Moves | None
    folder_docs: dict[str, dict[str, YamlDocument]]
    file_ids: dict[str, set[str]]
    technologies: dict[str, Technology]
    use_cases: dict[str, UseCase]
    articles: dict[str, Article]


def _read(data_dir: Path, collect: _Collector) -> _Loaded:
    docs = {
        name: collect.load(data_dir / name, required=required)
        for name, (_, required) in SINGLE_FILES.items()
    }
    parsed = {name: collect.parse(docs[name], model) for name, (model, _) in SINGLE_FILES.items()}
    tech_ids, tech_docs, technologies = collect.folder(data_dir / "technologies", Technology)
    use_ids, use_docs, use_cases = collect.folder(data_dir / "use-cases", UseCase)
    article_ids, article_docs, articles = collect.folder(data_dir / "articles", Article)
    file_ids = {"technologies": tech_ids, "use-cases": use_ids, "articles": article_ids}
    folder_docs = {"technologies": tech_docs, "use-cases": use_docs, "articles": article_docs}
    if not file_ids["technologies"]:
        collect.problems.append(
            DataProblem(
                display_path(data_dir / "technologies"),
                1,
                "",
                "no technology files found: add one file per technology, like "
                "technologies/<id>.yml",
            )
        )
    return _Loaded(
        docs=docs,
        info=parsed["guide.yml"],
        sources=parsed["sources.yml"],
        criteria=parsed["criteria.yml"],
        comparisons=parsed["comparisons.yml"] if docs["comparisons.yml"] else ComparisonsFile(),
        statements=parsed["statements.yml"] if docs["statements.yml"] else StatementsFile(),
        flowchart=parsed["flowchart.yml"],
        moves=parsed["moved.yml"] if docs["moved.yml"] else Moves(),
        folder_docs=folder_docs,
        file_ids=file_ids,
        technologies=_in_reading_order(technologies, parsed["comparisons.yml"]),
        use_cases=dict(sorted(use_cases.items(), key=lambda i: i[1].title.lower())),
        articles=dict(sorted(articles.items(), key=lambda i: i[1].title.lower())),
    )


def _in_reading_order(
    technologies: dict[str, Technology], comparisons: ComparisonsFile | None
) -> dict[str, Technology]:
    """One order for every page: as the comparisons first list them, then by name."""
    listed = [t for c in (comparisons.comparisons if comparisons else []) for t in c.technologies]
    first = {t: position for position, t in reversed(list(enumerate(listed)))}
    return dict(
        sorted(
            technologies.items(),
            key=lambda item: (first.get(item[0], len(listed)), item[1].name.lower()),
        )
    )


def load_guide(data_dir: Path, today: dt.date) -> Guide:
    """Read and validate the whole guide under ``data_dir``; raise :class:`DataError` if invalid."""
    collect = _Collector()
    collect.problems += stray_files(data_dir)
    loaded = _read(data_dir, collect)
    collect.problems += _cross_check(loaded, today)
    if collect.problems:
        raise DataError(collect.problems)
    return _assemble(loaded)


def _cross_check(loaded: _Loaded, today: dt.date) -> list[DataProblem]:
    problems: list[DataProblem] = []
    refs = _References(problems)
    # Cross-checks run on whatever parsed, so one build reports problems in every file; a
    # reference into a file that failed to parse is not checked (its ids are unknown).
    refs.known["source"] = {s.id for s in loaded.sources.sources} if loaded.sources else None
    refs.known["criterion"] = {c.id for c in loaded.criteria.criteria} if loaded.criteria else None
    refs.known["technology"] = set(loaded.technologies) | loaded.file_ids["technologies"]
    refs.known["use case"] = set(loaded.use_cases) | loaded.file_ids["use-cases"]
    refs.known["claim"] = {c.id for a in loaded.articles.values() for c in a.claims}
    if loaded.file_ids["articles"] - set(loaded.articles):
        refs.known["claim"] = None
    _check_single_files(loaded, refs, today)
    _check_technologies(loaded, refs)
    _check_use_cases(loaded, refs)
    _check_articles(loaded, refs)
    flowchart_doc = loaded.docs["flowchart.yml"]
    if loaded.flowchart and flowchart_doc:
        problems += check_flowchart(loaded.flowchart, flowchart_doc)
        for index, outcome in enumerate(loaded.flowchart.outcomes):
            where = ("outcomes", index)
            if outcome.technology is not None:
                refs.check(flowchart_doc, (*where, "technology"), outcome.technology, "technology")
            if outcome.use_case is not None:
                refs.check(flowchart_doc, (*where, "use_case"), outcome.use_case, "use case")
            refs.check(flowchart_doc, (*where, "criteria"), outcome.criteria, "criterion")
            refs.check(flowchart_doc, (*where, "sources"), outcome.sources, "source")
    return problems


def _check_single_files(loaded: _Loaded, refs: _References, today: dt.date) -> None:
    problems = refs.problems
    if loaded.sources and (doc := loaded.docs["sources.yml"]):
        problems += duplicates(doc, "sources", [s.id for s in loaded.sources.sources])
        for index, source in enumerate(loaded.sources.sources):
            if source.checked > today:
                problems.append(doc.problem(("sources", index, "checked"), "date is in the future"))
    if loaded.criteria and (doc := loaded.docs["criteria.yml"]):
        problems += duplicates(doc, "criteria", [c.id for c in loaded.criteria.criteria])
    if loaded.comparisons and (doc := loaded.docs["comparisons.yml"]):
        comparisons = loaded.comparisons.comparisons
        problems += duplicates(doc, "comparisons", [c.id for c in comparisons])
        for index, comparison in enumerate(comparisons):
            where = ("comparisons", index)
            refs.check(doc, (*where, "technologies"), comparison.technologies, "technology")
            if len(set(comparison.technologies)) != len(comparison.technologies):
                problems.append(
                    doc.problem((*where, "technologies"), "a technology is listed twice")
                )
            if comparison.summary is not None:
                refs.check(
                    doc, (*where, "summary", "sources"), comparison.summary.sources, "source"
                )
    if loaded.statements and (doc := loaded.docs["statements.yml"]):
        statements = loaded.statements.statements
        problems += duplicates(doc, "statements", [s.id for s in statements])
        for index, statement in enumerate(statements):
            where = ("statements", index)
            refs.check(doc, (*where, "technologies"), statement.technologies, "technology")
            refs.check(doc, (*where, "criteria"), statement.criteria, "criterion")
            refs.check(doc, (*where, "sources"), statement.sources, "source")


def _check_technologies(loaded: _Loaded, refs: _References) -> None:
    for tech_id, technology in loaded.technologies.items():
        doc = loaded.folder_docs["technologies"][tech_id]
        refs.check(doc, ("summary", "sources"), technology.summary.sources, "source")
        for criterion_id, assessment in technology.assessments.items():
            refs.check(doc, ("assessments", criterion_id), criterion_id, "criterion")
            refs.check(doc, ("assessments", criterion_id, "sources"), assessment.sources, "source")


def _check_use_cases(loaded: _Loaded, refs: _References) -> None:
    for use_case_id, use_case in loaded.use_cases.items():
        doc = loaded.folder_docs["use-cases"][use_case_id]
        for index, need in enumerate(use_case.needs):
            refs.check(doc, ("needs", index, "criterion"), need.criterion, "criterion")
        recommended = [r.technology for r in use_case.recommendations]
        for index, recommendation in enumerate(use_case.recommendations):
            where = ("recommendations", index)
            refs.check(doc, (*where, "technology"), recommendation.technology, "technology")
            refs.check(doc, (*where, "sources"), recommendation.sources, "source")
            if recommended.index(recommendation.technology) != index:
                refs.problems.append(
                    doc.problem(
                        (*where, "technology"),
                        f"technology {recommendation.technology!r} is recommended twice",
                    )
                )
        for index, caveat in enumerate(use_case.caveats):
            refs.check(doc, ("caveats", index, "sources"), caveat.sources, "source")
        for index, related in enumerate(use_case.related):
            if related == use_case_id:
                refs.problems.append(
                    doc.problem(("related", index), "a use case is not related to itself")
                )
        refs.check(doc, ("related",), use_case.related, "use case")
        refs.check(doc, ("claims",), use_case.claims, "claim")


def _check_articles(loaded: _Loaded, refs: _References) -> None:
    first_seen: dict[str, str] = {}
    for article_id, article in loaded.articles.items():
        doc = loaded.folder_docs["articles"][article_id]
        refs.problems.extend(duplicates(doc, "claims", [c.id for c in article.claims]))
        for index, claim in enumerate(article.claims):
            where = ("claims", index)
            earlier = first_seen.setdefault(claim.id, doc.name)
            if earlier != doc.name:
                refs.problems.append(
                    doc.problem(
                        (*where, "id"), f"claim id {claim.id!r} is already used in {earlier}"
                    )
                )
            refs.check(doc, (*where, "technologies"), claim.technologies, "technology")
            refs.check(doc, (*where, "criteria"), claim.criteria, "criterion")
            refs.check(doc, (*where, "sources"), claim.sources, "source")


def _assemble(loaded: _Loaded) -> Guide:
    assert loaded.info and loaded.sources and loaded.criteria and loaded.moves
    assert loaded.comparisons and loaded.statements
    origins = {
        f"{singular}:{item_id}": doc.name
        for folder, singular in (
            ("technologies", "technology"),
            ("use-cases", "use-case"),
            ("articles", "article"),
        )
        for item_id, doc in loaded.folder_docs[folder].items()
    }
    origins.update(
        {name.removesuffix(".yml"): doc.name for name, doc in loaded.docs.items() if doc}
    )
    return Guide(
        info=loaded.info,
        sources={s.id: s for s in loaded.sources.sources},
        criteria=list(loaded.criteria.criteria),
        technologies=loaded.technologies,
        comparisons=list(loaded.comparisons.comparisons),
        statements=list(loaded.statements.statements),
        articles=loaded.articles,
        use_cases=loaded.use_cases,
        flowchart=loaded.flowchart,
        moves=loaded.moves,
        origins=origins,
    )


def stale_sources(guide: Guide, today: dt.date) -> list[tuple[str, dt.date]]:
    """Sources checked more than a year before ``today``, oldest first."""
    stale = [(s.id, s.checked) for s in guide.sources.values() if today - s.checked > STALE_AFTER]
    return sorted(stale, key=lambda item: (item[1], item[0]))
