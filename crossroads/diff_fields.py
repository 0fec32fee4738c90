"""What a reader sees of the guide's data: places on pages, and field values as shown.

The input of :mod:`crossroads.diff_items`. A :class:`Place` is a section of a page found
through the page registry (:mod:`crossroads.paths`), with the titles the pages themselves
carry. A :class:`Field` is one value normalised the way pages render it (whitespace
collapsed, paragraphs kept only where a template keeps them), so an edit no reader can see
compares equal. Fields are read from the model's own field lists: a field added to the
model is compared without a change here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

import yaml

from crossroads.guide import Guide
from crossroads.model import (
    Article,
    Assessment,
    Cited,
    Claim,
    Flowchart,
    GuideInfo,
    Outcome,
    Recommendation,
    Statement,
)
from crossroads.paths import PageKind, path_for
from crossroads.publication import Publication, url_path
from crossroads.record import Record, record_fields
from crossroads.rules import Strip
from crossroads.site import generated_pages
from crossroads.words import FIT_LABELS, VERDICT_LABELS

# What an edit of a field is to a reader: a new name, a new verdict, new wording, a new
# list of sources, a new date, or a change to anything else (a URL, a version, a list).
Role = Literal["title", "verdict", "text", "citations", "date", "detail"]

STATEMENT_KINDS = {"pro": "strength", "con": "weakness", "similarity": "similarity"}

_ROLES: dict[str, Role] = {
    "name": "title",
    "title": "title",
    "verdict": "verdict",
    "fit": "verdict",
    "checked": "date",
}
# The fields templates show as paragraphs (the ``paragraphs`` filter); every other string
# is shown on one line with its whitespace collapsed (crossroads.markdown_text).
_PARAGRAPHS: set[tuple[type, str]] = {
    (Assessment, "detail"),
    (Cited, "text"),
    (Recommendation, "reasons"),
    (Outcome, "reason"),
    (Article, "description"),
    (Claim, "correction"),
    (GuideInfo, "opening"),
}
_CHOICE_LABELS: dict[tuple[type, str], dict[str, str]] = {
    (Claim, "verdict"): VERDICT_LABELS,
    (Recommendation, "fit"): FIT_LABELS,
    (Statement, "kind"): STATEMENT_KINDS,
}

# Which pages exist and what they are called depend on neither the day nor the address the
# guide is published at, but the renderers that say so need both.
_ANY_DAY = dt.date(2000, 1, 1)
_ANY_PUBLICATION = Publication(site_url="https://example.org/", repo_url="https://example.org/")
_FRONT_MATTER = re.compile(r"^---\n(.*?\n)---\n", re.DOTALL)


@dataclass(frozen=True)
class Place:
    """A section of a page, as a reader finds it."""

    page: str  # the page's URL path from the site root: 'technologies/toml/', '' for home
    page_title: str
    anchor: str | None = None  # the section's id; None for the page as a whole
    section: str = ""  # what a reader calls the section; the page title when empty

    @property
    def name(self) -> str:
        return self.section or self.page_title


@dataclass(frozen=True)
class Field:
    """One field of an item: what is compared, and how a reader sees it."""

    role: Role
    value: object
    shown: str


# --- pages --------------------------------------------------------------------------------


def page_titles(guide: Guide) -> dict[str, str]:
    """URL path -> title of the home page and of every page made from data, in build order."""
    titles = {url_path(path_for("home")): guide.info.name}
    for path, markdown in generated_pages(guide, _ANY_DAY, _ANY_PUBLICATION).items():
        titles[url_path(path)] = _title(markdown)
    return titles


def _title(markdown: str) -> str:
    match = _FRONT_MATTER.match(markdown)
    meta = yaml.safe_load(match.group(1)) if match else None
    return str(meta.get("title", "")) if isinstance(meta, dict) else ""


@dataclass(frozen=True)
class Places:
    """Places on the pages of one guide, through the page registry."""

    titles: Mapping[str, str]

    def page(self, kind: PageKind, item_id: str | None = None) -> Place:
        url = url_path(path_for(kind, item_id))
        return Place(url, self.titles.get(url, url))

    def section(self, kind: PageKind, item_id: str | None, anchor: str, section: str) -> Place:
        return replace(self.page(kind, item_id), anchor=anchor, section=section)


# --- fields -------------------------------------------------------------------------------


def visible_text(value: str, *, paragraphs: bool = False) -> str:
    """A string as a page shows it: whitespace collapsed, paragraphs split as templates do."""
    if not paragraphs:
        return " ".join(value.split())
    chunks = re.split(r"\n\s*", value)
    return "\n\n".join(" ".join(chunk.split()) for chunk in chunks if chunk.strip())


def ref_name(guide: Guide, field_name: str, ref: str) -> str:
    """What a reader calls the thing an id refers to (the id itself if unknown)."""
    if field_name in ("technology", "technologies") and ref in guide.technologies:
        return guide.technologies[ref].name
    if field_name in ("criterion", "criteria"):
        return next((c.name for c in guide.criteria if c.id == ref), ref)
    if field_name in ("use_case", "related") and ref in guide.use_cases:
        return guide.use_cases[ref].title
    if field_name in ("next", "start") and guide.flowchart is not None:
        return _node_name(guide.flowchart, ref)
    return ref


def _node_name(flowchart: Flowchart, node_id: str) -> str:
    """A question as its text, an outcome as its title."""
    for question in flowchart.questions:
        if question.id == node_id:
            return visible_text(question.text)
    return next((o.title for o in flowchart.outcomes if o.id == node_id), node_id)


def _field(guide: Guide, owner: type, name: str, value: object) -> Field:
    role = _ROLES.get(name) or ("text" if _is_wording(owner, name) else "detail")
    if isinstance(value, dict):  # citations: source id -> the passage quoted
        quotes = tuple((str(k), visible_text(str(v))) for k, v in value.items())
        return Field("citations", quotes, ", ".join(k for k, _ in quotes))
    if isinstance(value, list | tuple):
        ids = tuple(_item_text(v) for v in value)
        return Field(role, ids, ", ".join(ref_name(guide, name, v) for v in ids))
    if value is None:
        return Field(role, None, "(none)")
    if isinstance(value, dt.date):
        return Field("date", value.isoformat(), value.isoformat())
    text = visible_text(str(value), paragraphs=(owner, name) in _PARAGRAPHS)
    labels = _CHOICE_LABELS.get((owner, name))
    return Field(role, text, labels.get(text, text) if labels else ref_name(guide, name, text))


def _item_text(value: object) -> str:
    """A list item as a reader reads it: a record as its first field, the rest in brackets."""
    if not isinstance(value, Record):
        return str(value)
    parts = []
    for field in record_fields(type(value)):
        part = getattr(value, field.name)
        parts.append(", ".join(map(str, part)) if isinstance(part, list | tuple) else str(part))
    first, rest = parts[0], [p for p in parts[1:] if p]
    return f"{first} ({'; '.join(rest)})" if rest else first


@functools.cache
def _is_wording(owner: type, name: str) -> bool:
    """Whether a field is text an author words (its type trims it), not an id, URL or choice."""
    hint = typing.get_type_hints(owner, include_extras=True)[name]
    union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    options = typing.get_args(hint) if union else (hint,)
    return any(isinstance(rule, Strip) for o in options for rule in getattr(o, "__metadata__", ()))


# An item's id identifies it; `mentions` only tells `check` which names are meant.
_UNSEEN = ("id", "mentions")


def fields_of(
    guide: Guide, record: Record, skip: tuple[str, ...] = (), prefix: str = ""
) -> dict[str, Field]:
    """Every field of ``record`` but its id and ``skip``, nested records as ``summary.text``."""
    found: dict[str, Field] = {}
    for field in record_fields(type(record)):
        if field.name in _UNSEEN or field.name in skip:
            continue
        value = getattr(record, field.name)
        label = f"{prefix}{field.name}"
        if isinstance(value, Record):
            found.update(fields_of(guide, value, prefix=f"{label}."))
        else:
            found[label] = _field(guide, type(record), field.name, value)
    return found
