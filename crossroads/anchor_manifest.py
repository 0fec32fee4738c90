"""``python -m crossroads anchors update|check``: record published anchors on purpose.

``update`` adds every page and anchor the guide now has to ``data/published-anchors.json``
(nothing is ever removed), and records in ``data/section-history.json`` which sections
changed today and how (:mod:`crossroads.history_update`); ``check`` fails, naming them, if
the guide has pages or anchors the manifest does not list yet, or sections that changed since
the history's last record (the "What changed" page and the sections' dates would miss them).
Removing or renaming a published anchor is never done here: declare where it moved in
``data/moved.yml``, and the build keeps the old link working.
"""

from __future__ import annotations

import datetime as dt

from crossroads import rendering
from crossroads.anchors import (
    MANIFEST_NAME,
    UPDATE_COMMAND,
    Anchors,
    merged,
    read_manifest,
    write_manifest,
)
from crossroads.history import HISTORY_FILE, History, read_history, write_history
from crossroads.history_update import CHANGES_URL, recorded, with_history
from crossroads.pages import page_anchors, rendered, rendered_pages
from crossroads.paths import path_for
from crossroads.project import Project
from crossroads.validation import load_guide


def recording(project: Project, today: dt.date) -> tuple[Anchors, History]:
    """The guide's section history with today's version recorded, and the anchors the guide
    then has."""
    guide = load_guide(project.data_dir, today)
    html = rendered_pages(project, guide, today)
    history = recorded(guide, html, today)
    guide = with_history(guide, history)
    # Of every page, only "What changed" is made from the history: render it as it is now.
    html.pop(CHANGES_URL, None)
    if history.entries:
        page = {path_for("changes"): rendering.changes_page(guide)}
        html.update(rendered(page, project))
    return page_anchors(html, guide), history


def new_anchors(published: Anchors, after: Anchors) -> list[str]:
    return sorted(
        f"/{page}#{anchor}" if anchor else f"/{page}"
        for page, ids in after.items()
        for anchor in ([""] if page not in published else [])
        + sorted(ids - published.get(page, set()))
    )


def undated(before: History, after: History) -> list[str]:
    """Pages and sections that changed since the history's last record, as ``update`` would
    date them today."""
    return [
        f"/{entry.page}#{entry.anchor}" if entry.anchor else f"/{entry.page}"
        for entry in after.entries
        if entry not in before.entries
    ]


def check(project: Project, today: dt.date) -> int:
    """Fail, naming them, if the manifest misses an anchor or the history a change."""
    published = read_manifest(project.manifest)
    current, history = recording(project, today)
    new = new_anchors(published, merged(published, current))
    if new:
        print(f"data/{MANIFEST_NAME} does not list {len(new)} published pages or anchors:")
        print("".join(f"  {item}\n" for item in new[:50]), end="")
    before = read_history(project.data_dir)
    # A guide whose history has not begun has nothing to miss: it begins with ``update``.
    changed = undated(before, history) if before.began is not None else []
    if changed:
        print(f"data/{HISTORY_FILE} does not record {len(changed)} changed pages or sections:")
        print("".join(f"  {item}\n" for item in changed[:50]), end="")
    if new or changed:
        print(f"record them on purpose with: {UPDATE_COMMAND}")
        return 1
    print(f"data/{MANIFEST_NAME} lists every page and anchor; data/{HISTORY_FILE} is current")
    return 0


def update(project: Project, today: dt.date) -> int:
    published = read_manifest(project.manifest)
    current, history = recording(project, today)
    after = merged(published, current)
    new = new_anchors(published, after)
    write_manifest(project.manifest, after)
    write_history(project.data_dir, history)
    print(f"{len(new)} new pages and anchors recorded in data/{MANIFEST_NAME}")
    today_entries = [e for e in history.entries if e.date == today]
    if not history.entries and history.began == today:
        print(f"data/{HISTORY_FILE}: the guide's history begins today")
    else:
        print(f"data/{HISTORY_FILE}: {len(today_entries)} sections changed on {today.isoformat()}")
    return 0


def anchors_command(action: str, project: Project, today: dt.date) -> int:
    return update(project, today) if action == "update" else check(project, today)
