"""Render the validated guide into Markdown pages with Jinja templates.

Every function here is pure: a :class:`~crossroads.model.Guide` in, Markdown text out.
The environment autoescapes and *finalizes* every ``{{ … }}`` through
:func:`crossroads.markdown_text.text`, so a data string can never become Markdown or
HTML syntax; only template-authored markup (``Markup``) passes through unchanged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from functools import cache
from html import escape
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup

from crossroads import markdown_text
from crossroads.citations import cited_in
from crossroads.model import Article, Assessment, Comparison, Guide, Recommendation, UseCase
from crossroads.publication import Publication
from crossroads.references import PageReferences
from crossroads.words import FIT_LABELS, VERDICT_LABELS


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    return markdown_text.text(value)


class _BestEffortBytecodeCache(FileSystemBytecodeCache):
    """Compiled templates in a per-user temporary folder; a cache never fails a build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> BytecodeCache | None:
    try:
        return _BestEffortBytecodeCache()
    except (OSError, RuntimeError):  # no usable temporary folder: compile every time
        return None


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
        # Compiling the templates is most of a small build's rendering time. Jinja keys the
        # cache on each template's source checksum, so an edited template is never stale.
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["url"] = markdown_text.url
    env.filters["anchor"] = markdown_text.anchor
    env.filters["paragraphs"] = markdown_text.paragraphs
    env.filters["attr"] = markdown_text.attribute
    env.globals["VERDICT_LABELS"] = VERDICT_LABELS
    env.globals["FIT_LABELS"] = FIT_LABELS
    env.globals["verdict_word"] = verdict_word
    env.globals["detail_toggle"] = detail_toggle
    env.globals["verdict_cell"] = verdict_cell
    env.globals["cell_label"] = cell_label
    # Paths are made of ids the schema checked; Markup keeps the finalize from escaping them.
    env.globals["article_path"] = lambda article_id: Markup(article_path(article_id))
    # Markdown nesting is indentation; plain strings would be collapsed by the finalize.
    env.globals["list_indent"] = lambda depth: Markup("    " * depth)
    return env


def detail_toggle(label: str) -> Markup:
    """The button ending a paragraph that, on a phone, unfolds the ``cr-detail`` after it."""
    return Markup(
        '<button type="button" class="cr-detail-toggle" aria-expanded="false" '
        f"data-search-exclude>{escape(label)}"
        "</button>"
    )


def verdict_word(assessment: Assessment) -> Markup:
    """The word a reader sees for a cell: the verdict, "Depends" or "Not assessed yet"."""
    if assessment.status == "assessed":
        return markdown_text.text(assessment.verdict)
    return Markup("Depends" if assessment.status == "depends" else "Not assessed yet")


def cell_label(column: str) -> Markup:
    """The column's name inside a table cell, shown only where a table is read as blocks
    (on a phone), so each stacked cell still says whose verdict it is."""
    # Not in the search index: every row would otherwise say each technology's name.
    return Markup(
        f'<span class="cr-cell-label" data-search-exclude>{markdown_text.text(column)}</span>'
    )


def verdict_cell(assessment: Assessment, link: Markup | None, column: str) -> Markup:
    """A comparison-table cell: column label, verdict word, one-line reason and, given a
    ``link``, a link to the section with the details and sources.

    Without one the row's criterion name is the link (every cell of the row would lead to
    the same section). In Python rather than a macro: a table at 40 technologies has 640
    cells. ``link`` is built by the template from ``anchor``-checked ids.
    """
    label = cell_label(column)
    if assessment.status == "not-assessed":
        reason = f"<br>{markdown_text.text(assessment.reason)}" if assessment.reason else ""
        return Markup(
            f'{label}<span class="cr-verdict cr-verdict--not-assessed">Not assessed yet</span>'
            f"{reason}"
        )
    status = markdown_text.attribute(assessment.status)
    details = f" [Details and sources]({link})" if link else ""
    return Markup(
        f'{label}<span class="cr-verdict cr-verdict--{status}">{verdict_word(assessment)}</span>'
        f"<br>{markdown_text.text(assessment.reason)}{details}"
    )


def _render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def _render_page(template: str, guide: Guide, **context: Any) -> str:
    """A whole page: its statements carry citation markers, its sources are listed at its foot."""
    references = PageReferences(guide)
    text = _render(template, guide=guide, cite=references.cite, **context)
    return text + references.section()


# --- page paths: one place decides every URL the guide publishes ---------------------------


def technology_path(technology_id: str) -> str:
    return f"technologies/{technology_id}.md"


def comparison_path(comparison: Comparison) -> str:
    return f"compare/{comparison.id}.md"


def use_case_path(use_case_id: str) -> str:
    return f"use-cases/{use_case_id}.md"


def article_path(article_id: str) -> str:
    return f"articles/{article_id}.md"


ARTICLES_INDEX_PATH = "articles/index.md"
DECIDE_PATH = "decide.md"
USE_CASES_INDEX_PATH = "use-cases/index.md"
SOURCES_PATH = "sources.md"
CRITERIA_PATH = "criteria.md"
TECHNOLOGIES_INDEX_PATH = "technologies/index.md"
COMPARISONS_INDEX_PATH = "compare/index.md"
# Pages of a kind that exists only when its data does; a nav entry for one that is not
# generated is dropped rather than left dangling.
OPTIONAL_PAGES = (DECIDE_PATH, USE_CASES_INDEX_PATH, ARTICLES_INDEX_PATH)


# --- pages ---------------------------------------------------------------------------------


def _reporter(publication: Publication, page_path: str, page_title: str) -> Any:
    def report(section: str, anchor: str, data_files: list[str]) -> Markup:
        return markdown_text.url(
            publication.report_url(
                page_path=page_path,
                page_title=page_title,
                section=section,
                anchor=anchor,
                data_files=data_files,
            )
        )

    return report


def technology_page(guide: Guide, technology_id: str, publication: Publication) -> str:
    technology = guide.technologies[technology_id]
    path = technology_path(technology_id)
    return _render_page(
        "technology.md.j2",
        guide,
        report=_reporter(publication, path, technology.name),
        data_files=[guide.origins["criteria"], guide.origins[f"technology:{technology_id}"]],
        technology=technology,
        comparisons=[c for c in guide.comparisons if technology_id in c.technologies],
        cells=[(c, guide.assessment(technology_id, c.id)) for c in guide.criteria],
        pros=[s for s in guide.statements_of(technology_id) if s.kind == "pro"],
        cons=[s for s in guide.statements_of(technology_id) if s.kind == "con"],
        similarities=[s for s in guide.statements_of(technology_id) if s.kind == "similarity"],
        use_cases=guide.use_cases_for(technology_id),
    )


def comparison_page(guide: Guide, comparison: Comparison, publication: Publication) -> str:
    technologies = [guide.technologies[t] for t in comparison.technologies]
    title = comparison_title(guide, comparison)
    return _render_page(
        "comparison.md.j2",
        guide,
        report=_reporter(publication, comparison_path(comparison), title),
        data_files=[guide.origins["criteria"]]
        + [guide.origins[f"technology:{t}"] for t in comparison.technologies]
        + [guide.origins["statements"]],
        comparison=comparison,
        title=comparison_title(guide, comparison),
        technologies=technologies,
        table=Markup(comparison_table(guide, comparison.technologies, None)),
    )


def comparison_title(guide: Guide, comparison: Comparison) -> str:
    return " vs ".join(guide.technologies[t].name for t in comparison.technologies)


def article_page(guide: Guide, article: Article, publication: Publication) -> str:
    path = article_path(article.id)
    return _render_page(
        "article.md.j2",
        guide,
        article=article,
        report=_reporter(publication, path, article.title),
        data_files=[guide.origins[f"article:{article.id}"]],
    )


def articles_index(guide: Guide) -> str:
    return _render("articles_index.md.j2", guide=guide)


def sources_page(guide: Guide, today: dt.date) -> str:
    ordered = sorted(guide.sources.values(), key=lambda s: (s.publisher.lower(), s.title.lower()))
    return _render(
        "sources.md.j2",
        guide=guide,
        sources=ordered,
        today=today,
        places=cited_in(guide),
        page_link=Markup,  # registry paths are made of checked ids
    )


def criteria_page(guide: Guide) -> str:
    return _render("criteria.md.j2", guide=guide)


def technologies_index(guide: Guide) -> str:
    return _render("technologies_index.md.j2", guide=guide)


def comparisons_index(guide: Guide) -> str:
    table = comparison_table(guide, list(guide.technologies), None, by_technology=True)
    return _render(
        "comparisons_index.md.j2",
        guide=guide,
        table=Markup(table),
        picker_json=_script_json(picker_data(guide)),
    )


def picker_data(guide: Guide) -> dict[str, object]:
    """The compare-any table's ids, in column and row order, and each cell as plain text."""

    def verdict(a: Assessment) -> str:
        if a.status == "assessed":
            return str(a.verdict)
        return "Depends" if a.status == "depends" else "Not assessed yet"

    return {
        "words": {"one": guide.info.item.one, "many": guide.info.item.many},
        "technologies": [{"id": t.id, "name": t.name} for t in guide.technologies.values()],
        "criteria": [{"id": c.id, "name": c.name} for c in guide.criteria],
        "cells": {
            t: {
                c.id: {
                    "verdict": verdict(guide.assessment(t, c.id)),
                    "reason": guide.assessment(t, c.id).reason or "",
                }
                for c in guide.criteria
            }
            for t in guide.technologies
        },
    }


def criterion_link(guide: Guide, criterion_id: str, technology_ids: list[str]) -> Markup:
    """Docs-absolute Markdown link target for a criterion's section.

    The section of the first comparison that covers all ``technology_ids`` (it holds the
    reasoning and sources); the criteria page when no comparison does.
    """
    wanted = set(technology_ids)
    for comparison in guide.comparisons:
        if wanted <= set(comparison.technologies):
            return Markup(f"/{comparison_path(comparison)}#{markdown_text.anchor(criterion_id)}")
    return Markup(f"/{CRITERIA_PATH}#{markdown_text.anchor(criterion_id)}")


def use_case_page(guide: Guide, use_case: UseCase) -> str:
    technology_ids = [r.technology for r in use_case.recommendations]
    criteria = {n.criterion for n in use_case.needs}
    statements = [
        s for s in guide.statements_within(technology_ids) if criteria.intersection(s.criteria)
    ]
    return _render_page(
        "use_case.md.j2",
        guide,
        use_case=use_case,
        statements=statements,
        criterion_link=lambda c: criterion_link(guide, c, technology_ids),
    )


def use_cases_index(guide: Guide) -> str:
    def fit(use_case: UseCase, technology_id: str) -> Recommendation | None:
        return next((r for r in use_case.recommendations if r.technology == technology_id), None)

    return _render("use_cases_index.md.j2", guide=guide, fit=fit)


def _page_url(path: str) -> str:
    """Directory URL of a page relative to the flowchart page (``decide/``)."""
    return "../" + path.removesuffix(".md").removesuffix("index") + "/"


def flowchart_data(guide: Guide) -> dict[str, object]:
    """What the flowchart script needs; every value is text the script inserts as text."""
    flowchart = guide.flowchart
    assert flowchart is not None
    all_technologies = list(guide.technologies)

    def criterion_url(criterion_id: str) -> str:
        target = str(criterion_link(guide, criterion_id, all_technologies))
        page, _, anchor = target.lstrip("/").partition("#")
        return f"{_page_url(page)}#{anchor}"

    return {
        "words": {"one": guide.info.item.one, "many": guide.info.item.many},
        "start": flowchart.start,
        "questions": {
            q.id: {
                "text": q.text,
                "help": q.help,
                "answers": [{"id": a.id, "label": a.label, "next": a.next} for a in q.answers],
            }
            for q in flowchart.questions
        },
        "outcomes": {
            o.id: {
                "title": o.title,
                "technology": guide.technologies[o.technology].name if o.technology else None,
                "reason": o.reason,
                "useCase": {
                    "title": guide.use_cases[o.use_case].title,
                    "url": _page_url(use_case_path(o.use_case)),
                }
                if o.use_case
                else None,
                "criteria": [
                    {"name": guide.criterion(c).name, "url": criterion_url(c)} for c in o.criteria
                ],
                "sources": [
                    {
                        "title": guide.sources[s].title,
                        "publisher": guide.sources[s].publisher,
                        "url": guide.sources[s].url,
                        "checked": guide.sources[s].checked.isoformat(),
                        "quote": quote,
                    }
                    for s, quote in o.sources.items()
                ],
            }
            for o in flowchart.outcomes
        },
    }


def _script_json(value: object) -> Markup:
    """JSON safe inside <script>: '<', '>' and '&' escaped so no data can close the tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def decide_page(guide: Guide) -> str:
    assert guide.flowchart is not None
    all_technologies = list(guide.technologies)
    return _render_page(
        "decide.md.j2",
        guide,
        flowchart=guide.flowchart,
        flow_json=_script_json(flowchart_data(guide)),
        criterion_link=lambda c: criterion_link(guide, c, all_technologies),
    )


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


def opening(guide: Guide) -> str:
    """The guide's opening paragraphs (``opening`` in data/guide.yml) for the home page."""
    return _render("fragments/opening.md.j2", guide=guide)


def ways_in(guide: Guide) -> str:
    """Links to the ways into the guide that exist: the flowchart, a comparison, use cases."""
    return _render(
        "fragments/ways_in.md.j2",
        guide=guide,
        first_comparison=Markup(comparison_path(guide.comparisons[0]))
        if guide.comparisons
        else None,
        first_title=comparison_title(guide, guide.comparisons[0]) if guide.comparisons else None,
    )
