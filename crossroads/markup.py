"""Small pieces of page markup written in Python, not as Jinja macros.

They are the hottest pieces of a page (a table at 40 technologies has 640 cells), and a
Python function is several times faster than a macro call. Every data string in them goes
through :mod:`crossroads.markdown_text`, so it is shown as text, never read as markup.
"""

from __future__ import annotations

import json
from html import escape

from markupsafe import Markup

from crossroads import markdown_text
from crossroads.grades import badge
from crossroads.model import Assessment


def verdict_word(assessment: Assessment) -> Markup:
    """What a reader sees for a cell: the verdict, or the "Depends" or "Not assessed yet"
    grade with its icon."""
    if assessment.status == "assessed":
        return markdown_text.text(assessment.verdict)
    return badge("status", assessment.status)


def depends_note(assessment: Assessment, *, with_check: bool = True) -> Markup:
    """What decides a "depends" cell and (``with_check``) what to check, each on a line of
    its own (inline HTML, so it can end the verdict's paragraph); nothing for another cell."""
    if assessment.decided_by is None or assessment.check is None:
        return Markup("")
    decided_by = markdown_text.text(assessment.decided_by)
    check = markdown_text.text(assessment.check)
    check_item = (
        f' <span class="cr-depends__item"><strong>What to check:</strong> {check}</span>'
        if with_check
        else ""
    )
    return Markup(
        '<span class="cr-depends">'
        f'<span class="cr-depends__item"><strong>What decides it:</strong> {decided_by}</span>'
        f"{check_item}</span>"
    )


def cell_label(column: str) -> Markup:
    """The column's name inside a table cell, shown only where a table is read as blocks
    (on a phone), so each stacked cell still says whose verdict it is."""
    # Not in the search index: every row would otherwise say each technology's name.
    return Markup(
        f'<span class="cr-cell-label" data-search-exclude>{markdown_text.text(column)}</span>'
    )


def verdict_cell(assessment: Assessment, link: Markup | None, column: str) -> Markup:
    """A comparison-table cell: column label, verdict (a grade's icon and word for a cell that
    depends or is not assessed), one-line reason, what decides a "depends" (what to check is
    in its section, where the table leads) and, given a ``link``, a link to the section with
    the details and sources.

    Without one the row's criterion name is the link (every cell of the row would lead to
    the same section). ``link`` is built by the template from the page registry.
    """
    label = cell_label(column)
    reason = (
        f'<span class="cr-reason"><br>{markdown_text.text(assessment.reason)}</span>'
        if assessment.reason
        else ""
    )
    if assessment.status == "not-assessed":
        return Markup(f"{label}{verdict_word(assessment)}{reason}")
    if assessment.status == "assessed":
        status = markdown_text.attribute(assessment.status)
        verdict = f'<span class="cr-verdict cr-verdict--{status}">{verdict_word(assessment)}</span>'
    else:
        verdict = str(verdict_word(assessment))
    details = f" [Details and sources]({link})" if link else ""
    return Markup(f"{label}{verdict}{reason}{depends_note(assessment, with_check=False)}{details}")


def detail_toggle(label: str) -> Markup:
    """The button ending a paragraph that, on a phone, unfolds the ``cr-detail`` after it."""
    return Markup(
        '<button type="button" class="cr-detail-toggle" aria-expanded="false" '
        f"data-search-exclude>{escape(label)}</button>"
    )


def script_json(value: object) -> Markup:
    """JSON safe inside <script>: '<', '>' and '&' escaped so no data can close the tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
