"""``python -m crossroads schemas write|check``: the JSON Schemas editors check data files
against (:mod:`crossroads.schema_files`)."""

from __future__ import annotations

import argparse

from crossroads.commands import Subparsers, add_folder, open_project
from crossroads.schema_files import schemas_command


def add(commands: Subparsers) -> None:
    schemas = commands.add_parser(
        "schemas", help="write or check the JSON Schemas editors check data files against"
    )
    schemas.add_argument("action", choices=["write", "check"])
    add_folder(schemas)


def run(arguments: argparse.Namespace) -> int:
    project = open_project(arguments.project)
    if project is None:
        return 2
    return schemas_command(arguments.action, project)
