"""The table of page kinds, and the guide's own words from data/guide.yml.

A new topic needs no edit outside ``data/``: the home page's title, heading and
description and the nav label of the items' section come from guide.yml. Every page the
engine writes belongs to a row of :mod:`crossroads.page_kinds`, the only list of kinds.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from crossroads import page_kinds, paths, rendering
from crossroads.config_file import load_config
from crossroads.errors import DataError
from crossroads.page_meta import front_matter_length
from crossroads.pages import expanded_pages
from crossroads.project import Project
from crossroads.publication import Publication
from crossroads.scaffold import new_guide
from crossroads.site import NavItem, plan_site
from crossroads.validation import load_guide
from tests.conftest import ROOT

TODAY = dt.date(2026, 12, 5)
PUBLICATION = Publication(site_url="https://example.org/db/", repo_url="https://example.org/")
# YAML and Markdown both have something to say about a colon, quotes and a hash.
TITLE = 'Pick a database: "SQL" or not #1'
HEADING = "Choose a database *with* evidence"
DESCRIPTION = "Databases compared: every verdict cites its source."


def _edit_guide_words(project: Path, **words: Any) -> None:
    guide_file = project / "data/guide.yml"
    data = yaml.safe_load(guide_file.read_text(encoding="utf-8"))
    data.update(words)
    guide_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _home(project: Path) -> tuple[dict[str, Any], str]:
    """The home page as the builder reads it: its front matter and its Markdown."""
    guide = load_guide(project / "data", TODAY)
    pages, problems = expanded_pages(guide, Project.open(project))
    assert problems == []
    source = pages["index.md"]
    end = front_matter_length(source)
    meta = yaml.safe_load(source[:end].strip().strip("-"))
    return meta, source[end:]


def _nav(project: Path) -> list[NavItem]:
    guide = load_guide(project / "data", TODAY)
    config = load_config(project / "mkdocs.yml")
    _, nav = plan_site(guide, TODAY, PUBLICATION, config["nav"])
    assert nav is not None
    return nav


def _section(nav: list[NavItem], target: str) -> tuple[str, Any]:
    """The label and entries of the nav entry that lists ``target``."""
    for item in nav:
        if isinstance(item, dict):
            ((label, entries),) = item.items()
            listed = entries if isinstance(entries, list) else [entries]
            if {"Overview": target} in listed or target in listed:
                return label, entries
    raise AssertionError(f"{target} is not in the nav: {nav}")


@pytest.fixture
def databases(tmp_path: Path) -> Path:
    project = tmp_path / "guide"
    new_guide(project)
    _edit_guide_words(
        project,
        item={"one": "database", "many": "databases"},
        home={"title": TITLE, "heading": HEADING, "description": DESCRIPTION},
    )
    return project


def test_a_new_topic_takes_its_home_words_and_nav_label_from_guide_yml(databases: Path) -> None:
    meta, markdown = _home(databases)
    assert meta["title"] == TITLE
    assert meta["description"] == DESCRIPTION
    # The heading is shown as written: its asterisks are text, not emphasis.
    heading = next(line for line in markdown.splitlines() if line.startswith("# "))
    assert heading == r"# Choose a database \*with\* evidence"
    label, entries = _section(_nav(databases), paths.path_for("technologies"))
    assert label == "Databases"
    guide = load_guide(databases / "data", TODAY)
    assert entries[1:] == [paths.path_for("technology", t) for t in guide.technologies]


def test_a_label_the_author_gives_in_the_nav_wins(databases: Path) -> None:
    config_file = databases / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    target = paths.path_for("technologies")
    config_file.write_text(text.replace(f"- {target}", f"- Engines: {target}"), encoding="utf-8")
    label, _ = _section(_nav(databases), target)
    assert label == "Engines"


def test_home_markers_without_home_words_stop_with_the_page_and_line(databases: Path) -> None:
    guide_file = databases / "data/guide.yml"
    data = yaml.safe_load(guide_file.read_text(encoding="utf-8"))
    del data["home"]
    guide_file.write_text(yaml.safe_dump(data), encoding="utf-8")
    guide = load_guide(databases / "data", TODAY)
    _, problems = expanded_pages(guide, Project.open(databases))
    source = (databases / "docs/index.md").read_text(encoding="utf-8")
    lines = [n for n, line in enumerate(source.splitlines(), 1) if "crossroads:home-" in line]
    assert [(p.file, p.line) for p in problems] == [("docs/index.md", n) for n in lines]
    assert all("guide.yml has no home" in p.message for p in problems)


def test_an_unknown_words_marker_still_fails_loudly(databases: Path) -> None:
    index = databases / "docs/index.md"
    index.write_text(index.read_text().replace("home-title", "home-titel"), encoding="utf-8")
    guide = load_guide(databases / "data", TODAY)
    _, problems = expanded_pages(guide, Project.open(databases))
    assert len(problems) == 1
    assert "unknown marker 'crossroads:home-titel'" in problems[0].message
    assert "did you mean 'home-title'" in problems[0].message


# --- the table is the only list of kinds --------------------------------------------------


def _pattern(kind: page_kinds.PageKind) -> re.Pattern[str]:
    return re.compile(re.escape(kind.path).replace(r"\{\}", "[a-z0-9-]+") + "$")


@pytest.mark.parametrize("guide_dir", ["shipped", "new"])
def test_every_generated_page_belongs_to_one_row(guide_dir: str, tmp_path: Path) -> None:
    data = ROOT / "data"
    if guide_dir == "new":
        new_guide(tmp_path / "guide")
        data = tmp_path / "guide/data"
    guide = load_guide(data, TODAY)
    pages, _ = plan_site(guide, TODAY, PUBLICATION, None)
    for path in pages:
        assert any(_pattern(k).match(path) for k in page_kinds.KINDS), path
    # And the pages are exactly those the rows' data makes, each once.
    expected = [
        paths.path_for(k.name, item)
        for k in page_kinds.KINDS
        if k.pages is not None
        for item in k.pages(guide)
    ]
    assert list(pages) == expected


def test_each_page_template_is_one_rows_and_each_row_renders() -> None:
    folder = ROOT / "crossroads/templates"
    templates = {p.name for p in folder.glob("*.md.j2") if not p.name.startswith("_")}
    rows = [k.template for k in page_kinds.KINDS if k.template is not None]
    assert sorted(rows) == sorted(templates)
    for kind in page_kinds.KINDS:
        if kind.pages is not None:
            assert callable(rendering.page_renderer(kind.name)), kind.name


def test_no_other_engine_file_spells_a_kinds_path() -> None:
    """A path written anywhere else would be a second list to keep in step."""
    # The home page's "index.md" is every builder's name for a folder's page, not a list.
    spelled = [f'"{k.path}"' for k in page_kinds.KINDS if k.pages is not None]
    offenders = [
        f"{path.relative_to(ROOT)}: {quoted}"
        for path in (ROOT / "crossroads").rglob("*")
        if path.suffix in (".py", ".j2", ".html") and path.name != "page_kinds.py"
        for quoted in spelled
        if quoted in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_a_kind_outside_the_table_is_an_error() -> None:
    with pytest.raises(ValueError, match="no page kind 'glossary'"):
        paths.path_for("glossary")
    with pytest.raises(ValueError, match="no page kind"):
        page_kinds.renders("glossary")
    with pytest.raises(ValueError, match="written by hand"):
        page_kinds.renders("home")


def test_a_broken_guide_yml_home_is_reported_at_its_line(databases: Path) -> None:
    _edit_guide_words(databases, home={"title": TITLE, "heading": HEADING})
    with pytest.raises(DataError) as raised:
        load_guide(databases / "data", TODAY)
    assert any("description" in p.message for p in raised.value.problems), raised.value
