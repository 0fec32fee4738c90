"""A guide's pages as the build will have them, for every command that needs them.

The hand-written pages with their markers expanded, the pages made from data, and each
page's content rendered through Python-Markdown (the library MkDocs itself renders with)
with the extensions the project's config lists, so the commands see the ids the built
pages will have. Commands share this module instead of importing one another.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import markdown

from crossroads.anchors import Anchors, aliases_on, ids_in
from crossroads.errors import DataError, DataProblem, display_path
from crossroads.guide import Guide
from crossroads.project import Project
from crossroads.publication import url_path
from crossroads.site import expand_markers, generated_pages


def expanded_pages(guide: Guide, project: Project) -> tuple[dict[str, str], list[DataProblem]]:
    """Hand-written pages with their markers expanded, and every marker problem."""
    pages: dict[str, str] = {}
    problems: list[DataProblem] = []
    for src_uri, source in project.pages.items():
        try:
            pages[src_uri] = expand_markers(source, guide, src_uri=src_uri)
        except DataError as exc:
            problems += exc.problems
    return pages, problems


def clashes(
    docs_dir: Path, hand_written: Iterable[str], generated: Iterable[str]
) -> list[DataProblem]:
    """A hand-written page where a generated one goes: one problem for each."""
    return [
        DataProblem(
            display_path(docs_dir / src_uri),
            1,
            "",
            f"docs/{src_uri} is generated from data/: delete the hand-written file",
        )
        for src_uri in sorted(set(hand_written) & set(generated))
    ]


def renderer(project: Project) -> markdown.Markdown:
    """A Markdown renderer with the extensions, and their settings, the build uses."""
    return markdown.Markdown(
        extensions=project.extensions, extension_configs=project.extension_configs
    )


def rendered(pages: dict[str, str], project: Project) -> dict[str, str]:
    """Page URL -> its content as HTML, rendered as the build renders it."""
    render = renderer(project)
    html: dict[str, str] = {}
    for src_uri, text in pages.items():
        render.reset()
        html[url_path(src_uri)] = render.convert(without_front_matter(text))
    return html


def page_anchors(html: dict[str, str], guide: Guide) -> Anchors:
    """Page URL -> the ids its content (page URL -> HTML) will have, anchor aliases included."""
    return {
        url: ids_in(content) | set(aliases_on(url, guide.moves)) for url, content in html.items()
    }


def without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def site_pages(
    project: Project, guide: Guide, today: dt.date
) -> tuple[dict[str, str], dict[str, str], list[DataProblem]]:
    """The hand-written pages (expanded) and the generated ones, and any problems."""
    generated = generated_pages(guide, today, project.publication)
    pages, problems = expanded_pages(guide, project)
    problems += clashes(project.docs_dir, pages, generated)
    return pages, generated, problems


def rendered_pages(project: Project, guide: Guide, today: dt.date) -> dict[str, str]:
    """Page URL -> its content as the build renders it; raises :class:`DataError`."""
    hand_written, generated, problems = site_pages(project, guide, today)
    if problems:
        raise DataError(problems)
    return rendered({**hand_written, **generated}, project)


def current_anchors(project: Project, guide: Guide, today: dt.date) -> Anchors:
    """Page URL -> ids, for the guide as it would be built now; raises :class:`DataError`."""
    return page_anchors(rendered_pages(project, guide, today), guide)
