"""A wheel of the engine, made from its own files with the standard library's zipfile.

``crossroads new`` and ``crossroads upgrade`` write it into a guide, at
``vendor/crossroads-VERSION-py3-none-any.whl``, and pin it by its sha256, so a guide installs
its engine with ``pip install --require-hashes`` on any machine: no checkout of the engine,
no package index that serves it and no build tool outside the hash-checked lock files.
The wheel is reproducible (entries sorted, every timestamp the same), so one engine gives
one hash. Its metadata comes from ``pyproject.toml`` in a checkout of the engine, or from
the installed distribution when the engine itself was installed from such a wheel.
"""

from __future__ import annotations

import base64
import hashlib
import io
import tomllib
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from crossroads.engine_files import PACKAGE_DIR

ENGINE_ROOT = PACKAGE_DIR.parent
NAME = "crossroads"
# The engine's lock file travels inside the wheel, so a guide made by an installed engine
# gets the same hash-locked packages as one made from a checkout.
LOCK_IN_PACKAGE = "scaffold/requirements.lock"
# Zip's earliest date: no build time in the archive, so the bytes depend on content only.
_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class EngineMetadata:
    """What the wheel says about the engine: its core metadata and its commands."""

    version: str
    summary: str
    requires_python: str
    license: str
    dependencies: tuple[str, ...]
    scripts: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Wheel:
    """A built wheel: its file name, its bytes and their sha256 (hex)."""

    name: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _from_pyproject(path: Path) -> EngineMetadata | None:
    project = tomllib.loads(path.read_text(encoding="utf-8")).get("project", {})
    if project.get("name") != NAME:
        return None
    return EngineMetadata(
        version=project["version"],
        summary=project.get("description", ""),
        requires_python=project.get("requires-python", ""),
        license=project.get("license", {}).get("text", ""),
        dependencies=tuple(project.get("dependencies", [])),
        scripts=tuple(sorted(project.get("scripts", {}).items())),
    )


def _from_installed() -> EngineMetadata:
    dist = metadata.distribution(NAME)
    scripts = [(e.name, e.value) for e in dist.entry_points if e.group == "console_scripts"]

    def field(key: str) -> str:
        return next(iter(dist.metadata.get_all(key) or []), "")

    return EngineMetadata(
        version=dist.version,
        summary=field("Summary"),
        requires_python=field("Requires-Python"),
        license=field("License"),
        dependencies=tuple(r for r in dist.requires or [] if "extra ==" not in r),
        scripts=tuple(sorted(scripts)),
    )


def engine_metadata() -> EngineMetadata:
    """The engine's metadata: from its checkout's pyproject.toml, else as installed."""
    pyproject = ENGINE_ROOT / "pyproject.toml"
    found = _from_pyproject(pyproject) if pyproject.is_file() else None
    return found or _from_installed()


def package_files() -> dict[str, bytes]:
    """Every file of the package, by its path in the wheel (``crossroads/...``)."""
    files = {
        f"{NAME}/{path.relative_to(PACKAGE_DIR).as_posix()}": path.read_bytes()
        for path in sorted(PACKAGE_DIR.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    lock = ENGINE_ROOT / "requirements.lock"
    if lock.is_file():
        files[f"{NAME}/{LOCK_IN_PACKAGE}"] = lock.read_bytes()
    return files


def _metadata_files(meta: EngineMetadata, dist_info: str) -> dict[str, bytes]:
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {NAME}",
        f"Version: {meta.version}",
        f"Summary: {meta.summary}",
        f"License: {meta.license}",
        f"Requires-Python: {meta.requires_python}",
        *(f"Requires-Dist: {d}" for d in meta.dependencies),
    ]
    wheel = "Wheel-Version: 1.0\nGenerator: crossroads\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    scripts = "".join(f"{name} = {target}\n" for name, target in meta.scripts)
    return {
        f"{dist_info}/METADATA": ("\n".join(lines) + "\n").encode(),
        f"{dist_info}/WHEEL": wheel.encode(),
        f"{dist_info}/entry_points.txt": f"[console_scripts]\n{scripts}".encode(),
    }


def _record(files: dict[str, bytes], record_name: str) -> bytes:
    rows = []
    for name, content in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=")
        rows.append(f"{name},sha256={digest.decode()},{len(content)}")
    rows.append(f"{record_name},,")
    return ("\n".join(rows) + "\n").encode()


def _executable(name: str) -> bool:
    # The scaffold's scripts stay executable in a guide made by an installed engine.
    path = PACKAGE_DIR / name.removeprefix(f"{NAME}/")
    return path.is_file() and bool(path.stat().st_mode & 0o111)


def build_wheel() -> Wheel:
    """The engine as a wheel, built in memory."""
    meta = engine_metadata()
    dist_info = f"{NAME}-{meta.version}.dist-info"
    files = {**package_files(), **_metadata_files(meta, dist_info)}
    files[f"{dist_info}/RECORD"] = _record(files, f"{dist_info}/RECORD")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100755 if _executable(name) else 0o100644) << 16
            archive.writestr(info, content)
    return Wheel(f"{NAME}-{meta.version}-py3-none-any.whl", buffer.getvalue())
