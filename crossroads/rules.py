"""The rules a type hint can carry: ``Annotated[str, Length(max=80), Pattern(...)]``.

The model (``crossroads/model.py``) declares them; two readers interpret them:
:mod:`crossroads.schema` checks data against them, and :mod:`crossroads.json_schema` turns
them into the JSON Schema editors use. :func:`rules_of` sorts them for both, so a rule
either reader does not know is an error in both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from crossroads.record import Record, RecordField


class Length(Record):
    """How long a text (in characters) or a list (in items) may be."""

    min: int = 0
    max: int | None = None


class Pattern(Record):
    """The whole text must match ``regex``; ``explanation`` is what the author is told."""

    regex: str
    explanation: str


class Strip(Record):
    """Trim surrounding whitespace (YAML block scalars end in a newline) before the limits."""


class Expected(Record):
    """What to tell an author whose value has the wrong shape, instead of "expected X, got Y"."""

    description: str


class Check(Record):
    """A last rule on the value: ``function`` raises ``ValueError`` with the message."""

    function: Callable[[Any], object]


class RefersTo(Record):
    """The value is the id of a ``kind`` defined elsewhere in the guide."""

    kind: str


class Defines(Record):
    """The value is the id of a new ``kind``: unique in the guide, and known to references."""

    kind: str


def key(name: str) -> dict[str, str]:
    """Field metadata for a data key that is not a valid attribute name, such as ``from``."""
    return {"key": name}


def data_key(field: RecordField) -> str:
    """The key a field has in the data: its name, unless :func:`key` says otherwise."""
    return str(field.metadata.get("key", field.name))


class Rules(NamedTuple):
    """The rules of one ``Annotated`` type, sorted by kind."""

    strip: bool
    lengths: list[Length]
    patterns: list[Pattern]
    checks: list[Check]
    expected: str | None


def rules_of(metadata: Iterable[object]) -> Rules:
    """Sort the metadata of an ``Annotated`` type; anything but a known rule is an error."""
    rules = tuple(metadata)
    # RefersTo and Defines say what an id is; crossroads.refs reads them, not these readers.
    known = Strip | Length | Pattern | Check | Expected | RefersTo | Defines
    unknown = [r for r in rules if not isinstance(r, known)]
    if unknown:
        raise TypeError(f"the schema does not know the rule {unknown[0]!r}")
    return Rules(
        strip=any(isinstance(r, Strip) for r in rules),
        lengths=[r for r in rules if isinstance(r, Length)],
        patterns=[r for r in rules if isinstance(r, Pattern)],
        checks=[r for r in rules if isinstance(r, Check)],
        expected=next((r.description for r in rules if isinstance(r, Expected)), None),
    )
