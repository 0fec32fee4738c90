"""The files every guide gets from the engine: theme templates, scripts and styles.

They live in the package, not in each guide's ``docs/``, so a guide picks up a new engine
release with a version bump instead of copying files. The MkDocs hooks add them to the
build (``ASSETS`` as generated files, ``THEME_DIR`` ahead of the theme's own templates).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
THEME_DIR = PACKAGE_DIR / "theme"
ASSETS_DIR = PACKAGE_DIR / "assets"

SCRIPTS = [
    "assets/crossroads/flowchart.js",
    "assets/crossroads/sections.js",
    "assets/crossroads/compare.js",
]
STYLES = ["assets/crossroads/crossroads.css"]


def _read_assets() -> dict[str, str]:
    return {
        f"assets/crossroads/{path.name}": path.read_text(encoding="utf-8")
        for path in sorted(ASSETS_DIR.iterdir())
        if path.suffix in (".js", ".css")
    }


ASSETS = _read_assets()
