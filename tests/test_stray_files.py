"""A YAML or JSON file under data/ that the guide does not read: advice that works.

The advice leads to a file the guide reads (and following it leaves nothing stray), to
the file it copies when that one exists, or out of data/; never to a name the guide does
not read, nor to one that already exists.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from crossroads.data_files import stray_files
from crossroads.scaffold import SCAFFOLD_DIR

OUT = "move it out of data/, or delete it"


def copy_of(name: str) -> str:
    return f"it looks like a copy of {name}: delete it, or move it out of data/"


CASES = [
    # stray file, a file of the new guide removed first (or ""), the advice
    ("notes.yaml", "", OUT),
    ("notes.yml", "", OUT),
    ("statements.yaml", "", copy_of("statements.yml")),
    ("statements.yaml", "statements.yml", "rename it to statements.yml"),
    ("statement.yml", "statements.yml", "rename it to statements.yml"),
    ("sources copy.yml", "", copy_of("sources.yml")),
    ("published-anchors.json.bak", "", copy_of("published-anchors.json")),
    ("technologies/toml.yaml", "", copy_of("technologies/toml.yml")),
    ("technologies/ini.yaml", "", "rename it to technologies/ini.yml"),
    ("technologies/ini.yml.orig", "", "rename it to technologies/ini.yml"),
    ("technology/ini.yml", "", "move it to the folder technologies/"),
    ("technology/ini.yaml", "", "move it to technologies/ini.yml"),
    ("technology/toml.yml", "", copy_of("technologies/toml.yml")),
    ("technologies/old/ini.yml", "", OUT),
    ("drafts/ini.yml", "", OUT),
    ("schemas/notes.json", "", OUT),
]
_FOLLOW = re.compile(r"(?:rename|move) it to (?:the folder )?(?P<target>\S+)")


def advice_for(data: Path, stray: str) -> str:
    (problem,) = stray_files(data)
    assert problem.file == f"data/{stray}"
    _, advice = problem.message.split(": ", 1)
    return advice.split(" (the guide reads ")[0]


@pytest.mark.parametrize(("stray", "removed", "expected"), CASES)
def test_stray_file_advice_leads_to_a_file_the_guide_reads_or_out_of_data(
    stray: str, removed: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(SCAFFOLD_DIR / "data", data)
    if removed:
        (data / removed).unlink()
    (data / stray).parent.mkdir(parents=True, exist_ok=True)
    (data / stray).write_text("id: ini\n")
    monkeypatch.chdir(tmp_path)

    advice = advice_for(data, stray)
    assert advice == expected

    followed = _FOLLOW.fullmatch(advice)
    if followed:
        target = followed["target"]
        target += Path(stray).name if target.endswith("/") else ""
        assert not (data / target).exists(), "advice never names a file that exists"
        (data / stray).rename(data / target)
        assert stray_files(data) == [], "the file it was moved to is one the guide reads"
