"""The words a reader sees in built HTML, as the engine reads them for search and history.

Two readers walk built pages, each for its own purpose: the search index
(:mod:`crossroads.search.records`) and the section history's fingerprints
(:mod:`crossroads.section_text`). Each decides what to leave out; both read words the same
way: nothing inside the elements that hold no reader's words, a space after each block.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Elements whose content is not words on the page: code, styles, icons, controls.
SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "button", "input"})
# Elements after which words are separate even when the HTML puts nothing between them.
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)


def visible_words(element: Any, left_out: Callable[[Any], bool]) -> str:
    """The words of ``element`` (an lxml element), whitespace collapsed, without the
    children for which ``left_out`` is true, or comments and processing instructions."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not left_out(child):
            parts.append(visible_words(child, left_out))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())
