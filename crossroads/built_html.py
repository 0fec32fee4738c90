"""Where a built page keeps its own content, whichever builder wrote it.

The hooks see a page's content before the theme wraps it; the steps that run on a built
site (``finish``, the search index) must look at the same part of the page, since the nav
and header have ids and words of their own.
"""

from __future__ import annotations

import re

# Material's (and Zensical's) article around the rendered Markdown. Zensical opens it with
# the target of its "skip to content" link: the theme's id on every page, not the page's.
_CONTENT_START = re.compile(
    r"<article\b[^>]*\bmd-content__inner\b[^>]*>"
    r"""(?:\s*<a id=(["'])__skip\1 tabindex=(["'])-1\2></a>)?"""
)
_CONTENT_END = "</article>"


def content_span(html: str) -> tuple[int, int]:
    """Where a built page's own content is; a theme without Material's article: all of it."""
    start = _CONTENT_START.search(html)
    end = html.rfind(_CONTENT_END)
    if start is None or end < start.end():
        return 0, len(html)
    return start.end(), end


def page_content(html: str) -> str | None:
    """The page's own content, or None for a page without one (a redirect, say)."""
    start = _CONTENT_START.search(html)
    end = html.rfind(_CONTENT_END)
    if start is None or end < start.end():
        return None
    return html[start.end() : end]
