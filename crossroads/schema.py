"""Turn plain YAML values into the model's records, collecting every problem.

The model (``crossroads/model.py``) declares its rules in type hints: ``Annotated`` text
and list limits (:class:`Length`, :class:`Pattern`, :class:`Strip`, :class:`Check`, from
:mod:`crossroads.rules`),
``Literal`` choices, ``X | None``, lists, mappings, dates and nested records (a
:class:`~crossroads.record.Record` or a plain dataclass), plus
``__post_init__`` checks that raise ``ValueError`` for rules spanning several fields.
:func:`parse` walks a value against those hints once and reports each problem with the
location of the value, so the caller can name the file and line.

Why not pydantic, which the guide first used: importing it and building the model cost
about 0.15 s on every build, more than the whole budget for the generator's own work on a
small guide (PERFORMANCE.md). The rules here are few, and a converter compiled
once per type keeps validation itself cheap.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, Literal, NamedTuple, TypeVar

from crossroads.loading import Location
from crossroads.record import is_record, record_fields, type_hints

# The rules a type hint carries, re-exported: the model declares its rules from here.
from crossroads.rules import Check as Check
from crossroads.rules import Expected as Expected
from crossroads.rules import Length as Length
from crossroads.rules import Pattern as Pattern
from crossroads.rules import Strip as Strip
from crossroads.rules import data_key as data_key_of
from crossroads.rules import key as key
from crossroads.rules import rules_of
from crossroads.suggest import did_you_mean


class Problem(NamedTuple):
    location: Location
    message: str


class Invalid(Exception):
    """The value does not fit the type; ``problems`` says where and why, all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


T = TypeVar("T")
Converter = Callable[[Any, Location, list[Problem]], Any]
_INVALID: Any = object()


def parse(model: type[T], value: object) -> T:
    """``value`` as an instance of the dataclass ``model``; raises :class:`Invalid`."""
    problems: list[Problem] = []
    hint: Any = model
    result = _converter(hint)(value, (), problems)
    if problems:
        raise Invalid(problems)
    return typing.cast(T, result)


def describe(value: object) -> str:
    """A short, safe description of a value for an error message."""
    named = {dict: "a mapping", list: "a list", type(None): "nothing"}.get(type(value))
    return named or f"{type(value).__name__} {str(value)[:40]!r}"


def _wrong_kind(expected: str, value: Any, location: Location, problems: list[Problem]) -> Any:
    problems.append(Problem(location, f"expected {expected}, got {describe(value)}"))
    return _INVALID


@functools.cache
def _converter(hint: Any) -> Converter:
    origin = typing.get_origin(hint)
    if origin is Annotated:
        base, *rules = typing.get_args(hint)
        return _with_rules(_converter(base), tuple(rules))
    if is_record(hint):
        return _record(hint)
    if hint is str:
        return _expect(str, "text")
    if hint is dt.date:
        return _date
    if origin is Literal:
        return _choice(typing.get_args(hint))
    if origin is list:
        return _list(_converter(typing.get_args(hint)[0]))
    if origin is dict:
        key_type, value_type = typing.get_args(hint)
        return _mapping(_converter(key_type), _converter(value_type))
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1 and len(typing.get_args(hint)) == 2:
            return _optional(_converter(options[0]))
    raise TypeError(f"the schema does not support the type {hint!r}")


def _expect(kind: type, name: str) -> Converter:
    def convert(value: Any, location: Location, problems: list[Problem]) -> Any:
        if isinstance(value, kind) and not isinstance(value, bool):
            return value
        return _wrong_kind(name, value, location, problems)

    return convert


def _date(value: Any, location: Location, problems: list[Problem]) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return _wrong_kind("a date like 2026-01-31", value, location, problems)


def _choice(choices: tuple[Any, ...]) -> Converter:
    allowed = ", ".join(repr(c) for c in choices)

    def convert(value: Any, location: Location, problems: list[Problem]) -> Any:
        if isinstance(value, str) and value in choices:
            return value
        problems.append(Problem(location, f"must be one of {allowed}, got {describe(value)}"))
        return _INVALID

    return convert


def _optional(inner: Converter) -> Converter:
    def convert(value: Any, location: Location, problems: list[Problem]) -> Any:
        return None if value is None else inner(value, location, problems)

    return convert


def _list(item: Converter) -> Converter:
    def convert(value: Any, location: Location, problems: list[Problem]) -> Any:
        if not isinstance(value, list):
            return _wrong_kind("a list", value, location, problems)
        start = len(problems)
        items = [item(v, (*location, i), problems) for i, v in enumerate(value)]
        return _INVALID if len(problems) > start else items

    return convert


def _mapping(key_converter: Converter, value_converter: Converter) -> Converter:
    def convert(value: Any, location: Location, problems: list[Problem]) -> Any:
        if not isinstance(value, dict):
            return _wrong_kind("a mapping of keys to values", value, location, problems)
        start = len(problems)
        result = {
            key_converter(k, (*location, k), problems): value_converter(v, (*location, k), problems)
            for k, v in value.items()
        }
        return _INVALID if len(problems) > start else result

    return convert


def _with_rules(base: Converter, rules: tuple[object, ...]) -> Converter:
    strip, lengths, found_patterns, found_checks, expected = rules_of(rules)
    patterns = [(re.compile(p.regex), p.explanation) for p in found_patterns]
    checks = [c.function for c in found_checks]

    def convert(raw: Any, location: Location, problems: list[Problem]) -> Any:
        start = len(problems)
        value = base(raw, location, problems)
        if value is _INVALID:
            # The base type's "expected a mapping" says what, not how: say it the author's way.
            wrong_shape = len(problems) == start + 1 and problems[start].location == location
            if expected is not None and wrong_shape:
                problems[start] = Problem(location, f"expected {expected}, got {describe(raw)}")
            return value
        if strip:
            value = value.strip()
        for length in lengths:
            message = _length_problem(value, length)
            if message:
                problems.append(Problem(location, message))
                return _INVALID
        for regex, explanation in patterns:
            if regex.fullmatch(value) is None:
                problems.append(Problem(location, explanation))
                return _INVALID
        for check in checks:
            try:
                check(value)
            except ValueError as exc:
                problems.append(Problem(location, str(exc)))
                return _INVALID
        return value

    return convert


def _length_problem(value: str | list[Any], length: Length) -> str | None:
    size = len(value)
    if isinstance(value, str):
        if size < length.min:
            return "must not be empty" if length.min == 1 else f"needs {length.min} characters"
        if length.max is not None and size > length.max:
            return f"too long: at most {length.max} characters"
        return None
    if size < length.min:
        return f"needs at least {length.min} item(s)"
    if length.max is not None and size > length.max:
        return f"too many items: at most {length.max}"
    return None


def _record(model: type) -> Converter:
    hints = type_hints(model)
    fields = [
        (data_key_of(f), f.name, _converter(hints[f.name]), f.required)
        for f in record_fields(model)
    ]
    known = {data_key for data_key, *_ in fields}

    def convert(value: Any, location: Location, problems: list[Problem]) -> Any:
        if not isinstance(value, dict):
            return _wrong_kind("a mapping of keys to values", value, location, problems)
        start = len(problems)
        arguments: dict[str, Any] = {}
        for data_key, attribute, field_converter, required in fields:
            if data_key in value:
                arguments[attribute] = field_converter(
                    value[data_key], (*location, data_key), problems
                )
            elif required:
                problems.append(
                    Problem((*location, data_key), f"missing required field {data_key!r}")
                )
        for data_key in value:
            if data_key not in known:
                hint = did_you_mean(str(data_key), known)
                problems.append(Problem((*location, data_key), f"unknown key {data_key!r}{hint}"))
        if len(problems) > start:
            return _INVALID
        try:
            return model(**arguments)
        except ValueError as exc:
            problems.append(Problem(location, str(exc)))
            return _INVALID

    return convert
