"""The Atom feed of what changed (RFC 4287), written beside the built pages as ``changes.xml``.

One entry per page per day that it changed, newest first: titled with the page, linked to
its section when only one changed, and holding the same list of changes as the "What
changed" page (:mod:`crossroads.changes`). Ids are stable (the site's address, or a name
made from the guide's), and every date comes from the history, so the feed is the same on
every build. Links are absolute under ``site_url``; without one, relative to the feed,
which sits at the site's root.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

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


def atom_feed(guide: Guide, site_url: str) -> str | None:
    """The feed, or None while the history holds no change."""
    days = by_day(guide.history)
    if not days:
        return None
    href = absolute_href(site_url) if site_url else relative_href(0)
    changes_page = page_url(path_for("changes"))
    feed_id = href(changes_page, "") if site_url else _urn(guide.info.name)
    feed = ET.Element("feed", xmlns=ATOM)
    _add(feed, "id", feed_id)
    _add(feed, "title", f"{guide.info.name}: what changed")
    _add(feed, "updated", _time(days[0][0]))
    _add(feed, "link", rel="self", href=href(FEED_PATH, ""))
    _add(feed, "link", rel="alternate", type="text/html", href=href(changes_page, ""))
    _add(_add(feed, "author"), "name", guide.info.name)
    changed = [page for _, pages in days for page in pages][:MAX_ENTRIES]
    for page in changed:
        _entry(feed, page, feed_id, href)
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(feed: ET.Element, page: PageChanges, feed_id: str, href: Href) -> None:
    entry = _add(feed, "entry")
    _add(entry, "id", _urn(f"{feed_id} {page.date.isoformat()} {page.page}"))
    _add(entry, "title", page.heading)
    _add(entry, "updated", _time(page.date))
    _add(entry, "link", rel="alternate", type="text/html", href=href(page.page, page.anchor))
    _add(entry, "content", str(page_list(page, href)), type="html")


def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def write_feed(site: Path, guide: Guide, site_url: str) -> str | None:
    """Write the feed into the built ``site``; its site-relative path, or None if none."""
    text = atom_feed(guide, site_url)
    if text is None:
        return None
    (site / FEED_PATH).write_bytes(text.encode("utf-8"))
    return FEED_PATH
