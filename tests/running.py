"""Running a build or a ``crossroads`` command for a test, in this process or in a new one.

A separate process costs an interpreter start and every import (about a second each time),
so builds and commands run in this process unless a test asks for a separate process because
the process itself is what it tests (exit codes of the real command line, another builder).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import sys
import traceback
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup, Tag

from crossroads.__main__ import main as crossroads_main

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@dataclass
class Build:
    """The outcome of one ``mkdocs build --strict`` run.

    Its pages are parsed once and shared by every test that reads them (parsing every page
    of this guide costs about two seconds), so a parsed page is read-only: a test that
    needs to change one parses its own copy.
    """

    project: Path
    site: Path
    returncode: int
    output: str
    # The configuration an in-process build used (the hooks keep their build state on it);
    # None for a build in a separate process.
    config: MkDocsConfig | None = None
    # file -> (its mtime and size when parsed, the parse): a file written again is parsed again.
    _parsed: dict[Path, tuple[tuple[int, int], BeautifulSoup]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def page(self, path: str) -> BeautifulSoup:
        """A built page, parsed; ``path`` is its URL path, like ``compare/nodejs-vs-flask/``."""
        file = self.site / path / "index.html" if not path.endswith(".html") else self.site / path
        return self.parsed(file)

    def pages(self) -> list[tuple[Path, BeautifulSoup]]:
        """Every HTML file of the site (redirect pages and 404.html included), parsed."""
        return [(file, self.parsed(file)) for file in sorted(self.site.rglob("*.html"))]

    def parsed(self, file: Path) -> BeautifulSoup:
        stat = file.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._parsed.get(file)
        if cached is None or cached[0] != stamp:
            cached = (stamp, BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser"))
            self._parsed[file] = cached
        return cached[1]


# id(page) -> (the page, its elements by id): weakly held, so an id reused after a page is
# freed is never taken for it.
_IDS: dict[int, tuple[weakref.ref[BeautifulSoup], dict[str, Tag]]] = {}


def by_id(page: BeautifulSoup) -> dict[str, Tag]:
    """Every element of ``page`` with an id, by id (the first, as ``getElementById`` finds).

    ``page.find(id=...)`` walks the whole page each time; a test that follows hundreds of
    citation links on a 250 KB page spent most of its time there.
    """
    known = _IDS.get(id(page))
    if known is not None and known[0]() is page:
        return known[1]
    elements: dict[str, Tag] = {}
    for element in page.find_all(id=True):
        elements.setdefault(str(element["id"]), element)
    key = id(page)
    _IDS[key] = (weakref.ref(page, lambda _: _IDS.pop(key, None)), elements)
    return elements


@contextlib.contextmanager
def _process_state(cwd: Path, env: dict[str, str] | None) -> Iterator[None]:
    """Run in ``cwd`` with ``env`` added, as a child process would, and put both back after."""
    saved_env, saved_cwd = dict(os.environ), Path.cwd()
    os.environ.update({"NO_MKDOCS_2_WARNING": "1", **(env or {})})
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


@contextlib.contextmanager
def _captured_logs(stream: io.StringIO) -> Iterator[None]:
    """Send MkDocs' and the hooks' log lines to ``stream``, as the ``mkdocs`` command shows them."""
    handlers = {
        "mkdocs": logging.Formatter("%(levelname)-8s-  %(message)s"),
        "crossroads": logging.Formatter("%(message)s"),
    }
    saved = []
    for name, formatter in handlers.items():
        logger = logging.getLogger(name)
        handler = logging.StreamHandler(stream)
        handler.setFormatter(formatter)
        saved.append((logger, handler, logger.level, logger.propagate))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO if name == "mkdocs" else logger.level)
        # Like the mkdocs command: MkDocs' own lines are not passed on to the root logger.
        logger.propagate = name != "mkdocs"
    try:
        yield
    finally:
        for logger, handler, level, propagate in saved:
            logger.removeHandler(handler)
            logger.setLevel(level)
            logger.propagate = propagate


def _build_in_process(project: Path, site: Path, env: dict[str, str] | None) -> Build:
    """``mkdocs build --strict`` through MkDocs' API: what the command does, minus the start-up."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    output = io.StringIO()
    returncode = 0
    config = None
    with _process_state(project, env), _captured_logs(output):
        try:
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as exc:
            exc.show(file=output)
            returncode = 1
        except Exception:  # what the command would print before exiting 1
            output.write(traceback.format_exc())
            returncode = 1
    return Build(project, site, returncode, output.getvalue(), config)


def run_build(
    project: Path,
    site: Path,
    *,
    env: dict[str, str] | None = None,
    builder: str = "mkdocs",
    separate_process: bool = False,
) -> Build:
    """Build ``project`` into ``site`` the way the README does.

    MkDocs builds run in this process unless ``separate_process``; ``builder`` is the module
    run in a separate process: ``mkdocs``, or ``properdocs`` (the same command line).
    """
    if builder == "mkdocs" and not separate_process:
        return _build_in_process(project, site, env)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            builder,
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        cwd=project,
        check=False,
        timeout=300,
    )
    return Build(project, site, result.returncode, result.stdout + result.stderr)


def run_crossroads(
    *args: str, cwd: Path, env: dict[str, str] | None = None, separate_process: bool = False
) -> subprocess.CompletedProcess[str]:
    """``python -m crossroads ARGS`` as an author runs it: in this process, through its entry
    function with stdout and stderr captured, unless ``separate_process``."""
    if separate_process:
        return subprocess.run(
            [sys.executable, "-m", "crossroads", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
            timeout=300,
        )
    out, err = io.StringIO(), io.StringIO()
    with (
        _process_state(cwd, env),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code: int | str | None = crossroads_main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code
    if isinstance(code, str):
        err.write(code + "\n")
        code = 1
    return subprocess.CompletedProcess(
        ["crossroads", *args], code or 0, out.getvalue(), err.getvalue()
    )
