"""``python -m crossroads finish SITE``: the post-build work on a site any builder made of the
generated project (:mod:`crossroads.finish`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crossroads.build_date import build_date
from crossroads.commands import Subparsers, open_project
from crossroads.errors import DataError
from crossroads.finish import finish


def add(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "finish", help="after building OUT: aliases, markup repair, promise check, redirects"
    )
    parser.add_argument("site", type=Path, metavar="SITE", help="the built site")
    parser.add_argument("--project", default=Path(), type=Path, help="the guide's folder")


def run(arguments: argparse.Namespace) -> int:
    project = open_project(arguments.project)
    if project is None:
        return 2
    site: Path = arguments.site
    if not (site / "index.html").is_file():
        print(f"{site}: no index.html here; build the site first", file=sys.stderr)
        return 2
    try:
        finished = finish(site, project, build_date())
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(
        f"{site}: finished ({len(finished.changed)} pages repaired or given anchor aliases, "
        f"{len(finished.redirects)} redirect pages, search: {finished.search.records} sections "
        f"of {finished.search.pages} pages)"
    )
    return 0
