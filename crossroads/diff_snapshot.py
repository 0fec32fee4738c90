"""What readers saw of a guide, kept as JSON: a :class:`~crossroads.diff.View` to compare later.

``anchors update`` keeps the view of the guide it records in the section history
(:mod:`crossroads.history`); the next ``anchors update`` compares it with the guide as it is
then (:func:`crossroads.diff.diff_views`) to say, in the diff's words, what changed. Fields
are kept as readers see them, and a value only where it differs from that; a quoted passage
only as a digest, since the diff says no more than that a statement quotes it differently.
A view read back equals one kept from the same guide and read back (:func:`comparable`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from crossroads.diff import View
from crossroads.diff_fields import Field, Place
from crossroads.diff_items import Item, Ordering
from crossroads.model import AnchorMove, Moves, PageMove

Json = dict[str, Any]


class SnapshotError(ValueError):
    """A kept view that is not what :func:`kept` writes (edited by hand, or a bad merge)."""


def kept(view: View) -> Json:
    """The view as JSON values: pages, items, orderings, moves and sources, each in order."""
    return {
        "pages": dict(view.titles),
        "items": [_item(item) for item in view.items],
        "orderings": [
            {"key": list(o.key), "what": o.what, "at": _place(o.place), "ids": list(o.ids)}
            for o in view.orderings
        ],
        "moves": {
            "pages": [[m.source, m.target] for m in view.moves.pages],
            "anchors": [[m.page, m.source, m.target] for m in view.moves.anchors],
        },
        "sources": dict(view.source_titles),
    }


def restored(data: Mapping[str, Any]) -> View:
    """The view :func:`kept` wrote; raises :class:`SnapshotError` if it is not one."""
    try:
        titles = {str(page): str(title) for page, title in data["pages"].items()}
        moves = Moves(
            pages=[PageMove(source=s, target=t) for s, t in data["moves"]["pages"]],
            anchors=[
                AnchorMove(page=p, source=s, target=t) for p, s, t in data["moves"]["anchors"]
            ],
        )
        return View(
            titles=titles,
            items=[_read_item(item, titles) for item in data["items"]],
            orderings=[
                Ordering(tuple(o["key"]), o["what"], _read_place(o["at"], titles), tuple(o["ids"]))
                for o in data["orderings"]
            ],
            moves=moves,
            source_titles={str(k): str(v) for k, v in data["sources"].items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SnapshotError(f"not a view of a guide ({type(exc).__name__}: {exc})") from None


def comparable(view: View) -> View:
    """The view as it reads back once kept: what a kept view is compared with."""
    return restored(kept(view))


def _place(place: Place) -> list[str | None]:
    return [place.page, place.anchor, place.section]


def _read_place(value: list[Any], titles: Mapping[str, str]) -> Place:
    page, anchor, section = value
    return Place(page, titles.get(page, page), anchor, section)


def _item(item: Item) -> Json:
    fields = {name: _field(field) for name, field in item.fields.items()}
    return {
        "key": list(item.key),
        "kind": item.kind,
        "name": item.name,
        "at": _place(item.place),
        "fields": fields,
    }


def _read_item(value: Mapping[str, Any], titles: Mapping[str, str]) -> Item:
    fields = {str(name): _read_field(field) for name, field in value["fields"].items()}
    place = _read_place(value["at"], titles)
    return Item(tuple(value["key"]), value["kind"], value["name"], place, fields)


def _field(field: Field) -> list[Any]:
    if field.role == "citations":
        quotes = field.value if isinstance(field.value, tuple) else ()
        return [field.role, field.shown, [[source, _digest(quote)] for source, quote in quotes]]
    if field.value == field.shown:
        return [field.role, field.shown]
    value = list(field.value) if isinstance(field.value, tuple) else field.value
    return [field.role, field.shown, value]


def _read_field(value: list[Any]) -> Field:
    role, shown, *rest = value
    if not rest:
        return Field(role, shown, shown)
    return Field(role, _tuples(rest[0]), shown)


def _tuples(value: object) -> object:
    """JSON lists as the tuples :mod:`crossroads.diff_fields` compares."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
