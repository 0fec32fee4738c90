"""``python -m crossroads schemas write|check``: the data files' JSON Schemas in ``data/schemas/``.

Each data file names its schema in its first line (:func:`modeline`), so an editor that
reads yaml-language-server modelines completes keys and flags mistakes as the author types.
The schemas come from the engine's model (:mod:`crossroads.json_schema`) and are the same for
every guide: ``crossroads new`` writes them, ``write`` refreshes them after an engine upgrade,
and ``check`` fails, printing the command that fixes it, when a copy is missing or stale.
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path, PurePosixPath

from crossroads.data_files import FOLDERS, SCHEMAS_FOLDER, SINGLE_FILES
from crossroads.json_schema import JsonSchema, file_schema
from crossroads.project import Project

SUFFIX = ".schema.json"
MODELINE = "# yaml-language-server: $schema="
WRITE_COMMAND = "python -m crossroads schemas write"


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _shapes() -> dict[str, tuple[type, str]]:
    """Schema name -> the record at the top of its files, and which files those are."""
    shapes = {
        PurePosixPath(name).stem: (model, f"data/{name}")
        for name, (model, _) in SINGLE_FILES.items()
    }
    for folder, item in FOLDERS.items():
        shapes[_kebab(item.__name__)] = (item, f"data/{folder}/<id>.yml")
    return shapes


def schema_name(relative: str) -> str | None:
    """The schema of the data file at ``relative`` (a path under ``data/``), if one is read."""
    path = PurePosixPath(relative)
    if path.as_posix() in SINGLE_FILES:
        return path.stem
    if len(path.parts) == 2 and path.parts[0] in FOLDERS and path.suffix == ".yml":
        return _kebab(FOLDERS[path.parts[0]].__name__)
    return None


def modeline(relative: str) -> str | None:
    """The first line of the data file at ``relative``: where its schema is, from there."""
    name = schema_name(relative)
    if name is None:
        return None
    up = "../" * (len(PurePosixPath(relative).parts) - 1)
    return f"{MODELINE}{up}{SCHEMAS_FOLDER}/{name}{SUFFIX}"


def schemas() -> dict[str, JsonSchema]:
    """Every schema by file name, such as ``technology.schema.json``."""
    return {
        f"{name}{SUFFIX}": file_schema(model, f"Crossroads data file {files}")
        for name, (model, files) in sorted(_shapes().items())
    }


def render(schema: JsonSchema) -> str:
    """A schema file's text: sorted keys and a two-space indent, so it diffs and never churns."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_texts() -> dict[str, str]:
    """Every schema file's name and text."""
    return {name: render(schema) for name, schema in schemas().items()}


def out_of_date(data_dir: Path) -> list[tuple[str, str]]:
    """Files in ``data/schemas/`` to write or remove, each with what is wrong with it."""
    folder = data_dir / SCHEMAS_FOLDER
    wanted = schema_texts()
    found: list[tuple[str, str]] = []
    for name, text in wanted.items():
        path = folder / name
        if not path.is_file():
            found.append((name, "missing"))
        elif path.read_text(encoding="utf-8") != text:
            found.append((name, "out of date"))
    extra = sorted(p.name for p in folder.glob(f"*{SUFFIX}") if p.name not in wanted)
    return found + [(name, "no longer made") for name in extra]


def write_schemas(data_dir: Path) -> list[str]:
    """Bring ``data/schemas/`` up to date, touching only the files that change."""
    folder = data_dir / SCHEMAS_FOLDER
    folder.mkdir(exist_ok=True)
    wanted = schema_texts()
    changed = [name for name, _ in out_of_date(data_dir)]
    for name in changed:
        if name in wanted:
            (folder / name).write_text(wanted[name], encoding="utf-8", newline="\n")
        else:
            (folder / name).unlink()
    return changed


def schemas_command(action: str, project: Project) -> int:
    """``schemas write`` or ``schemas check`` for the guide ``project``; the exit status."""
    data_dir = project.data_dir
    where = f"data/{SCHEMAS_FOLDER}/"
    if not data_dir.is_dir():
        print(f"{project.root}: no data/ folder here; run it in a guide's folder", file=sys.stderr)
        return 2
    if action == "write":
        changed = write_schemas(data_dir)
        for name in changed:
            done = "written" if (data_dir / SCHEMAS_FOLDER / name).exists() else "removed"
            print(f"  {name}: {done}")
        print(f"{where} matches this engine's data model ({len(changed)} file(s) changed)")
        return 0
    stale = out_of_date(data_dir)
    if stale:
        print(f"{where} does not match this engine's data model:")
        for name, problem in stale:
            print(f"  {name}: {problem}")
        here = "" if project.root == Path() else f" {shlex.quote(str(project.root))}"
        print(f"regenerate them with: {WRITE_COMMAND}{here}")
        return 1
    print(f"{where} matches this engine's data model")
    return 0
