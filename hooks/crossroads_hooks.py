"""MkDocs wiring for the crossroads package; no logic lives here.

MkDocs does not reload hook modules under ``mkdocs serve``, so nothing is kept at module
level: the guide is read again in ``on_config`` on every (re)build and stored on the config.
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

from crossroads.anchors import (
    MANIFEST_NAME,
    add_aliases,
    broken_promises,
    ids_in,
    read_manifest,
    redirect_page,
    relative_url,
    write_manifest,
)
from crossroads.build_date import build_date
from crossroads.errors import DataError
from crossroads.html_repair import repair_theme_markup
from crossroads.page_meta import escape_page_meta
from crossroads.publication import Publication
from crossroads.site import MarkerError, expand_markers, expand_nav, generated_pages
from crossroads.validation import load_guide, stale_sources

# Not under "mkdocs.": a citation due for re-checking is a warning to authors, and must not
# fail `mkdocs build --strict` on the day it turns one year old.
freshness_log = logging.getLogger("crossroads.freshness")

STATE_KEY = "crossroads_state"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    today = build_date()
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        guide = load_guide(data_dir, today)
    except DataError as exc:
        raise PluginError(str(exc)) from None
    for source_id, checked in stale_sources(guide, today):
        freshness_log.warning(
            "citation %r was last checked on %s, more than 12 months ago", source_id, checked
        )
    publication = Publication(site_url=config.site_url or "", repo_url=config.repo_url or "")
    pages = generated_pages(guide, today, publication)
    config.nav = expand_nav(config.nav or [], pages)
    config[STATE_KEY] = {"guide": guide, "pages": pages, "anchors": {}}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, content in config[STATE_KEY]["pages"].items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(
                f"docs/{src_uri} is generated from data/: delete the hand-written file"
            )
        files.append(File.generated(config, src_uri, content=content))
    for move in config[STATE_KEY]["guide"].moves.pages:
        files.append(
            File.generated(
                config, f"{move.source}index.html", content=redirect_page(relative_url(move))
            )
        )
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    # Markers are expanded in the whole source, front matter included, so that the line in
    # an error message is the line in the file the author opens.
    if page.file.src_uri in config[STATE_KEY]["pages"]:
        return None
    source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig")
    try:
        return expand_markers(source, config[STATE_KEY]["guide"], f"docs/{page.file.src_uri}")
    except MarkerError as exc:
        raise PluginError(str(exc)) from None


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    # The theme prints page titles and descriptions without escaping them; ours come from data.
    page.meta = escape_page_meta(page.meta)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    state = config[STATE_KEY]
    aliases = {m.source: m.target for m in state["guide"].moves.anchors if m.page == page.url}
    try:
        html = add_aliases(html, aliases)
    except KeyError as exc:
        raise PluginError(f"data/moved.yml: on page /{page.url}: {exc.args[0]}") from None
    if page.present_anchor_ids is not None:
        # MkDocs validates links to anchors against ids it saw while rendering Markdown; the
        # aliases are added after that, so Markdown links to an old id stay valid.
        page.present_anchor_ids.update(aliases)
    state["anchors"][page.url] = ids_in(html)
    return html


def on_env(env: Any, config: MkDocsConfig, **_: object) -> Any:
    # Runs after every page is rendered and before any is written: a broken promise stops
    # the build before the site folder holds anything.
    state = config[STATE_KEY]
    current = state["anchors"]
    data_dir = Path(config.config_file_path).parent / "data"
    for move in state["guide"].moves.pages:
        if move.target not in current:
            raise PluginError(
                f"data/moved.yml: page {move.source} moves to unknown page {move.target}"
            )
    problems = broken_promises(
        read_manifest(data_dir / MANIFEST_NAME), current, state["guide"].moves
    )
    if problems:
        raise PluginError("links that were published would break:\n  " + "\n  ".join(problems))
    record = os.environ.get("CROSSROADS_RECORD_ANCHORS")
    if record:
        write_manifest(Path(record), current)
    return env


def on_post_page(output: str, **_: object) -> str:
    return repair_theme_markup(output)


def on_post_template(output_content: str, **_: object) -> str:
    # Theme-only pages such as 404.html.
    return repair_theme_markup(output_content)
