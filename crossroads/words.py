"""The words readers see for the model's choices: one place decides each label and title."""

from __future__ import annotations

from crossroads.guide import Guide
from crossroads.model import Assessment, Comparison

VERDICT_LABELS = {
    "accurate": "Accurate",
    "misleading": "Misleading",
    "wrong": "Wrong",
    "unverifiable": "Unverifiable",
}

FIT_LABELS = {
    "good": "Good fit",
    "workable": "Workable",
    "poor": "Poor fit",
    "depends": "Depends",
}


def verdict_text(assessment: Assessment) -> str:
    """A cell's verdict as a reader sees it: the verdict, "Depends" or "Not assessed yet"."""
    if assessment.status == "assessed":
        return str(assessment.verdict)
    return "Depends" if assessment.status == "depends" else "Not assessed yet"


def comparison_title(guide: Guide, comparison: Comparison) -> str:
    """ "Alpha vs Beta": a comparison's title, in its own order of technologies."""
    return " vs ".join(guide.technologies[t].name for t in comparison.technologies)
