"""The one table of page kinds: every page the engine publishes, and what it comes from.

A row says where a kind's pages live (its source path below ``docs/``, with ``{}`` for an
item's id), which of the guide's data makes them (and so whether they exist at all), the
template that writes them and the label a nav entry naming one gets. The URL registry
(:mod:`crossroads.paths`), site planning and the nav (:mod:`crossroads.site`) read this
table. A kind whose template needs more than the guide registers the function that renders
it with :func:`renders`; the one page of a kind without items is otherwise its template,
given the guide. Adding a kind takes its model, its template, one row here (and that
function, when the template needs more) and a line in the nav.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from crossroads.guide import Guide
from crossroads.model import Article, Technology, UseCase
from crossroads.publication import Publication
from crossroads.record import Record

# Ids of a kind's pages; ``None`` is the one page of a kind without items.
PageIds = Callable[[Guide], Iterable[str | None]]


class Build(NamedTuple):
    """What a page may depend on besides the guide: the day, and where the guide is published."""

    today: dt.date
    publication: Publication


Renderer = Callable[[Guide, str | None, Build], str]
R = TypeVar("R", bound=Renderer)


def _always(guide: Guide) -> Iterable[str | None]:
    return (None,)


def _when(has_data: Callable[[Guide], object]) -> PageIds:
    """The one page of a kind that exists only when its data does."""
    return lambda guide: (None,) if has_data(guide) else ()


def _label(text: str) -> Callable[[Guide], str]:
    return lambda guide: text


@dataclass(frozen=True)
class PageKind:
    """One kind of page. ``pages`` is ``None`` for a page the author writes (the home page)."""

    name: str
    path: str
    template: str | None = None
    pages: PageIds | None = None
    # The nav label of an entry that names the page without one (``- criteria.md``).
    nav_label: Callable[[Guide], str] | None = None
    # For a kind with a data file per page: its folder under ``data/`` and the file's shape.
    folder: str | None = None
    model: type[Record] | None = None

    @property
    def per_item(self) -> bool:
        return "{}" in self.path


def _items(guide: Guide) -> str:
    # As the index page's own title says it (its template capitalizes the same way).
    return guide.info.item.many.capitalize()


# In build order: the order pages are generated, listed in a nav section and titled by diff.
KINDS: tuple[PageKind, ...] = (
    PageKind("home", "index.md"),
    PageKind(
        "technologies",
        "technologies/index.md",
        "technologies_index.md.j2",
        _always,
        _items,
    ),
    PageKind(
        "comparisons",
        "compare/index.md",
        "comparisons_index.md.j2",
        _always,
        _label("Comparisons"),
    ),
    PageKind("sources", "sources.md", "sources.md.j2", _always, _label("Sources")),
    PageKind("criteria", "criteria.md", "criteria.md.j2", _always, _label("Criteria")),
    PageKind(
        "decide",
        "decide.md",
        "decide.md.j2",
        _when(lambda g: g.flowchart is not None),
        _label("Decide"),
    ),
    PageKind(
        "use-cases",
        "use-cases/index.md",
        "use_cases_index.md.j2",
        _when(lambda g: g.use_cases),
        _label("Use cases"),
    ),
    PageKind(
        "technology",
        "technologies/{}.md",
        "technology.md.j2",
        lambda g: g.technologies,
        folder="technologies",
        model=Technology,
    ),
    PageKind(
        "use-case",
        "use-cases/{}.md",
        "use_case.md.j2",
        lambda g: g.use_cases,
        folder="use-cases",
        model=UseCase,
    ),
    PageKind(
        "changes",
        "changes.md",
        "changes.md.j2",
        _when(lambda g: g.history.entries),
        _label("What changed"),
    ),
    PageKind(
        "articles",
        "articles/index.md",
        "articles_index.md.j2",
        _when(lambda g: g.articles),
        _label("Articles, checked"),
    ),
    PageKind(
        "article",
        "articles/{}.md",
        "article.md.j2",
        lambda g: g.articles,
        folder="articles",
        model=Article,
    ),
    PageKind(
        "comparison",
        "compare/{}.md",
        "comparison.md.j2",
        lambda g: [c.id for c in g.comparisons],
    ),
)

BY_NAME: dict[str, PageKind] = {kind.name: kind for kind in KINDS}
# Data folder -> the kind of its files' pages (``technologies`` -> ``technology``).
BY_FOLDER: dict[str, PageKind] = {k.folder: k for k in KINDS if k.folder is not None}
_RENDERERS: dict[str, Renderer] = {}


def kind(name: str) -> PageKind:
    found = BY_NAME.get(name)
    if found is None:
        raise ValueError(f"no page kind {name!r} (known: {', '.join(BY_NAME)})")
    return found


def renders(name: str) -> Callable[[R], R]:
    """Register the function that renders pages of the kind ``name`` (a row of the table)."""
    if kind(name).pages is None:
        raise ValueError(f"page kind {name!r} is written by hand, not rendered")

    def register(render: R) -> R:
        _RENDERERS[name] = render
        return render

    return register


def registered(name: str) -> Renderer | None:
    """The function registered for the kind ``name``, if one is (see :func:`renders`)."""
    return _RENDERERS.get(kind(name).name)
