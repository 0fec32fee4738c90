"""Benchmark the generator and check the guide's speed and size budgets.

    python scripts/benchmark.py [--sizes 2,5,10,20,40] [--repeat 5]

For each N it writes a synthetic guide (N technologies x M criteria x U use cases x a
flowchart of Q questions), builds it with the crossroads hooks, then builds the very same
pages written out as static Markdown with plain MkDocs (same theme, no hooks), in the same
run, and prints build time, time per page, peak memory, output size, search index size and
the largest page, with the ratio to plain MkDocs and the growth ratio t(2N)/t(N).

Budgets (printed as PASS/FAIL at the end; PERFORMANCE.md quotes the figures):
  - the project's own work adds at most 10% to a plain MkDocs build of the same pages with
    Material's search: the hooks' CPU time, less that of the lunr index the hooked build
    does without, each timed inside its own build;
  - build time grows linearly with the number of pages (time per page stays flat);
  - the flowchart script is at most 8 KB gzipped;
  - at 10 technologies a comparison page is at most 60 KB gzipped;
  - our own JS and CSS on any page (every page's, plus the heaviest page's own script), as
    published, at most 10 KB gzipped;
  - the first search of a fresh visit downloads at most 100 KB gzipped at 40 technologies.
Lighthouse scores are scripts/lighthouse_report.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crossroads.engine_files import ASSETS, SCRIPTS, STYLES, THEME_DIR  # noqa: E402
from crossroads.publication import Publication  # noqa: E402
from crossroads.scaffold import SCAFFOLD_DIR  # noqa: E402
from crossroads.site import expand_markers, generated_pages  # noqa: E402

PAGE_SCRIPTS = ("flowchart.js", "compare.js")  # named by a page's data-cr-script
from crossroads.validation import load_guide  # noqa: E402

TODAY = dt.date(2026, 11, 24)
CRITERIA = 16
USE_CASES = 10
QUESTIONS = 15


# --- a synthetic guide ---------------------------------------------------------------------


def _words(seed: int, count: int) -> str:
    vocabulary = [
        "event",
        "loop",
        "worker",
        "process",
        "thread",
        "request",
        "response",
        "database",
        "cache",
        "queue",
        "stream",
        "socket",
        "deploy",
        "release",
        "support",
        "library",
        "package",
        "framework",
        "runtime",
        "server",
        "client",
    ]
    return " ".join(vocabulary[(seed * 7 + i * 3) % len(vocabulary)] for i in range(count))


class _PlainDumper(yaml.SafeDumper):
    """The loader refuses YAML aliases, so never write any."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _cite(*source_ids: str) -> dict[str, str]:
    """Citations as the data has them: each source id with a (synthetic) quote."""
    return {s: f"{s} says what the statement says, in about this many words." for s in source_ids}


def synthetic_data(data: Path, technologies: int) -> None:
    data.mkdir(parents=True)
    (data / "technologies").mkdir()
    (data / "use-cases").mkdir()

    def dump(relative: str, value: Any) -> None:
        text = yaml.dump(value, Dumper=_PlainDumper, sort_keys=False, width=100)
        (data / relative).write_text(text)

    sources = [
        {
            "id": f"src-{i}",
            "title": f"Reference {i}: {_words(i, 4)}",
            "publisher": f"Project {i % 7}",
            "url": f"https://docs{i % 5}.example.org/page/{i}/",
            "checked": TODAY,
        }
        for i in range(60)
    ]
    criteria = [
        {
            "id": f"crit-{i}",
            "name": f"Criterion {i} {_words(i, 2)}",
            "question": f"How does it handle {_words(i, 5)}?",
            "why": _words(i + 1, 30) + ".",
        }
        for i in range(CRITERIA)
    ]
    tech_ids = [f"tech-{i}" for i in range(technologies)]
    for n, tech_id in enumerate(tech_ids):
        dump(
            f"technologies/{tech_id}.yml",
            {
                "id": tech_id,
                "name": f"Technology {n}",
                "kind": "Example runtime",
                "version": f"Technology {n} 1.0",
                "homepage": f"https://tech{n}.example.org/",
                "summary": {"text": _words(n, 40) + ".", "sources": _cite(f"src-{n % 60}")},
                "assessments": {
                    c["id"]: {
                        "verdict": f"Verdict {n}-{j}",
                        "reason": _words(n + j, 14) + ".",
                        "detail": (_words(n * j, 60) + ". ") * 2,
                        "sources": _cite(f"src-{(n + j) % 60}", f"src-{(n * 3 + j) % 60}"),
                    }
                    for j, c in enumerate(criteria)
                },
            },
        )
    use_cases = [f"case-{u}" for u in range(USE_CASES)]
    for u, case_id in enumerate(use_cases):
        dump(
            f"use-cases/{case_id}.yml",
            {
                "id": case_id,
                "title": f"Use case {u}",
                "summary": _words(u, 16) + ".",
                "needs": [
                    {"criterion": f"crit-{(u + k) % CRITERIA}", "why": _words(u + k, 12) + "."}
                    for k in range(3)
                ],
                "recommendations": [
                    {
                        "technology": t,
                        "fit": ["good", "workable", "poor", "depends"][(u + n) % 4],
                        "verdict": f"Fit {n}",
                        "reasons": _words(u + n, 40) + ".",
                        "sources": _cite(f"src-{(u + n) % 60}"),
                    }
                    for n, t in enumerate(tech_ids)
                ],
                "related": [use_cases[(u + 1) % USE_CASES]],
            },
        )
    outcomes = [
        {
            "id": f"out-{k}",
            "title": f"Outcome {k}",
            "technology": tech_ids[k % technologies],
            "use_case": use_cases[k % USE_CASES],
            "reason": _words(k, 25) + ".",
            "criteria": [f"crit-{k % CRITERIA}"],
            "sources": _cite(f"src-{k % 60}"),
        }
        for k in range(QUESTIONS + 1)
    ]
    questions = []
    for q in range(QUESTIONS):  # a binary tree: children 2q+1, 2q+2, leaves become outcomes
        answers = []
        for side, child in (("yes", 2 * q + 1), ("no", 2 * q + 2)):
            target = f"q-{child}" if child < QUESTIONS else f"out-{child - QUESTIONS}"
            answers.append({"id": side, "label": side.capitalize(), "next": target})
        questions.append(
            {"id": f"q-{q}", "text": f"Question {q}: {_words(q, 8)}?", "answers": answers}
        )
    dump("flowchart.yml", {"start": "q-0", "questions": questions, "outcomes": outcomes})
    dump("sources.yml", {"sources": sources})
    dump("criteria.yml", {"criteria": criteria})
    dump(
        "comparisons.yml",
        {
            "comparisons": [
                {"id": f"{a}-vs-{b}", "technologies": [a, b]}
                for a, b in itertools.pairwise(tech_ids)
            ]
            + ([{"id": "first-ten", "technologies": tech_ids[:8]}] if technologies >= 8 else [])
        },
    )
    dump(
        "statements.yml",
        {
            "statements": [
                {
                    "id": f"st-{n}-{k}",
                    "kind": ["pro", "con"][k],
                    "title": f"Statement {n}-{k}",
                    "technologies": [t],
                    "criteria": [f"crit-{(n + k) % CRITERIA}"],
                    "text": _words(n + k, 20) + ".",
                    "sources": _cite(f"src-{n % 60}"),
                }
                for n, t in enumerate(tech_ids)
                for k in range(2)
            ]
        },
    )
    (data / "articles").mkdir()
    dump(
        "articles/synthetic-article.yml",
        {
            "id": "synthetic-article",
            "title": "A synthetic article",
            "description": _words(1, 30) + ".",
            "claims": [
                {
                    "id": f"claim-{k}",
                    "quote": f"Claim {k}: {_words(k, 8)}.",
                    "section": "Synthetic",
                    "verdict": "wrong",
                    "correction": _words(k, 30) + ".",
                    "technologies": [tech_ids[k % technologies]],
                    "criteria": [f"crit-{k}"],
                    "sources": _cite(f"src-{k}"),
                }
                for k in range(10)
            ],
        },
    )
    dump(
        "guide.yml",
        {
            "name": "Synthetic guide",
            "decision": "Choosing among synthetic technologies",
            "audience": "The benchmark.",
            "item": {"one": "technology", "many": "technologies"},
            "opening": _words(2, 40) + ".",
            "home": {
                "title": "Synthetic guide",
                "heading": "Choose a synthetic technology",
                "description": _words(3, 20) + ".",
            },
        },
    )
    dump("moved.yml", {"pages": [], "anchors": []})


def hooked_project(destination: Path, technologies: int) -> Path:
    destination.mkdir(parents=True)
    # This guide's config and hooks; the pages of a new guide (`crossroads new`), which name
    # no technology and link only to pages every guide has.
    for source in (ROOT / "mkdocs.yml", ROOT / "hooks", SCAFFOLD_DIR / "docs"):
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, destination / source.name)
    config = destination / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Methodology: methodology.md\n", ""))
    synthetic_data(destination / "data", technologies)
    shutil.copy2(TIMED_HOOKS_SOURCE, destination / "hooks" / TIMED_HOOKS)
    config = destination / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("hooks/crossroads_hooks.py", f"hooks/{TIMED_HOOKS}")
    )
    return destination


# The hooked builds load the real hooks through this wrapper, which adds up the CPU time
# spent importing them and in every event, and writes it where the benchmark reads it. Both
# figures then come from the same process at the same moment, so the machine's noise cancels
# out of their ratio, unlike the ratio of two separate builds.
TIMED_HOOKS = "timed_crossroads_hooks.py"
TIMED_HOOKS_SOURCE = Path(__file__).with_name("benchmark_timed_hooks.py")


# The config's whole plugins: list, however it is spelled, up to the next top-level key.
_PLUGINS = re.compile(r"^plugins:.*\n(?:(?:[ #].*)?\n)*", re.MULTILINE)


def plain_project(hooked: Path, destination: Path) -> Path:
    """The same pages as static Markdown, and the same config without the hooks."""
    guide = load_guide(hooked / "data", TODAY)
    publication = Publication(
        "https://crossroads-guide.github.io/crossroads/",
        "https://github.com/crossroads-guide/crossroads",
    )
    shutil.copytree(hooked / "docs", destination / "docs")
    for name, content in ASSETS.items():  # what the hooks add: the engine's scripts and styles
        target = destination / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content)
    docs = destination / "docs"
    for page in docs.rglob("*.md"):
        src_uri = page.relative_to(docs).as_posix()
        page.write_text(expand_markers(page.read_text(), guide, src_uri=src_uri))
    for src_uri, content in generated_pages(guide, TODAY, publication).items():
        target = destination / "docs" / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content)
    config = (hooked / "mkdocs.yml").read_text()
    config = config.replace(f"hooks:\n  - hooks/{TIMED_HOOKS}\n", "")
    # The plain build has the builder's own search (Material's lunr index), as a guide
    # without the engine would; the hooked build has the engine's instead, and lists the
    # theme's search as off.
    config, found = _PLUGINS.subn("plugins:\n  - search\n", config)
    if found != 1:
        raise SystemExit("benchmark: mkdocs.yml has no plugins: list to turn search on in")
    config = config.replace("watch:\n  - data\n", "")
    config = config.replace(
        "theme:\n  name: material\n", f"theme:\n  name: material\n  custom_dir: {THEME_DIR}\n"
    )
    assets = f"\nextra_css: {json.dumps(STYLES)}\nextra_javascript: {json.dumps(SCRIPTS)}\n"
    nav_start = config.index("\nnav:")
    (destination / "mkdocs.yml").write_text(config[:nav_start] + assets)  # nav from the files
    return destination


# --- measuring -------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system time of the build process: what the machine's noise spares
    peak_mb: float
    hooks_cpu: float  # CPU time inside the crossroads hooks (0 for a plain build)
    search_cpu: float  # CPU time inside Material's search plugin (0 for a hooked build)


def _build_environment() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CROSSROADS_TODAY": TODAY.isoformat()}
    # Both builds run as on an author's machine, where Python caches compiled modules; a
    # sandbox that turns that off would charge every build for compiling the package.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# The plain builds run MkDocs through this wrapper, which adds up the CPU time spent in
# Material's search plugin (the lunr index the hooked build does without), in the same way
# and for the same reason as the hooks are timed in the hooked builds.
TIMED_SEARCH = Path(__file__).with_name("benchmark_timed_search.py")


def build(project: Path, site: Path, *, timed_search: bool = False) -> Run:
    env = _build_environment()
    hook_seconds = site.with_name(site.name + ".hook-seconds")
    search_seconds = site.with_name(site.name + ".search-seconds")
    env["CROSSROADS_HOOK_SECONDS"] = str(hook_seconds)
    env["CROSSROADS_SEARCH_SECONDS"] = str(search_seconds)
    runner = [str(TIMED_SEARCH)] if timed_search else ["-m", "mkdocs"]
    started = time.perf_counter()
    process = subprocess.Popen(
        [
            sys.executable,
            *runner,
            "build",
            "--quiet",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        env=env,
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    output = process.stdout.read().decode() if process.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {project} failed:\n{output}")
    cpu = usage.ru_utime + usage.ru_stime
    hooks = float(hook_seconds.read_text()) if hook_seconds.exists() else 0.0
    search = float(search_seconds.read_text()) if search_seconds.exists() else 0.0
    if timed_search and search == 0.0:
        raise SystemExit(f"the plain build of {project} ran no search: {output}")
    return Run(seconds, cpu, usage.ru_maxrss / 1024, hooks, search)


OWN_WORK = Path(__file__).with_name("benchmark_own_work.py")


def own_work(project: Path) -> float:
    """CPU seconds a fresh process takes to import the package, load, validate and render."""
    result = subprocess.run(
        [sys.executable, str(OWN_WORK), str(project / "data"), TODAY.isoformat()],
        env=_build_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout)


def index_kb(site: Path) -> float:
    """The engine's search index (the hooked build) or Material's (the plain one), in KB."""
    folder = site / "search"
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1024


def _count_bytes(sizes: list[int], response: Any) -> None:
    sizes.append(int(response.headers.get("content-length", "0")))


def first_query_kb(site: Path, queries: list[str]) -> float:
    """The most any of ``queries`` downloads as the first search of a fresh visit (the
    search script and styles, the manifest, word chunks, the results' records), in KB as
    sent gzip-compressed by a static host, in Chromium."""
    from playwright.sync_api import sync_playwright

    from crossroads.devtools import CHROMIUM_ARGS, CHROMIUM_PATH, serve_directory

    worst = 0
    with serve_directory(site, compress=True) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        for query in queries:
            page = browser.new_context().new_page()
            page.goto(url)
            sizes: list[int] = []
            page.on("response", partial(_count_bytes, sizes))
            page.locator(".cr-search-button").click()
            page.locator(".cr-search__input").fill(query)
            page.wait_for_selector(f"dialog.cr-search[data-query={json.dumps(query)}]")
            worst = max(worst, sum(sizes))
            page.context.close()
        browser.close()
    return worst / 1024


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def gz_text(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9))


@dataclass
class Row:
    technologies: int
    pages: int
    hooked: float
    plain: float
    # Each share is CPU time over the rest of the same build, so the machine's noise cancels:
    hooks_share: float  # median over the hooked builds: the crossroads hooks / the rest
    search_share: float  # median over the plain builds: Material's search plugin / the rest
    ratio: float  # median over the interleaved pairs of hooked / plain wall clock
    cpu_ratio: float  # the same for CPU time
    own_work: float
    peak_mb: float
    output_kb: float
    index_kb: float
    plain_index_kb: float
    first_query_kb: float
    largest_page: str
    largest_kb: float
    largest_gz_kb: float
    comparison_gz_kb: float

    # With B the CPU time of MkDocs' own work, the same pages on both sides, the hooked build
    # takes B(1 + hooks) and the plain build B(1 + search). The budget compares the two.

    @property
    def raw_share(self) -> float:
        """The hooks' CPU time over the whole plain build's (with Material's search)."""
        return self.hooks_share / (1 + self.search_share)

    @property
    def net_share(self) -> float:
        """What the engine adds to a plain build with Material's search: its hooks, less the
        lunr index the hooked build does not make, over the plain build."""
        return (self.hooks_share - self.search_share) / (1 + self.search_share)


def measure(technologies: int, repeat: int, workdir: Path) -> Row:
    hooked = hooked_project(workdir / f"hooked-{technologies}", technologies)
    plain = plain_project(hooked, workdir / f"plain-{technologies}")
    hooked_runs, plain_runs = [], []
    for attempt in range(repeat):  # interleaved, so both see the same machine noise
        # Each pair runs back to back, in alternating order, so a slow spell of the
        # machine falls on both builds of a pair rather than on one side of the ratio.
        for side in ("hooked", "plain") if attempt % 2 == 0 else ("plain", "hooked"):
            if side == "hooked":
                hooked_runs.append(build(hooked, workdir / f"site-h-{technologies}-{attempt}"))
            else:
                plain_runs.append(
                    build(plain, workdir / f"site-p-{technologies}-{attempt}", timed_search=True)
                )
    pairs = list(zip(hooked_runs, plain_runs, strict=True))
    site = workdir / f"site-h-{technologies}-0"
    pages = list(site.rglob("index.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    comparison = site / "compare/tech-0-vs-tech-1/index.html"
    return Row(
        technologies=technologies,
        pages=len(pages),
        hooked=min(r.seconds for r in hooked_runs),
        plain=min(r.seconds for r in plain_runs),
        hooks_share=statistics.median(r.hooks_cpu / (r.cpu - r.hooks_cpu) for r in hooked_runs),
        search_share=statistics.median(r.search_cpu / (r.cpu - r.search_cpu) for r in plain_runs),
        ratio=statistics.median(h.seconds / p.seconds for h, p in pairs),
        cpu_ratio=statistics.median(h.cpu / p.cpu for h, p in pairs),
        own_work=min(own_work(hooked) for _ in range(repeat)),
        peak_mb=max(r.peak_mb for r in hooked_runs),
        output_kb=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1024,
        index_kb=index_kb(site),
        plain_index_kb=index_kb(workdir / f"site-p-{technologies}-0"),
        first_query_kb=first_query_kb(
            site,
            [
                f"Technology {technologies - 1} Criterion 3",
                "How does it handle " + _words(5, 2),
                f"Technology {technologies // 2}",
            ],
        ),
        largest_page=str(largest.parent.relative_to(site)) + "/",
        largest_kb=largest.stat().st_size / 1024,
        largest_gz_kb=gz(largest) / 1024,
        comparison_gz_kb=gz(comparison) / 1024,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2,5,10,20,40")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    budgets: list[tuple[str, bool, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(n, args.repeat, Path(tmp)) for n in sizes]
    print(
        f"{CRITERIA} criteria, {USE_CASES} use cases, {QUESTIONS} questions; "
        f"{args.repeat} hooked and plain builds each, in back-to-back pairs.\n"
        "build s / plain s: fastest wall clock; ratio / CPU ratio: median over the pairs of "
        "hooked over plain,\nin wall clock and in CPU (user + system) time; hooks: CPU time "
        "spent in the crossroads hooks\n(importing them included) over the rest of the same "
        "build, median over the hooked builds;\nlunr: CPU time spent in the events of "
        "Material's search plugin (both builds import it) over\nthe rest of the same plain "
        "build, median over the plain builds; raw: the hooks' CPU time over a\nwhole plain "
        "build with Material's search, (hooks) / (1 + lunr); net: what the engine adds\nto "
        "that build, the hooks less the lunr index the hooked build does not make, "
        "(hooks - lunr) / (1 + lunr);\nown s: CPU time of a fresh process that imports "
        "the package, loads, validates and renders the guide\n"
    )
    header = (
        f"{'N':>3} {'pages':>5} {'build s':>8} {'plain s':>8} {'ratio':>6} {'CPU ratio':>9} "
        f"{'hooks':>6} {'lunr':>6} {'raw':>6} {'net':>6} "
        f"{'own s':>6} "
        f"{'ms/page':>8} {'peak MB':>8} {'site KB':>8} {'index KB':>9} {'lunr KB':>8} "
        f"{'1st query KB':>12} {'largest page':<22} "
        f"{'KB':>6} {'gz KB':>6} {'pair gz KB':>10}"
    )
    print(header)
    for r in rows:
        print(
            f"{r.technologies:>3} {r.pages:>5} {r.hooked:>8.2f} {r.plain:>8.2f} "
            f"{r.ratio:>6.3f} {r.cpu_ratio:>9.3f} {100 * r.hooks_share:>5.1f}% "
            f"{100 * r.search_share:>5.1f}% {100 * r.raw_share:>5.1f}% "
            f"{100 * r.net_share:>5.1f}% "
            f"{r.own_work:>6.3f} {1000 * r.hooked / r.pages:>8.1f} "
            f"{r.peak_mb:>8.0f} {r.output_kb:>8.0f} {r.index_kb:>9.0f} {r.plain_index_kb:>8.0f} "
            f"{r.first_query_kb:>12.1f} {r.largest_page:<22} "
            f"{r.largest_kb:>6.0f} {r.largest_gz_kb:>6.1f} {r.comparison_gz_kb:>10.1f}"
        )
    by_size = {r.technologies: r for r in rows}
    print()
    for n in sizes:
        if 2 * n in by_size:
            small, big = by_size[n], by_size[2 * n]
            print(
                f"growth t({2 * n})/t({n}) = {big.hooked / small.hooked:.2f} "
                f"for pages x{big.pages / small.pages:.2f}; "
                f"plain MkDocs {big.plain / small.plain:.2f}"
            )
    # Judged on CPU time: wall time on a shared machine also counts other tenants' work.
    worst = max(rows, key=lambda r: r.net_share)
    budgets.append(
        (
            "the generator's work, search index included, adds <= 10% to a plain MkDocs build "
            "with Material's search (the hooks' CPU time less lunr's, over the plain build's)",
            worst.net_share <= 0.10,
            f"worst +{100 * worst.net_share:.1f}% at N = {worst.technologies} "
            f"(the hooks alone {100 * worst.raw_share:.1f}%, lunr "
            f"{100 * worst.search_share:.1f}% of the rest of its build); hooked/plain build "
            f"ratios there: {worst.cpu_ratio:.3f} CPU, {worst.ratio:.3f} wall clock",
        )
    )
    per_page = [r.hooked / r.pages for r in rows if r.technologies >= 10]
    if len(per_page) >= 2:
        drift = max(per_page) / min(per_page)
        budgets.append(
            (
                "build time linear in pages (ms/page within 1.3x for N >= 10)",
                drift <= 1.3,
                f"{drift:.2f}x",
            )
        )
    # As published: minified (crossroads.engine_files), then gzipped.
    asset_kb = {name: gz_text(text) / 1024 for name, text in ASSETS.items()}
    script = asset_kb["assets/crossroads/flowchart.js"]
    budgets.append(("flowchart script <= 8 KB gzipped", script <= 8, f"{script:.1f} KB"))
    # What every page loads, plus the heaviest page's own script (the flowchart's or
    # compare-any's, loaded only where used); the search dialog's script and styles load on
    # first use and count in the first query's download instead.
    on_every_page = [name for name in asset_kb if name in SCRIPTS or name in STYLES]
    own = sum(asset_kb[name] for name in on_every_page)
    heaviest = own + max(asset_kb[f"assets/crossroads/{n}"] for n in PAGE_SCRIPTS)
    budgets.append(
        (
            "our own JS and CSS on any page together <= 10 KB gzipped",
            heaviest <= 10,
            f"{heaviest:.1f} KB on the heaviest page, {own:.1f} KB on every page",
        )
    )
    biggest = max(rows, key=lambda r: r.technologies)
    budgets.append(
        (
            "the first search of a visit downloads <= 100 KB gzipped",
            biggest.first_query_kb <= 100,
            f"{biggest.first_query_kb:.1f} KB at N = {biggest.technologies}",
        )
    )
    if 10 in by_size:
        pair = by_size[10].comparison_gz_kb
        budgets.append(
            ("comparison page at 10 technologies <= 60 KB gzipped", pair <= 60, f"{pair:.1f} KB")
        )
    print()
    for name, ok, figure in budgets:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {figure}")
    return 0 if all(ok for _, ok, _ in budgets) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
