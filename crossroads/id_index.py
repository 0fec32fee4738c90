"""Steps two and three of loading a guide, *index* and *check references*.

*index* collects every id the data defines (``Defines`` in the model), one kind at a time,
and reports an id defined twice. *check references* then looks up every id the data refers
to (``RefersTo``), suggesting the nearest known id for a typo. Both work from the mentions
:mod:`crossroads.refs` read off the model's type hints, so no reference field is checked by
hand and none can be forgotten.

A kind whose defining file failed to parse has unknown ids: references to it are not
checked, rather than all reported as unknown. A file that failed in a folder still names
its item by its file name, so references to that item are not reported either.
"""

from __future__ import annotations

from collections.abc import Iterable

from crossroads.data_files import DataFile
from crossroads.errors import DataProblem
from crossroads.loading import Location
from crossroads.refs import id_kind, kinds_defined
from crossroads.suggest import did_you_mean

# kind -> every id defined for it, or None when a file that could define some failed
KnownIds = dict[str, set[str] | None]


def index_ids(files: Iterable[DataFile]) -> tuple[KnownIds, list[DataProblem]]:
    """Every defined id by kind, and a problem for each id defined a second time."""
    known: dict[str, set[str]] = {}
    unknown: set[str] = set()
    first: dict[tuple[str, str], tuple[DataFile, Location]] = {}
    problems: list[DataProblem] = []
    for file in files:
        if file.value is None:
            unknown |= _kinds_lost(file, known)
            continue
        for mention in file.mentions:
            if not mention.defines:
                continue
            earlier = first.setdefault((mention.kind, mention.id), (file, mention.location))
            if earlier != (file, mention.location):
                problems.append(_duplicate(file, mention.location, mention.id, earlier))
            known.setdefault(mention.kind, set()).add(mention.id)
    index: KnownIds = {kind: set(ids) for kind, ids in known.items()}
    index.update(dict.fromkeys(unknown))
    return index, problems


def _kinds_lost(file: DataFile, known: dict[str, set[str]]) -> set[str]:
    """The kinds whose ids a failed file leaves unknown; its own item keeps its file name."""
    kinds = kinds_defined(file.model)
    item_kind = id_kind(file.model) if file.folder else None
    if item_kind is not None:
        known.setdefault(item_kind, set()).add(file.path.stem)
        kinds.discard(item_kind)
    return kinds


def _duplicate(
    file: DataFile, location: Location, item_id: str, earlier: tuple[DataFile, Location]
) -> DataProblem:
    assert file.document is not None
    first_file, first_location = earlier
    assert first_file.document is not None
    line = first_file.document.line_of(first_location)
    place = f"line {line}" if first_file is file else f"{first_file.document.name}:{line}"
    return file.document.problem(location, f"duplicate id {item_id!r} (first used at {place})")


def check_references(files: Iterable[DataFile], known: KnownIds) -> list[DataProblem]:
    """A problem for every id referred to that no file defines."""
    problems: list[DataProblem] = []
    for file in files:
        if file.document is None:
            continue
        for mention in file.mentions:
            ids = known.get(mention.kind, set())
            if mention.defines or ids is None or mention.id in ids:
                continue
            hint = did_you_mean(mention.id, ids)
            message = f"unknown {mention.kind} {mention.id!r}{hint}"
            problems.append(file.document.problem(mention.location, message))
    return problems
