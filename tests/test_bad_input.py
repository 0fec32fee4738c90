"""A bad guide stops the build end to end: nothing is published, the old site stays.

Every data mistake is a case in tests/invalid_data/, where check and a strict build must
both report it (test_invalid_data.py). These are the cases that need a whole project: a
mistake in a hand-written page (stopping a build; under serve, shown on every page), and
the publish step that swaps a site in only on success.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build as build_site
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from crossroads.scaffold import new_guide
from tests.conftest import ROOT, run_build, run_crossroads


def test_unknown_marker_in_a_page_stops_check_and_the_build(tmp_path: Path) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    index = project / "docs/index.md"
    text = index.read_text()
    index.write_text(text.replace("<!-- crossroads:ways-in", "<!-- crossroads:way-in"))
    line = text[: text.index("<!-- crossroads:ways-in")].count("\n") + 1
    expected = f"docs/index.md:{line}: unknown marker 'crossroads:way-in' (did you mean 'ways-in'?)"
    check = run_crossroads("check", ".", cwd=project)
    assert check.returncode == 1
    assert expected in check.stderr
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert expected in result.output
    assert not result.site.exists()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_failed_publish_build_leaves_the_previous_site_as_it_was(tmp_path: Path) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    shutil.copytree(ROOT / "scripts", project / "scripts", dirs_exist_ok=True)
    site = project / "site"

    def publish() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(project / "scripts/build.py"), str(site)],
            capture_output=True,
            text=True,
            check=False,
            cwd=project,
        )

    first = publish()
    assert first.returncode == 0, first.stdout + first.stderr
    before = _snapshot(site)
    assert "index.html" in before

    comparisons = project / "data/comparisons.yml"
    comparisons.write_text(comparisons.read_text().replace("[toml, yaml]", "[toml, yml]"))
    failed = publish()
    assert failed.returncode != 0
    assert "unknown technology 'yml'" in failed.stderr
    assert "was left as it was" in failed.stderr
    assert _snapshot(site) == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def serve_rebuild(project: Path, site: Path) -> MkDocsConfig:
    """One build as `mkdocs serve` makes each: a fresh config, built for the served address."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    build_site(config, serve_url="http://127.0.0.1:8000/config-formats/")
    return config


def test_serve_shows_a_page_problem_on_every_page_and_recovers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """In process, as `mkdocs serve` runs: on_startup once, then one build per change."""
    project = tmp_path / "guide"
    new_guide(project)
    index = project / "docs/index.md"
    good = index.read_text()
    index.write_text(good.replace("<!-- crossroads:ways-in", "<!-- crossroads:way-in"))
    line = good[: good.index("<!-- crossroads:ways-in")].count("\n") + 1
    site = tmp_path / "site"
    first = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    first.plugins.on_startup(command="serve", dirty=False)
    try:
        build_site(first, serve_url="http://127.0.0.1:8000/config-formats/")
        pages = sorted(site.rglob("*.html"))
        assert len(pages) > 5
        for path in pages:
            shown = BeautifulSoup(path.read_text(), "html.parser")
            assert shown.h1 is not None, path
            assert shown.h1.get_text() == "A page of the guide has problems", path
            assert f"docs/index.md:{line}: unknown marker 'crossroads:way-in'" in shown.get_text()
        # The terminal calls it a page problem too, not a data problem.
        logged = [r.getMessage() for r in caplog.records if r.name == "crossroads"]
        assert any(m.startswith("the page docs/index.md has 1 problem:") for m in logged), logged
        index.write_text(good)
        serve_rebuild(project, site)
        home = BeautifulSoup((site / "index.html").read_text(), "html.parser")
        assert home.select(".cr-ways-in a") != []
        assert "has problems" not in home.get_text()
    finally:
        first.plugins.on_shutdown()
    # Once serve ends, a build stops on the same mistake again.
    index.write_text(good.replace("<!-- crossroads:ways-in", "<!-- crossroads:way-in"))
    caplog.clear()
    with pytest.raises(Abort):
        build_site(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "again")))
    assert f"docs/index.md:{line}: unknown marker" in caplog.text
    assert not (tmp_path / "again").exists()
