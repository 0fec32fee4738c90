"""Builds in this process behave like the ``mkdocs`` command in a fresh one.

The suite builds in process to save an interpreter start per build; that is only sound if a
build leaves nothing behind (log handlers, hook modules, cached guides) for the next build of
a different guide.
"""

from __future__ import annotations

import logging
from pathlib import Path

from tests.conftest import Build, run_build, run_crossroads

TODAY = {"CROSSROADS_TODAY": "2026-12-01"}


def site_files(site: Path) -> dict[str, bytes]:
    # Gzip files record the time they were written; everything else must match byte for byte.
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix != ".gz"
    }


def test_a_build_after_another_guide_equals_a_fresh_process(site: Build, tmp_path: Path) -> None:
    # `site` is this guide, built in this process earlier in the session.
    guide = tmp_path / "other-guide"
    assert run_crossroads("new", str(guide), cwd=tmp_path).returncode == 0
    handlers = {name: list(logging.getLogger(name).handlers) for name in ("mkdocs", "crossroads")}
    here = run_build(guide, tmp_path / "here", env=TODAY)
    fresh = run_build(guide, tmp_path / "fresh", env=TODAY, separate_process=True)
    assert (here.returncode, fresh.returncode) == (0, 0), here.output + fresh.output
    assert site_files(here.site) == site_files(fresh.site)
    assert {name: logging.getLogger(name).handlers for name in handlers} == handlers


def test_a_failed_build_reports_like_the_command(project: Path, tmp_path: Path) -> None:
    (project / "data/criteria.yml").write_text("criteria: [\n")
    here = run_build(project, tmp_path / "here")
    fresh = run_build(project, tmp_path / "fresh", separate_process=True)
    assert here.returncode == fresh.returncode == 1
    line = next(line for line in fresh.output.splitlines() if "criteria.yml" in line)
    assert line.strip() in here.output
