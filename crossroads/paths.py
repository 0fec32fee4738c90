"""The one registry of the pages a guide publishes and how to link to them.

Every page the engine writes has a *kind*, a row of :mod:`crossroads.page_kinds`; a kind
has one source path (relative to ``docs/``, as MkDocs names pages) and, for kinds with one
page per item, a slot for the item's id. Python, the templates (as the ``link`` global)
and the script payloads all ask here, so a page can only be moved in one place (and
``data/moved.yml`` keeps old links working when it is).

Three ways to point at a page, for three readers of the link:

* :func:`path_for`: the source path, ``compare/alpha-vs-beta.md``;
* :func:`link_for`: a Markdown link target relative to the page that holds the link,
  ``../compare/alpha-vs-beta.md#x`` from ``technologies/alpha.md``: every builder resolves
  a relative link to a source file (a docs-absolute ``/compare/…`` only MkDocs, with
  ``validation.absolute_links: relative_to_docs``), and ``--strict`` validates it;
* :func:`url_for`: a built URL relative to another page's URL, for scripts that build links
  at run time.
"""

from __future__ import annotations

import functools
import posixpath

from markupsafe import Markup

from crossroads import markdown_text
from crossroads.page_kinds import kind as _kind

# A page kind's name: a row of the table in crossroads.page_kinds.
PageKind = str

# The Atom feed of the "What changed" page, from the site root; written after the build.
FEED_PATH = "changes.xml"

# The flowchart page's section ids: a question's and an outcome's.
QUESTION_PREFIX = "q-"
OUTCOME_PREFIX = "o-"
# The comparisons page's section with the "compare any" table (links to it may carry a
# choice of technologies and criteria: ?t=…&c=…#all-technologies).
COMPARE_ANY_ANCHOR = "all-technologies"


def path_for(kind: PageKind, item_id: str | None = None) -> str:
    """The page's source path below ``docs/``; ``item_id`` for kinds with a page per item."""
    pattern = _kind(kind).path
    if ("{}" in pattern) != (item_id is not None):
        raise ValueError(f"page kind {kind!r} {'needs' if '{}' in pattern else 'takes no'} id")
    # Ids are anchors as well as path segments: the same characters are allowed in both.
    return pattern.format(markdown_text.anchor(item_id)) if item_id is not None else pattern


def link_for(
    kind: PageKind, item_id: str | None = None, anchor: str | None = None, *, page: str
) -> Markup:
    """A Markdown link target to the page (and section), from the page whose source path is
    ``page``: ``../compare/a-vs-b.md#anchor`` from ``technologies/a.md``."""
    return link_to_path(path_for(kind, item_id), anchor, page=page)


def link_to_path(path: str, anchor: str | None = None, *, page: str) -> Markup:
    """A Markdown link target to the source path ``path`` (and section), from ``page``."""
    fragment = f"#{markdown_text.anchor(anchor)}" if anchor else ""
    return Markup(_relative(path, posixpath.dirname(page) or ".") + fragment)


@functools.lru_cache(maxsize=16384)
def _relative(path: str, directory: str) -> str:
    # posixpath.relpath asks the system for the working directory twice a call, and a build
    # makes thousands of links between a few hundred pages.
    return posixpath.relpath(path, directory)


def page_url(path: str) -> str:
    """The built URL of a source path, from the site root: ``compare/a-vs-b/``."""
    directory = path.removesuffix(".md").removesuffix("index")
    return directory if not directory or directory.endswith("/") else directory + "/"


def url_for(
    kind: PageKind, item_id: str | None = None, anchor: str | None = None, *, from_kind: PageKind
) -> str:
    """The built URL of a page (and section), relative to a page of kind ``from_kind``."""
    here = page_url(path_for(from_kind, "x" if _kind(from_kind).per_item else None))
    up = "../" * here.count("/")
    fragment = f"#{markdown_text.anchor(anchor)}" if anchor else ""
    return f"{up}{page_url(path_for(kind, item_id))}{fragment}"
