"""What changed, day by day and page by page, as HTML: for the "What changed" page and feed.

The section history (:mod:`crossroads.history`) lists each section that changed on a day;
here they are grouped by day, then by page, each page's changes as a list: a section linked
by its anchor and what changed in it, in the words of ``crossroads diff``, then the
sections whose text changed with them ("Also changed"). On the page, links are paths from
the site root, made relative once the page is built; in the feed, the caller's
(``href(page, anchor)``), absolute when the guide has a ``site_url``. Every text is escaped
here; the lines are HTML made from the diff's escaped Markdown (:func:`line_html`). Builds
import this module, so it does not import the diff.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from markupsafe import Markup
from markupsafe import escape as html_escape

from crossroads.history import Entry, History

# What a line of the diff's report is made of (crossroads.diff_markdown writes them): an
# escaped character, a mark, a defused "@".
_TOKEN = re.compile(r"\\(.)|(\*\*|~~|\*|`)|@&#8203;", re.DOTALL)
_TAGS = {"**": "strong", "~~": "del", "*": "em", "`": "code"}

Href = Callable[[str, str], str]  # (page URL path, anchor or '') -> the link's href
# The attribute of a link from the site root that the built page resolves (history_html).
SITE_LINK = "data-cr-href"


@dataclass
class PageChanges:
    """One page's changes on one day."""

    date: dt.date
    page: str
    title: str
    worded: list[Entry] = field(default_factory=list)
    also: list[Entry] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The one section that changed, if only one did: where the feed's entry links."""
        anchors = {e.anchor for e in (*self.worded, *self.also)}
        return anchors.pop() if len(anchors) == 1 else ""

    @property
    def heading(self) -> str:
        """The page, or its one section that changed: "TOML vs YAML: Native dates and times"."""
        entries = [*self.worded, *self.also]
        section = entries[0].section if self.anchor and entries else ""
        if not section or section.startswith(self.title):
            return section or self.title
        return f"{self.title}: {section}"


def by_day(history: History) -> list[tuple[dt.date, list[PageChanges]]]:
    """Each day, newest first, with the pages that changed on it in the order recorded."""
    days: dict[dt.date, dict[str, PageChanges]] = {}
    for entry in history.entries:
        pages = days.setdefault(entry.date, {})
        changes = pages.setdefault(
            entry.page, PageChanges(entry.date, entry.page, entry.page_title)
        )
        (changes.worded if entry.lines else changes.also).append(entry)
    return [(day, list(days[day].values())) for day in sorted(days, reverse=True)]


def _link(href: str, text: str, attribute: str = "href") -> Markup:
    return Markup('<a {}="{}">{}</a>').format(Markup(attribute), href, text)


def _section_name(entry: Entry) -> str:
    return entry.section or entry.page_title


def page_list(changes: PageChanges, href: Href, attribute: str = "href") -> Markup:
    """The list of one page's changes on one day, each link's target in ``attribute``."""
    items: list[Markup] = []
    for entry in changes.worded:
        link = _link(href(entry.page, entry.anchor), _section_name(entry), attribute)
        where = link if entry.anchor else ""
        for line in entry.lines:
            said = Markup("{}: {}").format(where, line_html(line)) if where else line_html(line)
            items.append(said)
    if changes.also:
        links = Markup(", ").join(
            _link(href(e.page, e.anchor), _section_name(e), attribute) for e in changes.also
        )
        lead = "Also changed" if changes.worded else "Changed"
        items.append(Markup("{}: {}").format(lead, links))
    return _list(items)


def day_list(pages: Iterable[PageChanges]) -> Markup:
    """Every page that changed on a day, each with its list of changes, for the "What changed"
    page: each link's target is a path from the site root in ``data-cr-href``, which
    :func:`crossroads.history_html.site_links` makes an ``href`` once the page is built.

    A builder rewrites the ``href`` of raw HTML in its own way (Zensical from the source
    file's folder, MkDocs not at all), and leaves an attribute it does not know alone.
    """
    items = [
        Markup("{}{}").format(
            _link(_from_root(p.page, ""), p.title, SITE_LINK), page_list(p, _from_root, SITE_LINK)
        )
        for p in pages
    ]
    return _list(items, ' class="cr-changes"')


def _from_root(page: str, anchor: str) -> str:
    return f"{page}#{anchor}" if anchor else page


def _list(items: Iterable[Markup], attributes: str = "") -> Markup:
    inner = "".join(f"<li>{item}</li>" for item in items)
    return Markup(f"<ul{attributes}>{inner}</ul>")


def relative_href(from_depth: int) -> Href:
    """Links from a page ``from_depth`` folders below the site root (``changes/``: 1)."""
    up = "../" * from_depth

    def href(page: str, anchor: str) -> str:
        target = f"{up}{page}" or "./"
        return f"{target}#{anchor}" if anchor else target

    return href


def absolute_href(site_url: str) -> Href:
    base = site_url if site_url.endswith("/") else site_url + "/"

    def href(page: str, anchor: str) -> str:
        return f"{base}{page}#{anchor}" if anchor else f"{base}{page}"

    return href


def line_html(markdown: str) -> Markup:
    """One line :func:`crossroads.diff_markdown.describe` wrote, as HTML: its marks (``**``,
    ``~~``, ``*``, a backtick) as tags, every escaped character as itself. It reads only
    what that module writes (a test keeps the two in step)."""
    out: list[str] = []
    open_marks: list[str] = []
    position = 0
    for match in _TOKEN.finditer(markdown):
        out.append(html_escape(markdown[position : match.start()]))
        position = match.end()
        literal, mark = match.group(1), match.group(2)
        if literal is not None:
            out.append(html_escape(literal))
        elif mark is None:
            out.append("@")
        elif open_marks and open_marks[-1] == mark:
            out.append(f"</{_TAGS[open_marks.pop()]}>")
        else:
            out.append(f"<{_TAGS[mark]}>")
            open_marks.append(mark)
    out.append(html_escape(markdown[position:]))
    out += [f"</{_TAGS[mark]}>" for mark in reversed(open_marks)]
    return Markup("".join(out))
