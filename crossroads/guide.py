"""The assembled guide: every data file validated and cross-checked, and the questions
renderers ask of it (which statements a page may show, a cell's assessment, ...)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field

from crossroads.history import History
from crossroads.model import (
    Article,
    Assessment,
    Claim,
    Comparison,
    Criterion,
    Flowchart,
    GuideInfo,
    Moves,
    Recommendation,
    Source,
    Statement,
    Technology,
    UseCase,
)
from crossroads.record import Record


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
    # When each section last changed (data/section-history.json); empty until recorded.
    history: History = field(default_factory=History)

    def files_of(self, *parts: str) -> list[str]:
        """The data files these parts come from (keys of :attr:`origins`), for "report a
        problem" links; an optional file the guide does not have (no statements.yml) is
        left out rather than named."""
        return [self.origins[part] for part in parts if part in self.origins]

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

    def recommendation(self, use_case_id: str, technology_id: str) -> Recommendation | None:
        """How one technology fits one use case, if the use case says."""
        use_case = self.use_cases[use_case_id]
        return next((r for r in use_case.recommendations if r.technology == technology_id), None)

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
