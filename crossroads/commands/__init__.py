"""The commands of ``python -m crossroads``, one module each, as MkDocs has ``commands/``.

Each module has ``add(commands)``, which declares its arguments, and ``run(arguments)``,
which returns the exit status. Commands share :class:`crossroads.project.Project` and the
engine's modules, never one another; :mod:`crossroads.__main__` lists them and dispatches.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TypeAlias

from crossroads.project import CONFIG_NAME, Project, ProjectError

# A string: argparse's class cannot be subscripted at run time, only by the type checker.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def open_project(folder: Path, command: str = "this") -> Project | None:
    """The guide in ``folder``, or None after saying why there is none."""
    if not (folder / CONFIG_NAME).is_file():
        where = f"{folder}: no {CONFIG_NAME} here"
        print(f"{where}; run {command} in a guide's folder", file=sys.stderr)
        return None
    try:
        return Project.open(folder)
    except ProjectError as exc:
        print(exc, file=sys.stderr)
        return None


def add_folder(parser: argparse.ArgumentParser) -> None:
    """The guide's folder, as the last argument (default: here)."""
    parser.add_argument("project", nargs="?", default=".", type=Path, help="the guide's folder")
