"""The files every guide gets from the engine: theme templates, scripts and styles.

They live in the package, not in each guide's ``docs/``, so a guide picks up a new engine
release with a version bump instead of copying files. The MkDocs hooks add them to the
build (``ASSETS`` as generated files, ``THEME_DIR`` ahead of the theme's own templates).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]

PACKAGE_DIR = Path(__file__).resolve().parent
THEME_DIR = PACKAGE_DIR / "theme"
ASSETS_DIR = PACKAGE_DIR / "assets"

# What every page loads. A page's own code (the flowchart, compare-any) is named by the page's
# data block (``data-cr-script``) and loaded by sections.js on that page alone.
SCRIPTS = [
    "assets/crossroads/sections.js",
    "assets/crossroads/search.js",
]
STYLES = ["assets/crossroads/crossroads.css"]


# Published minified: readers download no comments. rjsmin and rcssmin are small, long-kept
# minifiers that only drop comments and whitespace, so what runs is what is in the repo.
_MINIFY: dict[str, Callable[[str], str]] = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def _read_assets() -> dict[str, str]:
    return {
        f"assets/crossroads/{path.name}": _MINIFY[path.suffix](path.read_text(encoding="utf-8"))
        for path in sorted(ASSETS_DIR.iterdir())
        if path.suffix in _MINIFY
    }


ASSETS = _read_assets()
