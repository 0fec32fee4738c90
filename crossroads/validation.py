"""Load a guide's ``data/`` into one validated :class:`~crossroads.model.Guide`, in named steps.

1. *read* (:mod:`crossroads.data_files`): every file the guide reads, parsed against its
   shape in the model; any other data-like file is an error.
2. *index* (:mod:`crossroads.id_index`): every id the data defines, by kind; duplicates.
3. *check*: every id the data refers to is defined (:mod:`crossroads.id_index`), and the
   few rules about meaning hold (:mod:`crossroads.data_rules`).
4. *assemble*: the guide the renderers see, in one reading order.

Each step runs on whatever the earlier ones could read, so one build reports the problems
in every file; nothing is assembled unless there are none.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from crossroads.data_files import DataFile, read_data
from crossroads.data_rules import rule_problems
from crossroads.errors import DataError
from crossroads.guide import Guide
from crossroads.history import History, read_history
from crossroads.id_index import check_references, index_ids
from crossroads.model import ComparisonsFile, Moves, StatementsFile, Technology
from crossroads.page_kinds import BY_FOLDER

STALE_AFTER = dt.timedelta(days=365)


def load_guide(data_dir: Path, today: dt.date) -> Guide:
    """Read and validate the whole guide under ``data_dir``; raise :class:`DataError` if invalid."""
    return assemble(checked_files(data_dir, today), read_history(data_dir))


def checked_files(data_dir: Path, today: dt.date) -> list[DataFile]:
    """Steps 1 to 3: every file read, indexed and checked; raise :class:`DataError` if any
    problem. ``check`` keeps the files to place its warnings at their lines."""
    files, problems = read_data(data_dir)
    known, duplicates = index_ids(files)
    problems += duplicates
    problems += check_references(files, known)
    problems += rule_problems(files, today)
    if problems:
        raise DataError(problems)
    return files


def assemble(files: list[DataFile], history: History | None = None) -> Guide:
    """The guide from files that all parsed and passed every check, with its section history."""
    single = {f.path.name: f.value for f in files if f.folder is None}
    items: dict[str, dict[str, Any]] = {}
    for f in files:
        if f.folder is not None:
            items.setdefault(f.folder, {})[f.value.id] = f.value
    comparisons = single.get("comparisons.yml") or ComparisonsFile()
    by_title = lambda item: item[1].title.lower()  # noqa: E731
    return Guide(
        info=single["guide.yml"],
        sources={s.id: s for s in single["sources.yml"].sources},
        criteria=list(single["criteria.yml"].criteria),
        technologies=_in_reading_order(items.get("technologies", {}), comparisons),
        comparisons=list(comparisons.comparisons),
        statements=list((single.get("statements.yml") or StatementsFile()).statements),
        articles=dict(sorted(items.get("articles", {}).items(), key=by_title)),
        use_cases=dict(sorted(items.get("use-cases", {}).items(), key=by_title)),
        flowchart=single.get("flowchart.yml"),
        moves=single.get("moved.yml") or Moves(),
        origins=_origins(files),
        history=history or History(),
    )


def _origins(files: list[DataFile]) -> dict[str, str]:
    """Which file each part came from, for "report a problem" links: ``technology:<id>``,
    ``use-case:<id>``, ``article:<id>``, and ``sources``, ``criteria`` etc."""
    origins = {}
    for f in files:
        assert f.document is not None
        key = f"{BY_FOLDER[f.folder].name}:{f.value.id}" if f.folder else f.path.stem
        origins[key] = f.document.name
    return origins


def _in_reading_order(
    technologies: dict[str, Technology], comparisons: ComparisonsFile
) -> dict[str, Technology]:
    """One order for every page: as the comparisons first list them, then by name."""
    listed = [t for c in comparisons.comparisons for t in c.technologies]
    first = {t: position for position, t in reversed(list(enumerate(listed)))}
    return dict(
        sorted(
            technologies.items(),
            key=lambda item: (first.get(item[0], len(listed)), item[1].name.lower()),
        )
    )


def stale_sources(guide: Guide, today: dt.date) -> list[tuple[str, dt.date]]:
    """Sources checked more than a year before ``today``, oldest first."""
    stale = [(s.id, s.checked) for s in guide.sources.values() if today - s.checked > STALE_AFTER]
    return sorted(stale, key=lambda item: (item[1], item[0]))
