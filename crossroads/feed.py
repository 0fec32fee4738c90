"""The Atom feeds of what changed (RFC 4287), written beside the built pages.

``changes.xml`` at the site's root lists every change; ``technologies/<id>/changes.xml``
those on one technology's page and on the comparisons it is in. One entry per page per day
that it changed, newest first: titled with the page, linked to its section when only one
changed, and holding the same list of changes as the "What changed" page
(:mod:`crossroads.changes`). Ids are stable (the feed's address, or a name made from the
guide's), and every date comes from the history, so a feed is the same on every build.
Links are absolute under ``site_url``; without one, relative to the feed.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

from crossroads.changes import (
    Href,
    PageChanges,
    absolute_href,
    by_day,
    page_list,
    relative_href,
)
from crossroads.guide import Guide
from crossroads.paths import FEED_PATH, page_url, path_for

ATOM = "http://www.w3.org/2005/Atom"
# Readers look at the newest changes; the page keeps every one.
MAX_ENTRIES = 100


def _time(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


class Feed(NamedTuple):
    """One feed: where it is, what it is called, the page it stands for, what it lists."""

    path: str  # from the site root
    title: str
    page: str  # the page readers would read instead, a URL path
    days: list[tuple[dt.date, list[PageChanges]]]


def feeds(guide: Guide) -> list[Feed]:
    """The guide's feed of every change, then one per technology whose pages changed (its
    own page and the comparisons it is in); none while the history holds no change."""
    days = by_day(guide.history)
    if not days:
        return []
    name = guide.info.name
    found = [Feed(FEED_PATH, f"{name}: what changed", page_url(path_for("changes")), days)]
    for technology in guide.technologies.values():
        own = page_url(path_for("technology", technology.id))
        pages = {own} | {
            page_url(path_for("comparison", c.id))
            for c in guide.comparisons
            if technology.id in c.technologies
        }
        about = [(day, [p for p in changed if p.page in pages]) for day, changed in days]
        about = [(day, changed) for day, changed in about if changed]
        if about:
            title = f"{name}: what changed for {technology.name}"
            found.append(Feed(f"{own}{FEED_PATH}", title, own, about))
    return found


def atom_feed(guide: Guide, site_url: str, feed: Feed | None = None) -> str | None:
    """A feed as Atom (the guide's feed of every change unless ``feed``), or None while the
    history holds no change."""
    every = feeds(guide)
    if not every:
        return None
    feed = feed or every[0]
    # Without a site_url, links are relative to the feed's own address.
    href = absolute_href(site_url) if site_url else relative_href(feed.path.count("/"))
    feed_id = href(feed.path, "") if site_url else _urn(f"{guide.info.name} {feed.path}")
    root = ET.Element("feed", xmlns=ATOM)
    _add(root, "id", feed_id)
    _add(root, "title", feed.title)
    _add(root, "updated", _time(feed.days[0][0]))
    _add(root, "link", rel="self", href=href(feed.path, ""))
    _add(root, "link", rel="alternate", type="text/html", href=href(feed.page, ""))
    _add(_add(root, "author"), "name", guide.info.name)
    changed = [page for _, pages in feed.days for page in pages][:MAX_ENTRIES]
    for page in changed:
        _entry(root, page, feed_id, href)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _entry(feed: ET.Element, page: PageChanges, feed_id: str, href: Href) -> None:
    entry = _add(feed, "entry")
    _add(entry, "id", _urn(f"{feed_id} {page.date.isoformat()} {page.page}"))
    _add(entry, "title", page.heading)
    _add(entry, "updated", _time(page.date))
    _add(entry, "link", rel="alternate", type="text/html", href=href(page.page, page.anchor))
    _add(entry, "content", str(page_list(page, href)), type="html")


def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def write_feeds(site: Path, guide: Guide, site_url: str) -> list[str]:
    """Write every feed into the built ``site``; their site-relative paths."""
    written = []
    for feed in feeds(guide):
        text = atom_feed(guide, site_url, feed)
        assert text is not None
        target = site / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
        written.append(feed.path)
    return written
