"""Everything the build checks, without building: ``python -m crossroads check``.

The data (:func:`crossroads.validation.load_guide`), the markers in every hand-written page,
the links and anchors of those pages and the nav (:mod:`crossroads.page_links`, at the
levels the project's ``validation:`` sets), and the published-anchor promises. Pages are
rendered as the build renders them (:mod:`crossroads.pages`), so ``check`` sees the ids the
built pages will have. A green ``check --strict`` means ``mkdocs build --strict`` will not
stop on the guide's data, pages or anchors; without ``--strict``, what the build only warns
about is returned as warnings, with what does not stop the build at all (stale sources, thin
coverage, untagged names).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from crossroads.anchors import promise_problems, read_manifest
from crossroads.coverage import thin_coverage
from crossroads.data_files import DataFile
from crossroads.errors import DataError
from crossroads.guide import Guide
from crossroads.history import read_history
from crossroads.page_links import Finding, link_findings, nav_findings, site_files
from crossroads.pages import page_anchors, rendered, site_pages
from crossroads.project import Project
from crossroads.site import expand_nav, nav_labels
from crossroads.untagged import untagged_names
from crossroads.validation import assemble, checked_files, stale_sources


@dataclass(frozen=True)
class Checked:
    """A guide that passed every check, and what ``check`` warns about without failing."""

    guide: Guide
    warnings: list[str]


def page_findings(project: Project, guide: Guide, today: dt.date) -> list[Finding]:
    """Raise for marker problems and broken anchor promises; return what the build reports
    about links and the nav."""
    hand_written, generated, problems = site_pages(project, guide, today)
    if problems:
        raise DataError(problems)
    html = rendered({**hand_written, **generated}, project)
    promises = promise_problems(
        read_manifest(project.manifest), page_anchors(html, guide), guide.moves
    )
    if promises:
        raise DataError(promises)
    nav = (
        expand_nav(project.nav, generated, nav_labels(guide))
        if isinstance(project.nav, list)
        else None
    )
    pages = set(hand_written) | set(generated)
    findings = link_findings(project, hand_written, html, site_files(project, set(generated)))
    return findings + nav_findings(project, nav, pages)


def check_project(project: Project, today: dt.date, *, strict: bool = False) -> Checked:
    """Check ``project`` as ``mkdocs build`` would; raise :class:`DataError`.

    With ``strict`` (or ``strict: true`` in the config), what the build warns about in
    links and the nav fails the check, as it fails ``mkdocs build --strict``.
    """
    files = checked_files(project.data_dir, today)
    guide = assemble(files, read_history(project.data_dir))
    findings = page_findings(project, guide, today)
    loud = [f.problem for f in findings if f.level >= logging.WARNING]
    if loud and (strict or project.strict):
        raise DataError(loud)
    return Checked(guide, [str(p) for p in loud] + warnings(files, guide, today))


def warnings(files: list[DataFile], guide: Guide, today: dt.date) -> list[str]:
    """Stale sources, thin coverage, and names of technologies an item is not tagged with."""
    stale = [
        f"source {s!r} was last checked on {checked}" for s, checked in stale_sources(guide, today)
    ]
    return stale + thin_coverage(guide) + [str(p) for p in untagged_names(files)]
