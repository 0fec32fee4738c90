"""The sections of a rendered page and the text readers see in each: what the history dates.

A page's opening (its ``<h1>`` and what comes before the first section, anchor ``''``),
each ``<h2>`` and ``<h3>`` with an id, and each element marked ``data-search-record`` with
an id (a source on the sources page) is a section. Its text is its heading and its words
as a reader sees them, whitespace collapsed; what the engine marks ``data-search-exclude``
(citation markers and their numbers, the lists of sources, buttons, "Report a problem"),
permalinks, scripts and styles are left out, so renumbered citations change no section.

This is the history's own reading, apart from the search index's: a fingerprint must stay
the same as long as what readers see does, whatever the search learns to weigh.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import lxml.html
from lxml.etree import ParserError

from crossroads.html_words import BLOCKS, SKIPPED_TAGS, visible_words

_HEADINGS = frozenset({"h1", "h2", "h3"})


@dataclass
class Section:
    title: str = ""
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())

    @property
    def fingerprint(self) -> str:
        words = f"{' '.join(self.title.split())}\n{self.text}"
        return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def _skipped(element: lxml.html.HtmlElement) -> bool:
    return (
        not isinstance(element.tag, str)
        or element.tag in SKIPPED_TAGS
        or "data-search-exclude" in element.attrib
        or "headerlink" in element.get("class", "").split()
    )


def _words(element: lxml.html.HtmlElement) -> str:
    return visible_words(element, _skipped)


class _Reader:
    def __init__(self) -> None:
        self.sections: dict[str, Section] = {"": Section()}
        self.current = self.sections[""]

    def walk(self, element: lxml.html.HtmlElement) -> None:
        if not _skipped(element):
            anchor = element.get("id")
            if element.tag == "h1":
                self.sections[""].title = self.sections[""].title or _words(element)
            elif element.tag in _HEADINGS and anchor:
                self.current = self.sections.setdefault(anchor, Section(_words(element)))
            elif anchor and "data-search-record" in element.attrib:
                outer, self.current = self.current, self.sections.setdefault(anchor, Section())
                self.current.title = element.get("data-search-title", "")
                self._children(element)
                self.current = outer
            else:
                self._children(element)
        self.current.parts.append(element.tail or "")

    def _children(self, element: lxml.html.HtmlElement) -> None:
        self.current.parts.append(element.text or "")
        for child in element:
            self.walk(child)
        if element.tag in BLOCKS:
            self.current.parts.append(" ")


def page_sections(html: str) -> dict[str, Section]:
    """Anchor ('' for the page's opening) -> the section, in page order."""
    if not html.strip():
        return {"": Section()}
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except ParserError:
        return {"": Section()}
    reader = _Reader()
    for child in root:
        reader.walk(child)
    return reader.sections


def fingerprints(html: str) -> dict[str, str]:
    """Anchor -> the fingerprint of what readers see in that section of a page's content."""
    return {anchor: section.fingerprint for anchor, section in page_sections(html).items()}
