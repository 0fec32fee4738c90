"""Where each source is cited: the sections of the guide that rest on it.

The sources page lists them under each source, so a reader (or the source watch's report)
can go from a source that changed to every statement that needs a second look.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple

from crossroads.guide import Guide
from crossroads.paths import OUTCOME_PREFIX, path_for
from crossroads.words import VERDICT_LABELS, comparison_title


class Place(NamedTuple):
    """A section that cites a source: what a reader calls it, its page and its anchor."""

    label: str
    page: str  # docs-relative Markdown path, from the page registry (crossroads.paths)
    anchor: str


def _places(guide: Guide) -> Iterator[tuple[Place, Mapping[str, str]]]:
    for t in guide.technologies.values():
        page = path_for("technology", t.id)
        if t.bottom_line is not None:
            yield Place(t.name, page, "page-title"), t.bottom_line.sources
        yield Place(t.name, page, "page-title"), t.summary.sources
        for criterion in guide.criteria:
            assessment = guide.assessment(t.id, criterion.id)
            yield Place(f"{t.name}: {criterion.name}", page, criterion.id), assessment.sources
    for s in guide.statements:
        yield Place(s.title, path_for("technology", s.technologies[0]), s.id), s.sources
    for comparison in guide.comparisons:
        title = comparison_title(guide, comparison)
        place = Place(title, path_for("comparison", comparison.id), "page-title")
        for cited in (comparison.bottom_line, comparison.summary):
            if cited is not None:
                yield place, cited.sources
    for u in guide.use_cases.values():
        page = path_for("use-case", u.id)
        if u.bottom_line is not None:
            yield Place(u.title, page, "page-title"), u.bottom_line.sources
        for r in u.recommendations:
            name = guide.technologies[r.technology].name
            yield Place(f"{u.title}: {name}", page, f"fit-{r.technology}"), r.sources
        for caveat in u.caveats:
            yield Place(f"{u.title}: caveats", page, "caveats"), caveat.sources
    for a in guide.articles.values():
        for claim in a.claims:
            # The verdict leads, so a false claim never reads as a statement here either.
            label = f"{VERDICT_LABELS[claim.verdict]} claim: “{claim.quote}”"
            place = Place(label, path_for("article", a.id), claim.id)
            yield place, claim.sources
    if guide.flowchart is not None:
        for o in guide.flowchart.outcomes:
            yield (
                Place(f"Decide: {o.title}", path_for("decide"), f"{OUTCOME_PREFIX}{o.id}"),
                o.sources,
            )


def cited_in(guide: Guide) -> dict[str, list[Place]]:
    """Source id -> the sections that cite it, each once, in the guide's order."""
    places: dict[str, list[Place]] = {source_id: [] for source_id in guide.sources}
    for place, citations in _places(guide):
        for source_id in citations:
            if place not in places[source_id]:
                places[source_id].append(place)
    return places
