"""The one Jinja environment every page and fragment is rendered with.

It autoescapes, raises on any undefined name (``StrictUndefined``) and *finalizes* every
``{{ … }}`` through :func:`crossroads.markdown_text.text`, so a data string can never become
Markdown or HTML syntax; only template-authored markup (``Markup``) passes through unchanged.
The globals are the few helpers templates share: the words readers see and the hot pieces
of markup written in Python. ``link`` (the page registry's :func:`~crossroads.paths.link_for`)
is bound to the page being rendered, so every link is relative to the page that holds it.
"""

from __future__ import annotations

import contextlib
from functools import cache, partial
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup

from crossroads import grades, markdown_text, markup, paths, words


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    return markdown_text.text(value)


class BestEffortBytecodeCache(FileSystemBytecodeCache):
    """Compiled templates in a per-user temporary folder; a cache never fails a build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> BytecodeCache | None:
    try:
        return BestEffortBytecodeCache()
    except (OSError, RuntimeError):  # no usable temporary folder: compile every time
        return None


@cache
def environment() -> Environment:
    """The environment, built once per process."""
    env = Environment(
        loader=PackageLoader("crossroads", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Compiling the templates is most of a small build's rendering time. Jinja keys the
        # cache on each template's source checksum, so an edited template is never stale.
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["url"] = markdown_text.url
    env.filters["anchor"] = markdown_text.anchor
    env.filters["paragraphs"] = markdown_text.paragraphs
    env.filters["attr"] = markdown_text.attribute
    env.globals.update(
        QUESTION_PREFIX=Markup(paths.QUESTION_PREFIX),
        OUTCOME_PREFIX=Markup(paths.OUTCOME_PREFIX),
        COMPARE_ANY_ANCHOR=Markup(paths.COMPARE_ANY_ANCHOR),
        VERDICT_LABELS=words.VERDICT_LABELS,
        FIT_LABELS=words.FIT_LABELS,
        comparison_title=words.comparison_title,
        verdict_word=markup.verdict_word,
        verdict_cell=markup.verdict_cell,
        depends_note=markup.depends_note,
        grade=grades.badge,
        legend=grades.legend,
        cell_label=markup.cell_label,
        detail_toggle=markup.detail_toggle,
    )
    return env


def render(template: str, *, page: str, **context: Any) -> str:
    """Render ``template`` for the page whose source path (below ``docs/``) is ``page``."""
    link = partial(paths.link_for, page=page)
    return environment().get_template(template).render(link=link, **context)
