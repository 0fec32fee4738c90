"""Thin coverage: parts of a valid guide that readers will find empty. Warnings, not errors."""

from __future__ import annotations

from crossroads.guide import Guide


def thin_coverage(guide: Guide) -> list[str]:
    """A technology no use case or comparison mentions; a criterion no technology assesses."""
    warnings = []
    words = guide.info.item
    for technology_id in guide.technologies:
        in_comparison = any(technology_id in c.technologies for c in guide.comparisons)
        in_use_case = bool(guide.use_cases_for(technology_id))
        if not in_comparison and not in_use_case:
            warnings.append(
                f"{words.one} {technology_id!r} is in no comparison and no use case: add it to "
                "data/comparisons.yml or to a use case's recommendations"
            )
    for criterion in guide.criteria:
        assessed = [
            t
            for t in guide.technologies
            if guide.assessment(t, criterion.id).status != "not-assessed"
        ]
        if not assessed:
            warnings.append(
                f"criterion {criterion.id!r} is assessed by no {words.one}: every table shows "
                f"'Not assessed yet' on that row"
            )
    return warnings
