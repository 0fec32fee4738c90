"""Everything the build checks, without building: ``python -m crossroads check``.

The data (:func:`crossroads.validation.load_guide`), the markers in every hand-written page
and the published-anchor promises. Anchors come from rendering each page's Markdown with
the extensions ``mkdocs.yml`` lists, through Python-Markdown (the library MkDocs itself
renders with), so ``check`` sees the ids the built pages will have. A green ``check``
means the build will not stop on the guide's data, pages or anchors. What it finds that
does not stop the build (stale sources, thin coverage, untagged names) it returns as
warnings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml

from crossroads.anchors import (
    MANIFEST_NAME,
    Anchors,
    aliases_on,
    ids_in,
    promise_problems,
    read_manifest,
)
from crossroads.coverage import thin_coverage
from crossroads.data_files import DataFile
from crossroads.errors import DataError, DataProblem, display_path
from crossroads.guide import Guide
from crossroads.history import read_history
from crossroads.publication import Publication, url_path
from crossroads.site import expand_markers, generated_pages
from crossroads.untagged import untagged_names
from crossroads.validation import assemble, checked_files, stale_sources


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; tags such as ``!!python/name:`` or ``!ENV`` are read as nothing."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict[str, Any]:
    with config_file.open(encoding="utf-8") as handle:
        loaded = yaml.load(handle, Loader=_ConfigLoader)
    return loaded if isinstance(loaded, dict) else {}


def _extensions(config: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    names: list[str] = []
    settings: dict[str, Any] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                settings[name] = options or {}
        else:
            names.append(str(item))
    return names, settings


def hand_written_pages(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page under ``docs_dir``: docs-relative path -> its source text."""
    return {
        path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8-sig")
        for path in sorted(docs_dir.rglob("*.md"))
    }


def expanded_pages(guide: Guide, docs_dir: Path) -> tuple[dict[str, str], list[DataProblem]]:
    """Hand-written pages with their markers expanded, and every marker problem."""
    pages: dict[str, str] = {}
    problems: list[DataProblem] = []
    for src_uri, source in hand_written_pages(docs_dir).items():
        try:
            pages[src_uri] = expand_markers(source, guide, src_uri=src_uri)
        except DataError as exc:
            problems += exc.problems
    return pages, problems


def rendered(pages: dict[str, str], config: dict[str, Any]) -> dict[str, str]:
    """Page URL -> its content as HTML, rendered with the extensions ``mkdocs.yml`` lists."""
    names, settings = _extensions(config)
    renderer = markdown.Markdown(extensions=names, extension_configs=settings)
    html: dict[str, str] = {}
    for src_uri, text in pages.items():
        renderer.reset()
        html[url_path(src_uri)] = renderer.convert(_without_front_matter(text))
    return html


def page_anchors(html: dict[str, str], guide: Guide) -> Anchors:
    """Page URL -> the ids its content (page URL -> HTML) will have, anchor aliases included."""
    return {
        url: ids_in(content) | set(aliases_on(url, guide.moves)) for url, content in html.items()
    }


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def _pages(
    config_file: Path, guide: Guide, today: dt.date
) -> tuple[dict[str, str], list[DataProblem]]:
    """Every page the build would have (hand-written, expanded; generated) and any problems."""
    config = read_config(config_file)
    docs_dir = config_file.parent / str(config.get("docs_dir", "docs"))
    publication = Publication(
        site_url=str(config.get("site_url") or ""), repo_url=str(config.get("repo_url") or "")
    )
    generated = generated_pages(guide, today, publication)
    pages, problems = expanded_pages(guide, docs_dir)
    problems += clashes(docs_dir, pages, generated)
    return {**pages, **generated}, problems


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


def current_anchors(config_file: Path, guide: Guide, today: dt.date) -> Anchors:
    """Page URL -> ids, for the guide as it would be built now; raises :class:`DataError`."""
    return page_anchors(rendered_pages(config_file, guide, today), guide)


def rendered_pages(config_file: Path, guide: Guide, today: dt.date) -> dict[str, str]:
    """Page URL -> its content as the build renders it; raises :class:`DataError`."""
    pages, problems = _pages(config_file, guide, today)
    if problems:
        raise DataError(problems)
    return rendered(pages, read_config(config_file))


@dataclass(frozen=True)
class Checked:
    """A guide that passed every check, and what ``check`` warns about without failing."""

    guide: Guide
    warnings: list[str]


def check_project(config_file: Path, today: dt.date) -> Checked:
    """Check the guide whose ``mkdocs.yml`` is ``config_file``; raise :class:`DataError`."""
    files = checked_files(config_file.parent / "data", today)
    guide = assemble(files, read_history(config_file.parent / "data"))
    current = current_anchors(config_file, guide, today)
    published = read_manifest(config_file.parent / "data" / MANIFEST_NAME)
    problems = promise_problems(published, current, guide.moves)
    if problems:
        raise DataError(problems)
    return Checked(guide, warnings(files, guide, today))


def warnings(files: list[DataFile], guide: Guide, today: dt.date) -> list[str]:
    """Stale sources, thin coverage, and names of technologies an item is not tagged with."""
    stale = [
        f"source {s!r} was last checked on {checked}" for s, checked in stale_sources(guide, today)
    ]
    return stale + thin_coverage(guide) + [str(p) for p in untagged_names(files)]
