"""The guide grows by data alone, and every test of its content stays green.

A technology the reviewed article names but the guide lacks (Ruby on Rails) is added to a
copy of the guide from the test data in ``tests/fixtures/growth/`` (never published): its
file, a comparison with its bottom line, a statement, a use-case fit and a flowchart outcome
with the answer that leads to it, and their sources. Then, as the README says, ``anchors
update``, ``check``, a strict build, and every test of this guide's content, browser tests
included, run against the grown copy (``pytest --guide PATH``, in a process of its own, as
the option holds for a whole session).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_project, run_build, run_crossroads

GROWTH = ROOT / "tests/fixtures/growth"
# The modules whose expectations come from this guide's data (they read the guide that
# `--guide` names): the tests a grown guide must pass as the shipped one does.
CONTENT_TESTS = [
    "tests/test_site.py",
    "tests/test_answer_first.py",
    "tests/test_core.py",
    "tests/test_json_schema.py",
    "tests/test_links.py",
    "tests/test_loading.py",
    "tests/test_answer_first_browser.py",
    "tests/test_compare_browser.py",
    "tests/test_flowchart_browser.py",
    "tests/test_links_browser.py",
    "tests/test_quality.py",
    "tests/test_search_browser.py",
    "tests/test_widths_browser.py",
    "tests/test_zensical.py",
]


def grow_by_data(project: Path) -> Path:
    """Add the fixture technology to ``project`` by editing its data files only."""
    added = GROWTH / "data"
    for path in sorted(added.rglob("*.yml")):
        target = project / "data" / path.relative_to(added)
        if target.exists():
            target.write_text(target.read_text().rstrip("\n") + "\n\n" + path.read_text())
        else:
            shutil.copy2(path, target)
    for edit in yaml.safe_load((GROWTH / "edits.yml").read_text()):
        target = project / edit["file"]
        text = target.read_text()
        if "remove" in edit:
            assert edit["remove"] in text, edit
            target.write_text(text.replace(edit["remove"], ""))
            continue
        start = text.index(edit["within"])
        at = text.index(edit["after"], start) + len(edit["after"])
        target.write_text(text[:at] + edit["text"] + text[at:])
    return project


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of this repository's guide with the fixture technology, its anchors published."""
    project = grow_by_data(copy_project(tmp_path_factory.mktemp("grown") / "guide", ROOT))
    updated = run_crossroads("anchors", "update", cwd=project)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    return project


def test_the_added_technology_is_checked_and_built(grown: Path, tmp_path: Path) -> None:
    technology = yaml.safe_load((GROWTH / "data/technologies/rails.yml").read_text())
    checked = run_crossroads("check", ".", cwd=grown)
    assert checked.returncode == 0, checked.stderr
    count = len(list((grown / "data/technologies").glob("*.yml")))
    assert f"{count} technologies" in checked.stdout
    build = run_build(grown, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = build.page(f"technologies/{technology['id']}/")
    assert technology["name"] in page.get_text()
    (comparison,) = yaml.safe_load((GROWTH / "data/comparisons.yml").read_text())
    (statement,) = yaml.safe_load((GROWTH / "data/statements.yml").read_text())
    compared = build.page(f"compare/{comparison['id']}/").get_text()
    assert technology["name"] in compared
    assert statement["title"] in compared
    decide = build.page("decide/").get_text()
    (outcome,) = yaml.safe_load((GROWTH / "data/flowchart.yml").read_text())
    assert outcome["title"] in decide


@pytest.mark.slow
def test_every_content_test_passes_on_the_grown_guide(grown: Path) -> None:
    started = time.monotonic()
    options = ["--guide", str(grown), "-m", "not slow", "-q", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", *options, *CONTENT_TESTS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    summary = result.stdout.strip().splitlines()[-1:]
    print(f"content tests on the grown guide: {summary} in {time.monotonic() - started:.0f} s")
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
