"""The value types the data model is made of: ids and what they name, texts, URLs, quotes.

Each is an ``Annotated`` type whose metadata carries its rules (lengths, patterns, checks,
what an id defines or refers to), read by :mod:`crossroads.schema` and :mod:`crossroads.refs`.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from crossroads.rules import Check, Expected, Length, Pattern, RefersTo, Strip

ID_RULE = Pattern(
    regex=r"[a-z0-9]+(?:-[a-z0-9]+)*",
    explanation="must be an id: lowercase letters, digits and single hyphens, like 'web-apps'",
)
PAGE_PATH_RULE = Pattern(
    regex=r"([a-z0-9-]+/)*",
    explanation="must be a page path like 'compare/a-vs-b/' (or '' for home)",
)
ANCHOR_RULE = Pattern(
    regex=r"[A-Za-z0-9_-]+", explanation="must be an anchor id: letters, digits, '-' and '_'"
)

Id = Annotated[str, Length(min=1, max=64), ID_RULE]


def _not_an_index_page(value: str) -> None:
    # A page's id is its file name in its folder, and index.md there is the folder's own page.
    if value == "index":
        raise ValueError("'index' is the name of the folder's own page: choose another id")


# The id of an item that has a page of its own: the page's file name.
PageId = Annotated[Id, Check(function=_not_an_index_page)]
# What each id names: declared once here, checked by one loop (crossroads.validation).
SOURCE, CRITERION, TECHNOLOGY, USE_CASE = "source", "criterion", "technology", "use case"
CLAIM, NODE = "claim", "question or outcome"
SourceRef = Annotated[Id, RefersTo(kind=SOURCE)]
CriterionRef = Annotated[Id, RefersTo(kind=CRITERION)]
TechnologyRef = Annotated[Id, RefersTo(kind=TECHNOLOGY)]
# Technologies an item names only in passing (an example, what it runs on): the item still
# shows on pages without them, and `check` does not warn that it names them.
Mentions = list[TechnologyRef]
UseCaseRef = Annotated[Id, RefersTo(kind=USE_CASE)]
ClaimRef = Annotated[Id, RefersTo(kind=CLAIM)]
NodeRef = Annotated[Id, RefersTo(kind=NODE)]
ShortText = Annotated[str, Strip(), Length(min=1, max=80)]
Line = Annotated[str, Strip(), Length(min=1, max=320)]
Text = Annotated[str, Strip(), Length(min=1, max=4000)]
PagePath = Annotated[str, Length(max=200), PAGE_PATH_RULE]
AnchorId = Annotated[str, Length(min=1, max=100), ANCHOR_RULE]

_URL_FORBIDDEN = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


def _check_url(value: str) -> None:
    if _URL_FORBIDDEN.search(value):
        raise ValueError("URL contains spaces, quotes or control characters")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise ValueError(
            f"URL must start with http:// or https://, not {parts.scheme or 'nothing'}:"
        )
    if not parts.hostname or "." not in parts.hostname:
        raise ValueError("URL has no valid host name")


Url = Annotated[str, Length(min=1, max=2000), Check(function=_check_url)]
QUOTE_LIMIT = 300
Quote = Annotated[
    str,
    Strip(),
    Length(min=1, max=QUOTE_LIMIT),
    Expected(description="the source's own words that support this statement, in quotes"),
]
_CITATIONS = Expected(
    description="source ids, each with the passage that supports this statement "
    '(like: some-source: "its words")'
)
# Source id -> the passage of that source that supports the statement, verbatim.
Citations = Annotated[dict[SourceRef, Quote], Length(min=1, max=12), _CITATIONS]
OptionalCitations = Annotated[dict[SourceRef, Quote], Length(max=12), _CITATIONS]
