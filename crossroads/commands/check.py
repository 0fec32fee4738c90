"""``python -m crossroads check [--strict]``: every check the build runs, without building.

Prints every problem as ``file:line: where: what`` and exits 1; on a valid guide prints a
summary and warns about what the build only warns about (links and the nav at ``warn``,
fatal with ``--strict``), stale citations, thin coverage and untagged names, and exits 0.
"""

from __future__ import annotations

import argparse
import sys

from crossroads.build_date import build_date
from crossroads.checking import check_project
from crossroads.commands import Subparsers, add_folder, open_project
from crossroads.errors import DataError


def add(commands: Subparsers) -> None:
    check = commands.add_parser("check", help="check a guide as the build does, without building")
    add_folder(check)
    check.add_argument(
        "--strict",
        action="store_true",
        help="fail on what the build only warns about, as mkdocs build --strict does",
    )


def run(arguments: argparse.Namespace) -> int:
    project = open_project(arguments.project, "check")
    if project is None:
        return 2
    try:
        checked = check_project(project, build_date(), strict=arguments.strict)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    guide = checked.guide
    questions = len(guide.flowchart.questions) if guide.flowchart else 0
    print(
        f"{arguments.project}: {len(guide.technologies)} {guide.info.item.many}, "
        f"{len(guide.criteria)} criteria, {len(guide.use_cases)} use cases, "
        f"{questions} questions, {len(guide.sources)} sources: valid"
    )
    for warning in checked.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0
