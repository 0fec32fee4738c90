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
from dataclasses import field
from typing import Annotated, Literal

from crossroads.fields import (
    CLAIM,
    CRITERION,
    NODE,
    SOURCE,
    TECHNOLOGY,
    USE_CASE,
    AnchorId,
    Citations,
    ClaimRef,
    CriterionRef,
    Id,
    Line,
    Mentions,
    NodeRef,
    PageId,
    PagePath,
    ShortText,
    TechnologyRef,
    Text,
    Url,
    UseCaseRef,
)
from crossroads.record import Record
from crossroads.rules import Defines, Length, key
from crossroads.verdicts import Assessment as Assessment
from crossroads.verdicts import AssessmentStatus as AssessmentStatus
from crossroads.verdicts import BottomLine as BottomLine


class Source(Record):
    """A primary source a statement rests on, and when someone last checked it."""

    id: Annotated[Id, Defines(kind=SOURCE)]
    title: Line
    publisher: ShortText
    url: Url
    checked: dt.date
    # Version, release line or edition the source documents.
    covers: ShortText | None = None


class Criterion(Record):
    """One row of every comparison table."""

    id: Annotated[Id, Defines(kind=CRITERION)]
    name: ShortText
    question: Line
    why: Text
    asks: list[Line] = field(default_factory=list)  # readers' words for it: lead search here


class Cited(Record):
    """A sentence or paragraph and the sources it rests on."""

    text: Text
    sources: Citations


class Technology(Record):
    """A technology the guide compares; one file per technology."""

    id: Annotated[PageId, Defines(kind=TECHNOLOGY)]
    name: ShortText
    kind: ShortText
    version: ShortText  # the release line this assessment holds for
    homepage: Url
    bottom_line: BottomLine | None = None  # opens its page, before the summary
    summary: Cited
    assessments: dict[CriterionRef, Assessment]
    asks: list[Line] = field(default_factory=list)  # other names readers search it by


class Comparison(Record):
    """A pair (or set) of technologies that gets its own comparison page."""

    id: Annotated[PageId, Defines(kind="comparison")]
    technologies: Annotated[list[TechnologyRef], Length(min=2, max=8)]
    bottom_line: BottomLine | None = None  # opens its page: when to pick which
    summary: Cited | None = None


StatementKind = Literal["pro", "con", "similarity"]


class Statement(Record):
    """A pro, con or similarity: one checked sentence tied to technologies and criteria."""

    id: Annotated[Id, Defines(kind="statement")]
    kind: StatementKind
    title: ShortText
    technologies: Annotated[list[TechnologyRef], Length(min=1)]
    criteria: Annotated[list[CriterionRef], Length(min=1)]
    mentions: Mentions = field(default_factory=list)
    text: Text
    sources: Citations


ClaimVerdict = Literal["accurate", "misleading", "wrong", "unverifiable"]


class Claim(Record):
    """One checkable claim of a reviewed article, with our verdict and correction."""

    id: Annotated[Id, Defines(kind=CLAIM)]
    quote: Line
    section: ShortText
    verdict: ClaimVerdict
    correction: Text
    # The technologies the claim is about: it is shown only where all of them are.
    technologies: Annotated[list[TechnologyRef], Length(min=1)]
    mentions: Mentions = field(default_factory=list)
    criteria: list[CriterionRef] = field(default_factory=list)
    sources: Citations


Fit = Literal["good", "workable", "poor", "depends"]


class Need(Record):
    """A criterion that matters for a use case, and why."""

    criterion: CriterionRef
    why: Line


class Recommendation(Record):
    """How well one technology fits one use case, with reasons and sources."""

    technology: TechnologyRef
    mentions: Mentions = field(default_factory=list)
    fit: Fit
    verdict: ShortText
    reasons: Text
    sources: Citations


class UseCase(Record):
    """A kind of project readers arrive with; one file per use case."""

    id: Annotated[PageId, Defines(kind=USE_CASE)]
    title: ShortText
    bottom_line: BottomLine | None = None  # opens its page, before the summary
    summary: Line
    needs: Annotated[list[Need], Length(min=1)]
    recommendations: Annotated[list[Recommendation], Length(min=1)]
    caveats: list[Cited] = field(default_factory=list)
    related: list[UseCaseRef] = field(default_factory=list)
    claims: list[ClaimRef] = field(default_factory=list)  # article claims this page corrects
    asks: list[Line] = field(default_factory=list)  # readers' words for it: lead search here


class Answer(Record):
    """One answer to a flowchart question; leads to a question or to an outcome."""

    id: Id
    label: Line
    next: NodeRef


class Question(Record):
    """One flowchart question; ``q-<id>`` is its URL parameter and anchor."""

    id: Annotated[Id, Defines(kind=NODE)]
    text: Line
    help: Line | None = None
    answers: Annotated[list[Answer], Length(min=2, max=8)]


class Outcome(Record):
    """Where a path through the flowchart ends: a recommendation with its reasons."""

    id: Annotated[Id, Defines(kind=NODE)]
    title: ShortText
    technology: TechnologyRef | None = None
    use_case: UseCaseRef | None = None
    reason: Text
    criteria: Annotated[list[CriterionRef], Length(min=1)]
    sources: Citations


class Flowchart(Record):
    """The decision flowchart: questions whose answers lead on, and outcomes."""

    start: NodeRef
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

    id: Annotated[PageId, Defines(kind="article")]
    title: ShortText
    description: Text
    claims: Annotated[list[Claim], Length(min=1)]


class ItemWords(Record):
    """What the guide compares, as a reader would name one and several of them."""

    one: ShortText
    many: ShortText


class NotCovered(Record):
    """Something readers look for that the guide does not compare; search says so."""

    name: ShortText
    words: Annotated[list[ShortText], Length(min=1)]  # as searched: ["rails", "ruby on rails"]


class HomeWords(Record):
    """The home page's words: its title in the browser tab, its heading, its description
    for search engines and link previews (docs/index.md asks for them with markers)."""

    title: ShortText
    heading: Line
    description: Line


class GuideInfo(Record):
    """The guide's own words: its name, the decision it helps with, who it is for."""

    name: ShortText
    decision: Line
    audience: Line
    item: ItemWords
    opening: Text
    home: HomeWords | None = None
    not_covered: list[NotCovered] = field(default_factory=list)


class SourcesFile(Record):
    sources: Annotated[list[Source], Length(min=1)]


class CriteriaFile(Record):
    criteria: Annotated[list[Criterion], Length(min=1)]


class ComparisonsFile(Record):
    comparisons: list[Comparison] = field(default_factory=list)


class StatementsFile(Record):
    statements: list[Statement] = field(default_factory=list)
