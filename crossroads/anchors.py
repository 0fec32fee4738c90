"""Anchors are a promise: the published-anchors manifest, aliases and page redirects.

``data/published-anchors.json`` lists every page URL and every id on it that has been
published. A build fails when one of them is gone, unless ``data/moved.yml`` says where it
went: a page redirect (a small HTML page at the old URL) or an anchor alias (an empty
element with the old id placed right before the new target, so the browser, and Material's
instant navigation, scroll to the right spot).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path

from crossroads.model import Moves, PageMove

MANIFEST_NAME = "published-anchors.json"
UPDATE_COMMAND = "python scripts/anchors.py update"

_ID = re.compile(r"""\sid=["']([^"']+)["']""")

Anchors = dict[str, set[str]]


def ids_in(html: str) -> set[str]:
    """Every id attribute in a page's content."""
    return set(_ID.findall(html))


def read_manifest(path: Path) -> Anchors:
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {page: set(ids) for page, ids in raw["pages"].items()}


def write_manifest(path: Path, anchors: Mapping[str, Iterable[str]]) -> None:
    data = {"pages": {page: sorted(set(ids)) for page, ids in sorted(anchors.items())}}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def merged(published: Anchors, current: Anchors) -> Anchors:
    """The manifest after recording ``current``: nothing published is ever dropped."""
    result = {page: set(ids) for page, ids in published.items()}
    for page, ids in current.items():
        result.setdefault(page, set()).update(ids)
    return result


def broken_promises(published: Anchors, current: Anchors, moves: Moves) -> list[str]:
    """Published pages and anchors that no longer exist and have no declared move."""
    moved_pages = {m.source for m in moves.pages}
    problems: list[str] = []
    for page, ids in sorted(published.items()):
        if page in moved_pages:
            continue
        if page not in current:
            problems.append(
                f"published page /{page} is gone: restore it, or add to data/moved.yml "
                f"'pages: - {{from: {page}, to: <new page>}}'"
            )
            continue
        for anchor in sorted(ids - current[page]):
            problems.append(
                f"published anchor /{page}#{anchor} is gone: restore it, or add to "
                f"data/moved.yml 'anchors: - {{page: {page}, from: {anchor}, to: <new id>}}'"
            )
    return problems


def add_aliases(html: str, aliases: Mapping[str, str]) -> str:
    """Insert an element with each old id right before the element carrying its new id.

    ``aliases`` maps old id -> new id. Raises ``KeyError`` naming an alias whose target id is
    not on the page, so a wrong alias fails the build instead of landing nowhere.
    """
    for old, new in aliases.items():
        match = re.search(rf"""<[a-zA-Z0-9]+[^>]*\sid=["']{re.escape(new)}["']""", html)
        if match is None:
            raise KeyError(f"anchor alias {old!r} points to {new!r}, which is not on the page")
        marker = f'<span id="{escape(old)}" class="cr-alias" aria-hidden="true"></span>'
        html = html[: match.start()] + marker + html[match.start() :]
    return html


def relative_url(move: PageMove) -> str:
    """The new URL as seen from the old one, so redirects work under any site prefix."""
    depth = move.source.count("/")
    return "../" * depth + move.target if depth else move.target or "./"


def redirect_page(target: str) -> str:
    """A page that sends readers (and their #anchor) on to ``target``, a relative URL."""
    safe = escape(target, quote=True)
    script_target = json.dumps(target)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>This page has moved</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{safe}">
<meta http-equiv="refresh" content="0; url={safe}">
<script>location.replace({script_target} + location.search + location.hash);</script>
</head>
<body>
<p>This page has moved to <a href="{safe}">its new address</a>.</p>
</body>
</html>
"""
