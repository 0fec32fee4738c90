"""The MkDocs events that build a guide: the engine's steps, wired into a MkDocs build.

A guide's ``hooks/crossroads_hooks.py`` is ``from crossroads.adapter.mkdocs_hooks import *``,
which imports exactly the events in ``__all__``. ``on_config`` loads and validates the data,
``on_files`` adds the generated pages and the engine's assets, ``on_page_read_source`` expands
the markers of hand-written pages, ``on_env`` checks published anchors before any file is
written, ``on_post_page`` repairs the theme's markup and ``on_post_build`` writes the feeds and
the search index. Under ``mkdocs serve`` a problem in the data or in a page replaces every
page with one naming the file, line and problem, and the guide comes back on the next good
rebuild. A builder without hooks gets the same steps from ``python -m crossroads generate``
and ``python -m crossroads finish``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from crossroads.anchors import Anchors, aliases_on, anchor_content, check_promises, redirect_files
from crossroads.build_date import build_date
from crossroads.engine_files import ASSETS, SCRIPTS, STYLES, THEME_DIR
from crossroads.error_page import ProblemKind, error_page, problem_report
from crossroads.errors import DataError, DataProblem
from crossroads.feed import write_feeds
from crossroads.guide import Guide
from crossroads.history_html import date_sections, page_marks
from crossroads.html_repair import repair_theme_markup
from crossroads.page_meta import escape_page_meta
from crossroads.pages import clashes
from crossroads.project import Project
from crossroads.search.site_index import index_site
from crossroads.site import docs_order, expand_markers, plan_site
from crossroads.validation import load_guide, stale_sources

__all__ = [
    "on_config",
    "on_env",
    "on_files",
    "on_page_content",
    "on_page_markdown",
    "on_page_read_source",
    "on_post_build",
    "on_post_page",
    "on_post_template",
    "on_shutdown",
    "on_startup",
]

# Not under "mkdocs.": a citation due for re-checking is a warning to authors, and must not
# fail `mkdocs build --strict` on the day it turns one year old. Problems shown under `serve`
# are logged here too, so the error page itself builds under --strict.
log = logging.getLogger("crossroads")
freshness_log = logging.getLogger("crossroads.freshness")


@dataclass
class Session:
    """What the running ``mkdocs`` command is: set by ``on_startup``, once per command."""

    serving: bool = False


# MkDocs loads a hooks file once per process and keeps it, like every plugin that has
# on_startup, alive for the whole `mkdocs serve` session, calling on_startup once before the
# first build and giving each rebuild a fresh config. So the session lives here and each
# build's state lives on its own config.
SESSION = Session()
STATE_KEY = "crossroads_build"


@dataclass(frozen=True)
class Shown:
    """Problems shown in the browser, under ``serve``, in place of every page."""

    kind: ProblemKind
    problems: tuple[DataProblem, ...]

    def report(self) -> str:
        return problem_report(self.kind, self.problems)


@dataclass
class BuildState:
    """One build's state: the project, the guide, the pages made from it, the ids each built
    page has, and, under ``serve``, the problems shown instead of the guide.

    ``guide`` is None only when the data could not be read, and then ``shown`` says why.
    """

    project: Project
    guide: Guide | None
    pages: dict[str, str] = field(default_factory=dict)
    anchors: Anchors = field(default_factory=dict)
    shown: Shown | None = None

    def live(self) -> Guide | None:
        """The guide, while no problem is shown instead of it."""
        return None if self.shown is not None else self.guide

    def stop(self, kind: ProblemKind, exc: DataError) -> None:
        """Show ``exc`` instead of the guide under ``serve``; anywhere else, stop the build."""
        problems = tuple(exc.problems)
        if self.shown is not None and self.shown.kind == kind:
            problems = self.shown.problems + problems
        shown = Shown(kind, problems)
        if not SESSION.serving:
            raise PluginError(shown.report())
        log.error("%s", shown.report())
        self.shown = shown


def state_of(config: MkDocsConfig) -> BuildState:
    """The state ``on_config`` put on this build's config."""
    state = config.get(STATE_KEY)
    if not isinstance(state, BuildState):
        raise PluginError("crossroads: on_config did not run; list the hooks file in `hooks:`")
    return state


def on_startup(command: str, **_: object) -> None:
    SESSION.serving = command == "serve"


def on_shutdown() -> None:
    # In-process builds that skip on_startup (tests, scripts) are never taken for `serve`.
    SESSION.serving = False


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The engine's templates go after the guide's own custom_dir, so a guide can still
    # override them, and before the theme's.
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    config.extra_css.extend(STYLES)
    config.extra_javascript.extend(SCRIPTS)
    today = build_date()
    # The project as every command sees it, with the values MkDocs resolved (``!ENV``).
    project = Project.open(Path(config.config_file_path)).as_built(config)
    state = BuildState(project, guide=None)
    config[STATE_KEY] = state
    try:
        guide = load_guide(project.data_dir, today)
    except DataError as exc:
        state.stop("data", exc)
        config.nav = None
        return config
    for source_id, checked in stale_sources(guide, today):
        freshness_log.warning(
            "citation %r was last checked on %s, more than 12 months ago", source_id, checked
        )
    state.guide = guide
    state.pages, config.nav = plan_site(guide, today, project.publication, config.nav)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = state_of(config)
    for name, content in ASSETS.items():
        files.append(File.generated(config, name, content=content))
    guide = state.live()
    if guide is None:
        # Every page is the error page's 404: whatever the reader had open shows the problems.
        return Files([f for f in files if not f.is_documentation_page()])
    # The same problem, in the same words, as `check` and `generate` report.
    hand_written = [f.src_uri for f in files if f.is_documentation_page()]
    problems = clashes(state.project.docs_dir, hand_written, state.pages)
    if problems:
        state.stop("page", DataError(problems))
        return files
    for src_uri, content in state.pages.items():
        files.append(File.generated(config, src_uri, content=content))
    for name, content in redirect_files(guide.moves).items():
        files.append(File.generated(config, name, content=content))
    return Files(sorted(files, key=lambda file: docs_order(file.src_uri)))


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    # Markers are expanded in the whole source, front matter included, so that the line in
    # an error message is the line in the file the author opens.
    state = state_of(config)
    if state.guide is None or page.file.src_uri in state.pages:
        return None
    source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig")
    try:
        return expand_markers(source, state.guide, src_uri=page.file.src_uri)
    except DataError as exc:
        # Under `serve` the page is built as written; every page then shows the problem.
        state.stop("page", exc)
        return source


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    # The theme prints page titles and descriptions without escaping them; ours come from data.
    page.meta = escape_page_meta(page.meta)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    state = state_of(config)
    guide = state.live()
    if guide is None:
        return html
    aliases = aliases_on(page.url, guide.moves)
    html, state.anchors[page.url] = anchor_content(html, aliases)
    if page.present_anchor_ids is not None:
        # MkDocs validates links to anchors against ids it saw while rendering Markdown; the
        # aliases are added after that, so Markdown links to an old id stay valid.
        page.present_anchor_ids.update(aliases)
    return date_sections(html, page.url, guide.history)


def on_env(env: Any, config: MkDocsConfig, **_: object) -> Any:
    # Runs after every page is rendered and before any is written: a broken promise stops
    # the build before the site folder holds anything.
    state = state_of(config)
    guide = state.live()
    if guide is None:
        return env
    try:
        check_promises(state.project.data_dir, state.anchors, guide.moves)
    except DataError as exc:
        state.stop("data", exc)
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    state = state_of(config)
    if state.shown is not None:
        # A page or anchor problem: every page, not only the broken one, says what to fix.
        return error_page(state.shown.report(), state.shown.kind)
    output = repair_theme_markup(output)
    guide = state.live()
    if guide is None:
        return output
    return page_marks(output, page.url, guide, state.project.site_url)


def on_post_build(config: MkDocsConfig) -> None:
    # The search index is read from the built pages, as `finish` reads any builder's.
    state = state_of(config)
    guide = state.live()
    if guide is not None:
        write_feeds(Path(config.site_dir), guide, state.project.site_url)
        index_site(Path(config.site_dir), guide)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    state = state_of(config)
    if state.shown is not None and template_name == "404.html":
        return error_page(state.shown.report(), state.shown.kind)
    # Theme-only pages such as 404.html, served at any address.
    output = repair_theme_markup(output_content)
    guide = state.live()
    if guide is None or not template_name.endswith(".html"):
        return output
    return page_marks(output, None, guide, state.project.site_url)
