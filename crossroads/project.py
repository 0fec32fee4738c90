"""One guide's project, read once: the one place that knows where a guide's parts are.

:meth:`Project.open` reads ``mkdocs.yml`` as MkDocs does (``INHERIT`` resolved, tags kept,
:func:`crossroads.config_file.load_config`) and works out everything the commands and the
build adapter need: the folders (``docs_dir:`` honoured), the data files the engine keeps,
the addresses the guide is published under, the nav, the Markdown extensions the build
renders with, the build's ``validation:`` levels and the hand-written pages. Every command
gets a :class:`Project` instead of working these out again, so ``check``, ``generate``,
``finish``, ``anchors`` and the build cannot disagree about a guide. The MkDocs adapter opens
the same project and takes from MkDocs only what MkDocs resolved (:meth:`Project.as_built`).
The hand-written pages are read when first asked for: a build reads its own.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from crossroads.anchors import MANIFEST_NAME
from crossroads.config_file import Tagged, load_config
from crossroads.history import HISTORY_FILE
from crossroads.publication import Publication

CONFIG_NAME = "mkdocs.yml"
# MkDocs' own levels for its ``validation:`` settings, and its defaults (MkDocs 1.6).
LEVELS = {"warn": logging.WARNING, "info": logging.INFO, "ignore": logging.DEBUG}
VALIDATION_DEFAULTS = {
    "nav": {"omitted_files": "info", "not_found": "warn", "absolute_links": "info"},
    "links": {
        "not_found": "warn",
        "absolute_links": "info",
        "unrecognized_links": "info",
        "anchors": "info",
    },
}
RELATIVE_TO_DOCS = "relative_to_docs"


class ProjectError(Exception):
    """The guide's ``mkdocs.yml`` is missing or cannot be read (the message says which)."""


@dataclass(frozen=True)
class Project:
    """A guide's folder as the build sees it. Open it with :meth:`Project.open`."""

    root: Path
    config_file: Path
    config: dict[str, Any]
    docs_dir: Path
    data_dir: Path
    site_url: str
    repo_url: str
    nav: Any
    extensions: list[str]
    extension_configs: dict[str, dict[str, Any]]
    validation: dict[str, dict[str, str]]
    strict: bool

    @classmethod
    def open(cls, path: Path) -> Project:
        """The project of ``path``: a guide's folder or its config file (``mkdocs.yml``).

        This is what the MkDocs adapter calls with ``config.config_file_path``.
        """
        config_file = path / CONFIG_NAME if path.is_dir() else path
        if not config_file.is_file():
            raise ProjectError(f"{path}: no {CONFIG_NAME} here; run this in a guide's folder")
        try:
            config = load_config(config_file)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ProjectError(f"{config_file}: cannot be read: {exc}") from exc
        root = config_file.parent
        docs_dir = root / str(config.get("docs_dir") or "docs")
        names, settings = _extensions(config.get("markdown_extensions"))
        return cls(
            root=root,
            config_file=config_file,
            config=config,
            docs_dir=docs_dir,
            data_dir=root / "data",
            site_url=_text(config, "site_url"),
            repo_url=_text(config, "repo_url"),
            nav=config.get("nav"),
            extensions=names,
            extension_configs=settings,
            validation=_validation(config.get("validation")),
            strict=config.get("strict") is True,
        )

    def as_built(self, built: Mapping[str, Any]) -> Project:
        """This project with what a builder resolved while loading its config (the values of
        ``!ENV`` tags, its defaults): ``built`` is the builder's loaded config."""
        return replace(
            self,
            docs_dir=Path(str(built.get("docs_dir") or self.docs_dir)),
            site_url=str(built.get("site_url") or ""),
            repo_url=str(built.get("repo_url") or ""),
            nav=built.get("nav"),
        )

    @functools.cached_property
    def pages(self) -> dict[str, str]:
        """The hand-written pages, read once when first asked for (a build reads its own)."""
        return hand_written_pages(self.docs_dir)

    @property
    def manifest(self) -> Path:
        """The published-anchor manifest, ``data/published-anchors.json``."""
        return self.data_dir / MANIFEST_NAME

    @property
    def history(self) -> Path:
        """The dated record of changed sections, ``data/section-history.json``."""
        return self.data_dir / HISTORY_FILE

    @property
    def publication(self) -> Publication:
        return Publication(site_url=self.site_url, repo_url=self.repo_url)

    def level(self, kind: str, name: str) -> int:
        """The logging level the build reports a ``validation`` finding at (``nav``/``links``)."""
        return LEVELS.get(self.validation[kind][name], logging.INFO)


def hand_written_pages(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page under ``docs_dir``: docs-relative path -> its source text."""
    return {
        path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8-sig")
        for path in sorted(docs_dir.rglob("*.md"))
    }


def _text(config: dict[str, Any], key: str) -> str:
    # A value MkDocs resolves at build time (such as !ENV) is unknown here: links that
    # leave the page then use none, as they do when the key is not set.
    value = config.get(key)
    return value if isinstance(value, str) else ""


def _plain(options: Any) -> dict[str, Any]:
    # A tagged option (a Python name MkDocs imports) cannot be imported safely here: the
    # extension's default is used instead, which renders the same ids.
    if not isinstance(options, dict):
        return {}
    return {key: value for key, value in options.items() if not isinstance(value, Tagged)}


def _extensions(listed: Any) -> tuple[list[str], dict[str, dict[str, Any]]]:
    names: list[str] = []
    settings: dict[str, dict[str, Any]] = {}
    for item in listed or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(str(name))
                settings[str(name)] = _plain(options)
        else:
            names.append(str(item))
    return names, settings


def _validation(given: Any) -> dict[str, dict[str, str]]:
    """The build's validation levels: MkDocs' defaults, the shorthand, then each section.

    MkDocs lets a key at the top of ``validation:`` stand for that key in both ``nav`` and
    ``links``, and a key inside a section overrides it.
    """
    levels = {kind: dict(names) for kind, names in VALIDATION_DEFAULTS.items()}
    if not isinstance(given, dict):
        return levels
    for key, value in given.items():
        for names in levels.values():
            if key in names and isinstance(value, str):
                names[key] = value
    for kind, names in levels.items():
        section = given.get(kind)
        if isinstance(section, dict):
            names.update({k: v for k, v in section.items() if k in names and isinstance(v, str)})
    return levels
