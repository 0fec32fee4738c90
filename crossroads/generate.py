"""``python -m crossroads generate OUT``: the guide as a plain project any builder can build.

OUT gets ``docs/`` (the hand-written pages with their markers expanded, every page made
from data, the engine's scripts and styles), ``overrides/`` (the engine's theme templates,
then the guide's own ``custom_dir`` on top, so the guide's win as they do in the hooked
build) and ``mkdocs.yml``: the guide's config without the Crossroads hook, with the nav
expanded and the engine's files added. ``mkdocs build`` on it needs no hook; running
``python -m crossroads finish`` on the built site then does the post-build work.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crossroads.config_file import dump_config, relative_to
from crossroads.engine_files import ASSETS, SCRIPTS, STYLES, THEME_DIR
from crossroads.errors import DataError
from crossroads.guide import Guide
from crossroads.page_meta import escape_front_matter
from crossroads.pages import clashes, expanded_pages
from crossroads.project import Project
from crossroads.site import NavItem, plan_site
from crossroads.validation import load_guide

# Marks a folder this command wrote, so that it may empty it again and nothing else.
STAMP = ".crossroads-generated"
THEME_COPY = "overrides"
HOOK_FILE = "crossroads_hooks.py"
# The names a theme's own search plugin goes by in ``plugins``.
SEARCH_PLUGINS = ("search", "material/search")
HEADER = (
    "# Written by `python -m crossroads generate` from a guide's mkdocs.yml and data/: edit\n"
    "# those and generate again. After building this project with any builder, run\n"
    "# `python -m crossroads finish SITE` in the guide's folder.\n"
)


@dataclass(frozen=True)
class Generated:
    """The guide that was read, and every page written: docs-relative path -> Markdown."""

    guide: Guide
    pages: dict[str, str]


class GenerateError(Exception):
    """OUT cannot be written (the message says why and what to do instead)."""


def generate(project: Project, out: Path, today: dt.date) -> Generated:
    """Write the plain project for the guide ``project`` into ``out``.

    Raises :class:`DataError` for the guide's problems (as ``check`` reports them) and
    :class:`GenerateError` when ``out`` is not a folder this command may fill.
    """
    guide = load_guide(project.data_dir, today)
    generated, nav = plan_site(guide, today, project.publication, project.nav)
    hand_written, problems = expanded_pages(guide, project)
    problems += clashes(project.docs_dir, hand_written, generated)
    if problems:
        raise DataError(problems)
    pages = {
        path: escape_front_matter(text) for path, text in {**hand_written, **generated}.items()
    }
    _prepare(out, project.docs_dir)
    _write_docs(out / "docs", project.docs_dir, pages)
    _write_theme(out / THEME_COPY, project.root, project.config)
    text = dump_config(plain_config(project.config, project.root, out, nav))
    (out / "mkdocs.yml").write_text(HEADER + text, encoding="utf-8")
    (out / STAMP).write_text("", encoding="utf-8")
    return Generated(guide, pages)


def _prepare(out: Path, docs_dir: Path) -> None:
    """Make ``out`` ready: new, empty, or written by this command before (then emptied)."""
    resolved = out.resolve()
    if resolved == docs_dir.resolve() or docs_dir.resolve() in resolved.parents:
        raise GenerateError(f"{out}: is inside the guide's docs folder; choose a folder outside it")
    if out.exists() and not out.is_dir():
        raise GenerateError(f"{out}: is a file; choose a new or empty folder")
    if out.is_dir() and any(out.iterdir()) and not (out / STAMP).is_file():
        raise GenerateError(
            f"{out}: is not empty and was not written by generate; choose a new or empty "
            "folder (generate empties the folder it writes)"
        )
    # A page or template dropped since the last run must not linger; a built site may stay.
    for part in ("docs", THEME_COPY):
        shutil.rmtree(out / part, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)


def _write_docs(docs: Path, source_docs: Path, pages: dict[str, str]) -> None:
    # Images and other files of the guide's docs go along as they are; pages are replaced.
    if source_docs.is_dir():
        shutil.copytree(source_docs, docs)
    files = {**ASSETS, **pages}
    for path, text in files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _write_theme(theme: Path, project: Path, config: dict[str, Any]) -> None:
    # MkDocs takes one custom_dir; the hooked build looks in the guide's first, then the
    # engine's. Copying the engine's, then the guide's over it, finds the same templates.
    shutil.copytree(THEME_DIR, theme)
    settings = config.get("theme")
    custom_dir = settings.get("custom_dir") if isinstance(settings, dict) else None
    if isinstance(custom_dir, str):
        shutil.copytree(project / custom_dir, theme, dirs_exist_ok=True)


def plain_config(
    config: dict[str, Any], project: Path, out: Path, nav: list[NavItem] | None
) -> dict[str, Any]:
    """The guide's config as it reads from ``out``: no Crossroads hook, engine files added.

    Paths MkDocs reads relative to the config file are rewritten for the new place; paths
    inside plugin or Markdown extension settings cannot be known here and are kept.
    """
    plain = dict(config)
    settings = config.get("theme")
    theme = dict(settings) if isinstance(settings, dict) else {"name": settings or "mkdocs"}
    theme["custom_dir"] = THEME_COPY
    plain.update(docs_dir="docs", site_dir="site", theme=theme)
    hooks = [
        relative_to(project / str(hook), out)
        for hook in config.get("hooks") or []
        if Path(str(hook)).name != HOOK_FILE
    ]
    plain["hooks"] = hooks
    # The data folder is read by generate, not by the build: editing it needs a new generate.
    data = (project / "data").resolve()
    plain["watch"] = [
        relative_to(project / str(path), out)
        for path in config.get("watch") or []
        if (project / str(path)).resolve() != data
    ]
    for key in ("hooks", "watch"):
        if not plain[key]:
            del plain[key]
    plain["extra_css"] = [*(config.get("extra_css") or []), *STYLES]
    plain["extra_javascript"] = [*(config.get("extra_javascript") or []), *SCRIPTS]
    if nav is not None:
        plain["nav"] = nav
    if theme.get("name") == "material" and _lists_no_search(config.get("plugins", ["search"])):
        plain["plugins"] = _search_off(config["plugins"])
    return plain


def _lists_no_search(plugins: Any) -> bool:
    """Whether a ``plugins`` setting leaves the theme's search out (MkDocs' default has it)."""
    if isinstance(plugins, dict):
        return not any(name in SEARCH_PLUGINS for name in plugins)
    if isinstance(plugins, list):
        named = (next(iter(p), None) if isinstance(p, dict) else p for p in plugins)
        return not any(name in SEARCH_PLUGINS for name in named)
    return False


def _search_off(plugins: Any) -> Any:
    """``plugins`` with the theme's search listed as off.

    A guide without the theme's search has only the engine's (written by ``finish``), but
    Zensical publishes its own search box unless told not to, and its search also drops the
    ``data-search-exclude`` marks the engine's index reads. Material's search plugin,
    switched off, writes nothing, so MkDocs builds the same site.
    """
    off = {"search": {"enabled": False}}
    return {**plugins, **off} if isinstance(plugins, dict) else [*(plugins or []), off]
