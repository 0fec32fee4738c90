"""Build the guide for publishing, never leaving a half-built site behind.

    python scripts/build.py [SITE_DIR]      (default: site)

MkDocs empties its site folder before it knows whether the build will succeed. This script
builds into a fresh folder beside SITE_DIR and swaps it in only when `mkdocs build --strict`
succeeded, so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else ROOT / "site").resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(staging),
        ],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed: {site} was left as it was", file=sys.stderr)
        return result.returncode
    previous = site.with_name(f".{site.name}-old")
    shutil.rmtree(previous, ignore_errors=True)
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"built {site}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
