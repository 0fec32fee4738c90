"""The generator's own work, alone: CPU seconds to import, load, validate and render a guide.

Run by scripts/benchmark.py in a fresh process: ``python benchmark_own_work.py DATA DATE``.
It prints the CPU seconds; the import of the package is counted, as in a real build.
"""

from __future__ import annotations

import time

_started = time.process_time()

import datetime as dt  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crossroads.publication import Publication  # noqa: E402
from crossroads.site import generated_pages  # noqa: E402
from crossroads.validation import load_guide  # noqa: E402


def main(data: str, day: str) -> float:
    today = dt.date.fromisoformat(day)
    guide = load_guide(Path(data), today)
    generated_pages(guide, today, Publication("https://x.example.org/", "https://github.com/x/y"))
    return time.process_time() - _started


if __name__ == "__main__":
    print(main(sys.argv[1], sys.argv[2]))
