"""What the strict build stops on in hand-written pages, found without building.

MkDocs checks every relative link of a page against the site's files and, when asked, the
anchor after ``#`` against the ids of the page linked to; and, when the config has a nav,
that every page is in it and every nav entry is a page. How loudly it reports each finding
is the project's ``validation:`` setting (:meth:`crossroads.project.Project.level`); a
finding at ``warn`` stops ``mkdocs build --strict``. This module finds the same things, on
the pages as :mod:`crossroads.pages` renders them, and says where and what to do.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote, urlsplit

from crossroads.engine_files import ASSETS
from crossroads.errors import DataProblem, display_path
from crossroads.project import RELATIVE_TO_DOCS, Project
from crossroads.publication import url_path
from crossroads.suggest import did_you_mean

# MkDocs counts every id in a page as a target, the engine's page-internal ones included.
_ID = re.compile(r"""\sid=["']([^"']+)["']""")


@dataclass(frozen=True)
class Finding:
    """One thing the build reports, at the level the project's ``validation:`` sets."""

    level: int
    problem: DataProblem


class _Links(HTMLParser):
    """The link targets in a page's HTML: ``href`` of links, ``src`` of images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"a": "href", "img": "src"}.get(tag)
        for name, value in attrs:
            if name == wanted and value is not None:
                self.urls.append(value)


def links_in(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.urls


def link_findings(
    project: Project, hand_written: dict[str, str], html: dict[str, str], files: set[str]
) -> list[Finding]:
    """Broken links and anchors in the hand-written pages.

    ``hand_written`` are their paths (docs-relative), ``html`` every page's content by URL,
    ``files`` every file the site will have (pages, images, the engine's assets).
    """
    found: list[Finding] = []
    for src_uri in hand_written:
        for url in dict.fromkeys(links_in(html[url_path(src_uri)])):
            finding = _check_link(project, src_uri, url, html, files)
            if finding is not None:
                found.append(finding)
    return found


def _check_link(
    project: Project, src_uri: str, url: str, html: dict[str, str], files: set[str]
) -> Finding | None:
    scheme, netloc, path, _, anchor = urlsplit(url)
    if scheme or netloc:
        return None
    where = (src_uri, url)
    if path.startswith("/"):
        if project.validation["links"]["absolute_links"] != RELATIVE_TO_DOCS:
            what = "an absolute link is left as is: link to the page's .md file, relatively"
            return _finding(project, "links", "absolute_links", where, what)
        target = posixpath.normpath(unquote(path).lstrip("/"))
    elif not path:
        target = src_uri
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path)))
    if target not in files:
        hint = did_you_mean(target, files)
        meant = [f for f in (f"{target}.md", f"{target}/index.md") if f in files]
        if meant:
            relative = posixpath.relpath(meant[0], posixpath.dirname(src_uri) or ".")
            hint = f" (did you mean {relative!r}?)"
        if not posixpath.splitext(path)[1]:
            what = f"not a link to a file{hint}: link to the page's .md file (such as 'page.md')"
            return _finding(project, "links", "unrecognized_links", where, what)
        what = f"docs/{target} does not exist{hint}: fix the link or add the page"
        return _finding(project, "links", "not_found", where, what)
    if not anchor or not target.endswith(".md"):
        return None
    ids = set(_ID.findall(html.get(url_path(target), "")))
    if anchor in ids:
        return None
    what = f"docs/{target} has no anchor '#{anchor}'{did_you_mean(anchor, ids)}: link to one it has"
    return _finding(project, "links", "anchors", where, what)


def _finding(project: Project, kind: str, name: str, where: tuple[str, str], what: str) -> Finding:
    src_uri, url = where
    line = _line_of(project.pages.get(src_uri, ""), url)
    problem = DataProblem(display_path(project.docs_dir / src_uri), line, f"link {url!r}", what)
    return Finding(project.level(kind, name), problem)


def _line_of(text: str, needle: str) -> int:
    """The line ``needle`` is first on; 1 when the page only has it from a marker."""
    index = text.find(needle)
    return text[:index].count("\n") + 1 if index != -1 else 1


def _nav_line(config_text: str) -> int:
    """The line ``nav:`` starts on (1 when it is inherited from another config)."""
    found = re.search(r"^nav:", config_text, re.MULTILINE)
    return config_text[: found.start()].count("\n") + 1 if found else 1


def nav_targets(nav: Any) -> Iterator[str]:
    """Every page path a nav lists, in order (titles and external links left out)."""
    if isinstance(nav, str):
        if not urlsplit(nav).scheme and not nav.startswith("/"):
            yield posixpath.normpath(nav)
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_targets(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_targets(value)


def nav_findings(project: Project, nav: Any, pages: set[str]) -> list[Finding]:
    """Pages the nav leaves out, and nav entries that are no page (only when a nav is given).

    ``nav`` is the nav the build will use (the configured one with generated pages added),
    ``pages`` every page the site will have.
    """
    if not nav:
        return []
    listed = set(nav_targets(nav))
    config_text = project.config_file.read_text(encoding="utf-8-sig")
    found = [
        Finding(
            project.level("nav", "not_found"),
            DataProblem(
                display_path(project.config_file),
                _line_of(config_text, target),
                "nav",
                f"docs/{target} does not exist: fix the entry or add the page",
            ),
        )
        for target in sorted(listed - pages)
    ]
    found += [
        Finding(
            project.level("nav", "omitted_files"),
            DataProblem(
                display_path(project.docs_dir / src_uri),
                1,
                "",
                f"the page is not in the nav: add it to nav: in {project.config_file.name}",
            ),
        )
        for src_uri in sorted(set(project.pages) - listed)
    ]
    # A generated page is listed by listing its section's index page (site.expand_nav).
    found += [
        Finding(
            project.level("nav", "omitted_files"),
            DataProblem(
                display_path(project.config_file),
                _nav_line(config_text),
                "nav",
                f"docs/{src_uri} is made from data/ but not in the nav: list it, or its "
                "section's index page, in nav:",
            ),
        )
        for src_uri in sorted(pages - set(project.pages) - listed)
    ]
    return found


def site_files(project: Project, generated: set[str]) -> set[str]:
    """Every file the built site has a source for: docs/, the generated pages, the assets."""
    docs = {
        path.relative_to(project.docs_dir).as_posix()
        for path in project.docs_dir.rglob("*")
        if path.is_file()
    }
    return docs | generated | set(ASSETS)
