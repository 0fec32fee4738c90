"""``python -m crossroads anchors update|check``: record published anchors on purpose
(:mod:`crossroads.anchor_manifest`)."""

from __future__ import annotations

import argparse
import sys

from crossroads.anchor_manifest import anchors_command
from crossroads.build_date import build_date
from crossroads.commands import Subparsers, add_folder, open_project
from crossroads.errors import DataError


def add(commands: Subparsers) -> None:
    anchors = commands.add_parser(
        "anchors", help="record the pages and anchors readers may link to"
    )
    anchors.add_argument("action", choices=["update", "check"])
    add_folder(anchors)


def run(arguments: argparse.Namespace) -> int:
    project = open_project(arguments.project)
    if project is None:
        return 2
    try:
        return anchors_command(arguments.action, project, build_date())
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
