"""Adding data/technologies/<id>.yml adds a page, a nav entry, a column and search entries."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import Build

EXAMPLE = """\
id: example-stack
name: Example Stack
kind: Imaginary web framework
version: Example Stack 1.0
homepage: https://example.org/
summary:
  text: A technology that exists only in this test, to show that data alone adds a page.
  sources: [flask-docs-testing]
assessments:
  testing:
    verdict: Tested by fixtures
    reason: Exists to prove the generator needs no code change for a new technology.
    detail: This paragraph only appears in the test build.
    sources: [flask-docs-testing]
"""


def test_a_third_technology_needs_only_its_data_file(
    project: Path, build: Callable[[Path], Build]
) -> None:
    (project / "data/technologies/example-stack.yml").write_text(EXAMPLE)
    result = build(project)
    assert result.returncode == 0, result.output

    page = BeautifulSoup(
        (result.site / "technologies/example-stack/index.html").read_text(), "html.parser"
    )
    assert page.h1 is not None and page.h1.get_text(strip=True).startswith("Example Stack")
    testing = page.find(id="testing")
    assert testing is not None
    assert "Tested by fixtures" in testing.find_next("p").get_text()  # type: ignore[union-attr]
    community = page.find(id="community")
    assert community is not None
    assert "Not assessed yet" in community.find_next("p").get_text()  # type: ignore[union-attr]

    home = BeautifulSoup((result.site / "index.html").read_text(), "html.parser")
    nav = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary a")]
    assert "Example Stack" in nav

    overview = BeautifulSoup((result.site / "compare/index.html").read_text(), "html.parser")
    table = overview.select_one("#all-technologies ~ .cr-compare table")
    assert table is not None
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    assert header == ["Criterion", "Example Stack", "Flask", "Node.js"]

    index = json.loads((result.site / "search/search_index.json").read_text())
    locations = {d["location"] for d in index["docs"]}
    assert "technologies/example-stack/#testing" in locations
