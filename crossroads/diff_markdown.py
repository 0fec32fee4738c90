"""The changes :func:`crossroads.diff.diff` finds, as Markdown for a pull request or a terminal.

Changes are grouped by page (pages added, removed and moved first), each a bullet that
links the section by its anchor and says what changed. Links are relative to the site's
root, or absolute under ``site_url``. Data text comes from pull requests, so every piece of
it is escaped: it shows as written and cannot add markup, links or @-mentions to a comment.
The guide's own "What changed" page and feed show the same words (:func:`describe`), made
HTML by :func:`crossroads.changes.line_html`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from crossroads.diff import (
    AnchorMoved,
    Change,
    CitationsChanged,
    DetailChanged,
    Edit,
    ItemAdded,
    ItemRemoved,
    MoveDropped,
    PageAdded,
    PageMoved,
    PageRemoved,
    Part,
    Rechecked,
    Renamed,
    Reordered,
    Reworded,
    VerdictChanged,
)
from crossroads.diff_fields import Place

NO_CHANGE = "No change for readers."

# Characters that can start Markdown (GitHub's included: ~~strike~~, $math$, <html>).
_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~#&$])")
# Texts up to this long are quoted whole; longer ones show only the words that changed.
_QUOTE_WHOLE = 100
_CONTEXT_WORDS = 4
_PARAGRAPH = "¶"


def to_markdown(changes: Sequence[Change], site_url: str = "") -> str:
    """The report: one line when nothing changed for readers, else the changes by page."""
    if not changes:
        return NO_CHANGE + "\n"
    noun = "change" if len(changes) == 1 else "changes"
    lines = [f"**{len(changes)} {noun} readers will see**"]
    for heading, group in _by_page(changes, site_url):
        lines += ["", f"#### {heading}", ""]
        lines += [f"- {_describe(change, site_url)}" for change in group]
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    """Data text as Markdown that shows it verbatim on one line, @-mentions defused."""
    one_line = " ".join(text.split())
    # A zero-width space after "@" keeps GitHub from notifying whoever is named.
    return _SPECIAL.sub(r"\\\1", one_line).replace("@", "@&#8203;")


def _href(place: Place, site_url: str) -> str:
    fragment = f"#{place.anchor}" if place.anchor else ""
    return f"{site_url}{place.page}{fragment}" or "./"


def _link(place: Place, site_url: str) -> str:
    return f"[{escape(place.name)}]({_href(place, site_url)})"


def _by_page(changes: Sequence[Change], site_url: str) -> Iterator[tuple[str, list[Change]]]:
    whole_pages = [c for c in changes if _is_page_change(c)]
    if whole_pages:
        yield "Pages", whole_pages
    groups: dict[str, list[Change]] = {}
    headings: dict[str, str] = {}
    for change in changes:
        if not _is_page_change(change):
            groups.setdefault(change.place.page, []).append(change)
            whole_page = Place(change.place.page, change.place.page_title)
            headings.setdefault(change.place.page, _link(whole_page, site_url))
    for page, group in groups.items():
        yield headings[page], group


def _is_page_change(change: Change) -> bool:
    if isinstance(change, MoveDropped):
        return change.place.anchor is None
    return isinstance(change, PageAdded | PageRemoved | PageMoved)


def _describe(change: Change, site_url: str) -> str:
    """One bullet: the section, linked, and what happened to it."""
    return f"{_link(change.place, site_url)}: {describe(change)}"


def describe(change: Change) -> str:
    """What happened to the change's section, as Markdown: the words after its link."""
    match change:
        case PageAdded():
            return "new page"
        case PageRemoved():
            return "page removed"
        case PageMoved(old=old):
            return f"page moved from `{old}`; the old address forwards here"
        case MoveDropped(place=place, old=old):
            what = f"#{old}" if place.anchor else old
            return f"links to `{what}` no longer forward here (`data/moved.yml`)"
        case AnchorMoved(old=old):
            return f"anchor moved from `#{old}`; links to it land here"
        case ItemAdded(kind=kind, name=name) | ItemRemoved(kind=kind, name=name):
            verb = "added" if isinstance(change, ItemAdded) else "removed"
            named = "" if name == change.place.name else f" “{escape(name)}”"
            return f"{kind}{named} {verb}"
        case Reordered(what=what):
            return f"{escape(what)} in a new order"
        case CitationsChanged(part=part):
            return f"{_part(part)}{_citations(change)}"
        case Edit(part=part):
            return f"{_part(part)}{_edit(change)}"
    raise TypeError(f"no description for {change!r}")


def _part(part: Part | None) -> str:
    return f"{part.kind} {_quoted(part.name)}: " if part else ""


def _edit(change: Edit) -> str:
    match change:
        case Renamed(old=old, new=new):
            return f"renamed {_quoted(old)} → {_quoted(new)}"
        case VerdictChanged(field=field, old=old, new=new):
            return f"{field} {_quoted(old)} → **{_quoted(new)}**"
        case Rechecked(old=old, new=new):
            return f"re-checked {old} → {new}"
        case Reworded(field=field, old=old, new=new):
            return f"{field} reworded: {_wording(old, new)}"
        case DetailChanged(field=field, old=old, new=new):
            return f"{field} changed: {_wording(old, new)}"
    raise TypeError(f"no description for {change!r}")


def _citations(change: CitationsChanged) -> str:
    parts = []
    if change.added:
        parts.append(f"now cites {_titles(change.added)}")
    if change.removed:
        parts.append(f"no longer cites {_titles(change.removed)}")
    if change.requoted:
        parts.append(f"quotes {_titles(change.requoted)} differently")
    return "; ".join(parts) or "cites its sources in another order"


def _titles(titles: Sequence[str]) -> str:
    return ", ".join(f"*{escape(title)}*" for title in titles)


def _quoted(text: str) -> str:
    return f"“{escape(text)}”"


def _wording(old: str, new: str) -> str:
    """Short texts whole, old → new; long ones as the words that changed, with some context."""
    if len(old) <= _QUOTE_WHOLE and len(new) <= _QUOTE_WHOLE:
        return f"{_quoted(old)} → {_quoted(new)}"
    before, after = _words(old), _words(new)
    pieces: list[str] = []
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            pieces.append(_context(before[i1:i2], at_start=i1 == 0, at_end=i2 == len(before)))
            continue
        if i2 > i1:
            pieces.append(f"~~{escape(' '.join(before[i1:i2]))}~~")
        if j2 > j1:
            pieces.append(f"**{escape(' '.join(after[j1:j2]))}**")
    return " ".join(piece for piece in pieces if piece)


def _words(text: str) -> list[str]:
    return text.replace("\n\n", f" {_PARAGRAPH} ").split()


def _context(words: list[str], *, at_start: bool, at_end: bool) -> str:
    """Unchanged words between changes: a few on each side of an elision."""
    if len(words) <= 2 * _CONTEXT_WORDS:
        return escape(" ".join(words))
    head = [] if at_start else words[:_CONTEXT_WORDS]
    tail = [] if at_end else words[-_CONTEXT_WORDS:]
    return " ".join(part for part in (escape(" ".join(head)), "…", escape(" ".join(tail))) if part)
