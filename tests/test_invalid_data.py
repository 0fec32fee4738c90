"""The invalid-data corpus: each folder under tests/invalid_data/ is one mistake.

A case folder holds files that replace (or, as ``NAME.delete``, remove) files of the small
valid guide in ``_base/``, a README saying what is wrong, and ``expected.txt``: exactly the
problems the loader must report, one ``file:line: where: what`` per line.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crossroads.errors import DataError
from crossroads.validation import load_guide

CORPUS = Path(__file__).parent / "invalid_data"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith("_"))
TODAY = dt.date(2026, 11, 24)


def assemble(case: str, destination: Path) -> Path:
    data = destination / "data"
    shutil.copytree(CORPUS / "_base", data)
    case_dir = CORPUS / case
    for file in case_dir.rglob("*"):
        if not file.is_file() or file.name in ("README", "expected.txt"):
            continue
        relative = file.relative_to(case_dir)
        if file.name.endswith(".delete"):
            (data / relative.with_name(file.name.removesuffix(".delete"))).unlink()
        else:
            (data / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, data / relative)
    return data


def test_the_corpus_is_broad() -> None:
    assert len(CASES) >= 25
    for case in CASES:
        assert (CORPUS / case / "README").read_text().strip()
        assert (CORPUS / case / "expected.txt").read_text().strip()


def test_the_base_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(CORPUS / "_base", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    guide = load_guide(Path("data"), TODAY)
    assert set(guide.technologies) == {"alpha", "beta"}


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_is_reported_with_file_and_line(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assemble(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError) as raised:
        load_guide(Path("data"), TODAY)
    expected = (CORPUS / case / "expected.txt").read_text().splitlines()
    assert [str(p) for p in raised.value.problems] == expected


@pytest.mark.parametrize("case", ["not-utf8", "flowchart-cycle", "several-files-at-once"])
def test_the_check_command_exits_non_zero(case: str, tmp_path: Path) -> None:
    assemble(case, tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "crossroads", "check", "data"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CROSSROADS_TODAY": TODAY.isoformat()},
    )
    assert result.returncode == 1
    for line in (CORPUS / case / "expected.txt").read_text().splitlines():
        assert line in result.stderr
