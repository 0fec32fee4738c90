"""Print the citations due for re-checking, oldest first.

    python scripts/due_citations.py [--all] [--today YYYY-MM-DD]

A citation is due when it was last checked more than 12 months before today (the build warns
about the same ones). --all lists every source with its age, oldest first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crossroads.build_date import build_date  # noqa: E402
from crossroads.validation import STALE_AFTER, load_guide  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="list every source, not just due ones")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    today: dt.date = args.today or build_date()
    guide = load_guide(ROOT / "data", today)
    sources = sorted(guide.sources.values(), key=lambda s: (s.checked, s.id))
    due = [s for s in sources if today - s.checked > STALE_AFTER]
    shown = sources if args.all else due
    for source in shown:
        age = (today - source.checked).days
        mark = "DUE " if source in due else "    "
        print(f"{mark}{source.checked}  {age:>4} days  {source.id}  {source.url}")
    print(
        f"{len(due)} of {len(sources)} citations are due for re-checking (checked > 12 months ago)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
