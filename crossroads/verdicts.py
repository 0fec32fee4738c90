"""The model's answers: one cell's verdict (and, for a "depends", on what), a page's bottom line.

Records of :mod:`crossroads.model`, kept here so that module stays one screenful per concept;
``crossroads.model`` re-exports them, so every other module imports them from there.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Literal

from crossroads.fields import Citations, Line, OptionalCitations, ShortText, Text
from crossroads.record import Record
from crossroads.rules import Expected

AssessmentStatus = Literal["assessed", "depends", "not-assessed"]

# What a "depends" cell must add, with the words the build asks for them in.
DecidedBy = Annotated[
    Line, Expected(description="what decides this 'depends': the server, the workload, …")
]
CheckText = Annotated[
    Line, Expected(description="what to check or measure to settle it for your project")
]
_DEPENDS_FIELDS = {"decided_by": "what decides it", "check": "what to check or measure"}


class Assessment(Record):
    """How one technology fares on one criterion: a cell plus the section behind it.

    A ``depends`` cell says what decides it (``decided_by``) and what a reader should check
    or measure (``check``); both rest on the cell's own detail and sources.
    """

    status: AssessmentStatus = "assessed"
    verdict: ShortText | None = None
    reason: Line | None = None
    detail: Text | None = None
    decided_by: DecidedBy | None = None
    check: CheckText | None = None
    sources: OptionalCitations = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.status == "assessed":
            missing = [
                name for name in ("verdict", "reason", "detail") if getattr(self, name) is None
            ]
            if missing:
                raise ValueError(f"an assessed cell needs {', '.join(missing)}")
        if self.status == "depends":
            self._check_depends()
        elif self.decided_by is not None or self.check is not None:
            raise ValueError(
                "only a 'depends' cell has decided_by and check: "
                "remove them, or make the cell status: depends"
            )
        if self.status == "not-assessed" and self.verdict is not None:
            raise ValueError("a 'not-assessed' cell cannot have a verdict")
        if self.status != "not-assessed" and not self.sources:
            raise ValueError("every statement needs at least one source")

    def _check_depends(self) -> None:
        if self.reason is None or self.detail is None:
            raise ValueError(
                "a 'depends' cell needs a reason and a detail saying what it depends on"
            )
        missing = [name for name in _DEPENDS_FIELDS if getattr(self, name) is None]
        if missing:
            wanted = " and ".join(f"{name} ({_DEPENDS_FIELDS[name]})" for name in missing)
            raise ValueError(
                f"a 'depends' cell must say what decides it and what to check: add {wanted}, "
                "from what its detail and sources already say"
            )


class BottomLine(Record):
    """One or two sentences that open a page: when to pick which, with the sources they rest on.

    Pages show it before their longer summary; it quotes its sources like every statement.
    """

    text: Line
    sources: Citations
