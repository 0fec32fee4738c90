"""``crossroads new DIR``: write a complete guide that builds at once.

The guide gets the project layout (``docs/``, ``data/``, ``hooks/``, ``mkdocs.yml``,
``scripts/``, ``README.md``) with neutral example data from ``crossroads/scaffold/``, the
JSON Schemas its data files name (``data/schemas/``, generated from the engine's model), the
hash-locked packages the engine builds with, and the engine itself as a pinned dependency
(``requirements-engine.txt``). Nothing that already exists is overwritten.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from crossroads.data_files import SCHEMAS_FOLDER
from crossroads.engine_files import PACKAGE_DIR
from crossroads.schema_files import schema_texts

SCAFFOLD_DIR = PACKAGE_DIR / "scaffold"
ENGINE_ROOT = PACKAGE_DIR.parent
ENGINE_VERSION = "0.1.0"


class ScaffoldError(Exception):
    """The new guide cannot be written where it was asked for."""


def engine_requirement() -> str:
    """The line that pins the engine in a new guide's ``requirements-engine.txt``."""
    if (ENGINE_ROOT / "pyproject.toml").is_file():
        # Not published yet: the guide records the checkout it was made from.
        return (
            f"# The Crossroads engine, version {ENGINE_VERSION}. It is not on PyPI yet, so this "
            "is the checkout\n# the guide was made from; to upgrade, point it at a newer one.\n"
            f"crossroads @ {ENGINE_ROOT.as_uri()}\n"
        )
    return f"# The Crossroads engine this guide is built with.\ncrossroads=={ENGINE_VERSION}\n"


def planned_files() -> dict[Path, bytes]:
    """Every file of a new guide, relative to its folder, and its content."""
    files = {
        path.relative_to(SCAFFOLD_DIR): path.read_bytes()
        for path in sorted(SCAFFOLD_DIR.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    for name, text in schema_texts().items():
        files[Path("data", SCHEMAS_FOLDER, name)] = text.encode()
    files[Path("requirements-engine.txt")] = engine_requirement().encode()
    lock = ENGINE_ROOT / "requirements.lock"
    if lock.is_file():
        files[Path("requirements.lock")] = lock.read_bytes()
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
