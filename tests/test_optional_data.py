"""Every optional data file may be absent: ``check`` passes and the pages follow.

Each case takes one optional file (or folder) out of a new guide, checks it and builds it
in process, with MkDocs' own build and a loaded config as MkDocs' tests do; what a reader
got from that file must be gone, and nothing else may break.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from crossroads.checking import check_project
from crossroads.data_files import FOLDERS, MANIFEST_FILE, SINGLE_FILES
from crossroads.project import Project
from crossroads.scaffold import new_guide

TODAY = dt.date(2026, 12, 1)

# What a reader gets from each optional file of a new guide, as "page/" or "page/#id"; all
# of it is in the new guide, none of it may be left without the file. A new guide has no
# article, so its case only shows that the folder's absence is the ordinary state.
SIGNS: dict[str, list[str]] = {
    "comparisons.yml": ["compare/toml-vs-yaml/"],
    "statements.yml": [
        "technologies/toml/#strengths",
        "technologies/toml/#weaknesses",
        "technologies/yaml/#similarities",
        "use-cases/tool-settings/#pros-and-cons",
    ],
    "flowchart.yml": ["decide/"],
    "moved.yml": [],
    "use-cases": ["use-cases/", "use-cases/tool-settings/", "technologies/toml/#use-cases"],
    "articles": [],
    MANIFEST_FILE: [],
}
# Data that refers to an optional file goes with it: without use cases, no flowchart
# outcome can name one (check says so, at the outcome's line).
REFERENCES = {"use-cases": ("flowchart.yml", "    use_case: tool-settings\n")}


def optional_data() -> list[str]:
    """Every file or folder under data/ a guide may go without, as data_files.py knows them."""
    single = [name for name, (_, required) in SINGLE_FILES.items() if not required]
    return [*single, *(folder for folder in FOLDERS if folder != "technologies"), MANIFEST_FILE]


def build_in_process(project: Path, site: Path) -> None:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)


def shows(site: Path, sign: str) -> bool:
    page, _, anchor = sign.partition("#")
    file = site / page / "index.html"
    if not file.is_file():
        return False
    return not anchor or BeautifulSoup(file.read_text(), "html.parser").find(id=anchor) is not None


def nav_links(site: Path) -> list[str]:
    home = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    return [str(a["href"]) for a in home.select("nav.md-nav--primary a[href]")]


@pytest.fixture(autouse=True)
def pinned_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSROADS_TODAY", TODAY.isoformat())


def test_every_optional_file_has_a_case() -> None:
    assert sorted(SIGNS) == sorted(optional_data())


def test_the_new_guide_shows_everything_the_cases_take_away(tmp_path: Path) -> None:
    new_guide(tmp_path / "guide")
    build_in_process(tmp_path / "guide", tmp_path / "site")
    missing = [s for signs in SIGNS.values() for s in signs if not shows(tmp_path / "site", s)]
    assert missing == []


@pytest.mark.parametrize("name", sorted(SIGNS))
def test_a_guide_without_an_optional_file_checks_and_builds(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, site = tmp_path / "guide", tmp_path / "site"
    new_guide(project)
    gone = project / "data" / name
    if gone.is_dir():
        shutil.rmtree(gone)
    elif gone.exists():
        gone.unlink()
    if name in REFERENCES:
        file, line = REFERENCES[name]
        path = project / "data" / file
        path.write_text(path.read_text().replace(line, ""))
    monkeypatch.chdir(project)

    check_project(Project.open(project), TODAY)
    build_in_process(project, site)

    assert [s for s in SIGNS[name] if shows(site, s)] == []
    gone_pages = {s.rstrip("/") for s in SIGNS[name] if "#" not in s}
    assert [h for h in nav_links(site) if h.strip("./") in gone_pages] == []
    # The home page's table stands whatever is missing (without comparisons.yml: every format).
    home = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    header = [th.get_text(strip=True) for th in home.select(".cr-compare table th")]
    assert header == ["Criterion", "TOML", "YAML"]
