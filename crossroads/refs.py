"""Ids a data file defines and refers to, as the model's type hints declare them.

The model marks every id field: ``Annotated[Id, Defines("source")]`` on ``Source.id``,
``Annotated[Id, RefersTo("source")]`` wherever a source is cited (on a list, each item
refers; on a mapping's key type, each key does). :func:`declared_ids` walks a parsed value
against its type and returns every definition and reference with its location, so one
loop in the validation checks them all, and a new reference field is checked the moment
it is declared.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Annotated, Any, NamedTuple

from crossroads.loading import Location
from crossroads.record import is_record, record_fields, type_hints
from crossroads.rules import Defines, RefersTo, data_key


class Mention(NamedTuple):
    """One id in the data: where it is, of which kind, and whether it defines or refers."""

    location: Location
    kind: str
    id: str
    defines: bool


def declared_ids(value: object, hint: Any, location: Location = ()) -> list[Mention]:
    """Every id ``value`` (parsed as ``hint``) defines or refers to, in document order."""
    found: list[Mention] = []
    _walk(value, hint, location, found)
    return found


def kinds_defined(hint: Any) -> set[str]:
    """The kinds a value of this type can define, wherever they are nested."""
    return _kinds(hint, frozenset())


def id_kind(model: type) -> str | None:
    """The kind a record's own ``id`` field defines, if it has one."""
    hint = next((h for key, _, h in _fields(model) if key == "id"), None)
    marker, _ = _split(hint)
    return marker.kind if isinstance(marker, Defines) else None


def _walk(value: object, hint: Any, location: Location, found: list[Mention]) -> None:
    # Most values (texts, dates, lists of texts) can hold no id: their hint has no marker
    # anywhere inside, and they are not walked at all.
    if value is None:
        return
    holds_ids, marker, base, origin, args = _shape(hint)
    if not holds_ids:
        return
    if marker is not None and isinstance(value, str):
        found.append(Mention(location, marker.kind, value, isinstance(marker, Defines)))
    elif origin is list and isinstance(value, list):
        (item,) = args
        for index, element in enumerate(value):
            _walk(element, item, (*location, index), found)
    elif origin is dict and isinstance(value, dict):
        key_hint, value_hint = args
        for key, element in value.items():
            _walk(key, key_hint, (*location, key), found)
            _walk(element, value_hint, (*location, key), found)
    elif origin in (types.UnionType, typing.Union):
        _walk(value, _not_none(base), location, found)
    elif is_record(base):
        for data_key, attribute, field_hint in _fields(base):
            _walk(getattr(value, attribute), field_hint, (*location, data_key), found)


class _Shape(NamedTuple):
    holds_ids: bool  # whether a value of this type can define or refer to an id anywhere
    marker: RefersTo | Defines | None
    base: Any  # the type under the annotations
    origin: Any
    args: tuple[Any, ...]


# hint -> its shape, asked for every value of every data file, of a few dozen hints. Keyed
# by identity: hashing a typing construct hashes everything inside it, at every call. Each
# entry keeps its hint, so the id is never reused while the entry exists.
_SHAPES: dict[int, tuple[Any, _Shape]] = {}


def _shape(hint: Any) -> _Shape:
    known = _SHAPES.get(id(hint))
    if known is None:
        marker, base = _split(hint)
        shape = _Shape(
            _marked(hint, frozenset()),
            marker,
            base,
            typing.get_origin(base),
            typing.get_args(base),
        )
        known = _SHAPES[id(hint)] = (hint, shape)
    return known[1]


def _marked(hint: Any, seen: frozenset[Any]) -> bool:
    marker, base = _split(hint)
    if marker is not None:
        return True
    if base in seen:
        return False
    if typing.get_origin(base) in (list, dict, types.UnionType, typing.Union):
        return any(_marked(arg, seen) for arg in typing.get_args(base))
    if is_record(base):
        return any(_marked(h, seen | {base}) for _, _, h in _fields(base))
    return False


def _kinds(hint: Any, seen: frozenset[Any]) -> set[str]:
    marker, base = _split(hint)
    if isinstance(marker, Defines):
        return {marker.kind}
    if base in seen:
        return set()
    origin = typing.get_origin(base)
    if origin in (list, dict, types.UnionType, typing.Union):
        return set().union(*(_kinds(arg, seen) for arg in typing.get_args(base)))
    if is_record(base):
        inner = seen | {base}
        return set().union(*(_kinds(h, inner) for _, _, h in _fields(base)))
    return set()


def _split(hint: Any) -> tuple[RefersTo | Defines | None, Any]:
    """The id marker of an ``Annotated`` hint (if any) and the type under the annotations."""
    if typing.get_origin(hint) is not Annotated:
        return None, hint
    base, *rules = typing.get_args(hint)
    marker = next((r for r in rules if isinstance(r, RefersTo | Defines)), None)
    return marker, base


def _not_none(union: Any) -> Any:
    (option,) = [a for a in typing.get_args(union) if a is not type(None)]
    return option


@functools.cache
def _fields(model: type) -> list[tuple[str, str, Any]]:
    """(data key, attribute, type hint) of each field, as the schema reads them."""
    hints = type_hints(model)
    return [(data_key(f), f.name, hints[f.name]) for f in record_fields(model)]
