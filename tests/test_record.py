"""Record behaves like a frozen, keyword-only dataclass."""

from __future__ import annotations

import dataclasses
from dataclasses import field

import pytest

from crossroads.record import Record


class Point(Record):
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list, metadata={"key": "labels"})

    def __post_init__(self) -> None:
        if self.x < 0:
            raise ValueError("x must not be negative")


def test_defaults_and_factories() -> None:
    first, second = Point(x=1), Point(x=1)
    assert (first.y, first.tags) == (0, [])
    assert first.tags is not second.tags
    assert Point.__record_fields__[2].metadata == {"key": "labels"}
    assert [f.required for f in Point.__record_fields__] == [True, False, False]


def test_compared_and_hashed_by_value_and_type() -> None:
    class Other(Record):
        x: int
        y: int = 0

    assert Point(x=1, y=2) == Point(x=1, y=2)
    assert Point(x=1, y=2) != Point(x=1, y=3)
    assert Point(x=1) != Other(x=1)
    assert hash(Other(x=1, y=2)) == hash(Other(x=1, y=2))
    assert repr(Point(x=1)) == "Point(x=1, y=0, tags=[])"


def test_immutable() -> None:
    point = Point(x=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.y
    with pytest.raises(AttributeError):
        point.z = 3


def test_missing_unknown_and_post_init() -> None:
    with pytest.raises(TypeError, match="needs the field 'x'"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="has no field 'z'"):
        Point(x=1, z=2)  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="must not be negative"):
        Point(x=-1)
