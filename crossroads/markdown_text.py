"""Turn data strings into Markdown that renders as exactly that text, never as markup.

Data may come from strangers' pull requests: ``<script>``, ``[x](javascript:…)``,
``**bold**`` or ``{{ 7*7 }}`` in a YAML value must show literally.  HTML special
characters become entities and every character Python-Markdown treats as syntax is
backslash-escaped; whitespace is collapsed so indentation cannot start a code block.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup, escape

# Python-Markdown's ESCAPED_CHARS plus '|' (added by its tables extension).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_WHITESPACE = re.compile(r"\s+")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def text(value: object) -> Markup:
    """Inline Markdown for a data value: one line, shown verbatim."""
    collapsed = _WHITESPACE.sub(" ", str(value)).strip()
    html_safe = str(escape(collapsed))
    # '&#34;' etc. contain '#': escape Markdown first, then HTML, would double-escape; so
    # escape Markdown on the already entity-encoded text but keep entities intact.
    return Markup(_escape_outside_entities(html_safe))


_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def _escape_outside_entities(value: str) -> str:
    parts: list[str] = []
    position = 0
    for match in _ENTITY.finditer(value):
        parts.append(_MARKDOWN_SPECIAL.sub(r"\\\1", value[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(_MARKDOWN_SPECIAL.sub(r"\\\1", value[position:]))
    return "".join(parts)


def paragraphs(value: str) -> list[Markup]:
    """Split a multi-paragraph data value on blank lines; each paragraph escaped as :func:`text`."""
    return [text(chunk) for chunk in re.split(r"\n\s*\n", value) if chunk.strip()]


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
    collapsed = _WHITESPACE.sub(" ", str(value)).strip()
    return Markup(escape(collapsed))
