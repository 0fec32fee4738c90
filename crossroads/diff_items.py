"""What a reader can see of a guide, item by item: what :mod:`crossroads.diff` compares.

An *item* is one thing a page shows (a verdict, a pro, a claim, an outcome, a source…) with
an identity that survives edits (its id; for a caveat, which has none, its position), the
section it shows in (:class:`~crossroads.diff_fields.Place`) and the fields a reader sees
(:func:`~crossroads.diff_fields.fields_of`). An *ordering* is a list whose order readers see.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from crossroads.diff_fields import (
    STATEMENT_KINDS,
    Field,
    Place,
    Places,
    fields_of,
    ref_name,
    visible_text,
)
from crossroads.guide import Guide
from crossroads.model import Article, Flowchart, Statement, Technology, UseCase
from crossroads.paths import OUTCOME_PREFIX, QUESTION_PREFIX
from crossroads.words import verdict_text

# The anchor and heading of a use case's "what it needs" section.
_NEEDS = ("needs", "What this use case needs")


@dataclass(frozen=True)
class Item:
    """One thing a page shows, under an identity that survives edits."""

    key: tuple[str, ...]
    kind: str  # the reader's word for it: 'strength', 'claim', 'outcome', ...
    name: str
    place: Place
    fields: Mapping[str, Field]


@dataclass(frozen=True)
class Ordering:
    """A list whose order readers see, such as the rows of every comparison table."""

    key: tuple[str, ...]
    what: str
    place: Place
    ids: tuple[str, ...]


# --- items --------------------------------------------------------------------------------


def items(guide: Guide, titles: Mapping[str, str]) -> list[Item]:
    """Every item the guide's pages show, roughly in the order of the nav."""
    at = Places(titles)
    home = at.page("home")
    found = [Item(("guide",), "guide", home.name, home, fields_of(guide, guide.info))]
    for t in guide.technologies.values():
        found += _technology(guide, t, at)
    found += [_statement(guide, s, at) for s in guide.statements]
    for comparison in guide.comparisons:
        place = at.page("comparison", comparison.id)
        fields = fields_of(guide, comparison)
        found.append(Item(("comparison", comparison.id), "comparison", place.name, place, fields))
    for use_case in guide.use_cases.values():
        found += _use_case(guide, use_case, at)
    if guide.flowchart is not None:
        found += _flowchart(guide, guide.flowchart, at)
    for article in guide.articles.values():
        found += _article(guide, article, at)
    for c in guide.criteria:
        place = at.section("criteria", None, c.id, c.name)
        found.append(Item(("criterion", c.id), "criterion", c.name, place, fields_of(guide, c)))
    for s in guide.sources.values():
        place = at.section("sources", None, s.id, s.title)
        found.append(Item(("source", s.id), "source", s.title, place, fields_of(guide, s)))
    return found


def _technology(guide: Guide, t: Technology, at: Places) -> Iterator[Item]:
    fields = fields_of(guide, t, skip=("assessments",))
    yield Item(("technology", t.id), "technology", t.name, at.page("technology", t.id), fields)
    for c in guide.criteria:
        a = guide.assessment(t.id, c.id)
        # "status" and "verdict" make one verdict as readers see it: "Depends", "Not assessed yet".
        verdict = Field("verdict", verdict_text(a), verdict_text(a))
        fields = {"verdict": verdict, **fields_of(guide, a, skip=("status", "verdict"))}
        name = f"{t.name}: {c.name}"
        place = at.section("technology", t.id, c.id, name)
        yield Item(("assessment", t.id, c.id), "section", name, place, fields)


def _statement(guide: Guide, s: Statement, at: Places) -> Item:
    # Shown on the page of every technology it is about; the first one's is its home.
    place = at.section("technology", s.technologies[0], s.id, s.title)
    return Item(("statement", s.id), STATEMENT_KINDS[s.kind], s.title, place, fields_of(guide, s))


def _article(guide: Guide, article: Article, at: Places) -> Iterator[Item]:
    page = at.page("article", article.id)
    fields = fields_of(guide, article, skip=("claims",))
    yield Item(("article", article.id), "article", page.name, page, fields)
    for claim in article.claims:
        quote = visible_text(claim.quote)
        fields = fields_of(guide, claim)
        # A claim may move to another article and keep its id: that is a change too.
        fields["article"] = Field("detail", article.id, article.title)
        place = at.section("article", article.id, claim.id, quote)
        yield Item(("claim", claim.id), "claim", quote, place, fields)


def _use_case(guide: Guide, u: UseCase, at: Places) -> Iterator[Item]:
    fields = fields_of(guide, u, skip=("needs", "recommendations", "caveats"))
    yield Item(("use-case", u.id), "use case", u.title, at.page("use-case", u.id), fields)
    needs = at.section("use-case", u.id, *_NEEDS)
    for need in u.needs:
        name = ref_name(guide, "criterion", need.criterion)
        fields = fields_of(guide, need, skip=("criterion",))
        yield Item(("need", u.id, need.criterion), "need", name, needs, fields)
    for r in u.recommendations:
        name = ref_name(guide, "technology", r.technology)
        place = at.section("use-case", u.id, f"fit-{r.technology}", name)
        fields = fields_of(guide, r, skip=("technology",))
        yield Item(("recommendation", u.id, r.technology), "recommendation", name, place, fields)
    caveats = at.section("use-case", u.id, "caveats", "Caveats")
    for number, caveat in enumerate(u.caveats, start=1):
        # Caveats have no id: the n-th caveat is the same caveat, reworded or not.
        name, fields = _opening(caveat.text), fields_of(guide, caveat)
        yield Item(("caveat", u.id, str(number)), "caveat", name, caveats, fields)


def _flowchart(guide: Guide, flowchart: Flowchart, at: Places) -> Iterator[Item]:
    page = at.page("decide")
    fields = fields_of(guide, flowchart, skip=("questions", "outcomes"))
    yield Item(("flowchart",), "flowchart", page.name, page, fields)
    for q in flowchart.questions:
        text = visible_text(q.text)
        place = at.section("decide", None, f"{QUESTION_PREFIX}{q.id}", text)
        yield Item(("question", q.id), "question", text, place, fields_of(guide, q, ("answers",)))
        for answer in q.answers:
            label, fields = visible_text(answer.label), fields_of(guide, answer)
            yield Item(("answer", q.id, answer.id), "answer", label, place, fields)
    for o in flowchart.outcomes:
        place = at.section("decide", None, f"{OUTCOME_PREFIX}{o.id}", o.title)
        yield Item(("outcome", o.id), "outcome", o.title, place, fields_of(guide, o))


def _opening(text: str, words: int = 6) -> str:
    """The first words of a text, to name something that has no name."""
    split = visible_text(text).split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")


# --- orders readers see -------------------------------------------------------------------


def orderings(guide: Guide, titles: Mapping[str, str]) -> Iterator[Ordering]:
    """The lists whose order readers see (sources, use cases and articles are sorted)."""
    at = Places(titles)
    yield Ordering(("criteria",), "criteria", at.page("criteria"), _ids(guide.criteria))
    many, technologies = guide.info.item.many, at.page("technologies")
    yield Ordering(("technologies",), many, technologies, tuple(guide.technologies))
    comparisons = at.page("comparisons")
    yield Ordering(("comparisons",), "comparisons", comparisons, _ids(guide.comparisons))
    for t in guide.technologies.values():
        statements = _ids(guide.statements_of(t.id))
        what = "strengths, weaknesses and similarities"
        yield Ordering(("statements", t.id), what, at.page("technology", t.id), statements)
    for a in guide.articles.values():
        yield Ordering(("claims", a.id), "claims", at.page("article", a.id), _ids(a.claims))
    for u in guide.use_cases.values():
        needs = tuple(n.criterion for n in u.needs)
        yield Ordering(("needs", u.id), "needs", at.section("use-case", u.id, *_NEEDS), needs)
        fits = tuple(r.technology for r in u.recommendations)
        place = at.section("use-case", u.id, "recommendations", "Recommendations")
        yield Ordering(("recommendations", u.id), "recommendations", place, fits)
    if guide.flowchart is not None:
        yield from _flowchart_orderings(guide.flowchart, at)


def _flowchart_orderings(flowchart: Flowchart, at: Places) -> Iterator[Ordering]:
    questions = at.section("decide", None, "questions", "Questions")
    yield Ordering(("questions",), "questions", questions, _ids(flowchart.questions))
    outcomes = at.section("decide", None, "outcomes", "Outcomes")
    yield Ordering(("outcomes",), "outcomes", outcomes, _ids(flowchart.outcomes))
    for q in flowchart.questions:
        place = at.section("decide", None, f"{QUESTION_PREFIX}{q.id}", visible_text(q.text))
        yield Ordering(("answers", q.id), "answers", place, _ids(q.answers))


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def _ids(records: Iterable[_HasId]) -> tuple[str, ...]:
    return tuple(r.id for r in records)
