"""The data files' JSON Schemas: generated from the model, committed, named by every file.

Editors check data files against these schemas as the author types, so the tests are about
what an author meets: every file of the shipped guide and of a new guide names its schema
and validates against it, a misspelt key or a wrong type is flagged, the schema is never
stricter than the build, and a stale copy fails ``schemas check`` with the command that fixes
it. The reference validator (``jsonschema``) checks both as draft 2020-12 and as draft 7,
which is what yaml-language-server implements.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from jsonschema.protocols import Validator

from crossroads.data_files import SCHEMAS_FOLDER, stray_files
from crossroads.fields import ANCHOR_RULE, ID_RULE, PAGE_PATH_RULE
from crossroads.json_schema import ecma_pattern
from crossroads.loading import load_yaml
from crossroads.model import CriteriaFile
from crossroads.scaffold import new_guide
from crossroads.schema import Invalid, parse
from crossroads.schema_files import (
    WRITE_COMMAND,
    modeline,
    out_of_date,
    schema_name,
    schema_texts,
)
from tests.conftest import ROOT, copy_project, guide_root, run_crossroads

DRAFTS: list[type[Validator]] = [Draft202012Validator, Draft7Validator]


def as_editors_read(value: Any) -> Any:
    """The data as an editor sees it: YAML 1.2 has no dates, so a date is its text."""
    if isinstance(value, dict):
        return {key: as_editors_read(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_editors_read(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validators(data_dir: Path, name: str) -> list[Validator]:
    """The schema ``name`` from a guide's ``data/schemas/``, as each draft reads it."""
    text = (data_dir / SCHEMAS_FOLDER / f"{name}.schema.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    return [draft(schema, format_checker=draft.FORMAT_CHECKER) for draft in DRAFTS]


def schema_errors(data_dir: Path, name: str, value: Any) -> list[str]:
    return [
        f"{type(v).__name__} at {list(error.absolute_path)}: {error.message}"
        for v in validators(data_dir, name)
        for error in v.iter_errors(value)
    ]


@pytest.fixture(scope="module", params=["shipped", "new"])
def guide_data(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data folder of this repository's guide, and of one made by ``crossroads new``."""
    if request.param == "shipped":
        return guide_root() / "data"
    folder = tmp_path_factory.mktemp("new") / "guide"
    new_guide(folder)
    return folder / "data"


def test_the_committed_schemas_are_the_generated_ones() -> None:
    folder = guide_root() / "data" / SCHEMAS_FOLDER
    committed = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.schema.json")}
    assert committed == schema_texts(), f"run: {WRITE_COMMAND}"
    assert out_of_date(guide_root() / "data") == []


@pytest.mark.parametrize("draft", DRAFTS)
def test_every_schema_is_a_valid_schema_in_both_drafts(draft: type[Validator]) -> None:
    for name, text in schema_texts().items():
        schema = json.loads(text)
        draft.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", name
        assert (
            text.endswith("}\n")
            and json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n" == text
        )


def test_every_data_file_names_its_schema_and_validates(guide_data: Path) -> None:
    files = sorted(guide_data.rglob("*.yml"))
    assert len(files) >= 8
    for path in files:
        relative = path.relative_to(guide_data).as_posix()
        assert schema_name(relative) is not None, f"{relative} is not a data file the guide reads"
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == modeline(relative), relative
        target = first_line.split("$schema=", 1)[1]
        assert (path.parent / target).is_file(), f"{relative} names a missing schema {target}"
        data = as_editors_read(load_yaml(path).data)
        assert schema_errors(guide_data, str(schema_name(relative)), data) == [], relative


def test_the_modeline_points_from_each_folder_to_the_schemas() -> None:
    assert modeline("guide.yml") == "# yaml-language-server: $schema=schemas/guide.schema.json"
    assert modeline("technologies/flask.yml") == (
        "# yaml-language-server: $schema=../schemas/technology.schema.json"
    )
    assert schema_name("use-cases/web-apps.yml") == "use-case"
    assert schema_name("articles/a.yml") == "article"
    assert schema_name("moved.yml") == "moved"
    assert schema_name("technologies/flask.yaml") is None
    assert schema_name("published-anchors.json") is None


def _a_technology() -> dict[str, Any]:
    """A technology file of the guide under test, as an editor reads it."""
    first = sorted((guide_root() / "data/technologies").glob("*.yml"))[0]
    data = as_editors_read(load_yaml(first).data)
    assert isinstance(data, dict)
    return data


def _misspell_verdict(data: dict[str, Any]) -> None:
    cell = next(iter(data["assessments"].values()))
    cell["verdikt"] = cell.pop("verdict")


def _sources_as_list(data: dict[str, Any]) -> None:
    data["summary"]["sources"] = list(data["summary"]["sources"])


def _unknown_status(data: dict[str, Any]) -> None:
    next(iter(data["assessments"].values()))["status"] = "maybe"


def _bad_id(data: dict[str, Any]) -> None:
    data["id"] = "Flask Framework"


def _no_name(data: dict[str, Any]) -> None:
    del data["name"]


def _empty_reason(data: dict[str, Any]) -> None:
    next(iter(data["assessments"].values()))["reason"] = "  \n"


MISTAKES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "misspelt key": (_misspell_verdict, "('verdikt' was unexpected)"),
    "mapping written as a list": (_sources_as_list, "is not of type 'object'"),
    "unknown choice": (_unknown_status, "'maybe' is not one of"),
    "bad id": (_bad_id, "does not match"),
    "missing key": (_no_name, "'name' is a required property"),
    "blank text": (_empty_reason, "is not valid under any of the given schemas"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_an_authors_mistake_in_a_copy_of_a_data_file_is_flagged(mistake: str) -> None:
    change, message = MISTAKES[mistake]
    data = copy.deepcopy(_a_technology())
    change(data)
    errors = schema_errors(guide_root() / "data", "technology", data)
    for draft in DRAFTS:
        assert any(e.startswith(draft.__name__) and message in e for e in errors), errors


@pytest.mark.parametrize(
    "text",
    ["x" * 320, "x" * 320 + "\n", "  " + "x" * 320 + "  \n", "x" * 321, "x", " x\n", "", "  \n"],
)
def test_a_trimmed_text_is_counted_as_the_build_counts_it(text: str) -> None:
    # YAML block scalars end in a newline the build trims: the schema must not count it.
    data = {"criteria": [{"id": "a", "name": "A", "question": text, "why": "Because."}]}
    try:
        parse(CriteriaFile, data)
        build_accepts = True
    except Invalid:
        build_accepts = False
    assert (schema_errors(guide_root() / "data", "criteria", data) == []) == build_accepts


@pytest.mark.parametrize("rule", [ID_RULE, PAGE_PATH_RULE, ANCHOR_RULE])
@pytest.mark.parametrize(
    "text", ["web-apps", "a", "", "Web", "a--b", "-a", "a_b", "compare/a-vs-b/", "x/", "a b"]
)
def test_a_pattern_matches_what_the_build_matches(rule: Any, text: str) -> None:
    assert (re.search(ecma_pattern(rule.regex), text) is not None) == (
        re.fullmatch(rule.regex, text) is not None
    )


def test_python_only_regex_syntax_is_converted_or_refused() -> None:
    assert ecma_pattern(r"\Aab\Z") == "^(?:^ab$)$"
    assert ecma_pattern(r"a\\Z") == r"^(?:a\\Z)$"
    assert ecma_pattern("a|b", trimmed=True) == r"^\s*(?:a|b)\s*$"
    for regex in (r"(?P<x>a)", r"(?i)a", r"a++", r"\d+", r"a{,3}", r"(?#note)a"):
        with pytest.raises(TypeError, match="JavaScript"):
            ecma_pattern(regex)


def test_the_guide_does_not_call_its_schemas_stray(tmp_path: Path) -> None:
    assert stray_files(guide_root() / "data") == []
    data = tmp_path / "data"
    (data / SCHEMAS_FOLDER).mkdir(parents=True)
    (data / SCHEMAS_FOLDER / "notes.json").write_text("{}")
    (data / SCHEMAS_FOLDER / "notes.schema.json").write_text("{}")
    strays = [p.file for p in stray_files(data)]
    assert len(strays) == 1 and strays[0].endswith("data/schemas/notes.json"), strays


def test_schemas_check_names_stale_copies_and_the_command_that_fixes_them(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "guide")
    schemas = project / "data" / SCHEMAS_FOLDER
    (schemas / "technology.schema.json").write_text("{}\n")
    (schemas / "guide.schema.json").unlink()
    (schemas / "claims.schema.json").write_text("{}\n")
    before = (schemas / "sources.schema.json").stat().st_mtime_ns

    stale = run_crossroads("schemas", "check", cwd=project)
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "  technology.schema.json: out of date" in stale.stdout
    assert "  guide.schema.json: missing" in stale.stdout
    assert "  claims.schema.json: no longer made" in stale.stdout
    assert stale.stdout.rstrip().endswith(f"regenerate them with: {WRITE_COMMAND}")

    elsewhere = run_crossroads("schemas", "check", "guide", cwd=tmp_path)
    assert f"regenerate them with: {WRITE_COMMAND} guide" in elsewhere.stdout

    written = run_crossroads("schemas", "write", cwd=project)
    assert written.returncode == 0, written.stderr
    assert run_crossroads("schemas", "check", cwd=project).returncode == 0
    assert not (schemas / "claims.schema.json").exists()
    assert (schemas / "sources.schema.json").stat().st_mtime_ns == before, "rewrote a good file"


def test_the_schemas_describe_the_records_from_their_docstrings() -> None:
    technology = json.loads(schema_texts()["technology.schema.json"])
    assert technology["description"].startswith("A technology the guide compares")
    assert "verdict" in technology["$defs"]["Assessment"]["properties"]
    assert technology["$defs"]["Assessment"]["properties"]["status"]["default"] == "assessed"
    assert technology["properties"]["assessments"]["propertyNames"]["pattern"].startswith("^")
    flowchart = json.loads(schema_texts()["flowchart.schema.json"])
    assert "`q-<id>`" in flowchart["$defs"]["Question"]["description"]
    # Shape only: no known id is listed, so new data needs no new schema.
    text = json.dumps(technology).lower()
    ids = [t.stem for t in (ROOT / "data/technologies").glob("*.yml")]
    assert ids and not [i for i in ids if re.search(rf"\b{re.escape(i)}\b", text)]
