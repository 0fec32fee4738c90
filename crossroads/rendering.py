"""Render the validated guide into Markdown pages and fragments with Jinja templates.

Every function here is pure: a :class:`~crossroads.model.Guide` in, Markdown text out. The
environment (:mod:`crossroads.jinja_env`) escapes every data string; page paths come from
the registry (:mod:`crossroads.paths`); script payloads from :mod:`crossroads.payloads`.
Each page is rendered knowing its own source path, and a fragment the source path of the
page it goes on (``page``), so that every link is relative to the page that holds it.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from crossroads import markdown_text, paths
from crossroads.changes import by_day, day_list
from crossroads.citations import cited_in
from crossroads.guide import Guide
from crossroads.jinja_env import render
from crossroads.markup import script_json
from crossroads.model import Recommendation, UseCase
from crossroads.page_kinds import Build, Renderer, kind, registered, renders
from crossroads.payloads import criterion_page, flowchart_data, picker_data
from crossroads.publication import Publication
from crossroads.references import PageReferences
from crossroads.words import comparison_title


def _template(kind_name: str) -> str:
    template = kind(kind_name).template
    assert template is not None, f"page kind {kind_name!r} has no template"
    return template


def _render_page(kind_name: str, guide: Guide, *, page: str, **context: Any) -> str:
    """A whole page: its statements carry citation markers, its sources are listed at its foot."""
    references = PageReferences(guide)
    text = render(_template(kind_name), page=page, guide=guide, cite=references.cite, **context)
    return text + references.section()


def _render_plain(kind_name: str, guide: Guide, **context: Any) -> str:
    """The one page of a kind without items, which cites nothing of its own."""
    return render(_template(kind_name), page=paths.path_for(kind_name), guide=guide, **context)


def page_renderer(kind_name: str) -> Renderer:
    """How pages of a kind are rendered: its registered function, or for the one page of a
    kind without items whose template needs only the guide, that template."""
    found = registered(kind_name)
    if found is not None:
        return found
    if kind(kind_name).per_item:
        raise LookupError(f"page kind {kind_name!r} has a page per item and no @renders function")
    return lambda guide, _, build: _render_plain(kind_name, guide)


def _reporter(publication: Publication, page_path: str, page_title: str) -> Any:
    """The template's ``report(section, anchor, data_files)``: a "report a problem" link."""

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


@renders("technology")
def technology_page(guide: Guide, technology_id: str | None, build: Build) -> str:
    assert technology_id is not None
    technology = guide.technologies[technology_id]
    statements = guide.statements_of(technology_id)
    page = paths.path_for("technology", technology_id)
    return _render_page(
        "technology",
        guide,
        page=page,
        report=_reporter(build.publication, page, technology.name),
        data_files=guide.files_of("criteria", f"technology:{technology_id}"),
        technology=technology,
        comparisons=[c for c in guide.comparisons if technology_id in c.technologies],
        cells=[(c, guide.assessment(technology_id, c.id)) for c in guide.criteria],
        pros=[s for s in statements if s.kind == "pro"],
        cons=[s for s in statements if s.kind == "con"],
        similarities=[s for s in statements if s.kind == "similarity"],
        use_cases=guide.use_cases_for(technology_id),
    )


@renders("comparison")
def comparison_page(guide: Guide, comparison_id: str | None, build: Build) -> str:
    comparison = next(c for c in guide.comparisons if c.id == comparison_id)
    title = comparison_title(guide, comparison)
    page = paths.path_for("comparison", comparison.id)
    return _render_page(
        "comparison",
        guide,
        page=page,
        report=_reporter(build.publication, page, title),
        data_files=guide.files_of(
            "criteria", *(f"technology:{t}" for t in comparison.technologies), "statements"
        ),
        comparison=comparison,
        title=title,
        technologies=[guide.technologies[t] for t in comparison.technologies],
        table=Markup(comparison_table(guide, comparison.technologies, None, page=page)),
        claim_verdicts={
            c.verdict
            for criterion in guide.criteria
            for _, c in guide.claims_within(comparison.technologies, criterion=criterion.id)
        },
    )


@renders("article")
def article_page(guide: Guide, article_id: str | None, build: Build) -> str:
    assert article_id is not None
    article = guide.articles[article_id]
    page = paths.path_for("article", article.id)
    return _render_page(
        "article",
        guide,
        page=page,
        article=article,
        report=_reporter(build.publication, page, article.title),
        data_files=guide.files_of(f"article:{article.id}"),
    )


@renders("sources")
def sources_page(guide: Guide, _: str | None, build: Build) -> str:
    ordered = sorted(guide.sources.values(), key=lambda s: (s.publisher.lower(), s.title.lower()))
    page = paths.path_for("sources")
    return _render_plain(
        "sources",
        guide,
        sources=ordered,
        today=build.today,
        places=cited_in(guide),
        # A place's page is a registry path, made of checked ids.
        link_to_path=lambda path, anchor: paths.link_to_path(path, anchor, page=page),
    )


@renders("changes")
def changes_page(guide: Guide, _: str | None = None, build: Build | None = None) -> str:
    """What changed, newest first, from the section history (:mod:`crossroads.changes`)."""
    days = [(day, day_list(pages)) for day, pages in by_day(guide.history)]
    return _render_plain("changes", guide, days=days, feed_path=Markup(paths.FEED_PATH))


@renders("comparisons")
def comparisons_index(guide: Guide, _: str | None, build: Build) -> str:
    page = paths.path_for("comparisons")
    table = comparison_table(guide, list(guide.technologies), None, page=page, by_technology=True)
    return _render_plain(
        "comparisons",
        guide,
        table=Markup(table),
        picker_json=script_json(picker_data(guide)),
    )


def criterion_link(guide: Guide, criterion_id: str, technology_ids: list[str], page: str) -> Markup:
    """Markdown link target, from ``page``, to a criterion's best section for these
    technologies (see :func:`crossroads.payloads.criterion_page`)."""
    return paths.link_for(*criterion_page(guide, technology_ids), criterion_id, page=page)


@renders("use-case")
def use_case_page(guide: Guide, use_case_id: str | None, build: Build) -> str:
    assert use_case_id is not None
    use_case = guide.use_cases[use_case_id]
    technology_ids = [r.technology for r in use_case.recommendations]
    criteria = {n.criterion for n in use_case.needs}
    statements = [
        s for s in guide.statements_within(technology_ids) if criteria.intersection(s.criteria)
    ]
    page = paths.path_for("use-case", use_case.id)
    return _render_page(
        "use-case",
        guide,
        page=page,
        use_case=use_case,
        statements=statements,
        claim_verdicts={guide.claim(c)[1].verdict for c in use_case.claims},
        criterion_link=lambda c: criterion_link(guide, c, technology_ids, page),
    )


@renders("use-cases")
def use_cases_index(guide: Guide, _: str | None, build: Build) -> str:
    def fit(use_case: UseCase, technology_id: str) -> Recommendation | None:
        return guide.recommendation(use_case.id, technology_id)

    pairs = [(u, t) for u in guide.use_cases.values() for t in guide.technologies]
    found = [fit(u, t) for u, t in pairs]
    return _render_plain(
        "use-cases",
        guide,
        fit=fit,
        fits={r.fit for r in found if r is not None},
        unassessed=None in found,
    )


@renders("decide")
def decide_page(guide: Guide, _: str | None, build: Build) -> str:
    assert guide.flowchart is not None
    everyone = list(guide.technologies)
    page = paths.path_for("decide")
    return _render_page(
        "decide",
        guide,
        page=page,
        flowchart=guide.flowchart,
        flow_json=script_json(flowchart_data(guide)),
        outcome_fits=_outcome_fits(guide),
        criterion_link=lambda c: criterion_link(guide, c, everyone, page),
    )


def _outcome_fits(guide: Guide) -> dict[str, Recommendation]:
    """Outcome id -> how its technology fits its use case, where the outcome names both and
    the use case recommends on that technology."""
    assert guide.flowchart is not None
    fits = {}
    for outcome in guide.flowchart.outcomes:
        if outcome.use_case and outcome.technology:
            found = guide.recommendation(outcome.use_case, outcome.technology)
            if found is not None:
                fits[outcome.id] = found
    return fits


# --- fragments hand-written pages can ask for with markers ---------------------------------
# ``page`` is the source path of the page the fragment goes on.


def comparison_table(
    guide: Guide,
    technology_ids: list[str],
    comparison_id: str | None,
    *,
    page: str,
    by_technology: bool = False,
) -> str:
    """The verdict table, one row per criterion.

    The criterion names link to their sections on the comparison page ``comparison_id`` or
    on this page; with ``by_technology`` each cell links to that technology's own section.
    """
    statuses = {guide.assessment(t, c.id).status for t in technology_ids for c in guide.criteria}
    return render(
        "fragments/comparison_table.md.j2",
        page=page,
        guide=guide,
        technologies=[guide.technologies[t] for t in technology_ids],
        comparison_id=comparison_id,
        by_technology=by_technology,
        statuses=statuses,
    )


def technology_list(guide: Guide, page: str) -> str:
    return render("fragments/technology_list.md.j2", page=page, guide=guide)


def comparison_list(guide: Guide, page: str) -> str:
    return render("fragments/comparison_list.md.j2", page=page, guide=guide)


def opening(guide: Guide, page: str) -> str:
    """The guide's opening paragraphs (``opening`` in data/guide.yml) for the home page."""
    return render("fragments/opening.md.j2", page=page, guide=guide)


def ways_in(guide: Guide, page: str) -> str:
    """Links to the ways into the guide that exist: the flowchart, every comparison and
    compare any, use cases."""
    return render("fragments/ways_in.md.j2", page=page, guide=guide)
