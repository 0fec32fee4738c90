"""Invalid data stops the build with file:line and what is wrong, and writes no site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, Build

Mutation = Callable[[Path], str]


def replace_once(project: Path, relative: str, old: str, new: str) -> int:
    """Replace ``old`` with ``new`` in a data file; return the 1-based line where it starts."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {relative}"
    position = text.index(old)
    path.write_text(text[:position] + new + text[position + len(old) :], encoding="utf-8")
    return text.count("\n", 0, position) + 1


def line_of(project: Path, relative: str, needle: str) -> int:
    text = (project / relative).read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


FLASK = "data/technologies/flask.yml"
NODE = "data/technologies/nodejs.yml"


def yaml_syntax(project: Path) -> str:
    line = replace_once(project, FLASK, "  testing:\n", "  testing: [unclosed\n")
    return f"{FLASK}:{line + 1}: YAML syntax error"


def tab_indent(project: Path) -> str:
    line = replace_once(project, FLASK, "    verdict: Built-in test client", "\tverdict: x")
    return f"{FLASK}:{line}: YAML syntax error"


def wrong_type(project: Path) -> str:
    line = replace_once(project, FLASK, "verdict: Built-in test client", "verdict: 42")
    return f"{FLASK}:{line}: assessments.testing.verdict: expected text, got int"


def unknown_key(project: Path) -> str:
    line = replace_once(project, FLASK, "    verdict: Built-in test client", "    verdikt: x")
    return f"{FLASK}:{line}: assessments.testing.verdikt: unknown key 'verdikt'"


def missing_field(project: Path) -> str:
    line = line_of(project, "data/criteria.yml", "  - id: testing")
    replace_once(project, "data/criteria.yml", "    name: Testing\n", "")
    return f"data/criteria.yml:{line}: criteria[12].name: missing required field 'name'"


def duplicate_id(project: Path) -> str:
    first = line_of(project, "data/criteria.yml", "  - id: testing")
    line = replace_once(project, "data/criteria.yml", "  - id: community", "  - id: testing")
    where = f"data/criteria.yml:{line}: criteria[13].id"
    return f"{where}: duplicate id 'testing' (first used at line {first})"


def duplicate_key(project: Path) -> str:
    first = line_of(project, FLASK, "    verdict: Built-in test client")
    line = replace_once(
        project,
        FLASK,
        "    verdict: Built-in test client\n",
        "    verdict: Built-in test client\n    verdict: again\n",
    )
    where = f"{FLASK}:{line + 1}: assessments.testing.verdict"
    return f"{where}: duplicate key 'verdict' (first at line {first})"


def unknown_technology(project: Path) -> str:
    line = replace_once(project, "data/comparisons.yml", "[nodejs, flask]", "[nodejs, flaks]")
    return (
        f"data/comparisons.yml:{line}: comparisons[0].technologies[1]: unknown technology 'flaks'"
    )


def unknown_criterion(project: Path) -> str:
    line = replace_once(project, FLASK, "  testing:\n", "  testin:\n")
    return f"{FLASK}:{line}: assessments.testin: unknown criterion 'testin'"


def unknown_source(project: Path) -> str:
    line = replace_once(
        project, FLASK, "sources: [flask-docs-testing]", "sources: [flask-docs-testing, nope]"
    )
    return f"{FLASK}:{line}: assessments.testing.sources[1]: unknown source 'nope'"


def future_date(project: Path) -> str:
    needle = "  - id: flask-license\n"
    line = line_of(project, "data/sources.yml", needle)
    text = (project / "data/sources.yml").read_text()
    block_end = text.index("checked: 2026-11-24", text.index(needle))
    checked_line = text.count("\n", 0, block_end) + 1
    path = project / "data/sources.yml"
    path.write_text(text[:block_end] + "checked: 2999-01-01" + text[block_end + 19 :])
    assert checked_line > line
    return f"data/sources.yml:{checked_line}: sources["


def javascript_url(project: Path) -> str:
    line = replace_once(
        project, NODE, "homepage: https://nodejs.org/", "homepage: javascript:alert(1)"
    )
    return f"{NODE}:{line}: homepage: URL must start with http:// or https://"


def empty_file(project: Path) -> str:
    (project / "data/comparisons.yml").write_text("")
    return "data/comparisons.yml:1: file is empty"


def not_utf8(project: Path) -> str:
    path = project / "data/criteria.yml"
    text = path.read_bytes()
    position = text.index(b"Testing")
    path.write_bytes(text[:position] + b"\xff" + text[position:])
    line = text.count(b"\n", 0, position) + 1
    return f"data/criteria.yml:{line}: not valid UTF-8 (byte 0xff)"


def id_not_file_name(project: Path) -> str:
    line = replace_once(project, FLASK, "id: flask\n", "id: flask-web\n")
    return f"{FLASK}:{line}: id: id 'flask-web' must match the file name 'flask'"


def statement_without_source(project: Path) -> str:
    replace_once(
        project, "data/statements.yml", "    sources: [node-api-test, node-api-cli-watch]\n", ""
    )
    return "data/statements.yml:"  # the statement's line: asserted by the missing-field test


def assessed_without_detail(project: Path) -> str:
    text = (project / FLASK).read_text()
    start = text.index("  testing:\n")
    detail = text.index("    detail:", start)
    end = text.index("    sources:", detail)
    (project / FLASK).write_text(text[:detail] + text[end:])
    line = text.count("\n", 0, start) + 1
    return f"{FLASK}:{line}: assessments.testing: an assessed cell needs detail"


CASES: dict[str, Mutation] = {
    "yaml-syntax": yaml_syntax,
    "tab-indent": tab_indent,
    "wrong-type": wrong_type,
    "unknown-key": unknown_key,
    "missing-field": missing_field,
    "duplicate-id": duplicate_id,
    "duplicate-key": duplicate_key,
    "unknown-technology": unknown_technology,
    "unknown-criterion": unknown_criterion,
    "unknown-source": unknown_source,
    "future-date": future_date,
    "javascript-url": javascript_url,
    "empty-file": empty_file,
    "not-utf8": not_utf8,
    "id-not-file-name": id_not_file_name,
    "statement-without-source": statement_without_source,
    "assessed-without-detail": assessed_without_detail,
}


@pytest.mark.parametrize("case", CASES)
def test_bad_data_stops_the_build_with_file_and_line(
    case: str, project: Path, build: Callable[[Path], Build]
) -> None:
    expected = CASES[case](project)
    result = build(project)
    assert result.returncode != 0
    assert expected in result.output, result.output
    assert not result.site.exists(), "a failed build must not write a site"


def test_one_build_reports_problems_in_several_files(
    project: Path, build: Callable[[Path], Build]
) -> None:
    expected = [unknown_key(project), unknown_technology(project), future_date(project)]
    result = build(project)
    assert result.returncode != 0
    for message in expected:
        assert message in result.output, result.output
    assert "3 problems" in result.output


def test_future_date_message_names_the_field(project: Path, build: Callable[[Path], Build]) -> None:
    expected = future_date(project)
    result = build(project)
    line = next(x for x in result.output.splitlines() if expected in x)
    assert line.strip().endswith(".checked: date is in the future")


def test_statement_without_source_is_named(project: Path, build: Callable[[Path], Build]) -> None:
    line = line_of(project, "data/statements.yml", "  - id: nodejs-built-in-tooling")
    statement_without_source(project)
    result = build(project)
    assert (
        f"data/statements.yml:{line}: statements[4].sources: missing required field 'sources'"
        in result.output
    ), result.output


def test_unknown_marker_in_a_page_stops_the_build(
    project: Path, build: Callable[[Path], Build]
) -> None:
    index = project / "docs/index.md"
    text = index.read_text()
    index.write_text(
        text.replace("<!-- crossroads:comparison-table", "<!-- crossroads:comparsion-table")
    )
    line = text[: text.index("<!-- crossroads:comparison-table")].count("\n") + 1
    result = build(project)
    assert result.returncode != 0
    assert f"docs/index.md:{line}: unknown marker 'crossroads:comparsion-table'" in result.output


FLOW = "data/flowchart.yml"


def flowchart_cycle(project: Path) -> str:
    line = replace_once(
        project, FLOW, "        next: compute-language\n", "        next: workload\n"
    )
    return f"{FLOW}:{line}: questions[6].answers[1].next: cycle in the flowchart: workload -> "


def flowchart_unknown_next(project: Path) -> str:
    line = replace_once(project, FLOW, "        next: flask-api\n", "        next: flask-apii\n")
    return (
        f"{FLOW}:{line}: questions[3].answers[1].next: answer 'no' of question 'server-pages' "
        "leads to unknown question or outcome 'flask-apii'"
    )


def flowchart_unreachable(project: Path) -> str:
    line = replace_once(project, FLOW, "        next: browser-app\n", "        next: either-api\n")
    browser_line = line_of(project, FLOW, "  - id: browser-app")
    assert line
    return (
        f"{FLOW}:{browser_line}: questions[4].id: question 'browser-app' cannot be reached "
        "from start 'workload'"
    )


def flowchart_dead_end(project: Path) -> str:
    text = (project / FLOW).read_text()
    start = text.index("  - id: compute-language")
    cut_from = text.index("      - id: python", start)
    cut_to = text.index("\noutcomes:", cut_from)
    (project / FLOW).write_text(text[:cut_from] + text[cut_to:])
    line = text.count("\n", 0, text.index("    answers:", start)) + 1
    return f"{FLOW}:{line}: questions[7].answers: needs at least 2 item(s)"


def use_case_unknown_related(project: Path) -> str:
    path = "data/use-cases/web-apps.yml"
    line = replace_once(project, path, "related: [prototypes-and-mvps", "related: [prototypes")
    return f"{path}:{line}: related[0]: unknown use case 'prototypes'"


FLOW_CASES: dict[str, Mutation] = {
    "flowchart-cycle": flowchart_cycle,
    "flowchart-unknown-next": flowchart_unknown_next,
    "flowchart-unreachable": flowchart_unreachable,
    "flowchart-dead-end": flowchart_dead_end,
    "use-case-unknown-related": use_case_unknown_related,
}


@pytest.mark.parametrize("case", FLOW_CASES)
def test_bad_flowchart_and_use_cases_stop_the_build(
    case: str, project: Path, build: Callable[[Path], Build]
) -> None:
    expected = FLOW_CASES[case](project)
    result = build(project)
    assert result.returncode != 0
    assert expected in result.output, result.output
    assert not result.site.exists()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_failed_publish_build_leaves_the_previous_site_as_it_was(project: Path) -> None:
    shutil.copytree(ROOT / "scripts", project / "scripts")
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

    unknown_technology(project)
    failed = publish()
    assert failed.returncode != 0
    assert "was left as it was" in failed.stderr
    assert _snapshot(site) == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []
