"""Which pages the guide publishes, what hand-written pages may ask for, and the nav.

``generated_pages`` is the single list of pages that appear from data alone; the MkDocs
hooks add them as generated files, and a future Zensical wiring can write them to disk.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from crossroads import rendering
from crossroads.model import Guide
from crossroads.publication import Publication

MARKER = re.compile(r"<!--\s*crossroads:(?P<name>[a-z-]+)(?P<args>(?:\s+[a-z0-9-]+)*)\s*-->")


class MarkerError(ValueError):
    """A hand-written page used a marker that does not exist or got wrong arguments."""


def generated_pages(guide: Guide, today: dt.date, publication: Publication) -> dict[str, str]:
    """Every page that comes from data: docs-relative source path -> Markdown."""
    pages = {
        rendering.TECHNOLOGIES_INDEX_PATH: rendering.technologies_index(guide),
        rendering.COMPARISONS_INDEX_PATH: rendering.comparisons_index(guide),
        rendering.CLAIMS_PATH: rendering.claims_page(guide, publication),
        rendering.SOURCES_PATH: rendering.sources_page(guide, today),
        rendering.CRITERIA_PATH: rendering.criteria_page(guide),
        rendering.USE_CASES_INDEX_PATH: rendering.use_cases_index(guide),
        rendering.DECIDE_PATH: rendering.decide_page(guide),
    }
    for use_case in guide.use_cases.values():
        pages[rendering.use_case_path(use_case.id)] = rendering.use_case_page(guide, use_case)
    for technology_id in guide.technologies:
        pages[rendering.technology_path(technology_id)] = rendering.technology_page(
            guide, technology_id, publication
        )
    for comparison in guide.comparisons:
        pages[rendering.comparison_path(comparison)] = rendering.comparison_page(
            guide, comparison, publication
        )
    return pages


def _comparison_table(guide: Guide, args: list[str]) -> str:
    if len(args) < 2:
        raise MarkerError("comparison-table needs at least two technology ids")
    unknown = [a for a in args if a not in guide.technologies]
    if unknown:
        raise MarkerError(f"comparison-table: unknown technology {', '.join(unknown)}")
    declared = next((c for c in guide.comparisons if c.technologies == args), None)
    link_to = f"/{rendering.comparison_path(declared)}" if declared else None
    return rendering.comparison_table(guide, args, link_to)


def _no_args(render: Callable[[Guide], str]) -> Callable[[Guide, list[str]], str]:
    def marker(guide: Guide, args: list[str]) -> str:
        if args:
            raise MarkerError("this marker takes no arguments")
        return render(guide)

    return marker


MARKERS: dict[str, Callable[[Guide, list[str]], str]] = {
    "comparison-table": _comparison_table,
    "technology-list": _no_args(rendering.technology_list),
    "comparison-list": _no_args(rendering.comparison_list),
}


def expand_markers(markdown: str, guide: Guide, page: str) -> str:
    """Replace ``<!-- crossroads:NAME args -->`` markers; unknown ones raise, never vanish."""

    def replace(match: re.Match[str]) -> str:
        name, args = match["name"], match["args"].split()
        line = markdown.count("\n", 0, match.start()) + 1
        render = MARKERS.get(name)
        if render is None:
            known = ", ".join(sorted(MARKERS))
            raise MarkerError(f"{page}:{line}: unknown marker 'crossroads:{name}' (known: {known})")
        try:
            return render(guide, args)
        except MarkerError as exc:
            raise MarkerError(f"{page}:{line}: {exc}") from None

    expanded = MARKER.sub(replace, markdown)
    leftover = re.search(r"<!--\s*crossroads:[^>]*-->", expanded)
    if leftover:
        line = expanded.count("\n", 0, leftover.start()) + 1
        raise MarkerError(f"{page}:{line}: malformed marker {leftover.group(0)!r}")
    return expanded


NavItem = str | dict[str, Any]


def expand_nav(nav: list[NavItem], pages: dict[str, str]) -> list[NavItem]:
    """Give each section index page in the nav its generated children, in data order.

    ``- Technologies: technologies/index.md`` becomes a section holding the index page and
    every generated ``technologies/*.md``; so adding a data file adds its nav entry.
    """
    expanded: list[NavItem] = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((title, target),) = item.items()
            if isinstance(target, str) and target.endswith("/index.md"):
                folder = target.removesuffix("index.md")
                children = [p for p in pages if p.startswith(folder) and p != target]
                if children:
                    expanded.append({title: [target, *children]})
                    continue
            if isinstance(target, list):
                expanded.append({title: expand_nav(target, pages)})
                continue
        expanded.append(item)
    return expanded
