"""``crossroads upgrade [DIR]``: bring a guide made by an earlier engine up to this one.

Guides made before the MkDocs adapter moved into the package carry a 166-line copy of the
hooks; this rewrites ``hooks/crossroads_hooks.py`` to the one line that imports the
engine's events, when the file is a copy an earlier ``crossroads new`` wrote (recognised
by its hash), and ``scripts/bootstrap.sh`` likewise. A file edited by hand is left alone,
with a warning that says what to do. It also puts this engine's wheel in ``vendor/``, its pin in
``requirements-engine.txt``, the packages it is locked with in ``requirements.lock`` and
its JSON Schemas in ``data/schemas/``. Running it again changes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from crossroads.data_files import SCHEMAS_FOLDER
from crossroads.scaffold import SCAFFOLD_DIR, VENDOR, engine_files
from crossroads.schema_files import schema_texts

HOOKS = Path("hooks/crossroads_hooks.py")
BOOTSTRAP = Path("scripts/bootstrap.sh")
# The sha256 of every version of these files an earlier engine wrote into a guide (from the
# engine's history: hooks/crossroads_hooks.py, and the scaffold's copies). Only such a copy
# is replaced; an author's own edits are never overwritten.
EARLIER: dict[Path, frozenset[str]] = {
    HOOKS: frozenset(
        {
            "15150baee721ed3a897c4c3f1bee27034c4dffedbd46450d5f4ebc9136fee327",
            "41b9bbdf8d9acf8ed1aba22a4b4fb58b08c4ba76bb7d3140f0d62ce20208b06f",
            "50e99260593f871604e9dc83578a182eb156101d179c2683cb168273059e899f",
            "53a786550cb033ee6b39577f56b5d73034cb656699d98f97f55a48c30425b195",
            "5949c11f9ed77355de209690c01ccf2571ea8563aa33fbd91d7fe94a518cfa19",
            "7fb79d767d89208af4039518b1c8a7578fc5b4ed49b03b8b5bb6f8b1c4e8e01a",
            "800b6ae1fa9ffd97275d20ed8fca59a5480ad9e7a80fe6ff2b03f6cdd9ed75fa",
            "81f52a040d32882a7627e3fec206bd839674936d1b9ab2fd037c12b4b52ea27e",
            "a713ff17cf68b70bde7158d5502f9d24f0baf61f15e9ef4308ead16b0635fe2d",
            "b4b6be9643000e4c8133bcee80e9b79c529b1c9b7e3efdbacacac9d5fefdf898",
            "ce3764ac2e8c7c34708002ef3bef88bd9e38a0b3bb51b2f21654c2c2cac5e7f1",
            "d2cc7d5a322d2fb8184b7548eebd752fb3e18f3fe3066f203caf7763fc2adaaf",
            "fed7e81ae96ee1afbf8090d3269ef7ded4f09315f7b3d0f32a8e0f6da897b1e5",
        }
    ),
    # Before the wheel in vendor/: installed the engine without its hash or a reinstall.
    BOOTSTRAP: frozenset(
        {
            "d084b07b4d01bc5d3bd4398e38f43b52ca08b27d364dc40df7ffa091e2c3c04d",
            "e72d09c030d083b324cb7fbb6a717545618e97a2dff0f2a2452d193a2ac86c11",
        }
    ),
}
# What to do by hand with an edited copy.
_BY_HAND = {
    HOOKS: "make its first line 'from crossroads.adapter.mkdocs_hooks import *' and keep "
    "only your own events below it",
    BOOTSTRAP: "install requirements-engine.txt with pip's --require-hashes --force-reinstall",
}


class UpgradeError(Exception):
    """The folder is not a guide this command can upgrade."""


@dataclass(frozen=True)
class Upgraded:
    """Files written or removed, guide-relative, and warnings about files left alone."""

    changed: list[str]
    warnings: list[str]


def _engine_written(guide: Path) -> tuple[dict[Path, bytes], list[str]]:
    """This engine's copy of each file an earlier one wrote, and a warning for each edited."""
    files, warnings = {}, []
    for relative, earlier in EARLIER.items():
        path = guide / relative
        if not path.is_file():
            continue
        current = (SCAFFOLD_DIR / relative).read_bytes()
        text = path.read_bytes()
        if text == current or hashlib.sha256(text).hexdigest() in earlier:
            files[relative] = current
        else:
            warnings.append(f"{relative} was edited, so it was left as it is: {_BY_HAND[relative]}")
    return files, warnings


def upgrade(guide: Path) -> Upgraded:
    """Upgrade the guide in ``guide`` to this engine; raise :class:`UpgradeError` if
    it is not a guide."""
    if not (guide / "mkdocs.yml").is_file():
        raise UpgradeError(f"{guide}: no mkdocs.yml here; run upgrade on a guide's folder")
    files, warnings = _engine_written(guide)
    files.update(engine_files())
    for name, text in schema_texts().items():
        files[Path("data", SCHEMAS_FOLDER, name)] = text.encode()
    changed = []
    for old in sorted((guide / VENDOR).glob("crossroads-*.whl")):
        if old.relative_to(guide) not in files:
            old.unlink()
            changed.append(old.relative_to(guide).as_posix())
    for relative, content in files.items():
        target = guide / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        changed.append(relative.as_posix())
    return Upgraded(sorted(changed), warnings)
