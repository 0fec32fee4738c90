"""What the section history adds to built pages: dates beside sections, a link to the feed.

Both run on HTML after rendering, in the hooks (``on_page_content``, ``on_post_page``) and in
``python -m crossroads finish``, so every builder's pages get them, hand-written pages too:

* the "What changed" page's links, written from the site root, are made relative to it;
* each section that changed since the history began gets ``data-changed="DATE"`` on its
  heading (``sections.js`` reads it) and, right after it, "Changed on DATE", linked to that
  day on the "What changed" page; the page's opening is dated after its ``<h1>``;
* every page's head names the Atom feed (``<link rel="alternate">``), a technology's page
  its own feed too, so browsers and feed readers find them, and its body says the guide
  keeps a history (``data-cr-dated``).

A guide whose history holds no change yet gets no date and no feed; one without a history
gets nothing. Running either twice adds nothing.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup

from crossroads.changes import SITE_LINK
from crossroads.feed import feeds
from crossroads.guide import Guide
from crossroads.history import History
from crossroads.paths import FEED_PATH, page_url, path_for

_HEADING = re.compile(r"<(h[123])\b([^>]*)>(.*?)</\1>", re.DOTALL)
_ID = re.compile(r"""\sid=["']([^"']+)["']""")
_FEED_TYPE = "application/atom+xml"
_SITE_LINK = re.compile(rf'\s{SITE_LINK}="([^"]*)"')
_DATED = "data-cr-dated"
CHANGES_URL = page_url(path_for("changes"))


def site_links(html: str, page: str) -> str:
    """A page's content with each link the engine wrote from the site root
    (``data-cr-href``, see :func:`crossroads.changes.day_list`) made relative to ``page``."""
    if SITE_LINK not in html:
        return html
    up = "../" * page.count("/")
    # The target is already escaped in its attribute; "../" and "./" need no escaping.
    return _SITE_LINK.sub(lambda m: f' href="{up + m.group(1) or "./"}"', html)


def date_sections(html: str, page: str, history: History) -> str:
    """A page's content with the date beside each heading of a section that changed, and
    its links from the site root resolved (:func:`site_links`)."""
    html = site_links(html, page)
    dates = history.dates(page)
    if not dates:
        return html
    up = "../" * page.count("/")
    seen_h1 = False

    def dated(match: re.Match[str]) -> str:
        nonlocal seen_h1
        tag, attributes, inner = match.groups()
        found = _ID.search(attributes)
        if found is None or "data-changed=" in attributes:
            return match.group(0)
        anchor = found.group(1)
        if tag == "h1":
            # The page's own title dates its opening; a theme's h1 has no id and is skipped.
            if seen_h1:
                return match.group(0)
            anchor, seen_h1 = "", True
        date = dates.get(anchor)
        if date is None:
            return match.group(0)
        day = date.isoformat()
        note = Markup(
            '<p class="cr-changed" data-search-exclude><a href="{}">'
            'Changed on <time datetime="{}">{}</time></a></p>'
        ).format(f"{up}{CHANGES_URL}#{day}", day, day)
        return f'<{tag}{attributes} data-changed="{day}">{inner}</{tag}>{note}'

    return _HEADING.sub(dated, html)


def page_marks(html: str, page: str | None, guide: Guide, site_url: str) -> str:
    """A built page (``page``: its URL path; None for the 404 page, served at any address)
    with the feed named in its head, and its body marked ``data-cr-dated`` once the guide has
    a history, so that "Copy link" dates the links it copies."""
    history = guide.history
    if history.began is not None and _DATED not in html:
        html = html.replace("<body", f"<body {_DATED}", 1)
    if not history.entries or f'<link rel="alternate" type="{_FEED_TYPE}"' in html:
        return html
    if page is not None:
        up = "../" * page.count("/")
        shown = [f for f in feeds(guide) if f.path == FEED_PATH or f.page == page]
        links = [(f.title, up + f.path) for f in shown]
    else:
        # The 404 page is served at any address, so its links start at the site's root path,
        # as MkDocs writes the 404 page's other links: never the published host, which the
        # theme would fetch the sitemap from (a request to another host wherever the site is
        # served from a copy, a preview or a test).
        base = urlsplit(site_url).path.rstrip("/") + "/"
        links = [(f"{guide.info.name}: what changed", base + FEED_PATH)]
    marks = "".join(
        Markup('<link rel="alternate" type="{}" title="{}" href="{}">\n').format(
            _FEED_TYPE, title, href
        )
        for title, href in links
    )
    end = html.find("</head>")
    return html if end == -1 else f"{html[:end]}{marks}{html[end:]}"
