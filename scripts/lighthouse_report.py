"""Lighthouse 12 on one page of every kind the guide publishes, as a phone and on a desktop.

    npm ci --prefix scripts/lighthouse        (once)
    python scripts/lighthouse_report.py [SITE_DIR] [--runs N] [--pages PATH ...]

Builds the guide (or takes a built SITE_DIR), serves it gzip-compressed on loopback like a
static host, and runs Lighthouse with Debian's Chromium on each page kind: the first page of
each folder and depth (home, a comparison, the comparisons index, a technology, a use case,
the flowchart, an article, sources, ...) plus the 404 page; redirect stubs are skipped.
Found on disk, so a new kind of page is covered without editing this script. Prints every
score, then PASS or FAIL against the budget: performance >= 95, accessibility, best
practices and SEO 100. Scores, above all performance, vary from run to run on a busy
machine: quote one run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from crossroads.devtools import CHROMIUM_PATH, serve_directory

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "scripts/lighthouse/node_modules/.bin/lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update"
)
FORM_FACTORS = {"phone": [], "desktop": ["--preset=desktop"]}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def page_kinds(site: Path) -> list[str]:
    """URL paths of the first page in each (top folder, depth) group, and the 404 page."""
    chosen: dict[tuple[str, int], str] = {}
    for html in sorted(site.rglob("index.html")):
        parts = html.parent.relative_to(site).parts
        # A moved page's old address is a redirect stub, not a page anyone reads.
        redirect = 'http-equiv="refresh"' in html.read_text(encoding="utf-8")
        if not redirect and (not parts or parts[0] not in ("search", "assets")):
            key = (parts[0] if parts else "", len(parts))
            chosen.setdefault(key, "/".join(parts) + "/" if parts else "")
    return [*chosen.values(), "404.html"]


def scores(base: str, path: str, form_factor: list[str], out: Path) -> dict[str, int]:
    subprocess.run(
        [
            str(BINARY),
            base + path,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            *form_factor,
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM_PATH},
        check=True,
    )
    categories = json.loads(out.read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def within_budget(result: dict[str, int]) -> bool:
    return result["performance"] >= 95 and all(
        result[name] == 100 for name in CATEGORIES if name != "performance"
    )


def median_scores(base: str, path: str, flags: list[str], out: Path, runs: int) -> dict[str, int]:
    """Each category's median over ``runs`` runs (Lighthouse's own advice on noisy machines)."""
    results = [scores(base, path, flags, out) for _ in range(runs)]
    return {name: int(statistics.median(r[name] for r in results)) for name in CATEGORIES}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", help="a built site (default: build the guide)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median counts")
    parser.add_argument("--pages", nargs="*", help="URL paths instead of one of each kind")
    args = parser.parse_args(argv)
    if not BINARY.exists():
        raise SystemExit("Lighthouse is not installed: npm ci --prefix scripts/lighthouse")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(args.site) if args.site else Path(tmp) / "site"
        if not args.site:
            build = [sys.executable, str(ROOT / "scripts/build.py"), str(site)]
            subprocess.run(build, check=True, stdout=subprocess.DEVNULL)
        failed = 0
        with serve_directory(site, compress=True) as base:
            for path in args.pages if args.pages is not None else page_kinds(site):
                for name, flags in FORM_FACTORS.items():
                    out = Path(tmp) / "report.json"
                    result = median_scores(base, path, flags, out, args.runs)
                    ok = within_budget(result)
                    failed += not ok
                    figures = "  ".join(f"{k} {v:>3}" for k, v in result.items())
                    print(f"{'PASS' if ok else 'FAIL'}  {name:<7} /{path:<40} {figures}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
