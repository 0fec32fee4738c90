"""``python -m crossroads finish SITE``: the hooks' post-render work, on a built site.

After any builder has built the project ``python -m crossroads generate`` wrote, this puts
the anchor aliases ``data/moved.yml`` declares into their pages, repairs the theme's
markup (and the page titles its footer escaped a second time), checks the published-anchor
promises (failing with the hooked build's messages) and writes a redirect page at the old
address of every moved page, then writes the search index (:mod:`crossroads.search`) from
the finished pages. It dates the sections that changed and names the feed in every page's
head, and writes the feed (:mod:`crossroads.history_html`, :mod:`crossroads.feed`), as the
hooks do. Nothing is written
unless every promise holds, so a failed finish leaves the site as the builder made it.
Page titles and descriptions are escaped earlier, by ``generate``, in the front matter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from crossroads.anchors import (
    Anchors,
    aliases_on,
    anchor_content,
    check_promises,
    ids_in,
    redirect_files,
)
from crossroads.built_html import content_span
from crossroads.feed import write_feeds
from crossroads.guide import Guide
from crossroads.history_html import date_sections, page_marks
from crossroads.html_repair import footer_titles, repair_theme_markup
from crossroads.page_meta import twice_escaped_titles
from crossroads.project import Project
from crossroads.publication import url_path
from crossroads.search.site_index import SearchIndex, index_site
from crossroads.site import generated_pages
from crossroads.validation import load_guide

# Pages the theme makes without a Markdown source; the hooks repair these too.
THEME_PAGES = ("404.html",)


@dataclass(frozen=True)
class Finished:
    """What finish changed: pages rewritten and redirect pages written, site-relative, the
    search index it wrote, and every page URL with the ids it promises (aliases included),
    as the promise check saw them."""

    changed: list[str]
    redirects: list[str]
    search: SearchIndex
    anchors: Anchors


def page_sources(project: Project, guide: Guide, today: dt.date) -> dict[str, str]:
    """Every page the guide has, hand-written and generated: docs path -> Markdown."""
    return {**project.pages, **generated_pages(guide, today, project.publication)}


def _finish_page(
    html: str, url: str, guide: Guide, site_url: str, twice: dict[str, str]
) -> tuple[str, set[str]]:
    start, end = content_span(html)
    content = html[start:end]
    present = ids_in(content)
    # A site finished before already has its aliases: running finish again adds none.
    aliases = aliases_on(url, guide.moves)
    missing = {old: new for old, new in aliases.items() if old not in present}
    content, ids = anchor_content(content, missing)
    content = date_sections(content, url, guide.history)
    html = html[:start] + content + html[end:]
    html = footer_titles(repair_theme_markup(html), twice)
    return page_marks(html, url, guide, site_url), ids


def _read(path: Path) -> str:
    # Bytes in, bytes out: line endings stay exactly as the builder wrote them.
    return path.read_bytes().decode("utf-8")


def finish(site: Path, project: Project, today: dt.date) -> Finished:
    """Finish the built ``site`` of the guide ``project``.

    Raises :class:`~crossroads.errors.DataError` for the guide's data problems and for
    broken anchor promises, before anything is written.
    """
    guide = load_guide(project.data_dir, today)
    sources = page_sources(project, guide, today)
    site_url = project.site_url
    twice = twice_escaped_titles(sources.values())
    updates: dict[Path, str] = {}
    current: Anchors = {}
    for url in sorted({url_path(src_uri) for src_uri in sources}):
        path = site / url / "index.html"
        if not path.is_file():
            # Not built (excluded by the builder), so not published: the check says so.
            continue
        updates[path], current[url] = _finish_page(_read(path), url, guide, site_url, twice)
    for name in THEME_PAGES:
        if (site / name).is_file():
            html = repair_theme_markup(_read(site / name))
            updates[site / name] = page_marks(html, None, guide, site_url)
    check_promises(project.data_dir, current, guide.moves)
    changed = []
    for path, html in sorted(updates.items()):
        if _read(path) != html:
            path.write_bytes(html.encode("utf-8"))
            changed.append(path.relative_to(site).as_posix())
    redirects = redirect_files(guide.moves)
    for name, html in redirects.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(html.encode("utf-8"))
    write_feeds(site, guide, site_url)
    # Last, so the index reads the pages as published (aliases in, redirect pages out).
    return Finished(changed, sorted(redirects), index_site(site, guide), current)
