"""The section history: when each section of each page last changed, and what changed.

``data/section-history.json`` is written by ``python -m crossroads anchors update`` alone
(:mod:`crossroads.history_update`); builds read it and never write it, so a build stays
reproducible. It holds

* ``began``: the date of the first record; a section unchanged since shows no date;
* ``sections``: for every section of every page (``page/#anchor``, ``page/#`` for a page's
  opening), a fingerprint of the text readers see (:mod:`crossroads.section_text`) and the
  date it last changed, ``null`` when it has not changed since the first record;
* ``changes``: what changed, newest first: the date, the page and section, and what
  changed in the words of ``crossroads diff`` (Markdown, :mod:`crossroads.diff_markdown`);
* ``seen``: what readers saw at the last record (:mod:`crossroads.diff_snapshot`), which
  the next record compares the guide with to find those words.

One section, change or item a line, so that a pull request shows what a record added.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from crossroads.errors import DataError, DataProblem
from crossroads.record import Record

HISTORY_FILE = "section-history.json"
_WHERE = f"data/{HISTORY_FILE}"
_FIX = (
    "it is written by `python -m crossroads anchors update`; after a merge conflict, keep "
    "either side whole and run that command again"
)


class SectionState(Record):
    """One section as last recorded."""

    fingerprint: str
    changed: dt.date | None = None  # None: unchanged since the first record


class Entry(Record):
    """One section that changed on one day, and what changed in it."""

    date: dt.date
    page: str  # URL path from the site root: 'technologies/toml/', '' for the home page
    anchor: str  # the section's id; '' for the page as a whole
    page_title: str
    section: str  # what readers call the section; '' for the page as a whole
    # The diff's words, Markdown; none when only its text shows what changed elsewhere.
    lines: tuple[str, ...] = ()


class History(Record):
    """The record; empty when the guide has none yet."""

    began: dt.date | None = None
    sections: dict[str, dict[str, SectionState]] = field(default_factory=dict)
    entries: tuple[Entry, ...] = ()  # newest first
    seen: dict[str, Any] | None = None  # a kept view (crossroads.diff_snapshot)

    def dates(self, page: str) -> dict[str, dt.date]:
        """Anchor ('' for the page's opening) -> the date it last changed, on ``page``."""
        states = self.sections.get(page, {})
        return {anchor: s.changed for anchor, s in states.items() if s.changed is not None}

    @property
    def days(self) -> list[dt.date]:
        """Every day something changed, newest first."""
        return sorted({entry.date for entry in self.entries}, reverse=True)


# --- reading and writing ------------------------------------------------------------------


def read_history(data_dir: Path) -> History:
    """The record under ``data_dir``, or an empty one; raises :class:`DataError` if unreadable."""
    path = data_dir / HISTORY_FILE
    if not path.is_file():
        return History()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", 1)
        raise DataError([DataProblem(_WHERE, line, "", f"not valid JSON: {_FIX}")]) from None
    try:
        return _history(raw)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        problem = DataProblem(_WHERE, 1, "", f"not a section history ({exc}): {_FIX}")
        raise DataError([problem]) from None


def _history(raw: dict[str, Any]) -> History:
    sections: dict[str, dict[str, SectionState]] = {}
    for key, (fingerprint, changed) in raw["sections"].items():
        page, anchor = key.rsplit("#", 1)
        sections.setdefault(page, {})[anchor] = SectionState(
            fingerprint=str(fingerprint), changed=_date(changed)
        )
    entries = tuple(
        Entry(
            date=dt.date.fromisoformat(e["date"]),
            page=str(e["page"]),
            anchor=str(e["anchor"]),
            page_title=str(e["page_title"]),
            section=str(e["section"]),
            lines=tuple(str(line) for line in e["lines"]),
        )
        for e in raw["changes"]
    )
    seen = raw.get("seen")
    return History(
        began=_date(raw["began"]),
        sections=sections,
        entries=entries,
        seen=seen if isinstance(seen, dict) else None,
    )


def _date(value: object) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


def write_history(data_dir: Path, history: History) -> None:
    sections = {
        f"{page}#{anchor}": [state.fingerprint, _iso(state.changed)]
        for page, states in history.sections.items()
        for anchor, state in states.items()
    }
    changes = [
        {
            "date": e.date.isoformat(),
            "page": e.page,
            "anchor": e.anchor,
            "page_title": e.page_title,
            "section": e.section,
            "lines": list(e.lines),
        }
        for e in history.entries
    ]
    parts = [
        _member("began", _compact(_iso(history.began))),
        _member("sections", _lines(sections)),
        _member("changes", _lines(changes)),
        _member("seen", _nested(history.seen) if history.seen is not None else "null"),
    ]
    text = "{\n" + ",\n".join(parts) + "\n}\n"
    (data_dir / HISTORY_FILE).write_text(text, encoding="utf-8")


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _member(key: str, value: str, indent: str = " ") -> str:
    return f"{indent}{json.dumps(key)}: {value}"


def _lines(value: Mapping[str, Any] | list[Any], indent: str = " ") -> str:
    """A mapping or list with each member on a line of its own."""
    inner = indent + " "
    if isinstance(value, Mapping):
        members: Iterator[str] = (_member(k, _compact(v), inner) for k, v in value.items())
        opening, closing = "{", "}"
    else:
        members = (inner + _compact(v) for v in value)
        opening, closing = "[", "]"
    body = ",\n".join(members)
    return f"{opening}\n{body}\n{indent}{closing}" if body else opening + closing


def _nested(value: Mapping[str, Any]) -> str:
    """The kept view: each of its parts a mapping or list of one member a line."""
    parts = [
        _member(k, _lines(v, "  ") if isinstance(v, dict | list) else _compact(v), "  ")
        for k, v in value.items()
    ]
    return "{\n" + ",\n".join(parts) + "\n }"
