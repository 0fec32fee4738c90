"""A built page as search records: its intro and each of its sections, with their anchors.

Any builder's HTML works: a page's own content is found as :mod:`crossroads.built_html`
finds it, and what the engine's templates mark in that content decides the rest:

* ``<h1>``, ``<h2>`` and ``<h3>`` with an id start a section (the ``<h1>``: the intro);
* ``data-search-exclude`` (Material's own attribute) leaves an element out: citation
  markers, a page's list of sources, buttons, table labels that repeat a heading;
* ``data-search-record`` makes an element a record of its own (a source on the sources
  page), titled by ``data-search-title``, its words weighted by ``data-search-weight``
  (on the ``<h1>``, that weight applies to the whole page: an article's quoted claims);
* ``data-search-about="criterion:testing technology:toml"`` says what a section is
  about, so the words readers use for those things lead search to it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from lxml import etree

from crossroads.built_html import page_content
from crossroads.html_words import BLOCKS, SKIPPED_TAGS, visible_words

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3}


@dataclass
class Record:
    """One search result: a page's intro or one of its sections."""

    url: str  # from the site root: "technologies/toml/#testing", "" for the home page
    title: str
    page_title: str
    intro: bool
    weight: float = 1.0
    about: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @functools.cached_property
    def text(self) -> str:
        """The words of the record, read once its page has been read."""
        return " ".join("".join(self.parts).split())


# libxml2's HTML parser as lxml.html uses it, without lxml.html's element classes: a page's
# elements are only read here, and looking up a Python class for each of them cost a third
# of the parse.
_PARSER = etree.HTMLParser()

Element = etree._Element


def _excluded(element: Element) -> bool:
    get = element.get
    return (
        element.tag in SKIPPED_TAGS
        or get("data-search-exclude") is not None
        or get("data-pagefind-ignore") is not None
        or "headerlink" in get("class", "").split()
    )


def _words(element: Element) -> str:
    """The element's visible words, without what is excluded inside it."""
    return visible_words(element, _excluded)


class _Reader:
    """Walks one page's content in document order, filing words under the open record."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.records = [Record(url=url, title="", page_title="", intro=True)]
        self.current = self.records[0]
        self.page_weight = 1.0

    def walk(self, element: Element) -> None:
        if isinstance(element.tag, str) and not _excluded(element):
            level = _HEADINGS.get(element.tag)
            if level and element.get("id"):
                self._heading(element, level)
            elif "data-search-record" in element.attrib:
                self._own_record(element)
            else:
                self._children(element)
        self.current.parts.append(element.tail or "")

    def _children(self, element: Element) -> None:
        self.current.parts.append(element.text or "")
        for child in element:
            self.walk(child)
        if element.tag in BLOCKS:
            self.current.parts.append(" ")

    def _heading(self, element: Element, level: int) -> None:
        about = element.get("data-search-about", "").split()
        if level == 1:
            self.records[0].title = _words(element)
            self.records[0].about += about
            self.page_weight = float(element.get("data-search-weight", "1"))
            return
        self.current = Record(
            url=f"{self.url}#{element.get('id')}",
            title=_words(element),
            page_title="",
            intro=False,
            about=about,
        )
        self.records.append(self.current)

    def _own_record(self, element: Element) -> None:
        outer = self.current
        self.current = Record(
            url=f"{self.url}#{element.get('id')}" if element.get("id") else self.url,
            title=element.get("data-search-title", ""),
            page_title="",
            intro=False,
            weight=float(element.get("data-search-weight", "1")),
            about=element.get("data-search-about", "").split(),
        )
        self.records.append(self.current)
        self._children(element)
        self.current = outer


def page_records(html: str, url: str) -> list[Record]:
    """The records of one built page (``url`` from the site root); none for a page without
    content of its own, such as a redirect."""
    content = page_content(html)
    if content is None or not content.strip():
        return []
    # Wrapped as lxml.html.fragment_fromstring wraps a fragment.
    document = etree.fromstring(f"<html><body>{content}</body></html>", _PARSER)
    body = document.find("body") if document is not None else None
    if body is None:
        return []
    reader = _Reader(url)
    for child in body:
        reader.walk(child)
    page_title = reader.records[0].title
    records = [r for r in reader.records if r.title or r.text]
    for record in records:
        record.weight *= reader.page_weight
        record.page_title = page_title
        record.title = record.title or page_title
    return records
