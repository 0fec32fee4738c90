"""``python -m crossroads generate OUT``: the guide as a plain project any builder builds
(:mod:`crossroads.generate`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crossroads.build_date import build_date
from crossroads.commands import Subparsers, open_project
from crossroads.errors import DataError
from crossroads.generate import GenerateError, generate
from crossroads.validation import stale_sources


def add(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "generate", help="write the guide as a plain project (mkdocs.yml + docs/) into OUT"
    )
    parser.add_argument("out", type=Path, metavar="OUT")
    parser.add_argument("--project", default=Path(), type=Path, help="the guide's folder")


def run(arguments: argparse.Namespace) -> int:
    project = open_project(arguments.project)
    if project is None:
        return 2
    out: Path = arguments.out
    today = build_date()
    try:
        generated = generate(project, out, today)
    except (DataError, GenerateError) as exc:
        print(exc, file=sys.stderr)
        return 1
    for source_id, checked in stale_sources(generated.guide, today):
        print(f"warning: source {source_id!r} was last checked on {checked}", file=sys.stderr)
    print(f"wrote {out}/mkdocs.yml and {len(generated.pages)} pages to {out}/docs. Next:")
    print(f"  mkdocs build --strict -f {out}/mkdocs.yml -d SITE")
    print("  python -m crossroads finish SITE")
    return 0
