"""``python -m crossroads diff BASE HEAD``: what readers would see change, as Markdown, between
two git revisions or two guide folders (:mod:`crossroads.diff`, :mod:`crossroads.revisions`).

A side may be a folder holding only ``data/``, so this command reads guides by their data,
not through :class:`crossroads.project.Project`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crossroads.build_date import build_date
from crossroads.commands import Subparsers
from crossroads.diff import diff
from crossroads.diff_markdown import to_markdown
from crossroads.errors import DataError
from crossroads.revisions import RevisionError, load_version


def add(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "diff", help="print, as Markdown, what readers would see change from BASE to HEAD"
    )
    for name in ("base", "head"):
        parser.add_argument(
            name,
            metavar=name.upper(),
            help="a git revision (commit, branch, tag) or a guide's folder",
        )
    parser.add_argument(
        "--project", default=Path(), type=Path, help="the guide's folder, in the git repository"
    )
    parser.add_argument(
        "--site-url", default="", help="link sections under this address (default: relative links)"
    )


def run(arguments: argparse.Namespace) -> int:
    today = build_date()
    guides = []
    for version in (arguments.base, arguments.head):
        try:
            guides.append(load_version(version, arguments.project, today))
        except RevisionError as exc:
            print(exc, file=sys.stderr)
            return 2
        except DataError as exc:
            print(f"{version}: {exc}", file=sys.stderr)
            return 1
    print(to_markdown(diff(*guides), arguments.site_url), end="")
    return 0
