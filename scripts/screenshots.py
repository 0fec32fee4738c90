"""Build-independent look at the site: screenshot pages at desktop and phone width.

Usage: python scripts/screenshots.py [--dark] SITE_DIR OUT_DIR [PATH ...]
Serves SITE_DIR on a free loopback port and writes OUT_DIR/<name>-<width>.png, so a person
can look at what readers see before calling a change done. With --dark the browser prefers
a dark colour scheme (Material's slate) and the files are named <name>-<width>-dark.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from crossroads.devtools import CHROMIUM_ARGS, CHROMIUM_PATH, serve_directory

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def main(argv: list[str]) -> int:
    dark = "--dark" in argv
    argv = [a for a in argv if a != "--dark"]
    site, out = Path(argv[0]), Path(argv[1])
    paths = argv[2:] or [""]
    out.mkdir(parents=True, exist_ok=True)
    with serve_directory(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        for name, (width, height) in WIDTHS.items():
            page = browser.new_page(
                viewport={"width": width, "height": height},
                color_scheme="dark" if dark else "light",
            )
            for path in paths:
                page.goto(base + path)
                slug = path.strip("/").replace("/", "_").replace("#", "_") or "home"
                target = out / f"{slug}-{name}{'-dark' if dark else ''}.png"
                page.screenshot(path=str(target), full_page="#" not in path)
                print(target)
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
