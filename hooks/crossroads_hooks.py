"""MkDocs wiring for the crossroads package; no logic lives here.

MkDocs does not reload hook modules under ``mkdocs serve``, so nothing is kept at module
level: the guide is read again in ``on_config`` on every (re)build and stored on the config.
Every guide made with ``crossroads new`` has this same file; the engine, its theme
templates and its scripts and styles come from the installed ``crossroads`` package.
A builder without hooks gets the same steps from ``python -m crossroads generate`` and
``python -m crossroads finish``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from crossroads.anchors import aliases_on, anchor_content, check_promises, redirect_files
from crossroads.build_date import build_date
from crossroads.engine_files import ASSETS, SCRIPTS, STYLES, THEME_DIR
from crossroads.error_page import error_page
from crossroads.errors import DataError
from crossroads.feed import write_feeds
from crossroads.history_html import date_sections, page_marks
from crossroads.html_repair import repair_theme_markup
from crossroads.page_meta import escape_page_meta
from crossroads.publication import Publication
from crossroads.search.site_index import index_site
from crossroads.site import docs_order, expand_markers, plan_site
from crossroads.validation import load_guide, stale_sources

# Not under "mkdocs.": a citation due for re-checking is a warning to authors, and must not
# fail `mkdocs build --strict` on the day it turns one year old. Data errors under `serve`
# are logged here too, so the error page itself builds under --strict.
log = logging.getLogger("crossroads")
freshness_log = logging.getLogger("crossroads.freshness")

STATE_KEY = "crossroads_state"
# Set for the life of a `mkdocs serve` process (a fact about the process, not cached data).
SERVING = "CROSSROADS_SERVING"


def on_startup(command: str, **_: object) -> None:
    if command == "serve":
        os.environ[SERVING] = "1"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The engine's templates go after the guide's own custom_dir, so a guide can still
    # override them, and before the theme's.
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    config.extra_css.extend(STYLES)
    config.extra_javascript.extend(SCRIPTS)
    today = build_date()
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        guide = load_guide(data_dir, today)
    except DataError as exc:
        if not os.environ.get(SERVING):
            raise PluginError(str(exc)) from None
        # Under `serve`, show the problems in the browser instead of leaving it waiting.
        log.error("%s", exc)
        config.nav = None
        config[STATE_KEY] = {"error": str(exc)}
        return config
    for source_id, checked in stale_sources(guide, today):
        freshness_log.warning(
            "citation %r was last checked on %s, more than 12 months ago", source_id, checked
        )
    publication = Publication(site_url=config.site_url or "", repo_url=config.repo_url or "")
    pages, config.nav = plan_site(guide, today, publication, config.nav)
    config[STATE_KEY] = {"guide": guide, "pages": pages, "anchors": {}, "error": None}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = config[STATE_KEY]
    for name, content in ASSETS.items():
        files.append(File.generated(config, name, content=content))
    if state["error"]:
        # Every page is the error page's 404: whatever the reader had open shows the problems.
        return Files([f for f in files if not f.is_documentation_page()])
    for src_uri, content in state["pages"].items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(
                f"docs/{src_uri} is generated from data/: delete the hand-written file"
            )
        files.append(File.generated(config, src_uri, content=content))
    for name, content in redirect_files(state["guide"].moves).items():
        files.append(File.generated(config, name, content=content))
    return Files(sorted(files, key=lambda file: docs_order(file.src_uri)))


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    # Markers are expanded in the whole source, front matter included, so that the line in
    # an error message is the line in the file the author opens.
    if page.file.src_uri in config[STATE_KEY]["pages"]:
        return None
    source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig")
    try:
        return expand_markers(source, config[STATE_KEY]["guide"], src_uri=page.file.src_uri)
    except DataError as exc:
        raise PluginError(str(exc)) from None


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    # The theme prints page titles and descriptions without escaping them; ours come from data.
    page.meta = escape_page_meta(page.meta)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    state = config[STATE_KEY]
    aliases = aliases_on(page.url, state["guide"].moves)
    html, state["anchors"][page.url] = anchor_content(html, aliases)
    if page.present_anchor_ids is not None:
        # MkDocs validates links to anchors against ids it saw while rendering Markdown; the
        # aliases are added after that, so Markdown links to an old id stay valid.
        page.present_anchor_ids.update(aliases)
    return date_sections(html, page.url, state["guide"].history)


def on_env(env: Any, config: MkDocsConfig, **_: object) -> Any:
    # Runs after every page is rendered and before any is written: a broken promise stops
    # the build before the site folder holds anything.
    state = config[STATE_KEY]
    if state["error"]:
        return env
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        check_promises(data_dir, state["anchors"], state["guide"].moves)
    except DataError as exc:
        raise PluginError(str(exc)) from None
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = repair_theme_markup(output)
    state = config[STATE_KEY]
    if state["error"]:
        return output
    return page_marks(output, page.url, state["guide"], config.site_url or "")


def on_post_build(config: MkDocsConfig) -> None:
    # The search index is read from the built pages, as `finish` reads any builder's.
    state = config[STATE_KEY]
    if not state["error"]:
        write_feeds(Path(config.site_dir), state["guide"], config.site_url or "")
        index_site(Path(config.site_dir), state["guide"])


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    state = config[STATE_KEY]
    if state["error"] and template_name == "404.html":
        return error_page(state["error"])
    # Theme-only pages such as 404.html, served at any address.
    output = repair_theme_markup(output_content)
    if state["error"] or not template_name.endswith(".html"):
        return output
    return page_marks(output, None, state["guide"], config.site_url or "")
