"""Check the guide's data without building the site: ``python -m crossroads check [DATA_DIR]``.

Prints every problem as ``file:line: where: what`` and exits 1, or prints a summary and exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

from crossroads.build_date import build_date
from crossroads.errors import DataError
from crossroads.validation import load_guide, stale_sources


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "check" or len(argv) > 2:
        print("usage: python -m crossroads check [DATA_DIR]", file=sys.stderr)
        return 2
    data_dir = Path(argv[1] if len(argv) == 2 else "data")
    today = build_date()
    try:
        guide = load_guide(data_dir, today)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(
        f"{data_dir}: {len(guide.technologies)} technologies, {len(guide.criteria)} criteria, "
        f"{len(guide.use_cases)} use cases, {len(guide.flowchart.questions)} questions, "
        f"{len(guide.sources)} sources: valid"
    )
    for source_id, checked in stale_sources(guide, today):
        print(f"warning: source {source_id!r} was last checked on {checked}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
