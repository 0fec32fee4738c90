"""The guide built with Zensical, Material's successor: ``generate``, ``zensical build``,
``finish``, as the README says.

Zensical (pinned in the test extra) renders the Markdown and the theme itself and ignores
``hooks:``. Compared with the reference, the hooked MkDocs build: the same pages, the same
content and ids inside each article, no dead internal link, the engine's search index and
no second search, and the page scripts running in Chromium.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html
from playwright.sync_api import Browser, expect

from crossroads.built_html import content_span
from crossroads.config_file import load_config
from crossroads.devtools import SITE_PREFIX
from crossroads.scaffold import new_guide
from crossroads.validation import load_guide
from tests.browser import search_results, serve_directory
from tests.conftest import ROOT, Build, run_build, run_crossroads, search_records
from tests.test_compare_browser import EARLY, FIRST, GUIDE, LATE, SECOND, visible_rows
from tests.test_flowchart_browser import PATHS, answer, expect_outcome

SITE_URL = str(load_config(ROOT / "mkdocs.yml")["site_url"])


def zensical_build(project: Path, out: Path) -> Path:
    """``generate``, ``zensical build --strict`` (a warning fails it), ``finish``: the site."""
    made = run_crossroads("generate", str(out), cwd=project)
    assert made.returncode == 0, made.stderr
    built = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(out / "mkdocs.yml")],
        cwd=out,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    finished = run_crossroads("finish", str(out / "site"), cwd=project)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return out / "site"


@pytest.fixture(scope="module")
def zensical_site(site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return zensical_build(site.project, tmp_path_factory.mktemp("zensical") / "out")


def pages(site: Path) -> dict[str, str]:
    """Site-relative path -> HTML of every page, redirect pages and 404.html included."""
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


def article(html: str) -> str:
    start, end = content_span(html)
    return html[start:end]


def ids(html: str) -> list[str]:
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    return [e.get("id", "") for e in root.iter() if isinstance(e.tag, str) and e.get("id")]


def test_zensical_builds_the_reference_pages_with_the_same_content_and_ids(
    site: Build, zensical_site: Path
) -> None:
    reference, built = pages(site.site), pages(zensical_site)
    assert sorted(built) == sorted(reference)
    for path, html in reference.items():
        ours, theirs = article(html), article(built[path])
        assert ids(theirs) == ids(ours), path
        # The same Markdown rendered by another engine: only the whitespace may differ.
        assert theirs.split() == ours.split(), path


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment a link on ``page`` opens, or None for a link out of the site."""
    if href.startswith(SITE_URL):
        href = SITE_PREFIX + href[len(SITE_URL) :]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if path.startswith(SITE_PREFIX):
        file = site / path[len(SITE_PREFIX) :]
    elif path.startswith("/"):
        file = site / "outside-the-site" / path  # a root-absolute link leaves the site's folder
    else:
        file = page.parent / path if path else page
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return Path(os.path.normpath(file)), unquote(parts.fragment)


def links(site: Path) -> Iterator[tuple[Path, str]]:
    for page in sorted(site.rglob("*.html")):
        for element in lxml_html.fromstring(page.read_bytes()).iter("a"):
            href = element.get("href")
            if href is not None:
                yield page, href


def test_no_internal_link_is_dead(zensical_site: Path) -> None:
    ids_of: dict[Path, set[str]] = {}
    checked, dead = 0, []
    for page, href in links(zensical_site):
        target = _target(zensical_site, page, href)
        if target is None:
            continue
        checked += 1
        file, fragment = target
        if file.is_file() and fragment and file not in ids_of:
            ids_of[file] = set(ids(file.read_text("utf-8")))
        if not file.is_file() or (fragment and fragment not in ids_of[file]):
            dead.append(f"{page.relative_to(zensical_site)}: {href}")
    assert checked > 10_000  # every page's nav, tables and sections, not a handful
    assert dead == [], f"{len(dead)} of {checked} internal links are dead"


def test_the_search_is_the_engines_alone(site: Build, zensical_site: Path) -> None:
    folder = zensical_site / "search"
    assert (folder / "manifest.json").is_file()
    # Read from the finished pages, it is the reference's index, file for file.
    reference = site.site / "search"
    written = sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(reference) for p in reference.rglob("*") if p.is_file())
    assert all((folder / p).read_bytes() == (reference / p).read_bytes() for p in written)
    # One record per section: each opens a page, at an anchor that page has.
    records = search_records(zensical_site)
    assert len(records) > 100
    ids_of: dict[str, list[str]] = {}  # each page's ids, read once for all its records
    for url in records:
        path, _, anchor = url.partition("#")
        if path not in ids_of:
            html = (zensical_site / path / "index.html").read_text("utf-8")
            ids_of[path] = ids(article(html))
        assert not anchor or anchor in ids_of[path], url
    # Zensical's own search is off (the config lists it so): no box, an empty index.
    for path, html in pages(zensical_site).items():
        assert 'class="md-search"' not in html, path
    assert '"items":[]' in (zensical_site / "search.json").read_text("utf-8")


def test_search_flowchart_and_compare_any_run(zensical_site: Path, browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve_directory(zensical_site) as base:
        page.goto(base)
        expect(page.locator(".cr-search-button")).to_have_count(1)
        first = next(iter(GUIDE.technologies.values()))
        assert search_results(page, first.name)[0] == f"technologies/{first.id}/"

        steps, outcome = PATHS[0]
        page.goto(base + "decide/")
        for question, choice in steps:
            answer(page, question, choice)
        expect_outcome(page, outcome)
        assert urlsplit(page.url).query.count("=") == len(steps)

        page.goto(base + f"compare/?t={FIRST},{SECOND}&c={EARLY.id},{LATE.id}")
        status = f"2 of {len(GUIDE.criteria)} criteria"
        expect(page.locator(".cr-picker__status")).to_contain_text(status)
        assert visible_rows(page) == [EARLY.name, LATE.name]
    context.close()
    assert errors == []


# Every place a page title is printed: the head, the heading, the footer's links.
_TITLES = re.compile(
    r'<title>[^<]*</title>|<meta (?:property|name)="(?:og:title|twitter:title|description)"'
    r'[^>]*>|<h1[^>]*>[^<]*|aria-label="(?:Previous|Next): [^"]*"'
)


def test_a_title_that_needs_escaping_comes_out_as_the_hooks_write_it(tmp_path: Path) -> None:
    """Zensical escapes front-matter titles in its footer links again, and in its own way
    ("/" too); finish undoes it, so every title reads as in the hooked build."""
    project = tmp_path / "guide"
    new_guide(project)
    toml = project / "data/technologies/toml.yml"
    hostile = 'TO"M<b>L</b> & <script>x</script>'
    toml.write_text(toml.read_text().replace("name: TOML\n", f"name: '{hostile}'\n", 1))
    config = project / "mkdocs.yml"
    footer = "    - navigation.top\n    - navigation.footer\n"
    config.write_text(config.read_text().replace("    - navigation.top\n", footer, 1))
    hooked = run_build(project, tmp_path / "hooked")
    assert hooked.returncode == 0, hooked.output
    built = zensical_build(project, tmp_path / "out")
    reference = pages(hooked.site)
    assert load_guide(project / "data", dt.date.today()).technologies["toml"].name == hostile
    assert "Next: TO&#34;M&lt;b&gt;L" in reference["technologies/index.html"]
    for path, html in pages(built).items():
        assert _TITLES.findall(html) == _TITLES.findall(reference[path]), path
