"""The command line: ``python -m crossroads check|new|upgrade|anchors|schemas|watch|generate|
finish|diff``.

``check`` runs every check the build runs (data, markers, links and anchors in hand-written
pages, the nav, published anchors) and prints every problem as ``file:line: where: what``,
then exits 1; on a valid guide it prints a summary, warns about what the build only warns
about (fatal with ``--strict``), stale citations, thin coverage and technologies an item
names but is not tagged with, and exits 0.
``new`` writes a complete, buildable guide into DIR without overwriting anything;
``upgrade DIR`` brings a guide made by an earlier engine up to this one (its hooks file, the
engine's wheel and pin, the lock file and the schemas).
``anchors update|check`` records published anchors; ``schemas write|check`` keeps the JSON
Schemas editors use in ``data/schemas/``; ``watch`` re-reads every cited source.
``generate OUT`` writes the guide as a plain project that builds without hooks, and
``finish SITE`` does the post-build work on what any builder made of it.
``diff BASE HEAD`` prints, as Markdown, what readers would see change between two git
revisions or two guide folders.
Each command is a module of :mod:`crossroads.commands`; this module only dispatches.
"""

from __future__ import annotations

import argparse
import sys
from types import ModuleType

from crossroads.commands import (
    anchors,
    check,
    diff,
    finish,
    generate,
    new,
    schemas,
    upgrade,
    watch,
)

# In the order --help lists them.
COMMANDS: dict[str, ModuleType] = {
    "check": check,
    "new": new,
    "upgrade": upgrade,
    "anchors": anchors,
    "schemas": schemas,
    "watch": watch,
    "generate": generate,
    "finish": finish,
    "diff": diff,
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m crossroads")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in COMMANDS.values():
        module.add(commands)
    arguments = parser.parse_args(argv)
    status: int = COMMANDS[arguments.command].run(arguments)
    return status


def cli() -> None:
    """The ``crossroads`` command."""
    raise SystemExit(main(sys.argv[1:]))


if __name__ == "__main__":
    cli()
