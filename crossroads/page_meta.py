"""Make page metadata safe for a theme that prints it without escaping.

MkDocs' theme environment has no autoescape, and Material writes ``page.meta.title`` and
``page.meta.description`` straight into ``<title>``, ``<meta content="…">`` and the nav.
Titles and descriptions of generated pages come from data, so they are HTML-escaped, once,
before the theme sees them: by the hooks on ``page.meta``, and by ``python -m crossroads
generate`` in the front matter it writes, which MkDocs then reads into the same values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml
from markupsafe import Markup, escape

ESCAPED_KEYS = ("title", "description")
# MkDocs' own pattern for YAML front matter (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def escape_page_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    escaped = dict(meta)
    for key in ESCAPED_KEYS:
        value = escaped.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            escaped[key] = Markup(escape(" ".join(value.split())))
    return escaped


def _front_matter(markdown: str) -> tuple[dict[Any, Any], int] | None:
    """The page's YAML front matter as MkDocs reads it, and where the Markdown starts."""
    match = _FRONT_MATTER.match(markdown)
    if match is None:
        return None
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        # MkDocs then reads no metadata at all, so there is nothing to escape.
        return None
    return (meta, match.end()) if isinstance(meta, dict) else None


def front_matter_length(markdown: str) -> int:
    """How many characters of the page its YAML front matter takes (0 without one)."""
    match = _FRONT_MATTER.match(markdown)
    return match.end() if match else 0


def escape_front_matter(markdown: str) -> str:
    """The page with the front matter values :func:`escape_page_meta` would change, escaped.

    Front matter that needs no change is left as written, comments and all. Only YAML front
    matter is read, as MkDocs reads it; a page without it is returned unchanged.
    """
    found = _front_matter(markdown)
    if found is None:
        return markdown
    meta, body = found
    escaped = escape_page_meta(meta)
    if escaped == meta:
        return markdown
    plain = {key: str(v) if isinstance(v, Markup) else v for key, v in escaped.items()}
    front = yaml.safe_dump(plain, sort_keys=False, allow_unicode=True, width=1_000_000)
    return f"---\n{front}---\n{markdown[body:]}"


# HTML escaping as Zensical's template engine (MiniJinja) does it: "/" too, other entities.
_MINIJINJA_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "/": "&#x2f;"}
)


def twice_escaped_titles(pages: Iterable[str]) -> dict[str, str]:
    """Title escaped twice -> escaped once, for each page title escaping changes again.

    The hooks hand the theme a title marked safe; front matter can only hand it text, which
    a theme's ``| e`` escapes a second time (Material's footer links do, and Zensical's,
    whose engine escapes differently: both ways are listed).
    """
    twice: dict[str, str] = {}
    for markdown in pages:
        found = _front_matter(markdown)
        title = escape_page_meta(found[0]).get("title") if found else None
        if not isinstance(title, Markup):
            continue
        for again in (str(escape(str(title))), str(title).translate(_MINIJINJA_ESCAPES)):
            if again != title:
                twice[again] = str(title)
    return twice
