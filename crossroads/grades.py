"""Grades readers scan: each one an icon, a colour and its word, never colour alone.

A grade is a value from a fixed scale the data carries: a use case's fit, a cell that
depends or is not assessed yet, a reviewed article's claim verdict. Each has its word (from
:mod:`crossroads.words`), a tone that picks its colour in both colour schemes
(``cr-grade--good`` … in ``crossroads.css``), an inline SVG icon whose shape differs by tone
(so the grade reads in black and white and without colour vision) and a meaning for the
legend. A free-text verdict ("One request per worker") is not a grade and gets no icon.

The icons are inline SVG (no request, no icon font), printed like text. Their paths are
Pictogrammers' Material Design Icons as shipped with Material for MkDocs (Pictogrammers
Free License, Apache 2.0): check-circle, circle-half-full, close-circle, alert,
help-circle, call-split and minus-circle-outline.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Literal, NamedTuple

from markupsafe import Markup

from crossroads.words import FIT_LABELS, VERDICT_LABELS

GradeKind = Literal["fit", "status", "claim"]
Tone = Literal["good", "mixed", "bad", "open", "none"]

_ICONS = {
    "check": "M12 2C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2m-2 15-5-5 1.41-1.41"
    "L10 14.17l7.59-7.59L19 8z",
    "half": "M12 2A10 10 0 0 0 2 12a10 10 0 0 0 10 10 10 10 0 0 0 10-10A10 10 0 0 0 12 2m0 2"
    "a8 8 0 0 1 8 8 8 8 0 0 1-8 8z",
    "cross": "M12 2c5.53 0 10 4.47 10 10s-4.47 10-10 10S2 17.53 2 12 6.47 2 12 2m3.59 5L12 "
    "10.59 8.41 7 7 8.41 10.59 12 7 15.59 8.41 17 12 13.41 15.59 17 17 15.59 13.41 12 17 8.41z",
    "alert": "M13 14h-2V9h2m0 9h-2v-2h2M1 21h22L12 2z",
    "question": "m15.07 11.25-.9.92C13.45 12.89 13 13.5 13 15h-2v-.5c0-1.11.45-2.11 1.17-2.83"
    "l1.24-1.26c.37-.36.59-.86.59-1.41a2 2 0 0 0-2-2 2 2 0 0 0-2 2H8a4 4 0 0 1 4-4 4 4 0 0 1 4 "
    "4 3.2 3.2 0 0 1-.93 2.25M13 19h-2v-2h2M12 2A10 10 0 0 0 2 12a10 10 0 0 0 10 10 10 10 0 0 "
    "0 10-10c0-5.53-4.5-10-10-10",
    "split": "m14 4 2.29 2.29-2.88 2.88 1.42 1.42 2.88-2.88L20 10V4M10 4H4v6l2.29-2.29 4.71 4.7"
    "V20h2v-8.41l-5.29-5.3",
    "none": "M12 20c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8m0-18A10 10 0 0 0 2 12a10 "
    "10 0 0 0 10 10 10 10 0 0 0 10-10A10 10 0 0 0 12 2M7 13h10v-2H7",
}


class Grade(NamedTuple):
    word: str
    tone: Tone
    icon: str  # a key of _ICONS
    meaning: str  # what the legend says it means


GRADES: dict[GradeKind, dict[str, Grade]] = {
    "fit": {
        "good": Grade(FIT_LABELS["good"], "good", "check", "suits what this use case needs"),
        "workable": Grade(
            FIT_LABELS["workable"], "mixed", "half", "can be done, with the work its reasons name"
        ),
        "poor": Grade(FIT_LABELS["poor"], "bad", "cross", "works against what this use case needs"),
        "depends": Grade(FIT_LABELS["depends"], "open", "split", "its reasons say on what"),
    },
    "status": {
        "depends": Grade(
            "Depends",
            "open",
            "split",
            "no single answer: it says what decides it and what to check",
        ),
        "not-assessed": Grade(
            "Not assessed yet",
            "none",
            "none",
            "nobody has checked this, so the guide makes no claim",
        ),
    },
    "claim": {
        "accurate": Grade(VERDICT_LABELS["accurate"], "good", "check", "holds as written"),
        "misleading": Grade(
            VERDICT_LABELS["misleading"],
            "mixed",
            "alert",
            "has a true core but leads to a wrong conclusion",
        ),
        "wrong": Grade(VERDICT_LABELS["wrong"], "bad", "cross", "contradicted by the sources"),
        "unverifiable": Grade(
            VERDICT_LABELS["unverifiable"],
            "none",
            "question",
            "no primary source can confirm or refute it as stated",
        ),
    },
}
# The class each kind of grade had before it had an icon; styles and readers' tools use them.
_KIND_CLASS = {"fit": "cr-fit", "status": "cr-verdict", "claim": "cr-claim-verdict"}


def icon(name: str) -> str:
    """An inline SVG icon, hidden from assistive technology: the word beside it says it."""
    return (
        '<svg class="cr-grade__icon" viewBox="0 0 24 24" aria-hidden="true">'
        f'<path d="{_ICONS[name]}"/></svg>'
    )


def badge(kind: GradeKind, value: str) -> Markup:
    """The grade as readers see it: icon and word, coloured by its tone (inline HTML)."""
    grade = GRADES[kind][value]
    kind_class = _KIND_CLASS[kind]
    classes = f"cr-grade cr-grade--{grade.tone} {kind_class} {kind_class}--{escape(value)}"
    return Markup(f'<span class="{classes}">{icon(grade.icon)}{escape(grade.word)}</span>')


def legend(kind: GradeKind, values: Iterable[str]) -> Markup:
    """A key to the grades of ``kind`` among ``values`` (in the scale's order), or nothing.

    Raw HTML for a Markdown page, left out of search so no query lands on a key.
    """
    shown = set(values)
    items = [
        f'<span class="cr-legend__item">{badge(kind, value)}: {escape(grade.meaning)}</span>'
        for value, grade in GRADES[kind].items()
        if value in shown
    ]
    if not items:
        return Markup("")
    return Markup(
        '<p class="cr-legend" data-search-exclude><span class="cr-legend__title">Key:</span> '
        + " ".join(items)
        + "</p>"
    )
