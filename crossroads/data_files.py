"""Step one of loading a guide, *read*: which files under ``data/`` it reads, and each one parsed.

Which files the guide reads is decided here once (:data:`SINGLE_FILES`, :data:`FOLDERS`);
any other YAML or JSON file under ``data/`` (but the editors' JSON Schemas in
``data/schemas/``) is an error, so a misspelt name is never
silently ignored. Every file is read and parsed even when others fail, so one build tells
an author everything there is to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crossroads.errors import DataError, DataProblem, display_path
from crossroads.history import HISTORY_FILE
from crossroads.loading import YamlDocument, load_yaml
from crossroads.model import (
    ComparisonsFile,
    CriteriaFile,
    Flowchart,
    GuideInfo,
    Moves,
    SourcesFile,
    StatementsFile,
)
from crossroads.page_kinds import BY_FOLDER
from crossroads.refs import Mention, declared_ids
from crossroads.schema import Invalid, parse
from crossroads.suggest import nearest

MANIFEST_FILE = "published-anchors.json"

# file name -> (its shape, whether a guide must have it)
SINGLE_FILES: dict[str, tuple[type[Any], bool]] = {
    "guide.yml": (GuideInfo, True),
    "sources.yml": (SourcesFile, True),
    "criteria.yml": (CriteriaFile, True),
    "comparisons.yml": (ComparisonsFile, False),
    "statements.yml": (StatementsFile, False),
    "flowchart.yml": (Flowchart, False),
    "moved.yml": (Moves, False),
}
# folder -> the shape of each ``<folder>/<id>.yml``: the page kinds with a file per page.
FOLDERS: dict[str, type[Any]] = {
    folder: kind.model for folder, kind in BY_FOLDER.items() if kind.model is not None
}
# ``<folder>/<name>.schema.json``: the JSON Schemas editors check data files against
# (``crossroads schemas write``); the guide never reads them.
SCHEMAS_FOLDER = "schemas"
_DATA_LIKE = re.compile(r"\.(ya?ml|json)(\W|$)", re.IGNORECASE)


@dataclass
class DataFile:
    """One data file: where it is, its shape, and what parsed (``None`` where it failed)."""

    path: Path
    model: type[Any]
    folder: str | None = None
    document: YamlDocument | None = None
    value: Any = None
    # Every id it defines or refers to, from the model's declarations (crossroads.refs).
    mentions: list[Mention] = field(default_factory=list)


def what_the_guide_reads() -> str:
    names = [
        *SINGLE_FILES,
        MANIFEST_FILE,
        HISTORY_FILE,
        *(f"{folder}/<id>.yml" for folder in FOLDERS),
    ]
    return ", ".join(names)


def read_data(data_dir: Path) -> tuple[list[DataFile], list[DataProblem]]:
    """Every file the guide reads, each parsed as far as it goes, and what went wrong."""
    problems = stray_files(data_dir)
    files = []
    for name, (model, required) in SINGLE_FILES.items():
        path = data_dir / name
        if path.is_file() or required:
            files.append(_read_one(DataFile(path, model), problems))
    for folder, model in FOLDERS.items():
        for path in sorted((data_dir / folder).glob("*.yml")):
            files.append(_read_one(DataFile(path, model, folder), problems))
    if not any(f.folder == "technologies" for f in files):
        message = "no technology files found: add one file per technology, like "
        where = display_path(data_dir / "technologies")
        problems.append(DataProblem(where, 1, "", message + "technologies/<id>.yml"))
    return files, problems


def _read_one(file: DataFile, problems: list[DataProblem]) -> DataFile:
    if not file.path.is_file():
        problems.append(
            DataProblem(display_path(file.path), 1, "", "required data file is missing")
        )
        return file
    try:
        file.document = load_yaml(file.path)
        value = parse(file.model, file.document.data)
    except DataError as exc:
        problems.extend(exc.problems)
        return file
    except Invalid as exc:
        assert file.document is not None
        problems.extend(file.document.problem(p.location, p.message) for p in exc.problems)
        return file
    if file.folder and value.id != file.path.stem:
        message = f"id {value.id!r} must match the file name {file.path.stem!r}"
        problems.append(file.document.problem(("id",), message))
        return file
    file.value = value
    file.mentions = declared_ids(value, file.model)
    return file


def stray_files(data_dir: Path) -> list[DataProblem]:
    """YAML or JSON files under ``data_dir`` that the guide would not read."""
    read = {data_dir / name for name in (*SINGLE_FILES, MANIFEST_FILE, HISTORY_FILE)}
    problems = []
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if not _DATA_LIKE.search(path.name) or path in read:
            continue
        if len(relative.parts) == 2 and relative.parts[0] in FOLDERS and path.suffix == ".yml":
            continue
        if relative.parent.as_posix() == SCHEMAS_FOLDER and path.name.endswith(".schema.json"):
            continue
        advice = f"{_stray_advice(data_dir, relative)} (the guide reads {what_the_guide_reads()})"
        message = f"the guide does not read this file: {advice}"
        problems.append(DataProblem(display_path(path), 1, "", message))
    return problems


def _stray_advice(data_dir: Path, relative: Path) -> str:
    """What to do with a stray file: make it the file the guide reads that it was meant to
    be, unless that one exists (then it is a copy), or take it out of data/."""
    meant = _meant_as(relative)
    if meant is None:
        return "move it out of data/, or delete it"
    if (data_dir / meant).exists():
        return f"it looks like a copy of {meant.as_posix()}: delete it, or move it out of data/"
    if meant.name == relative.name:
        return f"move it to the folder {meant.parent.as_posix()}/"
    if meant.parent != relative.parent:
        return f"move it to {meant.as_posix()}"
    return f"rename it to {meant.as_posix()}"


def _meant_as(relative: Path) -> Path | None:
    """The file the guide reads that ``relative`` looks meant to be: the same name with the
    extension the guide reads (``.yml``; ``.json`` for the manifest), in the folder it names
    or the nearest one; or ``None``, if no file the guide reads is near."""
    found = _DATA_LIKE.search(relative.name)
    assert found is not None  # only data-like files are strays
    stem = relative.name[: found.start()]
    if len(relative.parts) == 1:
        names = [*SINGLE_FILES, MANIFEST_FILE, HISTORY_FILE]
        extension = ".json" if found.group(1).lower() == "json" else ".yml"
        name = nearest(stem + extension, names)
        return Path(name) if name else None
    folder = (
        relative.parts[0] if relative.parts[0] in FOLDERS else nearest(relative.parts[0], FOLDERS)
    )
    if folder is None or len(relative.parts) > 2:
        return None
    return Path(folder, f"{stem}.yml")
