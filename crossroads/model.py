"""The guide's data model: one typed, validated shape for every data file.

Field limits are deliberately tight (short verdicts, one-line reasons) because the
text ends up in table cells, link previews and search results.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Self
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=64)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=320)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]

_URL_FORBIDDEN = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


def _check_url(value: str) -> str:
    if _URL_FORBIDDEN.search(value):
        raise ValueError("URL contains spaces, quotes or control characters")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise ValueError(
            f"URL must start with http:// or https://, not {parts.scheme or 'nothing'}:"
        )
    if not parts.hostname or "." not in parts.hostname:
        raise ValueError("URL has no valid host name")
    return value


Url = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_check_url)]


class Strict(BaseModel):
    """Base for every data shape: unknown keys and loose types are errors, not surprises."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(Strict):
    """A primary source a statement rests on, and when someone last checked it."""

    id: Id
    title: Line
    publisher: ShortText
    url: Url
    checked: dt.date
    covers: ShortText | None = Field(
        default=None, description="Version, release line or edition the source documents."
    )


class Criterion(Strict):
    """One row of every comparison table."""

    id: Id
    name: ShortText
    question: Line
    why: Text


AssessmentStatus = Literal["assessed", "depends", "not-assessed"]


class Assessment(Strict):
    """How one technology fares on one criterion: a cell plus the section behind it."""

    status: AssessmentStatus = "assessed"
    verdict: ShortText | None = None
    reason: Line | None = None
    detail: Text | None = None
    sources: list[Id] = Field(default_factory=list, max_length=12)

    @model_validator(mode="after")
    def _complete_for_status(self) -> Self:
        if self.status == "assessed":
            missing = [
                name for name in ("verdict", "reason", "detail") if getattr(self, name) is None
            ]
            if missing:
                raise ValueError(f"an assessed cell needs {', '.join(missing)}")
        if self.status == "depends" and (self.reason is None or self.detail is None):
            raise ValueError(
                "a 'depends' cell needs a reason and a detail saying what it depends on"
            )
        if self.status == "not-assessed" and self.verdict is not None:
            raise ValueError("a 'not-assessed' cell cannot have a verdict")
        if self.status != "not-assessed" and not self.sources:
            raise ValueError("every statement needs at least one source")
        return self


class Cited(Strict):
    """A sentence or paragraph and the sources it rests on."""

    text: Text
    sources: list[Id] = Field(min_length=1, max_length=12)


class Technology(Strict):
    """A technology the guide compares; one file per technology."""

    id: Id
    name: ShortText
    kind: ShortText
    version: ShortText = Field(description="The release line this assessment holds for.")
    homepage: Url
    summary: Cited
    assessments: dict[Id, Assessment]


class Comparison(Strict):
    """A pair (or set) of technologies that gets its own comparison page."""

    id: Id
    technologies: list[Id] = Field(min_length=2, max_length=8)
    summary: Cited | None = None


StatementKind = Literal["pro", "con", "similarity"]


class Statement(Strict):
    """A pro, con or similarity: one checked sentence tied to technologies and criteria."""

    id: Id
    kind: StatementKind
    title: ShortText
    technologies: list[Id] = Field(min_length=1)
    criteria: list[Id] = Field(min_length=1)
    text: Text
    sources: list[Id] = Field(min_length=1, max_length=12)


ClaimVerdict = Literal["accurate", "misleading", "wrong", "unverifiable"]


class Claim(Strict):
    """One checkable claim of the seed article, with our verdict and correction."""

    id: Id
    quote: Line
    section: ShortText
    verdict: ClaimVerdict
    correction: Text
    criteria: list[Id] = Field(default_factory=list)
    sources: list[Id] = Field(min_length=1, max_length=12)


Fit = Literal["good", "workable", "poor", "depends"]


class Need(Strict):
    """A criterion that matters for a use case, and why."""

    criterion: Id
    why: Line


class Recommendation(Strict):
    """How well one technology fits one use case, with reasons and sources."""

    technology: Id
    fit: Fit
    verdict: ShortText
    reasons: Text
    sources: list[Id] = Field(min_length=1, max_length=12)


class UseCase(Strict):
    """A kind of project readers arrive with; one file per use case."""

    id: Id
    title: ShortText
    summary: Line
    needs: list[Need] = Field(min_length=1)
    recommendations: list[Recommendation] = Field(min_length=1)
    caveats: list[Cited] = Field(default_factory=list)
    related: list[Id] = Field(default_factory=list)
    claims: list[Id] = Field(default_factory=list, description="Article claims this page corrects.")


class Answer(Strict):
    """One answer to a flowchart question; leads to a question or to an outcome."""

    id: Id
    label: Line
    next: Id


class Question(Strict):
    """One flowchart question; ``q-<id>`` is its URL parameter and anchor."""

    id: Id
    text: Line
    help: Line | None = None
    answers: list[Answer] = Field(min_length=2, max_length=8)


class Outcome(Strict):
    """Where a path through the flowchart ends: a recommendation with its reasons."""

    id: Id
    title: ShortText
    technology: Id | None = None
    use_case: Id
    reason: Text
    criteria: list[Id] = Field(min_length=1)
    sources: list[Id] = Field(min_length=1, max_length=12)


class Flowchart(Strict):
    """The decision flowchart: questions whose answers lead on, and outcomes."""

    start: Id
    questions: list[Question] = Field(min_length=1)
    outcomes: list[Outcome] = Field(min_length=1)

    def node(self, node_id: str) -> Question | Outcome:
        for question in self.questions:
            if question.id == node_id:
                return question
        return next(o for o in self.outcomes if o.id == node_id)


class PageMove(Strict):
    """A published page URL that now lives elsewhere (both are URL paths like ``compare/x/``)."""

    source: Annotated[str, StringConstraints(pattern=r"^([a-z0-9-]+/)*$", max_length=200)] = Field(
        alias="from"
    )
    target: Annotated[str, StringConstraints(pattern=r"^([a-z0-9-]+/)*$", max_length=200)] = Field(
        alias="to"
    )


class AnchorMove(Strict):
    """A published anchor that now has another id on the same page."""

    page: Annotated[str, StringConstraints(pattern=r"^([a-z0-9-]+/)*$", max_length=200)]
    source: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]+$", max_length=100)] = Field(
        alias="from"
    )
    target: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]+$", max_length=100)] = Field(
        alias="to"
    )


class Moves(Strict):
    """Where published pages and anchors went: keeps old links working."""

    pages: list[PageMove] = Field(default_factory=list)
    anchors: list[AnchorMove] = Field(default_factory=list)


class Article(Strict):
    """The article the claims come from."""

    title: Line
    description: Text


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1)


class CriteriaFile(Strict):
    criteria: list[Criterion] = Field(min_length=1)


class ComparisonsFile(Strict):
    comparisons: list[Comparison] = Field(default_factory=list)


class StatementsFile(Strict):
    statements: list[Statement] = Field(default_factory=list)


class ClaimsFile(Strict):
    article: Article
    claims: list[Claim] = Field(default_factory=list)


class Guide(BaseModel):
    """Every data file, validated and cross-checked: the only thing renderers see."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    sources: dict[str, Source]
    criteria: list[Criterion]
    technologies: dict[str, Technology]
    comparisons: list[Comparison]
    statements: list[Statement]
    article: Article
    claims: list[Claim]
    use_cases: dict[str, UseCase]
    flowchart: Flowchart
    moves: Moves
    origins: dict[str, str] = Field(
        description="'technology:nodejs' -> the data file it came from, for 'report a problem'."
    )

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    def assessment(self, technology_id: str, criterion_id: str) -> Assessment:
        """The cell; a criterion a technology file does not mention is shown as not assessed."""
        found = self.technologies[technology_id].assessments.get(criterion_id)
        return found if found is not None else Assessment(status="not-assessed")

    def statements_about(
        self, *, technology: str | None = None, criterion: str | None = None
    ) -> list[Statement]:
        return [
            s
            for s in self.statements
            if (technology is None or technology in s.technologies)
            and (criterion is None or criterion in s.criteria)
        ]

    def use_cases_for(self, technology_id: str) -> list[tuple[UseCase, Recommendation]]:
        return [
            (u, r)
            for u in self.use_cases.values()
            for r in u.recommendations
            if r.technology == technology_id
        ]

    def claim(self, claim_id: str) -> Claim:
        return next(c for c in self.claims if c.id == claim_id)

    def claims_about(self, criterion_id: str) -> list[Claim]:
        return [c for c in self.claims if criterion_id in c.criteria]

    def statements_for(self, criterion_id: str, technology_ids: list[str]) -> list[Statement]:
        """Statements on ``criterion_id`` about at least one of ``technology_ids``."""
        wanted = set(technology_ids)
        return [
            s
            for s in self.statements
            if criterion_id in s.criteria and wanted.intersection(s.technologies)
        ]
