"""What changed for readers between two versions of a guide: ``python -m crossroads diff``.

:func:`diff` compares two validated guides and returns typed changes, each at the page and
section where a reader meets it: pages added and removed, items (verdicts, pros, claims,
outcomes, sources…) added, removed, renamed or reworded, sources cited or re-checked, lists
put in a new order, and pages and anchors that moved (``data/moved.yml``). Ids, never titles,
identify things, so a new title is a rename. An edit no reader can see (a comment, key
order, re-wrapped folded text) is no change. :mod:`crossroads.diff_markdown` renders them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from crossroads.diff_fields import Field, Place, page_titles
from crossroads.diff_items import Item, Ordering, items, orderings
from crossroads.guide import Guide
from crossroads.model import Moves


@dataclass(frozen=True)
class PageAdded:
    place: Place


@dataclass(frozen=True)
class PageRemoved:
    place: Place


@dataclass(frozen=True)
class ItemAdded:
    place: Place
    kind: str  # the reader's word: 'strength', 'claim', 'outcome', 'source', ...
    name: str


@dataclass(frozen=True)
class ItemRemoved:
    place: Place
    kind: str
    name: str


@dataclass(frozen=True)
class Part:
    """What changed within a section when it is not the whole section: an answer, a caveat."""

    kind: str
    name: str


@dataclass(frozen=True)
class Edit:
    """One field of an item, before and after, as readers see it."""

    place: Place
    field: str  # the data key: 'verdict', 'reason', 'summary.text', ...
    old: str
    new: str
    part: Part | None = None


class Renamed(Edit):
    """A new name or title for something that keeps its id."""


class VerdictChanged(Edit):
    """A new verdict, use-case fit or claim verdict."""


class Reworded(Edit):
    """New wording of a text an author writes (a statement, a claim, a reason...)."""


class DetailChanged(Edit):
    """Any other field: a URL, a version, the technologies a statement is about..."""


class Rechecked(Edit):
    """A source's ``checked`` date."""


@dataclass(frozen=True)
class CitationsChanged:
    """The sources a statement cites (by title), or the passages it quotes from them."""

    place: Place
    field: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    requoted: tuple[str, ...]
    part: Part | None = None


@dataclass(frozen=True)
class Reordered:
    place: Place
    what: str  # 'criteria', 'claims', ...


@dataclass(frozen=True)
class PageMoved:
    """A page now at ``place`` whose old address forwards there."""

    place: Place
    old: str  # the old URL path


@dataclass(frozen=True)
class AnchorMoved:
    """A section now at ``place`` whose old anchor still lands there."""

    place: Place
    old: str  # the old anchor id


@dataclass(frozen=True)
class MoveDropped:
    """A forward of ``data/moved.yml`` taken out: links to ``old`` no longer reach ``place``."""

    place: Place
    old: str  # the old URL path, or the old anchor when ``place`` has an anchor


Change = (
    PageAdded
    | PageRemoved
    | ItemAdded
    | ItemRemoved
    | Edit
    | CitationsChanged
    | Reordered
    | PageMoved
    | AnchorMoved
    | MoveDropped
)

_EDITS: dict[str, type[Edit]] = {
    "title": Renamed,
    "verdict": VerdictChanged,
    "text": Reworded,
    "detail": DetailChanged,
    "date": Rechecked,
}


@dataclass(frozen=True)
class View:
    """What readers see of one guide, all that :func:`diff` compares: its pages' titles,
    items, the lists whose order shows, its moves and its sources' titles. It can be kept
    (:mod:`crossroads.diff_snapshot`) and compared with a later version of the guide."""

    titles: Mapping[str, str]  # URL path -> page title, in build order
    items: Sequence[Item]
    orderings: Sequence[Ordering]
    moves: Moves
    source_titles: Mapping[str, str]


def view(guide: Guide) -> View:
    titles = page_titles(guide)
    return View(
        titles,
        items(guide, titles),
        list(orderings(guide, titles)),
        guide.moves,
        {s.id: s.title for s in guide.sources.values()},
    )


def diff(old: Guide, new: Guide) -> list[Change]:
    """Every change a reader of ``new`` would see, compared with ``old``, in the guide's order."""
    return diff_views(view(old), view(new))


def diff_views(old: View, new: View) -> list[Change]:
    """:func:`diff` of what readers see of two guides."""
    added = [page for page in new.titles if page not in old.titles]
    removed = [page for page in old.titles if page not in new.titles]
    changes: list[Change] = [PageAdded(Place(page, new.titles[page])) for page in added]
    changes += [PageRemoved(Place(page, old.titles[page])) for page in removed]
    changes += _moves(old.moves, new.moves, new.titles)
    source_titles = {**old.source_titles, **new.source_titles}
    pages_changed = {*added, *removed}
    changes += _items(old.items, new.items, pages_changed, source_titles)
    changes += _reorderings(old.orderings, new.orderings)
    return changes


def _items(
    old: Iterable[Item],
    new: Iterable[Item],
    pages_changed: set[str],
    source_titles: Mapping[str, str],
) -> Iterator[Change]:
    """Items removed, added and edited; what is on a page added or removed is that page."""
    before = {item.key: item for item in old}
    after = {item.key: item for item in new}
    for key, item in before.items():
        if key not in after and item.place.page not in pages_changed:
            yield ItemRemoved(item.place, item.kind, item.name)
    for key, item in after.items():
        if key in before:
            yield from _edits(before[key].fields, item, source_titles)
        elif item.place.page not in pages_changed:
            yield ItemAdded(item.place, item.kind, item.name)


def _edits(
    old: Mapping[str, Field], new: Item, source_titles: Mapping[str, str]
) -> Iterator[Change]:
    part = None if new.name == new.place.name else Part(new.kind, new.name)
    for name in dict.fromkeys([*old, *new.fields]):
        before, after = old.get(name), new.fields.get(name)
        if before is None or after is None:
            # The engine's model differs between the two versions: a field came or went.
            before = before or Field("detail", None, "(none)")
            after = after or Field("detail", None, "(none)")
        if before.value == after.value:
            continue
        if after.role == "citations":
            yield _citations(new.place, name, (before.value, after.value), source_titles, part)
        else:
            yield _EDITS[after.role](new.place, name, before.shown, after.shown, part)


def _citations(
    place: Place,
    name: str,
    values: tuple[object, object],
    source_titles: Mapping[str, str],
    part: Part | None,
) -> CitationsChanged:
    before, after = dict(_pairs(values[0])), dict(_pairs(values[1]))

    def title(source_id: str) -> str:
        return source_titles.get(source_id, source_id)

    return CitationsChanged(
        place,
        name,
        added=tuple(title(s) for s in after if s not in before),
        removed=tuple(title(s) for s in before if s not in after),
        requoted=tuple(title(s) for s in after if s in before and before[s] != after[s]),
        part=part,
    )


def _pairs(value: object) -> Iterable[tuple[str, str]]:
    return value if isinstance(value, tuple) else ()


def _moves(old: Moves, new: Moves, titles: Mapping[str, str]) -> Iterator[Change]:
    def page(url: str, anchor: str | None = None) -> Place:
        return Place(url, titles.get(url, url), anchor, f"#{anchor}" if anchor else "")

    for p in new.pages:
        if p not in old.pages:
            yield PageMoved(page(p.target), p.source)
    for p in old.pages:
        if p not in new.pages:
            yield MoveDropped(page(p.target), p.source)
    for a in new.anchors:
        if a not in old.anchors:
            yield AnchorMoved(page(a.page, a.target), a.source)
    for a in old.anchors:
        if a not in new.anchors:
            yield MoveDropped(page(a.page, a.target), a.source)


def _reorderings(old: Iterable[Ordering], new: Iterable[Ordering]) -> Iterator[Reordered]:
    """Lists whose items in both versions come in another order (additions aside)."""
    before = {ordering.key: ordering.ids for ordering in old}
    for ordering in new:
        if ordering.key not in before:
            continue
        common = set(before[ordering.key]) & set(ordering.ids)
        was = [i for i in before[ordering.key] if i in common]
        if was != [i for i in ordering.ids if i in common]:
            yield Reordered(ordering.place, ordering.what)
