"""The YAML loader: line numbers, YAML 1.2 booleans, and only its own error for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossroads.errors import DataError
from crossroads.loading import load_yaml
from tests.conftest import guide_root


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "case.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_every_value_knows_its_line(tmp_path: Path) -> None:
    document = load_yaml(write(tmp_path, "a:\n  b:\n    - x\n    - y: 1\n        \nc: 2\n"))
    assert document.line_of(("a",)) == 1
    assert document.line_of(("a", "b", 1, "y")) == 4
    assert document.line_of(("c",)) == 6
    assert document.line_of(("a", "missing", "deeper")) == 1


def test_yes_and_no_stay_text(tmp_path: Path) -> None:
    document = load_yaml(write(tmp_path, "answers: [yes, no, on, off, true]\n"))
    assert document.data == {"answers": ["yes", "no", "on", "off", True]}


def test_aliases_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="anchors and aliases"):
        load_yaml(write(tmp_path, "a: &x [1, 2]\nb: *x\n"))


YAML_ALPHABET = st.sampled_from(list("ab:-[]{}&*!|>'\"#%@`,? \n\t\\0123456789.\x00é"))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(YAML_ALPHABET, max_size=80))
def test_random_text_loads_or_raises_our_error(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    try:
        load_yaml(path)
    except DataError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file.endswith("case.yml") and problem.line >= 1


REAL_FILES = sorted((guide_root() / "data").rglob("*.yml"))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(REAL_FILES),
    st.integers(min_value=0, max_value=10_000),
    st.binary(min_size=1, max_size=4),
)
def test_mutated_real_files_load_or_raise_our_error(
    tmp_path: Path, source: Path, offset: int, junk: bytes
) -> None:
    original = source.read_bytes()
    position = offset % len(original)
    path = write(tmp_path, original[:position] + junk + original[position + len(junk) :])
    try:
        load_yaml(path)
    except DataError as exc:
        assert all(p.line >= 1 for p in exc.problems)
