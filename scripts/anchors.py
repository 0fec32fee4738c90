"""Record the guide's published anchors, on purpose.

    python scripts/anchors.py update   build the guide and add every page and anchor it now
                                       has to data/published-anchors.json (nothing is removed)
    python scripts/anchors.py check    fail, naming them, if the guide has pages or anchors the
                                       manifest does not list yet

Removing or renaming a published anchor is never done here: declare where it moved in
data/moved.yml, and the build keeps the old link working.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crossroads.anchors import (  # noqa: E402
    MANIFEST_NAME,
    UPDATE_COMMAND,
    merged,
    read_manifest,
    write_manifest,
)


def current_anchors() -> dict[str, set[str]]:
    with tempfile.TemporaryDirectory() as temporary:
        record = Path(temporary) / "anchors.json"
        env = {**os.environ, "CROSSROADS_RECORD_ANCHORS": str(record), "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--quiet",
                "-f",
                str(ROOT / "mkdocs.yml"),
                "-d",
                str(Path(temporary) / "site"),
            ],
            check=True,
            env=env,
        )
        raw = json.loads(record.read_text(encoding="utf-8"))
    return {page: set(ids) for page, ids in raw["pages"].items()}


def main(argv: list[str]) -> int:
    if argv not in (["update"], ["check"]):
        print(__doc__, file=sys.stderr)
        return 2
    manifest_path = ROOT / "data" / MANIFEST_NAME
    published = read_manifest(manifest_path)
    current = current_anchors()
    after = merged(published, current)
    new = sorted(
        f"/{page}#{anchor}" if anchor else f"/{page}"
        for page, ids in after.items()
        for anchor in ([""] if page not in published else [])
        + sorted(ids - published.get(page, set()))
    )
    if argv == ["update"]:
        write_manifest(manifest_path, after)
        print(f"{len(new)} new pages and anchors recorded in data/{MANIFEST_NAME}")
        return 0
    if new:
        print(f"data/{MANIFEST_NAME} does not list {len(new)} published pages or anchors:")
        for item in new[:50]:
            print(f"  {item}")
        print(f"record them on purpose with: {UPDATE_COMMAND}")
        return 1
    print(f"data/{MANIFEST_NAME} lists every page and anchor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
