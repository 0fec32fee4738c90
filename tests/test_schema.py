"""The schema checker: every problem in a value is reported, at its own location."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Literal

import pytest

from crossroads.model import AnchorMove, Moves, Source
from crossroads.schema import Invalid, Length, parse


def problems(model: type, value: object) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(Invalid) as raised:
        parse(model, value)
    return [(p.location, p.message) for p in raised.value.problems]


SOURCE = {
    "id": "flask-docs",
    "title": "  Flask documentation\n",
    "publisher": "Pallets",
    "url": "https://flask.palletsprojects.com/",
    "checked": dt.date(2026, 11, 24),
}


def test_a_valid_record_is_built_with_text_trimmed() -> None:
    source = parse(Source, SOURCE)
    assert source.title == "Flask documentation"
    assert source.covers is None
    assert source.checked == dt.date(2026, 11, 24)


def test_every_problem_in_one_record_is_reported() -> None:
    broken = {**SOURCE, "id": "Flask Docs", "title": "   ", "url": "ftp://x.org", "extra": 1}
    del broken["publisher"]
    assert problems(Source, broken) == [
        (("id",), "must be an id: lowercase letters, digits and single hyphens, like 'web-apps'"),
        (("title",), "must not be empty"),
        (("publisher",), "missing required field 'publisher'"),
        (("url",), "URL must start with http:// or https://, not ftp:"),
        (("extra",), "unknown key 'extra'"),
    ]


def test_an_id_with_a_trailing_newline_is_not_an_id() -> None:
    # Python's "$" would match before a final newline; ids are matched whole.
    assert problems(Source, {**SOURCE, "id": "flask\n"})[0][0] == ("id",)


def test_data_keys_that_are_python_keywords_map_to_fields() -> None:
    moves = parse(Moves, {"anchors": [{"page": "compare/a-vs-b/", "from": "old", "to": "new"}]})
    assert moves.anchors == [AnchorMove(page="compare/a-vs-b/", source="old", target="new")]
    assert problems(Moves, {"pages": [{"from": "Compare", "to": "x/"}]}) == [
        (
            ("pages", 0, "from"),
            "must be a page path like 'compare/a-vs-b/' (or '' for home)",
        ),
    ]


@dataclass(frozen=True, kw_only=True)
class Sample:
    kind: Literal["pro", "con"]
    tags: Annotated[list[str], Length(min=1, max=2)] = field(default_factory=list)
    scores: dict[str, dt.date] = field(default_factory=dict)


def test_lists_choices_mappings_and_dates() -> None:
    assert parse(Sample, {"kind": "pro", "tags": ["a"]}).tags == ["a"]
    assert problems(Sample, {"kind": "maybe", "tags": [], "scores": {"a": "2026-01-01"}}) == [
        (("kind",), "must be one of 'pro', 'con', got str 'maybe'"),
        (("tags",), "needs at least 1 item(s)"),
        (("scores", "a"), "expected a date like 2026-01-31, got str '2026-01-01'"),
    ]
    assert problems(Sample, {"kind": "con", "tags": ["a", "b", "c"]}) == [
        (("tags",), "too many items: at most 2"),
    ]
    assert problems(Sample, ["kind"]) == [((), "expected a mapping of keys to values, got a list")]


def test_a_boolean_is_not_text() -> None:
    assert problems(Source, {**SOURCE, "publisher": True}) == [
        (("publisher",), "expected text, got bool 'True'"),
    ]


def test_an_unsupported_type_in_a_model_is_a_programming_error() -> None:
    @dataclass(frozen=True)
    class Odd:
        count: int

    with pytest.raises(TypeError, match="does not support the type"):
        parse(Odd, {"count": 1})
