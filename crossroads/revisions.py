"""A guide as it is in a folder, or as it was at a git revision: what ``diff`` compares.

A revision's ``data/`` is exported with ``git archive`` into a temporary folder and loaded
there with the engine's own loader, so the work tree, the index and the branch checked out
are never touched, and uncommitted edits never leak into either side.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from crossroads.guide import Guide
from crossroads.validation import load_guide


class RevisionError(Exception):
    """Neither a guide's folder nor a revision whose data can be read (the message says why)."""


def load_version(version: str, project: Path, today: dt.date) -> Guide:
    """The guide in folder ``version`` (one holding ``data/``), or at git revision ``version``
    of the repository ``project`` is in; raises :class:`RevisionError` or ``DataError``."""
    folder = Path(version)
    if folder.is_dir():
        if not (folder / "data").is_dir():
            raise RevisionError(f"{version}: no data/ folder here; name a guide's folder")
        return load_guide(folder / "data", today)
    with tempfile.TemporaryDirectory(prefix="crossroads-diff-") as temporary:
        return load_guide(export_data(version, project, Path(temporary)), today)


def export_data(revision: str, project: Path, into: Path) -> Path:
    """Write the guide's ``data/`` at ``revision`` into ``into/data`` and return that folder.

    ``project`` is the guide's folder, which may be below the root of its repository.
    """
    if revision.startswith("-"):
        raise RevisionError(f"{revision}: not a revision (it would read as an option)")
    commit = _git(project, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if commit is None:
        raise RevisionError(
            f"{revision}: neither a folder nor a git revision of the repository at {project}"
        )
    prefix = (_git(project, "rev-parse", "--show-prefix") or b"").decode().strip()
    # Run from the repository's root: in a subfolder, git archive keeps only that subfolder.
    root = Path((_git(project, "rev-parse", "--show-toplevel") or b".").decode().strip())
    archive = _git(root, "archive", "--format=tar", f"{commit.decode().strip()}:{prefix}data")
    if archive is None:
        raise RevisionError(f"{revision}: has no {prefix}data/ folder")
    data = into / "data"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        # The "data" filter refuses links and paths that would land outside the folder.
        tar.extractall(data, filter="data")
    return data


def _git(project: Path, *arguments: str) -> bytes | None:
    """Standard output of a git command run in ``project``, or None when it fails."""
    try:
        result = subprocess.run(
            ["git", "-C", str(project), *arguments], capture_output=True, check=False
        )
    except FileNotFoundError as exc:
        raise RevisionError("git is not installed: name two guide folders instead") from exc
    return result.stdout if result.returncode == 0 else None
