"""Fixtures: a throw-away copy of the project, a build of it, and the built real guide.

``--guide PATH`` points every test of this guide's content at another copy of the guide;
tests using Chromium are marked ``browser`` here, so the quick tier can leave them out.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from crossroads.anchors import Anchors
from crossroads.build_date import build_date
from crossroads.finish import finish
from crossroads.pages import current_anchors
from crossroads.project import Project
from crossroads.validation import load_guide
from tests.browser import CHROMIUM_ARGS, CHROMIUM_PATH, serve_directory
from tests.running import Build as Build
from tests.running import by_id as by_id
from tests.running import run_build as run_build
from tests.running import run_crossroads as run_crossroads

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks")
# Fixtures that start Chromium: a test using one is marked `browser` without having to say so.
BROWSER_FIXTURES = {"browser", "page"}
_GUIDE = {"root": ROOT}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--guide",
        type=Path,
        default=None,
        help="the guide whose content the tests check (default: this repository)",
    )


def pytest_configure(config: pytest.Config) -> None:
    # The session keeps whole built sites parsed (millions of objects); at Python's default
    # thresholds the collector's full passes over them took about a tenth of the quick
    # tier's CPU time. Fewer, later passes: the suite's garbage is mostly freed by counts.
    gc.set_threshold(50_000, 20, 20)
    guide = config.getoption("--guide")
    if guide is not None:
        _GUIDE["root"] = guide.resolve()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def guide_root() -> Path:
    """The guide the content tests read: this repository, or the one ``--guide`` names."""
    return _GUIDE["root"]


def search_records(site: Path) -> dict[str, dict[str, str]]:
    """The search index of a built site: each record (title, page title, text) by its URL."""
    folder = site / "search"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    records = {}
    files = sorted(
        (folder / manifest["records"]["folder"]).glob("*.json"), key=lambda p: int(p.stem)
    )
    for path in files:
        for record in json.loads(path.read_text(encoding="utf-8")):
            records[record["u"]] = record
    assert len(records) == manifest["records"]["count"]
    return records


def copy_project(destination: Path, origin: Path | None = None) -> Path:
    """Copy what a build reads (config, pages, data, hooks) of ``origin`` into ``destination``.

    ``origin`` defaults to the guide under test (``--guide``, or this repository).
    """
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = (origin or guide_root()) / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy2(source, destination / part)
    return destination


def generate_and_build(project: Path, out: Path) -> tuple[Build, Anchors]:
    """``generate``, a plain ``mkdocs build --strict``, ``finish``: as the README says.

    ``finish`` runs in process (its command line is tested on its own): the anchors it
    checked come back from it.
    """
    made = run_crossroads("generate", str(out), cwd=project)
    assert made.returncode == 0, made.stderr
    build = run_build(out, out.parent / "site")
    assert build.returncode == 0, build.output
    finished = finish(build.site, Project.open(project), build_date())
    return build, finished.anchors


@pytest.fixture(scope="session")
def predicted_anchors(site: Build) -> Anchors:
    """The pages and ids ``check`` predicts for the real guide without a build (worked out
    once: the tests that hold builds to it share it)."""
    today = dt.date.today()
    guide = load_guide(site.project / "data", today)
    return current_anchors(Project.open(site.project), guide, today)


@pytest.fixture(scope="session")
def plain_site(site: Build, tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Anchors]:
    """The real guide built without hooks: generate, plain MkDocs, finish."""
    return generate_and_build(site.project, tmp_path_factory.mktemp("plain") / "out")


@pytest.fixture(scope="session")
def new_guide_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A guide made by ``crossroads new``, built with its hooks."""
    folder = tmp_path_factory.mktemp("new") / "my-guide"
    made = run_crossroads("new", str(folder), cwd=folder.parent)
    assert made.returncode == 0, made.stderr
    build = run_build(folder, tmp_path_factory.mktemp("new-out") / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real guide, built once for the whole session."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    build = run_build(project, tmp_path_factory.mktemp("out") / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def site(shipped_site: Build) -> Build:
    """The real guide, built once for the whole session.

    A module that overrides ``site`` with a parametrized fixture must build on
    ``shipped_site``: asking for ``site`` itself would make pytest parametrize, tear down
    and build again this session fixture for each of its parameters.
    """
    return shipped_site


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project a test may change."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def build(tmp_path: Path) -> Callable[[Path], Build]:
    def run(project: Path) -> Build:
        return run_build(project, tmp_path / "site")

    return run


@pytest.fixture(scope="session")
def base_url(site: Build) -> Iterator[str]:
    """The real guide served on loopback."""
    with serve_directory(site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright (never a downloaded browser)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


# A technology more, its source, a statement about it and the guide's first technology
# ({other} below), and a comparison of the two: the experiment of the "generator, not one
# site" issue, with test-only content. Every guide must grow like this by data alone.
THIRD_TECHNOLOGY = """\
id: example-stack
name: Example Stack
kind: Imaginary web framework
version: Example Stack 1.0
homepage: https://example.org/
summary:
  text: A technology that exists only in the tests, to show that data alone adds a page.
  sources:
    example-stack-docs: "Example Stack is a framework for tests."
assessments:
  testing:
    verdict: Tested by fixtures
    reason: Exists to prove the generator needs no code change for a new technology.
    detail: This paragraph only appears in the test build.
    sources:
      example-stack-docs: "Example Stack is tested with fixtures."
"""
GROWTH = {
    "data/sources.yml": """
  - id: example-stack-docs
    title: Example Stack documentation
    publisher: Example Stack project
    url: https://example.org/docs/
    checked: 2026-01-05
""",
    "data/statements.yml": """
  - id: example-stack-and-{other}-share-tests
    kind: similarity
    title: Both test with fixtures
    technologies: [example-stack, {other}]
    criteria: [testing]
    text: A similarity that exists only in the tests, between Example Stack and one other.
    sources:
      example-stack-docs: "Example Stack and the other both use fixtures."
""",
    "data/comparisons.yml": """
  - id: {other}-vs-example-stack
    technologies: [{other}, example-stack]
""",
}


def grown_with(project: Path) -> str:
    """The id of the technology the grown guide compares the new one with: its first."""
    return next(iter(load_guide(project / "data", dt.date.today()).technologies))


def grow(project: Path) -> Path:
    """Add the technology to a copy of the shipped guide, by data alone."""
    other = grown_with(project)
    (project / "data/technologies/example-stack.yml").write_text(THIRD_TECHNOLOGY)
    for name, addition in GROWTH.items():
        path = project / name
        path.write_text(path.read_text().rstrip("\n") + "\n" + addition.format(other=other))
    return project


@pytest.fixture(scope="session")
def grown_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The shipped guide with a third technology and a comparison added as data, built."""
    project = grow(copy_project(tmp_path_factory.mktemp("grown")))
    build = run_build(project, tmp_path_factory.mktemp("grown-out") / "site")
    assert build.returncode == 0, build.output
    return build
