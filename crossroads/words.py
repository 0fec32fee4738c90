"""The words readers see for the model's choices: one place decides each label."""

from __future__ import annotations

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
