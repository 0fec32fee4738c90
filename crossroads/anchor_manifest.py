"""``python -m crossroads anchors update|check``: record published anchors on purpose.

``update`` adds every page and anchor the guide now has to ``data/published-anchors.json``
(nothing is ever removed); ``check`` fails, naming them, if the guide has pages or anchors
the manifest does not list yet. Removing or renaming a published anchor is never done
here: declare where it moved in ``data/moved.yml``, and the build keeps the old link working.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crossroads.anchors import MANIFEST_NAME, UPDATE_COMMAND, merged, read_manifest, write_manifest
from crossroads.checking import current_anchors
from crossroads.validation import load_guide


def unrecorded(config_file: Path, today: dt.date) -> tuple[list[str], dict[str, set[str]]]:
    """Pages and anchors the manifest does not list yet, and the manifest with them added."""
    manifest_path = config_file.parent / "data" / MANIFEST_NAME
    published = read_manifest(manifest_path)
    guide = load_guide(config_file.parent / "data", today)
    after = merged(published, current_anchors(config_file, guide, today))
    new = sorted(
        f"/{page}#{anchor}" if anchor else f"/{page}"
        for page, ids in after.items()
        for anchor in ([""] if page not in published else [])
        + sorted(ids - published.get(page, set()))
    )
    return new, after


def anchors_command(action: str, config_file: Path, today: dt.date) -> int:
    new, after = unrecorded(config_file, today)
    if action == "update":
        write_manifest(config_file.parent / "data" / MANIFEST_NAME, after)
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
