"""Which pages the guide publishes, what hand-written pages may ask for, and the nav.

``generated_pages`` is the single list of pages that appear from data alone; the MkDocs
hooks add them as generated files, ``python -m crossroads generate`` writes them to disk.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from collections.abc import Callable, Mapping
from typing import Any

from crossroads import markdown_text, rendering
from crossroads.errors import DataError, DataProblem
from crossroads.guide import Guide
from crossroads.model import HomeWords
from crossroads.page_kinds import KINDS, Build
from crossroads.page_meta import front_matter_length
from crossroads.paths import path_for
from crossroads.publication import Publication
from crossroads.suggest import did_you_mean

MARKER = re.compile(r"<!--\s*crossroads:(?P<name>[a-z-]+)(?P<args>(?:\s+[a-z0-9-]+)*)\s*-->")


class MarkerError(ValueError):
    """A marker that does not exist or got wrong arguments (the message says which)."""


def generated_pages(guide: Guide, today: dt.date, publication: Publication) -> dict[str, str]:
    """Every page that comes from data, kind by kind in the table's order (a kind whose data
    does not exist has none): docs-relative source path -> Markdown."""
    build = Build(today, publication)
    pages: dict[str, str] = {}
    for row in KINDS:
        if row.pages is None:
            continue
        render = rendering.page_renderer(row.name)
        for item_id in row.pages(guide):
            pages[path_for(row.name, item_id)] = render(guide, item_id, build)
    return pages


def docs_order(src_uri: str) -> tuple[tuple[str, ...], bool, str]:
    """Sort key: the order MkDocs finds files in docs/ (a folder's files, then its folders).

    Generated pages are put in this order too, so the sitemap and search index list pages
    alike whether the pages were generated in the build or written to disk by ``generate``.
    """
    *folders, name = src_uri.split("/")
    return tuple(folders), posixpath.splitext(name)[0] not in ("index", "README"), name


def _comparison_table(guide: Guide, args: list[str], page: str) -> str:
    if len(args) < 2:
        raise MarkerError("comparison-table needs at least two technology ids")
    unknown = [a for a in args if a not in guide.technologies]
    if unknown:
        hints = "".join(did_you_mean(u, guide.technologies) for u in unknown)
        raise MarkerError(f"comparison-table: unknown technology {', '.join(unknown)}{hints}")
    declared = next((c for c in guide.comparisons if c.technologies == args), None)
    return rendering.comparison_table(guide, args, declared.id if declared else None, page=page)


def _no_args(render: Callable[[Guide, str], str]) -> Callable[[Guide, list[str], str], str]:
    def marker(guide: Guide, args: list[str], page: str) -> str:
        if args:
            raise MarkerError("this marker takes no arguments")
        return render(guide, page)

    return marker


def _featured_comparison(guide: Guide, page: str) -> str:
    """The first comparison's table; without comparisons.yml (it is optional), every
    technology's, as the comparisons page shows it, so the same home page serves both."""
    if not guide.comparisons:
        technologies = list(guide.technologies)
        return rendering.comparison_table(guide, technologies, None, page=page, by_technology=True)
    first = guide.comparisons[0]
    return rendering.comparison_table(guide, first.technologies, first.id, page=page)


# Each marker renders for the page it is on (its source path), so its links are relative.
MARKERS: dict[str, Callable[[Guide, list[str], str], str]] = {
    "comparison-table": _comparison_table,
    "featured-comparison": _no_args(_featured_comparison),
    "opening": _no_args(rendering.opening),
    "ways-in": _no_args(rendering.ways_in),
    "technology-list": _no_args(rendering.technology_list),
    "comparison-list": _no_args(rendering.comparison_list),
}


def _home_words(guide: Guide) -> HomeWords:
    if guide.info.home is None:
        raise MarkerError(
            "data/guide.yml has no home: add home: with the title, heading and description"
        )
    return guide.info.home


# The guide's words from data/guide.yml, each one line of plain text: in the page's front
# matter as a quoted YAML value (``title: <!-- crossroads:home-title -->``), in its text as
# Markdown that shows it verbatim (``# <!-- crossroads:home-heading -->``).
WORDS: dict[str, Callable[[Guide], str]] = {
    "home-title": lambda guide: _home_words(guide).title,
    "home-heading": lambda guide: _home_words(guide).heading,
    "home-description": lambda guide: _home_words(guide).description,
}


def _words_marker(name: str, guide: Guide, args: list[str], *, front_matter: bool) -> str:
    if args:
        raise MarkerError("this marker takes no arguments")
    value = WORDS[name](guide)
    # JSON is YAML: a quoted value reads back as exactly this text, colons and all.
    return json.dumps(value, ensure_ascii=False) if front_matter else markdown_text.text(value)


def expand_markers(markdown: str, guide: Guide, *, src_uri: str) -> str:
    """Replace ``<!-- crossroads:NAME args -->`` markers; unknown ones are errors, never blank.

    ``src_uri`` is the page's source path below ``docs/``. Raises :class:`DataError` with
    every bad marker of the page, each at ``docs/src_uri:line``.
    """
    page = f"docs/{src_uri}"
    problems: list[DataProblem] = []
    front_matter_end = front_matter_length(markdown)

    def replace(match: re.Match[str]) -> str:
        name, args = match["name"], match["args"].split()
        line = markdown.count("\n", 0, match.start()) + 1
        if name in WORDS:
            try:
                in_front = match.start() < front_matter_end
                return _words_marker(name, guide, args, front_matter=in_front)
            except MarkerError as exc:
                problems.append(DataProblem(page, line, "", str(exc)))
                return match.group(0)
        render = MARKERS.get(name)
        if render is None:
            known = ", ".join(sorted([*MARKERS, *WORDS]))
            hint = did_you_mean(name, [*MARKERS, *WORDS])
            problems.append(
                DataProblem(
                    page, line, "", f"unknown marker 'crossroads:{name}'{hint} (known: {known})"
                )
            )
            return match.group(0)
        try:
            return render(guide, args, src_uri)
        except MarkerError as exc:
            problems.append(DataProblem(page, line, "", str(exc)))
            return match.group(0)

    expanded = MARKER.sub(replace, markdown)
    if not problems:
        for leftover in re.finditer(r"<!--\s*crossroads:[^>]*-->", expanded):
            line = expanded.count("\n", 0, leftover.start()) + 1
            problems.append(DataProblem(page, line, "", f"malformed marker {leftover.group(0)!r}"))
    if problems:
        raise DataError(problems)
    return expanded


NavItem = str | dict[str, Any]


def plan_site(
    guide: Guide, today: dt.date, publication: Publication, nav: list[NavItem] | None
) -> tuple[dict[str, str], list[NavItem] | None]:
    """The generated pages and the nav that lists them, from the guide's configured nav.

    Without a configured nav there is nothing to expand: the builder makes its own.
    """
    pages = generated_pages(guide, today, publication)
    return pages, expand_nav(nav, pages, nav_labels(guide)) if nav else nav


def nav_labels(guide: Guide) -> dict[str, str]:
    """Source path -> the label of a nav entry that names a generated page without one."""
    return {k.path: k.nav_label(guide) for k in KINDS if k.nav_label is not None}


def expand_nav(
    nav: list[NavItem], pages: dict[str, str], labels: Mapping[str, str] | None = None
) -> list[NavItem]:
    """Give each section index page in the nav its generated children, in data order.

    ``- Technologies: technologies/index.md`` becomes a section holding the index page and
    every generated ``technologies/*.md``; so adding a data file adds its nav entry. An
    entry without a label (``- technologies/index.md``) takes its kind's label from
    ``labels`` (:func:`nav_labels`: ``item.many`` in data/guide.yml for that one). An
    entry for a page kind whose data does not exist (no flowchart: no ``decide.md``) is
    dropped, so one ``mkdocs.yml`` serves a guide with or without it.
    """
    # Pages of a kind that exists only when its data does are left out of ``pages``.
    generated_kinds = {k.path for k in KINDS if k.pages is not None and not k.per_item}
    expanded: list[NavItem] = []
    for item in nav:
        target_of_item = next(iter(item.values())) if isinstance(item, dict) else item
        if target_of_item in generated_kinds and target_of_item not in pages:
            continue
        if isinstance(item, str) and labels and item in labels:
            item = {labels[item]: item}
        if isinstance(item, dict) and len(item) == 1:
            ((title, target),) = item.items()
            if isinstance(target, str) and target.endswith("/index.md"):
                folder = target.removesuffix("index.md")
                children = [p for p in pages if p.startswith(folder) and p != target]
                if children:
                    # "Overview", not the section's title again ("Use cases > Use cases").
                    expanded.append({title: [{"Overview": target}, *children]})
                    continue
            if isinstance(target, list):
                expanded.append({title: expand_nav(target, pages, labels)})
                continue
        expanded.append(item)
    return expanded
