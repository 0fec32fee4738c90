"""The pure core, tested directly on values built here: no data files, no build.

Escaping (``markdown_text``), the nav (``expand_nav``), the page registry (``paths``), the
script payloads' declared shapes, the flowchart's graph rules and the id index.
"""

from __future__ import annotations

import datetime as dt
import html
import typing
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossroads import markdown_text, paths
from crossroads.graph import check_flowchart
from crossroads.loading import load_yaml
from crossroads.model import Flowchart
from crossroads.payloads import FlowData, PickerData, flowchart_data, picker_data
from crossroads.references import PageReferences
from crossroads.schema import parse
from crossroads.site import NavItem, expand_nav
from crossroads.validation import load_guide
from tests.conftest import guide_root

# Printable text with the characters Markdown and HTML treat as syntax well represented.
SYNTAX = "\\`*_{}[]()#+-.!|<>&\"'~=:;/@$%^"
TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(SYNTAX), st.characters(blacklist_categories=("Cs", "Cc"))),
    min_size=1,
    max_size=60,
)


def rendered_text(value: str) -> str:
    """What a reader sees when ``markdown_text.text(value)`` is rendered as Markdown."""
    # With the extensions that change what is syntax: tables adds '|', attr_list '{'.
    rendered = markdown.markdown(str(markdown_text.text(value)), extensions=["tables", "attr_list"])
    inner = rendered.removeprefix("<p>").removesuffix("</p>")
    assert "<" not in inner, f"markup in the output: {rendered!r}"
    return html.unescape(inner)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_data_text_renders_back_to_exactly_itself(value: str) -> None:
    expected = " ".join(value.split())
    if not expected:
        return
    assert rendered_text(value) == expected


@pytest.mark.parametrize(
    "value", ["**bold**", "[x](javascript:alert(1))", "<script>alert(1)</script>", "1. not a list"]
)
def test_syntax_in_data_stays_text(value: str) -> None:
    assert rendered_text(value) == value


def test_expand_nav_gives_sections_their_pages_and_drops_missing_optional_ones() -> None:
    pages = {
        "technologies/index.md": "",
        "technologies/alpha.md": "",
        "technologies/beta.md": "",
        "sources.md": "",
    }
    nav: list[NavItem] = [
        {"Home": "index.md"},
        {"Decide": "decide.md"},  # optional: no flowchart, no page
        {"Technologies": "technologies/index.md"},
        {"Sources": "sources.md"},
    ]
    assert expand_nav(nav, pages) == [
        {"Home": "index.md"},
        {
            "Technologies": [
                {"Overview": "technologies/index.md"},
                "technologies/alpha.md",
                "technologies/beta.md",
            ]
        },
        {"Sources": "sources.md"},
    ]


def test_the_page_registry_links_paths_and_urls_agree() -> None:
    assert paths.path_for("comparison", "a-vs-b") == "compare/a-vs-b.md"
    # Markdown links are relative to the page that holds them, so any builder resolves them.
    assert paths.link_for("criteria", None, "speed", page="index.md") == "criteria.md#speed"
    assert paths.link_for("criteria", None, "speed", page="compare/a-vs-b.md") == (
        "../criteria.md#speed"
    )
    assert paths.link_for("comparison", "c-vs-d", page="compare/a-vs-b.md") == "c-vs-d.md"
    assert paths.link_for("technology", "alpha", page="technologies/alpha.md") == "alpha.md"
    assert paths.url_for("technology", "alpha", "speed", from_kind="decide") == (
        "../technologies/alpha/#speed"
    )
    assert paths.url_for("use-cases", from_kind="home") == "use-cases/"
    with pytest.raises(ValueError):
        paths.path_for("technology")  # needs an id
    with pytest.raises(ValueError):
        paths.path_for("technology", "Not An Id")


def test_payloads_have_exactly_their_declared_keys() -> None:
    guide = load_guide(guide_root() / "data", dt.date.today())
    picker = picker_data(guide)
    assert set(picker) == set(typing.get_type_hints(PickerData))
    # The table's columns, in order, are the technologies the payload lists.
    assert picker["columns"] == [t["id"] for t in picker["technologies"]]
    flow = flowchart_data(guide)
    assert set(flow) == set(typing.get_type_hints(FlowData))
    assert flow["questionPrefix"] == paths.QUESTION_PREFIX


FLOW = """\
start: first
questions:
  - id: first
    text: First?
    answers:
      - {id: "yes", label: "Yes", next: second}
      - {id: "yes", label: "Also yes", next: done}
  - id: second
    text: Second?
    answers:
      - {id: back, label: Back, next: first}
      - {id: on, label: "On", next: done}
  - id: lonely
    text: Nobody asks this?
    answers:
      - {id: a, label: A, next: done}
      - {id: b, label: B, next: done}
outcomes:
  - {id: done, title: Done, reason: Because., criteria: [c], sources: {s: "q"}}
  - {id: never, title: Never, reason: Because., criteria: [c], sources: {s: "q"}}
"""


def test_flowchart_rules_on_a_chart_built_here(tmp_path: Path) -> None:
    path = tmp_path / "flowchart.yml"
    path.write_text(FLOW)
    document = load_yaml(path)
    problems = [
        f"{p.line}: {p.message}" for p in check_flowchart(parse(Flowchart, document.data), document)
    ]
    assert problems == [
        "7: question 'first' has two answers with id 'yes'",
        "11: cycle in the flowchart: first -> second -> first",
        "13: question 'lonely' cannot be reached from start 'first'",
        "20: outcome 'never' cannot be reached from start 'first'",
    ]


def test_one_passage_quoted_at_two_lengths_is_listed_once_at_its_longest() -> None:
    guide = load_guide(guide_root() / "data", dt.date.today())
    source = next(iter(guide.sources))
    references = PageReferences(guide)
    short = references.cite({source: "the words"})
    long = references.cite({source: "all  the words here"})
    other = references.cite({source: "other words"})
    listing = references.section()
    # Both markers lead to the one passage, shown with the longer excerpt.
    target = 'href="#cr_ref_' + source + '_1"'
    assert target in short and target in long and target not in other
    assert listing.count('<li id="cr_ref_' + source + "_") == 2
    assert "“all the words here”" in listing and "“the words”" not in listing
