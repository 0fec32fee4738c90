"""``crossroads new DIR``: write a complete guide that builds at once.

The guide gets the project layout (``docs/``, ``data/``, ``hooks/``, ``mkdocs.yml``,
``scripts/``, ``README.md``) with neutral example data from ``crossroads/scaffold/``, the
JSON Schemas its data files name (``data/schemas/``, generated from the engine's model), the
hash-locked packages the engine builds with, and the engine itself: a wheel of it in
``vendor/`` (:mod:`crossroads.wheel`), pinned by its sha256 in ``requirements-engine.txt``,
so the guide installs on any machine without the engine's checkout. Nothing that already
exists is overwritten.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from crossroads.data_files import SCHEMAS_FOLDER
from crossroads.engine_files import PACKAGE_DIR
from crossroads.schema_files import schema_texts
from crossroads.wheel import ENGINE_ROOT, Wheel, build_wheel

SCAFFOLD_DIR = PACKAGE_DIR / "scaffold"
VENDOR = Path("vendor")
ENGINE_REQUIREMENT = Path("requirements-engine.txt")
LOCK = Path("requirements.lock")


class ScaffoldError(Exception):
    """The new guide cannot be written where it was asked for."""


def engine_requirement(wheel: Wheel) -> str:
    """A guide's ``requirements-engine.txt``: the vendored wheel, pinned by its hash."""
    return (
        "# The Crossroads engine this guide is built with: the wheel in vendor/, written by\n"
        "# `crossroads new` or `crossroads upgrade` from the engine that ran it. pip checks\n"
        "# its hash on install (scripts/bootstrap.sh); upgrading rewrites both.\n"
        f"./{(VENDOR / wheel.name).as_posix()} --hash=sha256:{wheel.sha256}\n"
    )


def engine_files() -> dict[Path, bytes]:
    """What pins the engine in a guide: its wheel, the requirement naming it, and the
    hash-locked packages it runs with."""
    wheel = build_wheel()
    files = {
        VENDOR / wheel.name: wheel.content,
        ENGINE_REQUIREMENT: engine_requirement(wheel).encode(),
    }
    # In a checkout the lock is beside the package; an installed engine carries a copy.
    for lock in (ENGINE_ROOT / LOCK, SCAFFOLD_DIR / LOCK):
        if lock.is_file():
            files[LOCK] = lock.read_bytes()
            break
    return files


def planned_files() -> dict[Path, bytes]:
    """Every file of a new guide, relative to its folder, and its content."""
    files = {
        path.relative_to(SCAFFOLD_DIR): path.read_bytes()
        for path in sorted(SCAFFOLD_DIR.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    for name, text in schema_texts().items():
        files[Path("data", SCHEMAS_FOLDER, name)] = text.encode()
    files.update(engine_files())
    files[Path(".gitignore")] = b"site/\n.venv/\n"
    return files


def new_guide(directory: Path) -> list[Path]:
    """Write a new guide into ``directory``; refuse before writing if any file exists."""
    files = planned_files()
    existing = sorted(p for p in files if (directory / p).exists())
    if existing:
        names = ", ".join(p.as_posix() for p in existing[:5])
        more = f" and {len(existing) - 5} more" if len(existing) > 5 else ""
        raise ScaffoldError(
            f"{directory}: would overwrite {names}{more}; choose an empty or new folder"
        )
    for relative, content in files.items():
        target = directory / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        source = SCAFFOLD_DIR / relative
        if source.is_file():
            shutil.copymode(source, target)
    return list(files)
