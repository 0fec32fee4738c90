"""Make page metadata safe for a theme that prints it without escaping.

MkDocs' theme environment has no autoescape, and Material writes ``page.meta.title`` and
``page.meta.description`` straight into ``<title>``, ``<meta content="…">`` and the nav.
Titles and descriptions of generated pages come from data, so they are HTML-escaped here,
once, before the theme sees them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

ESCAPED_KEYS = ("title", "description")


def escape_page_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    escaped = dict(meta)
    for key in ESCAPED_KEYS:
        value = escaped.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            escaped[key] = Markup(escape(" ".join(value.split())))
    return escaped
