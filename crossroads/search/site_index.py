"""Write a built site's search index into ``SITE/search/``: the last step of every build.

The hooks call it after MkDocs has written the site, ``finish`` after any other builder:
either way it reads the same built HTML, so every builder publishes the same search.
"""

from __future__ import annotations

import contextlib
import gc
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from crossroads.guide import Guide
from crossroads.search.guide_words import client_settings, reader_words
from crossroads.search.index import MANIFEST, build_index
from crossroads.search.records import Record, page_records

SEARCH_DIR = "search"
# What the index owns inside SEARCH_DIR (a builder's own search may share the folder).
_OWNED = (MANIFEST, "w", "r")
# Theme pages that are not part of the guide.
_NOT_PAGES = frozenset({"404.html"})


@dataclass(frozen=True)
class SearchIndex:
    """What was written: how many pages and records, and the files' total size in bytes."""

    pages: int
    records: int
    files: int
    size: int


def _page_url(path: Path, site: Path) -> str:
    relative = path.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def site_records(site: Path) -> list[Record]:
    """Every record of every page in the built ``site``, page by page in URL order."""
    records: list[Record] = []
    for path in sorted(site.rglob("*.html"), key=lambda p: _page_url(p, site)):
        if path.name in _NOT_PAGES or path.relative_to(site).parts[0] == SEARCH_DIR:
            continue
        records += page_records(path.read_text(encoding="utf-8"), _page_url(path, site))
    return records


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector. Indexing makes some 100,000 small objects and no
    cycles; each collection they would set off walks all the build holds by then (every
    page MkDocs has built), about a tenth of the time the index takes at 40 technologies."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def index_site(site: Path, guide: Guide) -> SearchIndex:
    """Replace the search index of the built ``site`` with one made from its pages."""
    with _no_cycle_collection():
        records = site_records(site)
        files = build_index(records, reader_words(guide), client_settings(guide))
    folder = site / SEARCH_DIR
    for name in _OWNED:
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    pages = len({r.url.split("#", 1)[0] for r in records})
    return SearchIndex(pages, len(records), len(files), sum(len(c) for c in files.values()))
