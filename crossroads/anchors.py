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

from crossroads.errors import DataError, DataProblem
from crossroads.model import Moves, PageMove

MANIFEST_NAME = "published-anchors.json"
MOVES_FILE = "data/moved.yml"
UPDATE_COMMAND = "python -m crossroads anchors update"

# An id attribute: ``id="…"`` after whitespace. The pattern starts at "id=" so the regex
# engine can skip ahead to each "id=" instead of trying every whitespace in a page;
# _id_values checks the whitespace.
_ID = re.compile(r"""id=["']([^"']+)["']""")

Anchors = dict[str, set[str]]


# Ids the engine makes for one page's own use, such as a citation marker's number, start
# with this; data ids cannot contain "_", so none is ever a section someone links to.
PAGE_INTERNAL_PREFIX = "cr_"


def ids_in(html: str) -> set[str]:
    """Every id attribute in a page's content that is a promise: all but page-internal ids."""
    return {i for i in _id_values(html) if not i.startswith(PAGE_INTERNAL_PREFIX)}


def _id_values(html: str) -> list[str]:
    """The value of every ``id="…"`` (or ``id='…'``) after whitespace, in order: what
    ``findall`` of a pattern starting with ``\\s`` finds, three times faster."""
    found = []
    position = 0
    while (match := _ID.search(html, position)) is not None:
        start = match.start()
        if start and html[start - 1].isspace():
            found.append(match.group(1))
            position = match.end()
        else:
            # Not an id attribute ("data-grid="): what it spanned is searched again.
            position = start + 1
    return found


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


def promise_problems(published: Anchors, current: Anchors, moves: Moves) -> list[DataProblem]:
    """Published pages and anchors that are gone without a declared move, and wrong moves.

    ``current`` maps each page URL to the ids it now has, anchor aliases included. Both the
    build and ``python -m crossroads check`` report exactly these problems.
    """
    problems = [
        DataProblem(MOVES_FILE, 1, "pages", f"page {m.source} moves to unknown page {m.target}")
        for m in moves.pages
        if m.target not in current
    ]
    problems += [
        DataProblem(
            MOVES_FILE,
            1,
            "anchors",
            f"anchor alias {m.source!r} on page /{m.page} points to {m.target!r}, "
            "which is not on the page",
        )
        for m in moves.anchors
        if m.target not in current.get(m.page, set())
    ]
    moved_pages = {m.source for m in moves.pages}
    for page, ids in sorted(published.items()):
        if page in moved_pages:
            continue
        if page not in current:
            problems.append(
                _broken(
                    f"published page /{page} is gone: restore it, or add to {MOVES_FILE} "
                    f"'pages: - {{from: {page}, to: <new page>}}'"
                )
            )
            continue
        for anchor in sorted(ids - current[page]):
            problems.append(
                _broken(
                    f"published anchor /{page}#{anchor} is gone: restore it, or add to "
                    f"{MOVES_FILE} 'anchors: - {{page: {page}, from: {anchor}, to: <new id>}}'"
                )
            )
    return problems


def _broken(message: str) -> DataProblem:
    return DataProblem(f"data/{MANIFEST_NAME}", 1, "", message)


def check_promises(data_dir: Path, current: Anchors, moves: Moves) -> None:
    """Raise :class:`DataError` if the built pages break a promise.

    Both the MkDocs adapter and ``python -m crossroads finish`` end their build with this;
    finish returns the anchors it checked, and the adapter keeps them on its build state.
    """
    problems = promise_problems(read_manifest(data_dir / MANIFEST_NAME), current, moves)
    if problems:
        raise DataError(problems)


def aliases_on(page: str, moves: Moves) -> dict[str, str]:
    """Old id -> new id for the anchor aliases ``data/moved.yml`` declares on ``page``."""
    return {m.source: m.target for m in moves.anchors if m.page == page}


def add_aliases(html: str, aliases: Mapping[str, str]) -> str:
    """Insert an element with each old id right before the element carrying its new id.

    ``aliases`` maps old id -> new id. An alias whose target id is not on the page is left
    out here; :func:`promise_problems` reports it and the build stops.
    """
    for old, new in aliases.items():
        match = re.search(rf"""<[a-zA-Z0-9]+[^>]*\sid=["']{re.escape(new)}["']""", html)
        if match is None:
            continue
        marker = f'<span id="{escape(old)}" class="cr-alias" aria-hidden="true"></span>'
        html = html[: match.start()] + marker + html[match.start() :]
    return html


def anchor_content(html: str, aliases: Mapping[str, str]) -> tuple[str, set[str]]:
    """One page's content with its anchor aliases in place, and the ids it now promises."""
    html = add_aliases(html, aliases)
    return html, ids_in(html)


def redirect_files(moves: Moves) -> dict[str, str]:
    """Site-relative path -> redirect page, one at the old URL of each moved page."""
    return {f"{m.source}index.html": redirect_page(relative_url(m)) for m in moves.pages}


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
