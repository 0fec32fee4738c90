"""Turn data strings into Markdown that renders as exactly that text, never as markup.

Data may come from strangers' pull requests: ``<script>``, ``[x](javascript:…)``,
``**bold**`` or ``{{ 7*7 }}`` in a YAML value must show literally.  HTML special
characters become entities and every character Python-Markdown treats as syntax is
backslash-escaped; whitespace is collapsed so indentation cannot start a code block.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from markupsafe import Markup, escape

# Python-Markdown's ESCAPED_CHARS plus '|' (added by its tables extension).
_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|"
_BACKSLASHED = str.maketrans({char: "\\" + char for char in _MARKDOWN_SPECIAL})
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@lru_cache(maxsize=8192)
def _inline(value: str) -> str:
    # Backslash-escape Markdown first, then HTML: the '#' in entities such as '&#39;' is
    # added after the Markdown pass, so it is never escaped into '&\#39;'.
    collapsed = " ".join(value.split())
    return str(escape(collapsed.translate(_BACKSLASHED)))


def text(value: object) -> Markup:
    """Inline Markdown for a data value: one line, shown verbatim."""
    return Markup(_inline(str(value)))


def paragraphs(value: str) -> list[Markup]:
    """Split a multi-paragraph data value into paragraphs, each escaped as :func:`text`.

    In a folded YAML value (``>-``) one blank line is the only line break left, so any line
    break starts a new paragraph; two blank lines work the same.
    """
    return [text(chunk) for chunk in re.split(r"\n\s*", value) if chunk.strip()]


@lru_cache(maxsize=4096)
def url(value: str) -> Markup:
    """A validated http(s) URL as a Markdown link destination: brackets and spaces encoded."""
    return Markup(quote(value, safe=":/?#@!$&'*+,;=%~-._"))


def anchor(value: str) -> Markup:
    """An id from data, safe to put in ``{ #id }`` and in a URL fragment."""
    if not _ID.match(value):
        raise ValueError(f"not a valid anchor id: {value!r}")
    return Markup(value)


def attribute(value: object) -> Markup:
    """A value for a double-quoted HTML attribute or YAML front-matter string."""
    return Markup(escape(" ".join(str(value).split())))
