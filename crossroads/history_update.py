"""Record a new version of the guide in its section history: what ``anchors update`` adds.

Each section's fingerprint (:mod:`crossroads.section_text`) is compared with the one last
recorded: a section that is new, reads differently, or that the diff names, changed today.
What changed, in the diff's words, comes from comparing what readers saw at the last record
(``seen``) with the guide now (:func:`crossroads.diff.diff_views`). The first record dates
nothing: it is where the guide's history begins. A second record on the same day adds to
that day's changes. The "What changed" page is made from the history, so it is not in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace

from crossroads.diff import Change, PageAdded, View, diff_views, view
from crossroads.diff_fields import Place
from crossroads.diff_markdown import describe
from crossroads.diff_snapshot import comparable, kept, restored
from crossroads.guide import Guide
from crossroads.history import Entry, History, SectionState
from crossroads.paths import page_url, path_for
from crossroads.record import record_fields
from crossroads.section_text import Section, page_sections

CHANGES_URL = page_url(path_for("changes"))

Key = tuple[str, str]  # (page URL path, anchor or '' for the page as a whole)


def with_history(guide: Guide, history: History) -> Guide:
    values = {f.name: getattr(guide, f.name) for f in record_fields(Guide)}
    return Guide(**{**values, "history": history})


def reader_view(guide: Guide) -> View:
    """What readers see of the guide, but the page made from the history itself."""
    seen = view(guide)
    titles = {page: title for page, title in seen.titles.items() if page != CHANGES_URL}
    return replace(seen, titles=titles)


def recorded(guide: Guide, html: Mapping[str, str], today: dt.date) -> History:
    """``guide.history`` with the guide as rendered now (page URL -> content HTML) added."""
    history = guide.history
    seen = reader_view(guide)
    now = comparable(seen)  # as a kept view reads back, to compare with the one kept before
    pages = {url: page_sections(content) for url, content in html.items() if url != CHANGES_URL}
    if history.began is None:
        sections = {
            url: {anchor: SectionState(fingerprint=s.fingerprint) for anchor, s in found.items()}
            for url, found in pages.items()
        }
        return History(began=today, sections=sections, seen=kept(seen))
    changes = diff_views(restored(history.seen), now) if history.seen is not None else []
    worded = _worded(changes)
    sections, changed = _dated(history, pages, worded, today)
    new_pages = [url for url in pages if url not in history.sections]
    entries = _entries(today, now, pages, worded, changed, new_pages)
    return History(
        began=history.began,
        sections=sections,
        entries=_merged(entries, history.entries, today),
        seen=kept(seen),
    )


def _entries(
    today: dt.date,
    now: View,
    pages: Mapping[str, Mapping[str, Section]],
    worded: dict[Key, tuple[Place, list[str]]],
    changed: Iterable[Key],
    new_pages: list[str],
) -> list[Entry]:
    """What the diff says of each section it names, a new page's one line for all of its
    sections, then each other section that reads differently."""
    for url in new_pages:
        if (url, "") not in worded:
            added = describe(PageAdded(Place(url, "")))
            worded[(url, "")] = (Place(url, _title(now, pages, url)), [added])
    entries = [
        _entry(today, (page, anchor), place.page_title, place.section if anchor else "", lines)
        for (page, anchor), (place, lines) in worded.items()
    ]
    entries += [
        _entry(today, (page, anchor), _title(now, pages, page), _heading(pages, page, anchor))
        for page, anchor in changed
        if (page, anchor) not in worded and page not in new_pages
    ]
    return entries


def _entry(
    date: dt.date, key: Key, page_title: str, section: str, lines: Iterable[str] = ()
) -> Entry:
    page, anchor = key
    return Entry(
        date=date,
        page=page,
        anchor=anchor,
        page_title=page_title,
        section=section,
        lines=tuple(lines),
    )


def _heading(pages: Mapping[str, Mapping[str, Section]], page: str, anchor: str) -> str:
    return pages[page][anchor].title if anchor else ""


def _worded(changes: Iterable[Change]) -> dict[Key, tuple[Place, list[str]]]:
    """The diff's words for each section it names, in the diff's order."""
    worded: dict[Key, tuple[Place, list[str]]] = {}
    for change in changes:
        key = (change.place.page, change.place.anchor or "")
        worded.setdefault(key, (change.place, []))[1].append(describe(change))
    return worded


def _dated(
    history: History,
    pages: Mapping[str, Mapping[str, Section]],
    worded: Mapping[Key, object],
    today: dt.date,
) -> tuple[dict[str, dict[str, SectionState]], list[Key]]:
    """Every section as recorded now, and the ones that changed today, in page order."""
    sections: dict[str, dict[str, SectionState]] = {}
    changed: list[Key] = []
    for url, found in pages.items():
        before = history.sections.get(url, {})
        for anchor, section in found.items():
            was = before.get(anchor)
            if was is None or was.fingerprint != section.fingerprint or (url, anchor) in worded:
                state = SectionState(fingerprint=section.fingerprint, changed=today)
                changed.append((url, anchor))
            else:
                state = was
            sections.setdefault(url, {})[anchor] = state
    return sections, changed


def _title(now: View, pages: Mapping[str, Mapping[str, Section]], url: str) -> str:
    """A page's title as its pages registry names it, or its heading (a hand-written page)."""
    return now.titles.get(url) or pages[url][""].title or url


def _merged(new: list[Entry], old: Iterable[Entry], today: dt.date) -> tuple[Entry, ...]:
    """Today's entries, with any recorded earlier today; then every older one."""
    old = list(old)
    merged: dict[Key, Entry] = {}
    for entry in [*(e for e in old if e.date == today), *new]:
        key = (entry.page, entry.anchor)
        before = merged.get(key)
        lines = entry.lines if before is None else (*before.lines, *entry.lines)
        merged[key] = _entry(today, key, entry.page_title, entry.section, dict.fromkeys(lines))
    return (*merged.values(), *(e for e in old if e.date != today))
