"""Render the validated guide into Markdown pages with Jinja templates.

Every function here is pure: a :class:`~crossroads.model.Guide` in, Markdown text out.
The environment autoescapes and *finalizes* every ``{{ … }}`` through
:func:`crossroads.markdown_text.text`, so a data string can never become Markdown or
HTML syntax; only template-authored markup (``Markup``) passes through unchanged.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from crossroads import markdown_text
from crossroads.model import Assessment, Comparison, Guide, Technology

VERDICT_LABELS = {
    "accurate": "Accurate",
    "misleading": "Misleading",
    "wrong": "Wrong",
    "unverifiable": "Unverifiable",
}


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    return markdown_text.text(value)


@cache
def environment() -> Environment:
    """The one Jinja environment: autoescape, StrictUndefined, data escaped for Markdown."""
    env = Environment(
        loader=PackageLoader("crossroads", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["url"] = markdown_text.url
    env.filters["anchor"] = markdown_text.anchor
    env.filters["paragraphs"] = markdown_text.paragraphs
    env.filters["attr"] = markdown_text.attribute
    env.globals["VERDICT_LABELS"] = VERDICT_LABELS
    return env


def _render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


# --- page paths: one place decides every URL the guide publishes ---------------------------


def technology_path(technology_id: str) -> str:
    return f"technologies/{technology_id}.md"


def comparison_path(comparison: Comparison) -> str:
    return f"compare/{comparison.id}.md"


CLAIMS_PATH = "claims.md"
SOURCES_PATH = "sources.md"
CRITERIA_PATH = "criteria.md"
TECHNOLOGIES_INDEX_PATH = "technologies/index.md"
COMPARISONS_INDEX_PATH = "compare/index.md"


# --- pages ---------------------------------------------------------------------------------


def technology_page(guide: Guide, technology_id: str) -> str:
    technology = guide.technologies[technology_id]
    return _render(
        "technology.md.j2",
        guide=guide,
        technology=technology,
        comparisons=[c for c in guide.comparisons if technology_id in c.technologies],
        cells=[(c, guide.assessment(technology_id, c.id)) for c in guide.criteria],
        pros=[s for s in guide.statements_about(technology=technology_id) if s.kind == "pro"],
        cons=[s for s in guide.statements_about(technology=technology_id) if s.kind == "con"],
        similarities=[
            s for s in guide.statements_about(technology=technology_id) if s.kind == "similarity"
        ],
    )


def comparison_page(guide: Guide, comparison: Comparison) -> str:
    technologies = [guide.technologies[t] for t in comparison.technologies]
    return _render(
        "comparison.md.j2",
        guide=guide,
        comparison=comparison,
        title=comparison_title(guide, comparison),
        technologies=technologies,
        table=Markup(comparison_table(guide, comparison.technologies, None)),
    )


def comparison_title(guide: Guide, comparison: Comparison) -> str:
    return " vs ".join(guide.technologies[t].name for t in comparison.technologies)


def claims_page(guide: Guide) -> str:
    return _render("claims.md.j2", guide=guide)


def sources_page(guide: Guide, today: dt.date) -> str:
    ordered = sorted(guide.sources.values(), key=lambda s: (s.publisher.lower(), s.title.lower()))
    return _render("sources.md.j2", guide=guide, sources=ordered, today=today)


def criteria_page(guide: Guide) -> str:
    return _render("criteria.md.j2", guide=guide)


def technologies_index(guide: Guide) -> str:
    return _render("technologies_index.md.j2", guide=guide)


def comparisons_index(guide: Guide) -> str:
    table = comparison_table(guide, list(guide.technologies), None, by_technology=True)
    return _render("comparisons_index.md.j2", guide=guide, table=Markup(table))


# --- fragments hand-written pages can ask for with markers ---------------------------------


def comparison_table(
    guide: Guide, technology_ids: list[str], link_to: str | None, *, by_technology: bool = False
) -> str:
    """The verdict table, one row per criterion.

    Cells link to the criterion's section on ``link_to`` (a comparison page) or on this page;
    with ``by_technology`` each cell links to that technology's own page instead.
    """
    technologies = [guide.technologies[t] for t in technology_ids]
    return _render(
        "fragments/comparison_table.md.j2",
        guide=guide,
        technologies=technologies,
        link_to=link_to,
        by_technology=by_technology,
    )


def technology_list(guide: Guide) -> str:
    return _render("fragments/technology_list.md.j2", guide=guide)


def comparison_list(guide: Guide) -> str:
    return _render("fragments/comparison_list.md.j2", guide=guide)


def cell(guide: Guide, technology: Technology, criterion_id: str) -> Assessment:
    return guide.assessment(technology.id, criterion_id)
