"""``python -m crossroads upgrade [DIR]``: bring a guide made by an earlier engine up to date."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crossroads.commands import Subparsers
from crossroads.upgrade import UpgradeError, upgrade


def add(commands: Subparsers) -> None:
    command = commands.add_parser("upgrade", help="bring the guide in DIR up to this engine")
    command.add_argument("guide", nargs="?", default=".", type=Path, metavar="DIR")


def run(arguments: argparse.Namespace) -> int:
    guide: Path = arguments.guide
    try:
        upgraded = upgrade(guide)
    except UpgradeError as exc:
        print(exc, file=sys.stderr)
        return 2
    for warning in upgraded.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not upgraded.changed:
        print(f"{guide}: already on this engine; nothing changed")
        return 0
    print(f"upgraded {guide}: {', '.join(upgraded.changed)}. Next, in {guide}:")
    print("  scripts/test.sh      # installs the engine's new wheel, checks and builds")
    return 0
