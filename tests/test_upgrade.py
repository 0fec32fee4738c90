"""A guide made by an earlier engine keeps building, and one command brings it up to date.

The fixture is the hooks file every guide got before the MkDocs adapter moved into the
package (``git show`` of it, kept verbatim): 166 lines of events copied into each guide.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from crossroads.scaffold import SCAFFOLD_DIR, new_guide
from tests.conftest import ROOT, run_build, run_crossroads
from tests.test_builders import site_files

OLD_HOOKS = ROOT / "tests/fixtures/crossroads_hooks_0.1.0.py.txt"
HOOKS = "hooks/crossroads_hooks.py"


@pytest.fixture
def old_guide(tmp_path: Path) -> Path:
    """A guide as the previous engine made it: its hooks are the old full copy."""
    guide = tmp_path / "guide"
    new_guide(guide)
    (guide / HOOKS).write_bytes(OLD_HOOKS.read_bytes())
    return guide


def test_the_fixture_is_the_old_full_copy_of_the_hooks() -> None:
    old = OLD_HOOKS.read_text()
    assert len(old.splitlines()) == 166 and "def on_config" in old
    assert "def on_config" not in (SCAFFOLD_DIR / HOOKS).read_text()


def test_an_old_guide_builds_the_same_site_before_and_after_upgrade(
    old_guide: Path, tmp_path: Path
) -> None:
    before = run_build(old_guide, tmp_path / "before")
    assert before.returncode == 0, before.output
    result = run_crossroads("upgrade", str(old_guide), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert HOOKS in result.stdout
    assert (old_guide / HOOKS).read_bytes() == (SCAFFOLD_DIR / HOOKS).read_bytes()
    after = run_build(old_guide, tmp_path / "after")
    assert after.returncode == 0, after.output
    assert site_files(after.site) == site_files(before.site)
    again = run_crossroads("upgrade", str(old_guide), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "nothing changed" in again.stdout


def test_upgrade_replaces_the_engine_wheel_and_its_pin(old_guide: Path, tmp_path: Path) -> None:
    vendor = old_guide / "vendor"
    (wheel,) = vendor.glob("crossroads-*.whl")
    stale = vendor / "crossroads-0.0.9-py3-none-any.whl"
    stale.write_bytes(b"an older engine")
    wheel.write_bytes(b"a build of this version from before a change")
    (old_guide / "requirements-engine.txt").write_text("crossroads @ file:///gone/checkout\n")
    result = run_crossroads("upgrade", str(old_guide), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(vendor.iterdir()) == [wheel]
    pinned = (old_guide / "requirements-engine.txt").read_text()
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert f"./vendor/{wheel.name} --hash=sha256:{digest}" in pinned.splitlines()


def test_upgrade_leaves_a_hooks_file_edited_by_hand_and_says_what_to_do(
    old_guide: Path, tmp_path: Path
) -> None:
    hooks = old_guide / HOOKS
    edited = hooks.read_text() + "\n\ndef on_shutdown() -> None:\n    print('mine')\n"
    hooks.write_text(edited)
    result = run_crossroads("upgrade", str(old_guide), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert hooks.read_text() == edited
    assert f"warning: {HOOKS} was edited, so it was left as it is" in result.stderr
    assert "from crossroads.adapter.mkdocs_hooks import *" in result.stderr


def test_upgrade_refuses_a_folder_that_is_not_a_guide(tmp_path: Path) -> None:
    result = run_crossroads("upgrade", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert "no mkdocs.yml here" in result.stderr
    assert list(tmp_path.iterdir()) == []
