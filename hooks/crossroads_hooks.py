"""MkDocs wiring for the crossroads package; no logic lives here.

MkDocs does not reload hook modules under ``mkdocs serve``, so nothing is kept at module
level: the guide is read again in ``on_config`` on every (re)build and stored on the config.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from crossroads.build_date import build_date
from crossroads.errors import DataError
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
    pages = generated_pages(guide, today)
    config.nav = expand_nav(config.nav or [], pages)
    config[STATE_KEY] = {"guide": guide, "pages": pages}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, content in config[STATE_KEY]["pages"].items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(
                f"docs/{src_uri} is generated from data/: delete the hand-written file"
            )
        files.append(File.generated(config, src_uri, content=content))
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
