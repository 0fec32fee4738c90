"""The invalid-data corpus: each folder under tests/invalid_data/ is one mistake.

A case folder holds files that replace (or, as ``NAME.delete``, remove) files of the small
valid guide in ``_base/``, a README saying what is wrong, and ``expected.txt``: exactly the
problems the loader must report, one ``file:line: where: what`` per line.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from crossroads.errors import DataError
from crossroads.scaffold import new_guide
from crossroads.validation import load_guide
from tests.conftest import run_build, run_crossroads

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


def guide_project(case: str, destination: Path) -> Path:
    """A whole guide (the scaffold's pages, config and hooks) holding the case's data."""
    new_guide(destination)
    shutil.rmtree(destination / "data")
    assemble(case, destination)
    return destination


@pytest.mark.parametrize("case", CASES)
def test_check_and_the_build_report_the_same_problems(case: str, tmp_path: Path) -> None:
    """Both in this process (test_in_process shows a failed build reports as the command
    does): as separate processes the cases took about 30 s, in process under one."""
    project = guide_project(case, tmp_path / "guide")
    env = {"CROSSROADS_TODAY": TODAY.isoformat()}
    check = run_crossroads("check", ".", cwd=project, env=env)
    build = run_build(project, tmp_path / "site", env=env)
    assert check.returncode == 1
    assert build.returncode == 1
    expected = (CORPUS / case / "expected.txt").read_text().splitlines()
    reported_by_check = [line.strip() for line in check.stderr.splitlines()[1:]]
    assert reported_by_check == expected
    for line in expected:
        assert line in build.output
    assert not (tmp_path / "site").exists(), "a failed build must publish nothing"
