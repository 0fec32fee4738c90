"""``python -m crossroads new DIR``: a complete, buildable guide, overwriting nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crossroads.commands import Subparsers
from crossroads.scaffold import ScaffoldError, new_guide


def add(commands: Subparsers) -> None:
    new = commands.add_parser("new", help="start a new guide in DIR")
    new.add_argument("directory", type=Path, metavar="DIR")


def run(arguments: argparse.Namespace) -> int:
    directory: Path = arguments.directory
    try:
        written = new_guide(directory)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote a new guide to {directory} ({len(written)} files). Next:")
    print(f"  cd {directory}")
    print("  scripts/serve.sh     # serve it on http://127.0.0.1:8000/")
    print("  scripts/test.sh      # check the data and build it as CI does")
    return 0
