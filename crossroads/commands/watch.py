"""``python -m crossroads watch``: fetch every cited source and report those that no longer
say what the guide quotes (:mod:`crossroads.watch`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crossroads.build_date import build_date
from crossroads.commands import Subparsers, add_folder, open_project
from crossroads.errors import DataError
from crossroads.validation import load_guide
from crossroads.watch import report, watch


def add(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "watch", help="fetch every source and report those that no longer say what is quoted"
    )
    add_folder(parser)
    parser.add_argument("--report", type=Path, help="also write the Markdown report here")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per request")


def run(arguments: argparse.Namespace) -> int:
    project = open_project(arguments.project)
    if project is None:
        return 2
    today = build_date()
    try:
        guide = load_guide(project.data_dir, today)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 2
    findings = watch(guide, timeout=arguments.timeout)
    text = report(findings, len(guide.sources), today.isoformat())
    if arguments.report is not None:
        arguments.report.write_text(text, encoding="utf-8")
    print(text, end="")
    return 1 if findings else 0
