"""``check`` warns, without failing, about words that name a technology their item is not
tagged with: a statement, an article claim, a recommendation, or a passage one of them quotes.

In process, on a new guide (TOML and YAML) with a few items added.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crossroads.__main__ import main
from crossroads.checking import check_project
from crossroads.project import Project
from crossroads.scaffold import new_guide
from crossroads.untagged import NameFinder

TODAY = dt.date(2026, 12, 1)
QUOTE = '"A hash symbol marks the rest of the line as a comment, except when inside a string."'

STATEMENTS = f"""
  - id: toml-names-yaml
    kind: pro
    title: Simpler than the other one
    technologies: [toml]
    criteria: [comments]
    text: >-
      Unlike YAML, indentation never changes what a TOML file means.
    sources:
      toml-comment: {QUOTE}

  - id: toml-names-yaml-only-inside-words
    kind: con
    title: Only its own name
    technologies: [toml]
    criteria: [comments]
    text: >-
      PyYAML, YAMLs, YAML-ish files, yaml.org and plain yaml in lower case name no
      technology; TOML names the one it is tagged with.
    sources:
      toml-comment: {QUOTE}

  - id: both-named-both-tagged
    kind: similarity
    title: Both named, both tagged
    technologies: [toml, yaml]
    criteria: [comments]
    text: TOML and YAML both allow comments.
    sources:
      toml-comment: {QUOTE}

  - id: quote-names-yaml
    kind: con
    title: Named in a quoted passage only
    technologies: [toml]
    criteria: [comments]
    text: A statement whose own words name only TOML.
    sources:
      toml-comment: "A hash symbol … unlike YAML … marks a comment."
"""
ARTICLE = f"""\
id: an-article
title: An article
description: An article that compares the two formats.
claims:
  - id: toml-claim
    quote: "TOML is YAML done right."
    section: TOML or YAML?
    verdict: misleading
    correction: YAML and TOML were designed for different things.
    technologies: [toml]
    sources:
      toml-comment: {QUOTE}
"""
RECOMMENDATION_REASONS = "TOML aims to be a minimal configuration file format."


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = tmp_path / "guide"
    new_guide(project)
    statements = project / "data/statements.yml"
    statements.write_text(statements.read_text().rstrip("\n") + "\n" + STATEMENTS)
    (project / "data/articles").mkdir()
    (project / "data/articles/an-article.yml").write_text(ARTICLE)
    use_case = project / "data/use-cases/tool-settings.yml"
    use_case.write_text(
        use_case.read_text().replace(
            RECOMMENDATION_REASONS, "Where YAML needs care, " + RECOMMENDATION_REASONS, 1
        )
    )
    monkeypatch.chdir(project)
    return project


def line_of(path: Path, text: str, after: str = "") -> int:
    """The line of ``text`` in ``path``, first after the line holding ``after``."""
    lines = path.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i, line in enumerate(lines[start:], start) if text in line) + 1


def test_each_untagged_name_is_one_warning_with_file_line_and_what_to_do(project: Path) -> None:
    checked = check_project(Project.open(project), TODAY)
    statements = project / "data/statements.yml"
    article = project / "data/articles/an-article.yml"
    use_case = project / "data/use-cases/tool-settings.yml"
    in_passing = " (or, if it names YAML only in passing, add yaml to its mentions)"
    add_yaml = f"but its technologies are [toml]: add yaml to its technologies{in_passing}"
    assert checked.warnings == [
        f"data/articles/an-article.yml:{line_of(article, 'quote:')}: claims[0].quote: claim "
        f"'toml-claim' names YAML in its quote and its correction, {add_yaml}",
        f"data/statements.yml:{line_of(statements, 'text:', 'toml-names-yaml')}: "
        f"statements[4].text: statement 'toml-names-yaml' names YAML in its text, {add_yaml}",
        f"data/statements.yml:{line_of(statements, 'toml-comment', 'quote-names-yaml')}: "
        "statements[7].sources.toml-comment: statement 'quote-names-yaml' names YAML in the "
        f"passage it quotes from toml-comment, {add_yaml}",
        f"data/use-cases/tool-settings.yml:{line_of(use_case, 'reasons:')}: "
        "recommendations[0].reasons: the recommendation for 'toml' names YAML in its reasons, "
        "but a recommendation is about toml alone: leave YAML out, or say it in a statement "
        f"whose technologies list both{in_passing}",
    ]


def test_a_name_listed_in_mentions_is_not_warned_about(project: Path) -> None:
    # What the warnings advise for a name given in passing: each item lists it in mentions.
    statements = project / "data/statements.yml"
    statements.write_text(
        statements.read_text().replace(
            "    technologies: [toml]\n", "    technologies: [toml]\n    mentions: [yaml]\n"
        )
    )
    article = project / "data/articles/an-article.yml"
    article.write_text(
        article.read_text().replace(
            "technologies: [toml]", "technologies: [toml]\n    mentions: [yaml]"
        )
    )
    use_case = project / "data/use-cases/tool-settings.yml"
    use_case.write_text(
        use_case.read_text().replace(
            "technology: toml", "technology: toml\n    mentions: [yaml]", 1
        )
    )
    assert check_project(Project.open(project), TODAY).warnings == []


def test_check_prints_the_warnings_and_passes(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROSSROADS_TODAY", TODAY.isoformat())
    assert main(["check", "."]) == 0
    warnings = capsys.readouterr().err.splitlines()
    assert len(warnings) == 4
    assert all(w.startswith("warning: data/") for w in warnings), warnings


FINDER = NameFinder(
    {
        "nodejs": "Node.js",
        "express": "Express",
        "react": "React",
        "react-native": "React Native",
        "flask": "Flask",
        "dotnet": ".NET",
        "go": "Go",
    }
)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Express runs on Node.js.", ["express", "nodejs"]),
        ("Install nodejs first, then Node.js's npm.", ["nodejs"]),
        ("React and React\n  Native", ["react", "react-native"]),
        ("React Native only", ["react-native"]),
        ("Flask, Flask's routing (Flask)", ["flask"]),
        # Part of another word, a hyphenated or dotted name, a lower-case ordinary word.
        ("Flasks, Flask-Login, mod_wsgi-express, Expressive, NodeJS", []),
        ("nodejs.org, express.json(), Node.jsx", []),
        ("to express intent, a lab flask", []),
        ("ASP.NET runs on .NET (dotnet); go with Go", ["dotnet", "go"]),
    ],
)
def test_a_name_counts_only_as_a_word_of_its_own(text: str, named: list[str]) -> None:
    assert FINDER.named_in(text) == named


def test_the_new_guide_names_only_what_it_tags(tmp_path: Path) -> None:
    new_guide(tmp_path / "guide")
    assert check_project(Project.open(tmp_path / "guide"), TODAY).warnings == []
