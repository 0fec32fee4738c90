"""Record this guide's published anchors on purpose: ``python scripts/anchors.py update|check``.

The same as ``python -m crossroads anchors update|check`` (see crossroads/anchor_manifest.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crossroads.__main__ import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main(["anchors", *sys.argv[1:], str(ROOT)]))
