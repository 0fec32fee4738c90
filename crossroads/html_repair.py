"""Repair the few spots where Material for MkDocs' markup is not valid HTML.

The Nu HTML Checker flags three theme-made errors and axe-core one (a search dialog without
a name); none affects how the page works. Fixing them here keeps "every page passes the
checkers" a test that can fail on markup the guide itself produces. A build without hooks
also gets page titles escaped twice in the footer's links, undone by ``footer_titles``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Nav section labels get tabindex="" (an empty string is not an integer).
_EMPTY_TABINDEX = ' tabindex=""'
# autocomplete is not allowed on checkboxes; Material sets it on its two toggle inputs.
_CHECKBOX_AUTOCOMPLETE = [
    (f'type="checkbox" id="{toggle}" autocomplete="off">', f'type="checkbox" id="{toggle}">')
    for toggle in ("__drawer", "__search")
]
# On section index pages the table-of-contents label points at a toggle that is not there.
_TOC_LABEL_FOR = re.compile(r'(<label class="md-nav__title")\sfor="__toc"')


# The search overlay has role="dialog" but no accessible name.
_UNNAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_SEARCH_DIALOG = (
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
)


def repair_theme_markup(html: str) -> str:
    html = html.replace(_UNNAMED_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG)
    html = html.replace(_EMPTY_TABINDEX, "")
    for before, after in _CHECKBOX_AUTOCOMPLETE:
        html = html.replace(before, after)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL_FOR.sub(r"\1", html)
    return html


# Material's previous/next links: aria-label="{{ direction }}: {{ page.next_page.title | e }}".
_FOOTER_LABEL = re.compile(
    r'(class="md-footer__link md-footer__link--(?:prev|next)" aria-label="[^":]*?: )([^"]*)"'
)


def footer_titles(html: str, twice: Mapping[str, str]) -> str:
    """Footer link labels whose title was escaped twice, as the hooked build writes them.

    ``twice`` maps a title escaped twice to the title escaped once
    (:func:`crossroads.page_meta.twice_escaped_titles`); any other label is left alone.
    """
    if not twice:
        return html
    return _FOOTER_LABEL.sub(lambda m: f'{m[1]}{twice.get(m[2], m[2])}"', html)
