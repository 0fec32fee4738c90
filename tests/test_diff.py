"""``crossroads diff``: what readers would see change, on pairs of small guides made from the
scaffold by data edits, and on two git revisions of a repository."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest

import crossroads.diff
from crossroads.__main__ import main
from crossroads.diff import (
    AnchorMoved,
    Change,
    CitationsChanged,
    DetailChanged,
    ItemAdded,
    ItemRemoved,
    MoveDropped,
    PageAdded,
    PageMoved,
    PageRemoved,
    Part,
    Rechecked,
    Renamed,
    Reordered,
    Reworded,
    VerdictChanged,
    diff,
)
from crossroads.diff_fields import Place, page_titles
from crossroads.diff_markdown import to_markdown
from crossroads.guide import Guide
from crossroads.record import Record, record_fields
from crossroads.rules import Defines, RefersTo
from crossroads.scaffold import SCAFFOLD_DIR
from crossroads.validation import load_guide

TODAY = dt.date(2027, 1, 1)
TOML_COMMENT = (
    '"A hash symbol marks the rest of the line as a comment, except when inside a string."'
)
# The scaffold reviews no article; the pair of guides gets this one, so claims can change.
ARTICLE = f"""\
id: formats-post
title: A post about settings formats
description: A made-up post the tests review, claim by claim.
claims:
  - id: toml-has-no-comments
    quote: TOML files cannot hold comments.
    section: Comments
    verdict: wrong
    correction: >-
      TOML has comments: a hash symbol marks the rest of the line as a comment,
      except inside a string.
    technologies: [toml]
    criteria: [comments]
    sources:
      toml-comment: {TOML_COMMENT}
"""
SECOND_CLAIM = f"""
  - id: toml-comments-anywhere
    quote: A hash starts a comment everywhere in TOML.
    section: Comments
    verdict: misleading
    correction: Not inside a string.
    technologies: [toml]
    sources:
      toml-comment: {TOML_COMMENT}
"""
NEW_SOURCE = """
  - id: toml-homepage
    title: TOML home page
    publisher: TOML project
    url: https://toml.io/en/
    checked: 2026-12-01
"""

TOML_COMMENTS = Place("technologies/toml/", "TOML", "comments", "TOML: Comments")
YAML_FIT = Place(
    "use-cases/tool-settings/",
    "Settings file for a command-line tool",
    "fit-yaml",
    "YAML",
)
CLAIM = Place(
    "articles/formats-post/",
    "Claims checked: A post about settings formats",
    "toml-has-no-comments",
    "TOML files cannot hold comments.",
)
DECIDE = "Decide: which format fits your project?"


class Guides:
    """Two copies of a small guide: edit the new one (or both), then ask what changed."""

    def __init__(self, root: Path) -> None:
        self.old, self.new = root / "old", root / "new"
        for folder in (self.old, self.new):
            shutil.copytree(SCAFFOLD_DIR / "data", folder / "data")
            (folder / "data/articles").mkdir()
            (folder / "data/articles/formats-post.yml").write_text(ARTICLE)

    def edit(self, name: str, before: str, after: str, *, version: str = "new") -> None:
        """Replace the one occurrence of ``before`` in ``data/name``."""
        path = (self.new if version == "new" else self.old) / "data" / name
        text = path.read_text()
        assert text.count(before) == 1, f"{before!r} occurs {text.count(before)} times in {name}"
        path.write_text(text.replace(before, after))

    def append(self, name: str, addition: str) -> None:
        path = self.new / "data" / name
        path.write_text(path.read_text().rstrip("\n") + "\n" + addition)

    def changes(self, *, backwards: bool = False) -> list[Change]:
        old, new = (self.new, self.old) if backwards else (self.old, self.new)
        return diff(load_guide(old / "data", TODAY), load_guide(new / "data", TODAY))

    def report(self, *, site_url: str = "") -> str:
        return to_markdown(self.changes(), site_url)


@pytest.fixture
def guides(tmp_path: Path) -> Guides:
    return Guides(tmp_path)


# --- no change for readers ----------------------------------------------------------------


def test_the_same_data_is_no_change_for_readers(guides: Guides) -> None:
    assert guides.changes() == []
    assert guides.report() == "No change for readers.\n"


def test_comments_key_order_and_folded_whitespace_are_no_change(guides: Guides) -> None:
    guides.edit("criteria.yml", "# criteria.yml: the questions", "# Edited comment. The questions")
    guides.edit(
        "technologies/toml.yml",
        "name: TOML\nkind: Configuration file format\n",
        "kind: Configuration file format  # a comment here too\nname: TOML\n",
    )
    # Re-wrapped folded text, with runs of spaces: one paragraph all the same.
    guides.edit(
        "statements.yml",
        "      Inline tables in curly braces are intended to appear on a single line,\n"
        "      and a trailing comma is not allowed.",
        "      Inline tables in curly braces are intended   to appear\n"
        "      on a single line, and a trailing    comma is not allowed.",
    )
    # The sources page sorts sources by publisher and title: their order in the file is unseen.
    first = "  - id: toml-spec\n    title: TOML v1.0.0\n    publisher: TOML project\n"
    first += (
        "    url: https://toml.io/en/v1.0.0\n    checked: 2026-11-30\n    covers: TOML 1.0.0\n\n"
    )
    guides.edit("sources.yml", first, "")
    guides.append("sources.yml", "\n" + first.rstrip("\n"))
    assert guides.changes() == []
    assert guides.report() == "No change for readers.\n"


def test_a_new_paragraph_break_shows_only_where_pages_keep_paragraphs(guides: Guides) -> None:
    # A statement's text is shown on one line; a detail is shown as paragraphs.
    guides.edit(
        "statements.yml",
        "      inside a string. In YAML, #",
        "      inside a string.\n\n      In YAML, #",
    )
    assert guides.changes() == []
    guides.edit(
        "technologies/toml.yml",
        "      inside a string is part",
        "      inside a string\n\n      is part",
    )
    (change,) = guides.changes()
    assert isinstance(change, Reworded) and change.field == "detail"
    assert "¶" in to_markdown([change])


# --- pages --------------------------------------------------------------------------------


def test_a_new_comparison_is_a_page_added_and_nothing_else(guides: Guides) -> None:
    guides.append("comparisons.yml", "  - id: yaml-vs-toml\n    technologies: [yaml, toml]\n")
    assert guides.changes() == [PageAdded(Place("compare/yaml-vs-toml/", "YAML vs TOML"))]
    assert "- [YAML vs TOML](compare/yaml-vs-toml/): new page" in guides.report()


def test_a_removed_comparison_is_a_page_removed(guides: Guides) -> None:
    (guides.new / "data/comparisons.yml").write_text("comparisons: []\n")
    assert guides.changes() == [PageRemoved(Place("compare/toml-vs-yaml/", "TOML vs YAML"))]


def test_removing_the_only_article_removes_its_pages_not_each_claim(guides: Guides) -> None:
    (guides.new / "data/articles/formats-post.yml").unlink()
    assert guides.changes() == [
        PageRemoved(Place("articles/", "Articles, checked")),
        PageRemoved(
            Place("articles/formats-post/", "Claims checked: A post about settings formats")
        ),
    ]
    assert guides.changes(backwards=True) == [
        PageAdded(Place("articles/", "Articles, checked")),
        PageAdded(Place("articles/formats-post/", "Claims checked: A post about settings formats")),
    ]


# --- verdicts and fits --------------------------------------------------------------------


def test_a_new_verdict_names_the_page_section_and_both_verdicts(guides: Guides) -> None:
    guides.edit(
        "technologies/toml.yml", 'verdict: "Yes, # starts a comment"', "verdict: Yes, line comments"
    )
    assert guides.changes() == [
        VerdictChanged(TOML_COMMENTS, "verdict", "Yes, # starts a comment", "Yes, line comments")
    ]
    assert guides.report() == (
        "**1 change readers will see**\n\n"
        "#### [TOML](technologies/toml/)\n\n"
        "- [TOML: Comments](technologies/toml/#comments): "
        "verdict “Yes, \\# starts a comment” → **“Yes, line comments”**\n"
    )


def test_a_cell_that_now_depends_is_a_new_verdict(guides: Guides) -> None:
    depends = "    status: depends\n    decided_by: The parser.\n    check: Try your parser.\n"
    guides.edit("technologies/toml.yml", '    verdict: "Yes, # starts a comment"\n', depends)
    # It now says what decides it and what to check: readers see those too.
    assert guides.changes() == [
        VerdictChanged(TOML_COMMENTS, "verdict", "Yes, # starts a comment", "Depends"),
        Reworded(TOML_COMMENTS, "decided_by", "(none)", "The parser."),
        Reworded(TOML_COMMENTS, "check", "(none)", "Try your parser."),
    ]


def test_a_use_case_fit_shows_old_and_new_as_readers_read_them(guides: Guides) -> None:
    guides.edit("use-cases/tool-settings.yml", "fit: workable", "fit: poor")
    assert guides.changes() == [VerdictChanged(YAML_FIT, "fit", "Workable", "Poor fit")]
    report = guides.report(site_url="https://example.org/guide/")
    link = "https://example.org/guide/use-cases/tool-settings/#fit-yaml"
    assert f"[YAML]({link}): fit “Workable” → **“Poor fit”**" in report


# --- statements, claims and outcomes ------------------------------------------------------

YAML_STATEMENT = """
  - id: yaml-tabs-forbidden
    kind: con
    title: No tabs in indentation
    technologies: [yaml]
    criteria: [nesting-and-structure]
    text: Tab characters must not be used in indentation.
    sources:
      yaml-indentation: "To maintain portability, tab characters must not be used in indentation"
"""


NATIVE_DATES = (
    "TOML defines offset date-time, local date-time, local date and local time values in "
    "RFC 3339 form, so a date in a settings file is a typed value, not a string."
)


def test_statements_added_removed_and_reworded(guides: Guides) -> None:
    guides.append("statements.yml", YAML_STATEMENT)
    start = "  - id: toml-inline-tables-one-line\n"
    guides.edit("statements.yml", start, "  - id: toml-inline-tables-single-line\n")
    guides.edit("statements.yml", "RFC 3339 form, so a date", "RFC 3339 form, so any date")
    inline = "technologies/toml/", "TOML"
    native = Place(*inline, "toml-native-dates", "Dates and times are built in")
    assert guides.changes() == [
        ItemRemoved(
            Place(*inline, "toml-inline-tables-one-line", "Inline tables stay on one line"),
            "weakness",
            "Inline tables stay on one line",
        ),
        Reworded(
            native,
            "text",
            NATIVE_DATES,
            NATIVE_DATES.replace("so a date", "so any date"),
        ),
        ItemAdded(
            Place(*inline, "toml-inline-tables-single-line", "Inline tables stay on one line"),
            "weakness",
            "Inline tables stay on one line",
        ),
        ItemAdded(
            Place("technologies/yaml/", "YAML", "yaml-tabs-forbidden", "No tabs in indentation"),
            "weakness",
            "No tabs in indentation",
        ),
    ]
    report = guides.report()
    assert (
        "- [Dates and times are built in](technologies/toml/#toml-native-dates): text reworded: "
        "… RFC 3339 form, so ~~a~~ **any** date in a settings …\n"
    ) in report
    assert (
        "- [No tabs in indentation](technologies/yaml/#yaml-tabs-forbidden): weakness added"
        in report
    )


CORRECTION = (
    "TOML has comments: a hash symbol marks the rest of the line as a comment, "
    "except inside a string."
)


def test_claims_added_removed_reworded_and_given_a_new_verdict(guides: Guides) -> None:
    guides.edit("articles/formats-post.yml", "verdict: wrong", "verdict: misleading")
    guides.edit(
        "articles/formats-post.yml",
        "      except inside a string.",
        "      except inside a quoted string.",
    )
    guides.append("articles/formats-post.yml", SECOND_CLAIM)
    assert guides.changes() == [
        VerdictChanged(CLAIM, "verdict", "Wrong", "Misleading"),
        Reworded(
            CLAIM,
            "correction",
            CORRECTION,
            CORRECTION.replace("inside a string", "inside a quoted string"),
        ),
        ItemAdded(
            Place(
                CLAIM.page,
                CLAIM.page_title,
                "toml-comments-anywhere",
                "A hash starts a comment everywhere in TOML.",
            ),
            "claim",
            "A hash starts a comment everywhere in TOML.",
        ),
    ]
    assert guides.changes(backwards=True)[0] == ItemRemoved(
        Place(
            CLAIM.page,
            CLAIM.page_title,
            "toml-comments-anywhere",
            "A hash starts a comment everywhere in TOML.",
        ),
        "claim",
        "A hash starts a comment everywhere in TOML.",
    )


NEW_OUTCOME = f"""
  - id: either-format
    title: Either format will do
    reason: "Both formats allow comments that start with #."
    criteria: [comments]
    sources:
      toml-comment: {TOML_COMMENT}
"""
YAML_REASON = (
    "YAML block style shows groups by indentation, with each entry on its own line, and "
    "comments start with #. Users must indent with spaces, since tab characters must not be "
    "used in indentation."
)


def test_outcomes_added_removed_and_reworded(guides: Guides) -> None:
    guides.edit("flowchart.yml", "line, and comments start with #.", "line; comments start with #.")
    guides.append("flowchart.yml", NEW_OUTCOME)
    headers = "indentation does not matter\n        next: "
    guides.edit("flowchart.yml", headers + "toml-for-settings", headers + "either-format")
    question = Place(
        "decide/",
        DECIDE,
        "q-grouping-style",
        "How should users show that settings belong together?",
    )
    either = Place("decide/", DECIDE, "o-either-format", "Either format will do")
    yaml_outcome = Place("decide/", DECIDE, "o-yaml-for-settings", "Use YAML")
    answer = Part("answer", "With section headers, so indentation does not matter")
    changes = guides.changes()
    assert changes == [
        DetailChanged(question, "next", "Use TOML", "Either format will do", answer),
        Reworded(
            yaml_outcome,
            "reason",
            YAML_REASON,
            YAML_REASON.replace("line, and comments", "line; comments"),
        ),
        ItemAdded(either, "outcome", "Either format will do"),
    ]
    assert ItemRemoved(either, "outcome", "Either format will do") in guides.changes(backwards=True)
    report = to_markdown(changes)
    assert (
        "- [How should users show that settings belong together?](decide/#q-grouping-style): "
        "answer “With section headers, so indentation does not matter”: "
        "next changed: “Use TOML” → “Either format will do”\n"
    ) in report
    # A long text shows the words that changed, a few around them, and elisions.
    assert (
        "- [Use YAML](decide/#o-yaml-for-settings): reason reworded: "
        "… entry on its own ~~line, and~~ **line;** comments start with \\#. …\n"
    ) in report


# --- sources ------------------------------------------------------------------------------


def test_sources_added_removed_and_re_checked_with_both_dates(guides: Guides) -> None:
    guides.append("sources.yml", NEW_SOURCE)
    guides.edit(
        "sources.yml",
        "url: https://toml.io/en/v1.0.0\n    checked: 2026-11-30",
        "url: https://toml.io/en/v1.0.0\n    checked: 2026-12-20",
    )
    homepage = Place("sources/", "Sources", "toml-homepage", "TOML home page")
    spec = Place("sources/", "Sources", "toml-spec", "TOML v1.0.0")
    assert guides.changes() == [
        Rechecked(spec, "checked", "2026-11-30", "2026-12-20"),
        ItemAdded(homepage, "source", "TOML home page"),
    ]
    assert ItemRemoved(homepage, "source", "TOML home page") in guides.changes(backwards=True)
    report = guides.report()
    assert "- [TOML v1.0.0](sources/#toml-spec): re-checked 2026-11-30 → 2026-12-20" in report
    assert "- [TOML home page](sources/#toml-homepage): source added" in report


def test_a_statement_citing_another_source_or_quoting_differently(guides: Guides) -> None:
    guides.append("sources.yml", NEW_SOURCE)
    guides.edit(
        "statements.yml",
        "    sources:\n      toml-inline-table:",
        '    sources:\n      toml-homepage: "TOML"\n      toml-inline-table:',
    )
    guides.edit("statements.yml", "yaml-collections: \"YAML's block", 'yaml-collections: "…block')
    assert [c for c in guides.changes() if isinstance(c, CitationsChanged)] == [
        CitationsChanged(
            Place(
                "technologies/toml/",
                "TOML",
                "toml-inline-tables-one-line",
                "Inline tables stay on one line",
            ),
            "sources",
            added=("TOML home page",),
            removed=(),
            requoted=(),
        ),
        CitationsChanged(
            Place(
                "technologies/yaml/", "YAML", "yaml-two-nesting-styles", "Two ways to write nesting"
            ),
            "sources",
            added=(),
            removed=(),
            requoted=("YAML 1.2.2, 2.1 Collections",),
        ),
    ]
    report = guides.report()
    assert "now cites *TOML home page*" in report
    assert "quotes *YAML 1.2.2, 2.1 Collections* differently" in report


# --- ids, names, order and moves ----------------------------------------------------------


def test_a_new_name_is_a_rename_not_a_page_removed_and_added(guides: Guides) -> None:
    guides.edit("technologies/toml.yml", "name: TOML\n", "name: TOML 1.0\n")
    guides.edit("criteria.yml", "name: Comments\n", "name: Comments and notes\n")
    assert guides.changes() == [
        Renamed(Place("technologies/toml/", "TOML 1.0"), "name", "TOML", "TOML 1.0"),
        Renamed(
            Place("criteria/", "Criteria", "comments", "Comments and notes"),
            "name",
            "Comments",
            "Comments and notes",
        ),
    ]
    assert "- [TOML 1.0](technologies/toml/): renamed “TOML” → “TOML 1.0”" in guides.report()


def test_a_new_id_is_a_page_removed_and_added(guides: Guides) -> None:
    guides.edit("comparisons.yml", "  - id: toml-vs-yaml", "  - id: toml-or-yaml")
    assert guides.changes() == [
        PageAdded(Place("compare/toml-or-yaml/", "TOML vs YAML")),
        PageRemoved(Place("compare/toml-vs-yaml/", "TOML vs YAML")),
    ]


def test_criteria_in_a_new_order(guides: Guides) -> None:
    criteria = (guides.new / "data/criteria.yml").read_text()
    head, comments, dates, nesting = criteria.split("\n  - id: ")
    (guides.new / "data/criteria.yml").write_text(
        "\n  - id: ".join([head, dates, comments, nesting]) + "\n"
    )
    assert guides.changes() == [Reordered(Place("criteria/", "Criteria"), "criteria")]
    assert "- [Criteria](criteria/): criteria in a new order" in guides.report()


MOVES = """\
pages:
  - from: compare/yaml-vs-toml/
    to: compare/toml-vs-yaml/
anchors:
  - page: compare/toml-vs-yaml/
    from: notes
    to: comments
"""


def test_anchors_and_pages_that_moved(guides: Guides) -> None:
    (guides.new / "data/moved.yml").write_text(MOVES)
    comparison = Place("compare/toml-vs-yaml/", "TOML vs YAML")
    comments = Place("compare/toml-vs-yaml/", "TOML vs YAML", "comments", "#comments")
    assert guides.changes() == [
        PageMoved(comparison, "compare/yaml-vs-toml/"),
        AnchorMoved(comments, "notes"),
    ]
    assert guides.changes(backwards=True) == [
        MoveDropped(comparison, "compare/yaml-vs-toml/"),
        MoveDropped(comments, "notes"),
    ]
    report = guides.report()
    assert (
        "- [TOML vs YAML](compare/toml-vs-yaml/): page moved from `compare/yaml-vs-toml/`; "
        "the old address forwards here\n"
    ) in report
    assert (
        "- [\\#comments](compare/toml-vs-yaml/#comments): anchor moved from `#notes`; "
        "links to it land here\n"
    ) in report


# --- every field readers see --------------------------------------------------------------


def _bare(hint: Any) -> Any:
    """The type under ``Annotated`` and ``| None``."""
    if typing.get_origin(hint) is Annotated:
        return _bare(typing.get_args(hint)[0])
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return _bare(next(a for a in typing.get_args(hint) if a is not type(None)))
    return hint


def _names_a_thing(hint: Any) -> bool:
    """Whether values of ``hint`` are ids (defined or referred to), alone or in a list."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return any(_names_a_thing(a) for a in typing.get_args(hint) if a is not type(None))
    if typing.get_origin(_bare(hint)) is list:
        return _names_a_thing(typing.get_args(_bare(hint))[0])
    return any(isinstance(rule, RefersTo | Defines) for rule in getattr(hint, "__metadata__", ()))


def mutations(value: Any, hint: Any) -> Iterator[tuple[str, Any]]:
    """(where, a copy of ``value`` with that one thing an author writes changed), for each.

    Items of one list or mapping have one shape, so the first item of each stands for all.
    """
    if isinstance(value, Record):
        hints = typing.get_type_hints(type(value), include_extras=True)
        for field in record_fields(type(value)):
            if field.name == "origins" or _names_a_thing(hints[field.name]):
                continue  # ids are identities, origins are file names: no reader sees either
            values = {f.name: getattr(value, f.name) for f in record_fields(type(value))}
            for where, changed in mutations(values[field.name], hints[field.name]):
                try:
                    yield f".{field.name}{where}", type(value)(**{**values, field.name: changed})
                except ValueError:
                    continue  # a combination the model refuses, so no data can say it
    elif isinstance(value, dict):
        for key, item in list(value.items())[:1]:
            for where, changed in mutations(item, typing.get_args(_bare(hint))[1]):
                yield f"[{key}]{where}", {**value, key: changed}
    elif isinstance(value, list):
        for index, item in enumerate(value[:1]):
            for where, changed in mutations(item, typing.get_args(_bare(hint))[0]):
                yield f"[{index}]{where}", [*value[:index], changed, *value[index + 1 :]]
    elif isinstance(value, dt.date):
        yield "", value - dt.timedelta(days=1)
    elif isinstance(value, str):
        choices = typing.get_args(_bare(hint)) if typing.get_origin(_bare(hint)) is Literal else ()
        yield "", next(c for c in choices if c != value) if choices else f"{value} (edited)"


def test_every_field_an_author_writes_is_a_change_readers_see(
    guides: Guides, monkeypatch: pytest.MonkeyPatch
) -> None:
    (guides.old / "data/moved.yml").write_text(MOVES)
    guide = load_guide(guides.old / "data", TODAY)
    titles = page_titles(guide)
    # Page titles come from rendering every page; the fields are what this test is about.
    monkeypatch.setattr(crossroads.diff, "page_titles", lambda guide: titles)
    edits = list(mutations(guide, Guide))
    unseen = [where for where, edited in edits if not diff(guide, edited)]
    assert len(edits) > 50
    assert unseen == []


# --- the Markdown ---------------------------------------------------------------------------


def test_data_text_cannot_add_markup_links_or_mentions_to_a_comment(guides: Guides) -> None:
    title = "Ask @octocat <b>now</b> [here](https://e.org) *or* `code` ~~not~~ $x$"
    guides.append("statements.yml", YAML_STATEMENT.replace("No tabs in indentation", title))
    report = guides.report()
    markup = ("<b>", "[here](https://e.org)", "@octocat", " *or* ", "`code`", "~~not~~", "$x$")
    assert [m for m in markup if m in report] == []
    assert (
        "[Ask @&#8203;octocat \\<b\\>now\\</b\\> \\[here\\](https://e.org) \\*or\\* \\`code\\` "
        "\\~\\~not\\~\\~ \\$x\\$](technologies/yaml/#yaml-tabs-forbidden): weakness added"
    ) in report


def test_changes_are_grouped_by_page_with_pages_first(guides: Guides) -> None:
    guides.edit("use-cases/tool-settings.yml", "fit: workable", "fit: poor")
    guides.edit("technologies/toml.yml", "version: TOML 1.0.0", "version: TOML 1.1.0")
    guides.append("comparisons.yml", "  - id: yaml-vs-toml\n    technologies: [yaml, toml]\n")
    headings = [line for line in guides.report().splitlines() if line.startswith("#")]
    assert headings == [
        "#### Pages",
        "#### [TOML](technologies/toml/)",
        "#### [Settings file for a command-line tool](use-cases/tool-settings/)",
    ]


# --- the command line ---------------------------------------------------------------------


def test_the_command_compares_two_guide_folders(
    guides: Guides, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROSSROADS_TODAY", TODAY.isoformat())
    assert main(["diff", str(guides.old), str(guides.new)]) == 0
    assert capsys.readouterr().out == "No change for readers.\n"
    guides.edit("use-cases/tool-settings.yml", "fit: workable", "fit: poor")
    site = "https://example.org/guide/"
    assert main(["diff", str(guides.old), str(guides.new), "--site-url", site]) == 0
    assert capsys.readouterr().out == guides.report(site_url=site)


def test_the_command_refuses_what_it_cannot_read(
    guides: Guides, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROSSROADS_TODAY", TODAY.isoformat())
    assert main(["diff", str(guides.old / "data"), str(guides.new)]) == 2
    assert "no data/ folder here" in capsys.readouterr().err
    guides.edit("technologies/toml.yml", "verdict: Yes, four", "verdikt: Yes, four")
    assert main(["diff", str(guides.old), str(guides.new)]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"{guides.new}: the guide's data has 1 problem")
    assert "unknown key 'verdikt'" in error


def git(repository: Path, *arguments: str) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    result = subprocess.run(
        ["git", "-C", str(repository), *identity, *arguments],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"},
    )
    return result.stdout


def test_the_command_compares_two_git_revisions_without_touching_the_work_tree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROSSROADS_TODAY", TODAY.isoformat())
    repository, guide = tmp_path / "repository", tmp_path / "repository/guide"
    shutil.copytree(SCAFFOLD_DIR / "data", guide / "data")  # a guide below the repository's root
    git(repository, "init", "-q")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "A guide")
    setting = guide / "data/use-cases/tool-settings.yml"
    setting.write_text(setting.read_text().replace("fit: workable", "fit: poor"))
    git(repository, "commit", "-q", "-am", "YAML fits poorly")
    # Not committed: neither revision has it.
    criteria = guide / "data/criteria.yml"
    criteria.write_text(criteria.read_text().replace("name: Comments", "name: Notes"))
    status = git(repository, "status", "--porcelain")

    assert main(["diff", "HEAD~1", "HEAD", "--project", str(guide)]) == 0
    report = capsys.readouterr().out
    assert "- [YAML](use-cases/tool-settings/#fit-yaml): fit “Workable” → **“Poor fit”**" in report
    assert "Notes" not in report
    assert main(["diff", "HEAD", "HEAD", "--project", str(guide)]) == 0
    assert capsys.readouterr().out == "No change for readers.\n"
    assert git(repository, "status", "--porcelain") == status

    assert main(["diff", "no-such-branch", "HEAD", "--project", str(guide)]) == 2
    assert "no-such-branch: neither a folder nor a git revision" in capsys.readouterr().err
    assert main(["diff", "HEAD", "HEAD", "--project", str(repository)]) == 2
    assert "HEAD: has no data/ folder" in capsys.readouterr().err


def test_a_new_criterion_is_a_new_section_on_every_technology_page(guides: Guides) -> None:
    guides.append(
        "criteria.yml",
        "\n  - id: licensing\n    name: Licensing\n    question: Under which licence?\n"
        "    why: A licence decides what you may do.\n",
    )
    assert guides.changes() == [
        ItemAdded(
            Place("technologies/toml/", "TOML", "licensing", "TOML: Licensing"),
            "section",
            "TOML: Licensing",
        ),
        ItemAdded(
            Place("technologies/yaml/", "YAML", "licensing", "YAML: Licensing"),
            "section",
            "YAML: Licensing",
        ),
        ItemAdded(
            Place("criteria/", "Criteria", "licensing", "Licensing"), "criterion", "Licensing"
        ),
    ]


def test_what_the_guide_does_not_cover_reads_as_words_not_as_code(guides: Guides) -> None:
    guides.append("guide.yml", "not_covered:\n  - name: INI files\n    words: [ini, configparser]")
    report = guides.report()
    assert "INI files (ini, configparser)" in report
    assert "NotCovered" not in report and "words=" not in report
