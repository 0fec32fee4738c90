"""One numbered list of sources per page, and the compact markers that point into it.

A statement carries markers such as ``[2] [5]`` instead of a "Sources:" block of its own.
Each marker links to the passage of that source which supports that statement, in the
list at the foot of the page; the passage lists back-links to every marker that cites it.
A source is listed once per page however often it is cited; each different passage quoted
from it is listed once under it (a shorter excerpt of a passage counts as that passage).

Numbers follow the order of first citation on the page, so they are per page and may
change as the data grows. The ids of markers and list items are page-internal (they start
with :data:`~crossroads.anchors.PAGE_INTERNAL_PREFIX`), so they are not published anchors;
the list's heading (``#references``) is. A source's lasting address is its entry on the
sources page.

Plain HTML rather than Markdown, so every data string is HTML-escaped and never read as
Markdown; the search index skips markers and list (``data-search-exclude``), so a search
lands on the statement, not on the list of sources under the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

from crossroads.anchors import PAGE_INTERNAL_PREFIX
from crossroads.guide import Guide
from crossroads.markup import detail_toggle

HEADING = "Sources on this page"
SECTION_ID = "references"


@dataclass
class _Passage:
    anchor: str
    quote: str
    markers: list[str] = field(default_factory=list)


@dataclass
class _Entry:
    number: int
    source_id: str
    passages: dict[str, _Passage] = field(default_factory=dict)

    def passage_for(self, quote: str, source_id: str) -> _Passage:
        """The passage quoting ``quote``. Two citations may quote one passage at different
        lengths; the words of one inside the other are one passage, shown at its longest."""
        for known, passage in self.passages.items():
            if quote in known:
                return passage
            if known in quote:
                passage.quote = quote
                self.passages = {quote if k == known else k: p for k, p in self.passages.items()}
                return passage
        anchor = f"{PAGE_INTERNAL_PREFIX}ref_{source_id}_{len(self.passages) + 1}"
        passage = self.passages[quote] = _Passage(anchor, quote)
        return passage


@dataclass
class PageReferences:
    """The sources one page cites, collected as the page renders from top to bottom."""

    guide: Guide
    _entries: dict[str, _Entry] = field(default_factory=dict)
    _markers: int = 0

    def cite(self, citations: Mapping[str, str]) -> Markup:
        """Markers for one statement's citations (source id → the passage quoted)."""
        markers = sorted(self._marker(source_id, quote) for source_id, quote in citations.items())
        if not markers:
            return Markup("")
        links = " ".join(link for _, link in markers)
        return Markup(f'<sup class="cr-cite" data-search-exclude>{links}</sup>')

    def _marker(self, source_id: str, quote: str) -> tuple[int, str]:
        """The marker's number and link; a source new to the page gets the next number."""
        entry = self._entries.get(source_id)
        if entry is None:
            entry = self._entries[source_id] = _Entry(len(self._entries) + 1, source_id)
        passage = entry.passage_for(" ".join(quote.split()), source_id)
        self._markers += 1
        marker_id = f"{PAGE_INTERNAL_PREFIX}cite_{self._markers}"
        passage.markers.append(marker_id)
        title = escape(self.guide.sources[source_id].title)
        return entry.number, (
            f'<a href="#{passage.anchor}" id="{marker_id}" '
            f'aria-label="Source {entry.number}: {title}">[{entry.number}]</a>'
        )

    def section(self) -> str:
        """The page's numbered list under its own heading; empty when nothing was cited."""
        if not self._entries:
            return ""
        items = "\n".join(self._item(entry) for entry in self._entries.values())
        count = len(self._entries)
        # On a phone the list folds behind this line: a marker opens its evidence in place,
        # and a jump into the list (:target) shows it. Shown without JavaScript and in print.
        sources = "source" if count == 1 else "sources"
        toggle = (
            f'<p class="cr-references__intro" data-search-exclude>{count} {sources}'
            ", each with the date it was checked and the passages quoted. "
            f"{detail_toggle('Show them')}</p>"
        )
        return (
            f"\n## {HEADING} {{ #{SECTION_ID} data-search-exclude }}\n\n{toggle}\n"
            f'<ol class="cr-references cr-detail" data-search-exclude>\n{items}\n</ol>\n'
        )

    def _item(self, entry: _Entry) -> str:
        source = self.guide.sources[entry.source_id]
        covers = f" ({escape(source.covers)})" if source.covers else ""
        day = source.checked.isoformat()
        passages = "".join(self._passage(p, n) for n, p in enumerate(entry.passages.values()))
        count = len(entry.passages)
        # On a phone the passages fold under this button, except the one a marker leads to.
        toggle = (
            '<button type="button" class="cr-passages-toggle" aria-expanded="false">'
            f"{'What it says' if count == 1 else f'{count} passages'}</button>"
        )
        return (
            f'<li id="{PAGE_INTERNAL_PREFIX}ref_{entry.source_id}"><a href="{escape(source.url)}">'
            f"{escape(source.title)}</a>{covers}, {escape(source.publisher)}, checked "
            f'<time datetime="{day}">{day}</time> {toggle}<ul>{passages}</ul></li>'
        )

    @staticmethod
    def _passage(passage: _Passage, before: int) -> str:
        # One line per passage: back-links to its markers, then the quote cut to the line;
        # the marker's target, or a tap on the quote, shows all of it. ``before`` passages
        # of the same source precede it: a jump here keeps the source's title in view.
        count = len(passage.markers)
        backlinks = "".join(
            f'<a href="#{marker}" aria-label="Back to citation {n} of {count}">↑</a>'
            for n, marker in enumerate(passage.markers, start=1)
        )
        margin = f' style="--cr-n:{before}"' if before else ""
        return (
            f'<li id="{passage.anchor}" class="cr-passage"{margin}>'
            f'<span class="cr-backlinks">{backlinks}</span>'
            '<button type="button" class="cr-passage-toggle" aria-expanded="false">'
            f"{quoted(passage.quote)}</button></li>"
        )


QUOTATION_MARKS = '"“”„«»'


def quoted(text: str) -> str:
    """``text`` HTML-escaped in quotation marks, unless it starts or ends with one of its
    own: a passage quoting a quotation (``"node": ">= 18"``) would show doubled marks."""
    if text[:1] in QUOTATION_MARKS or text[-1:] in QUOTATION_MARKS:
        return escape(text)
    return f"“{escape(text)}”"
