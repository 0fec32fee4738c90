"""The guide's data model: one typed, validated shape for every data file.

Each shape is a :class:`~crossroads.record.Record` (a frozen, keyword-only dataclass); its
type hints carry the rules that
:func:`crossroads.schema.parse` checks (unknown keys and loose types are errors), and
``__post_init__`` carries the rules that span several fields. Field limits are
deliberately tight (short verdicts, one-line reasons) because the text ends up in table
cells, link previews and search results.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import field
from typing import Annotated, Literal
from urllib.parse import urlsplit

from crossroads.record import Record
from crossroads.schema import Check, Expected, Length, Pattern, Strip, key

ID_RULE = Pattern(
    regex=r"[a-z0-9]+(?:-[a-z0-9]+)*",
    explanation="must be an id: lowercase letters, digits and single hyphens, like 'web-apps'",
)
PAGE_PATH_RULE = Pattern(
    regex=r"([a-z0-9-]+/)*",
    explanation="must be a page path like 'compare/a-vs-b/' (or '' for home)",
)
ANCHOR_RULE = Pattern(
    regex=r"[A-Za-z0-9_-]+", explanation="must be an anchor id: letters, digits, '-' and '_'"
)

Id = Annotated[str, Length(min=1, max=64), ID_RULE]
ShortText = Annotated[str, Strip(), Length(min=1, max=80)]
Line = Annotated[str, Strip(), Length(min=1, max=320)]
Text = Annotated[str, Strip(), Length(min=1, max=4000)]
PagePath = Annotated[str, Length(max=200), PAGE_PATH_RULE]
AnchorId = Annotated[str, Length(min=1, max=100), ANCHOR_RULE]

_URL_FORBIDDEN = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


def _check_url(value: str) -> None:
    if _URL_FORBIDDEN.search(value):
        raise ValueError("URL contains spaces, quotes or control characters")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise ValueError(
            f"URL must start with http:// or https://, not {parts.scheme or 'nothing'}:"
        )
    if not parts.hostname or "." not in parts.hostname:
        raise ValueError("URL has no valid host name")


Url = Annotated[str, Length(min=1, max=2000), Check(function=_check_url)]
QUOTE_LIMIT = 300
Quote = Annotated[
    str,
    Strip(),
    Length(min=1, max=QUOTE_LIMIT),
    Expected(description="the source's own words that support this statement, in quotes"),
]
_CITATIONS = Expected(
    description="source ids, each with the passage that supports this statement "
    '(like: some-source: "its words")'
)
# Source id -> the passage of that source that supports the statement, verbatim.
Citations = Annotated[dict[Id, Quote], Length(min=1, max=12), _CITATIONS]
OptionalCitations = Annotated[dict[Id, Quote], Length(max=12), _CITATIONS]


class Source(Record):
    """A primary source a statement rests on, and when someone last checked it."""

    id: Id
    title: Line
    publisher: ShortText
    url: Url
    checked: dt.date
    # Version, release line or edition the source documents.
    covers: ShortText | None = None


class Criterion(Record):
    """One row of every comparison table."""

    id: Id
    name: ShortText
    question: Line
    why: Text


AssessmentStatus = Literal["assessed", "depends", "not-assessed"]


class Assessment(Record):
    """How one technology fares on one criterion: a cell plus the section behind it."""

    status: AssessmentStatus = "assessed"
    verdict: ShortText | None = None
    reason: Line | None = None
    detail: Text | None = None
    sources: OptionalCitations = field(default_factory=dict)

    def __post_init__(self) -> None:
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


class Cited(Record):
    """A sentence or paragraph and the sources it rests on."""

    text: Text
    sources: Citations


class Technology(Record):
    """A technology the guide compares; one file per technology."""

    id: Id
    name: ShortText
    kind: ShortText
    version: ShortText  # the release line this assessment holds for
    homepage: Url
    summary: Cited
    assessments: dict[Id, Assessment]


class Comparison(Record):
    """A pair (or set) of technologies that gets its own comparison page."""

    id: Id
    technologies: Annotated[list[Id], Length(min=2, max=8)]
    summary: Cited | None = None


StatementKind = Literal["pro", "con", "similarity"]


class Statement(Record):
    """A pro, con or similarity: one checked sentence tied to technologies and criteria."""

    id: Id
    kind: StatementKind
    title: ShortText
    technologies: Annotated[list[Id], Length(min=1)]
    criteria: Annotated[list[Id], Length(min=1)]
    text: Text
    sources: Citations


ClaimVerdict = Literal["accurate", "misleading", "wrong", "unverifiable"]


class Claim(Record):
    """One checkable claim of a reviewed article, with our verdict and correction."""

    id: Id
    quote: Line
    section: ShortText
    verdict: ClaimVerdict
    correction: Text
    # The technologies the claim is about: it is shown only where all of them are.
    technologies: Annotated[list[Id], Length(min=1)]
    criteria: list[Id] = field(default_factory=list)
    sources: Citations


Fit = Literal["good", "workable", "poor", "depends"]


class Need(Record):
    """A criterion that matters for a use case, and why."""

    criterion: Id
    why: Line


class Recommendation(Record):
    """How well one technology fits one use case, with reasons and sources."""

    technology: Id
    fit: Fit
    verdict: ShortText
    reasons: Text
    sources: Citations


class UseCase(Record):
    """A kind of project readers arrive with; one file per use case."""

    id: Id
    title: ShortText
    summary: Line
    needs: Annotated[list[Need], Length(min=1)]
    recommendations: Annotated[list[Recommendation], Length(min=1)]
    caveats: list[Cited] = field(default_factory=list)
    related: list[Id] = field(default_factory=list)
    claims: list[Id] = field(default_factory=list)  # article claims this page corrects


class Answer(Record):
    """One answer to a flowchart question; leads to a question or to an outcome."""

    id: Id
    label: Line
    next: Id


class Question(Record):
    """One flowchart question; ``q-<id>`` is its URL parameter and anchor."""

    id: Id
    text: Line
    help: Line | None = None
    answers: Annotated[list[Answer], Length(min=2, max=8)]


class Outcome(Record):
    """Where a path through the flowchart ends: a recommendation with its reasons."""

    id: Id
    title: ShortText
    technology: Id | None = None
    use_case: Id | None = None
    reason: Text
    criteria: Annotated[list[Id], Length(min=1)]
    sources: Citations


class Flowchart(Record):
    """The decision flowchart: questions whose answers lead on, and outcomes."""

    start: Id
    questions: Annotated[list[Question], Length(min=1)]
    outcomes: Annotated[list[Outcome], Length(min=1)]

    def node(self, node_id: str) -> Question | Outcome:
        for question in self.questions:
            if question.id == node_id:
                return question
        return next(o for o in self.outcomes if o.id == node_id)


class PageMove(Record):
    """A published page URL that now lives elsewhere (both are URL paths like ``compare/x/``)."""

    source: PagePath = field(metadata=key("from"))
    target: PagePath = field(metadata=key("to"))


class AnchorMove(Record):
    """A published anchor that now has another id on the same page."""

    page: PagePath
    source: AnchorId = field(metadata=key("from"))
    target: AnchorId = field(metadata=key("to"))


class Moves(Record):
    """Where published pages and anchors went: keeps old links working."""

    pages: list[PageMove] = field(default_factory=list)
    anchors: list[AnchorMove] = field(default_factory=list)


class Article(Record):
    """A published article the guide reviews, claim by claim; one file per article."""

    id: Id
    title: ShortText
    description: Text
    claims: Annotated[list[Claim], Length(min=1)]


class ItemWords(Record):
    """What the guide compares, as a reader would name one and several of them."""

    one: ShortText
    many: ShortText


class GuideInfo(Record):
    """The guide's own words: its name, the decision it helps with, who it is for."""

    name: ShortText
    decision: Line
    audience: Line
    item: ItemWords
    opening: Text


class SourcesFile(Record):
    sources: Annotated[list[Source], Length(min=1)]


class CriteriaFile(Record):
    criteria: Annotated[list[Criterion], Length(min=1)]


class ComparisonsFile(Record):
    comparisons: list[Comparison] = field(default_factory=list)


class StatementsFile(Record):
    statements: list[Statement] = field(default_factory=list)


class Guide(Record):
    """Every data file, validated and cross-checked: the only thing renderers see."""

    info: GuideInfo
    sources: dict[str, Source]
    criteria: list[Criterion]
    technologies: dict[str, Technology]
    comparisons: list[Comparison]
    statements: list[Statement]
    articles: dict[str, Article]
    use_cases: dict[str, UseCase]
    flowchart: Flowchart | None
    moves: Moves
    # 'technology:<id>' -> the data file it came from, for "report a problem" links.
    origins: dict[str, str]

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    def assessment(self, technology_id: str, criterion_id: str) -> Assessment:
        """The cell; a criterion a technology file does not mention is shown as not assessed."""
        found = self.technologies[technology_id].assessments.get(criterion_id)
        return found if found is not None else Assessment(status="not-assessed")

    @property
    def claims(self) -> list[Claim]:
        return [claim for article in self.articles.values() for claim in article.claims]

    def claim(self, claim_id: str) -> tuple[Article, Claim]:
        """A claim and the article it comes from."""
        return next((a, c) for a in self.articles.values() for c in a.claims if c.id == claim_id)

    def use_cases_for(self, technology_id: str) -> list[tuple[UseCase, Recommendation]]:
        return [
            (u, r)
            for u in self.use_cases.values()
            for r in u.recommendations
            if r.technology == technology_id
        ]

    # --- what a page may show: an item appears only where every technology it is about is ---

    def statements_within(
        self, technology_ids: Iterable[str], *, criterion: str | None = None
    ) -> list[Statement]:
        """Statements about no technology outside ``technology_ids`` (on ``criterion``)."""
        allowed = set(technology_ids)
        return [
            s
            for s in self.statements
            if set(s.technologies) <= allowed and (criterion is None or criterion in s.criteria)
        ]

    def statements_of(self, technology_id: str) -> list[Statement]:
        """Statements about ``technology_id`` (alone or with others): its own page's list."""
        return [s for s in self.statements if technology_id in s.technologies]

    def claims_within(
        self, technology_ids: Iterable[str], *, criterion: str | None = None
    ) -> list[tuple[Article, Claim]]:
        """Article claims about no technology outside ``technology_ids`` (on ``criterion``)."""
        allowed = set(technology_ids)
        return [
            (a, c)
            for a in self.articles.values()
            for c in a.claims
            if set(c.technologies) <= allowed and (criterion is None or criterion in c.criteria)
        ]
