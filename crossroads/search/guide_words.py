"""What the guide's data adds to search: the words readers use for each thing the pages are
about, and what the search box says when the guide has no answer."""

from __future__ import annotations

from crossroads.guide import Guide
from crossroads.paths import page_url, path_for
from crossroads.search.index import ClientSettings


def reader_words(guide: Guide) -> dict[str, list[str]]:
    """``kind:id`` (as pages mark their sections with ``data-search-about``) -> the words
    readers use for it: a criterion's ``asks``, a technology's name and ``asks``, ..."""
    words: dict[str, list[str]] = {}
    for criterion in guide.criteria:
        words[f"criterion:{criterion.id}"] = [criterion.name, *criterion.asks]
    for technology in guide.technologies.values():
        words[f"technology:{technology.id}"] = [technology.name, *technology.asks]
    for use_case in guide.use_cases.values():
        words[f"use-case:{use_case.id}"] = [use_case.title, *use_case.asks]
    return words


def client_settings(guide: Guide) -> ClientSettings:
    """The search box's words for a query the guide cannot answer, and its ways in."""
    ways_in = []
    if guide.flowchart is not None:
        ways_in.append({"label": "Decide", "url": page_url(path_for("decide"))})
    ways_in.append({"label": "Compare", "url": page_url(path_for("comparisons"))})
    if guide.use_cases:
        ways_in.append({"label": "Use cases", "url": page_url(path_for("use-cases"))})
    ways_in.append(
        {"label": guide.info.item.many.capitalize(), "url": page_url(path_for("technologies"))}
    )
    return ClientSettings(
        items=[t.name for t in guide.technologies.values()],
        items_label=guide.info.item.many,
        not_covered=[
            {"name": entry.name, "words": [w.lower() for w in entry.words]}
            for entry in guide.info.not_covered
        ],
        ways_in=ways_in,
    )
