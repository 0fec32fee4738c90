"""A change recorded and published, end to end: in a copy of this guide a verdict changes,
``anchors update`` records it, ``mkdocs build --strict`` builds it, and readers find the
date beside the section, the entry on /changes/, the feed entry, and, in Chromium, the note
on a link copied before the change."""

from __future__ import annotations

import datetime as dt
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import Tag
from lxml import html as lxml_html
from playwright.sync_api import Browser, expect

from crossroads.config_file import load_config
from crossroads.validation import load_guide
from tests.browser import serve_directory, url
from tests.conftest import (
    Build,
    copy_project,
    generate_and_build,
    guide_root,
    run_build,
    run_crossroads,
)
from tests.test_builders import site_files
from tests.test_quality import AXE, VNU_JAR

CHANGED_ON = "2026-12-10"
ATOM = "{http://www.w3.org/2005/Atom}"
# The edit comes from the data: the first technology's first verdict gains words; its second
# section and another technology's page stay as they were.
GUIDE = load_guide(guide_root() / "data", dt.date.today())
TECHNOLOGY, OTHER = list(GUIDE.technologies.values())[:2]
CRITERION, UNTOUCHED = list(TECHNOLOGY.assessments)[:2]
OLD = TECHNOLOGY.assessments[CRITERION].verdict
NEW = f"{OLD}, edited"
PAGE = url("technology", TECHNOLOGY.id)
SECTION = url("technology", TECHNOLOGY.id, CRITERION)
SITE_URL = str(load_config(guide_root() / "mkdocs.yml")["site_url"])
TITLE = f"{TECHNOLOGY.name}: {GUIDE.criterion(CRITERION).name}"


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """This guide with one verdict changed, recorded and built."""
    project = copy_project(tmp_path_factory.mktemp("history") / "project")
    data = project / f"data/technologies/{TECHNOLOGY.id}.yml"
    text = data.read_text(encoding="utf-8")
    assert text.count(f"verdict: {OLD}\n") == 1
    data.write_text(text.replace(f"verdict: {OLD}\n", f"verdict: {NEW}\n"), encoding="utf-8")
    env = {"CROSSROADS_TODAY": CHANGED_ON}
    recorded = run_crossroads("anchors", "update", cwd=project, env=env)
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    build = run_build(project, project.parent / "site", env=env)
    assert build.returncode == 0, build.output
    return build


def _heading(build: Build, path: str, anchor: str) -> Tag:
    found = build.page(path).find(id=anchor)
    assert isinstance(found, Tag)
    return found


def test_the_section_shows_the_day_it_changed(changed: Build) -> None:
    heading = _heading(changed, PAGE, CRITERION)
    assert heading.get("data-changed") == CHANGED_ON
    note = heading.find_next_sibling()
    assert isinstance(note, Tag) and note.get("class") == ["cr-changed"]
    assert note.get_text() == f"Changed on {CHANGED_ON}"
    link = note.find("a")
    assert isinstance(link, Tag) and link.get("href") == f"../../changes/#{CHANGED_ON}"
    # A section the edit did not touch has no date; neither does a page it did not touch.
    assert _heading(changed, PAGE, UNTOUCHED).get("data-changed") is None
    assert not changed.page(url("technology", OTHER.id)).select("[data-changed]")


def test_the_change_is_on_the_what_changed_page_in_the_diffs_words(changed: Build) -> None:
    page = changed.page("changes/")
    assert _heading(changed, "changes/", CHANGED_ON).get_text().startswith(CHANGED_ON)
    link = page.select_one(f'.cr-changes a[href="../{SECTION}"]')
    assert link is not None and link.get_text() == TITLE
    item = link.parent
    assert item is not None
    assert item.get_text() == f"{TITLE}: verdict “{OLD}” → “{NEW}”"
    nav = [a.get_text(strip=True) for a in changed.page("").select(".md-nav a")]
    assert "What changed" in nav


def test_the_feed_is_valid_atom_with_the_change(changed: Build) -> None:
    feed = ET.parse(changed.site / "changes.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{required}") or "").strip(), required
    assert feed.findtext(f"{ATOM}updated") == f"{CHANGED_ON}T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{required}") or "").strip(), required
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href")
    changed_entry = next(e for e in entries if e.findtext(f"{ATOM}title") == TITLE)
    link = changed_entry.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == SITE_URL + SECTION
    assert NEW in (changed_entry.findtext(f"{ATOM}content") or "")


def test_every_page_names_the_feed(changed: Build) -> None:
    # Only each page's head is read: libxml2 parses every page in a tenth of the time.
    pages = [
        (path, lxml_html.fromstring(path.read_bytes()))
        for path in sorted(changed.site.rglob("*.html"))
        if "This page has moved" not in path.read_text(encoding="utf-8")
    ]
    assert len(pages) > 20
    for path, root in pages:
        links = root.xpath('//head//link[@rel="alternate"][@type="application/atom+xml"]')
        assert links[0].get("title") == f"{GUIDE.info.name}: what changed", path
        href = str(links[0].get("href"))
        if path.name != "404.html":
            resolved = (path.parent / href).resolve()
            assert resolved == (changed.site / "changes.xml").resolve(), path
        for link in links[1:]:
            # A technology's own feed, on its page: its page and the comparisons it is in.
            assert path.parent.parent.name == "technologies", path
            own = ET.parse(path.parent / str(link.get("href"))).getroot()
            assert own.findtext(f"{ATOM}title") == f"{link.get('title')}"
    edited = changed.page(PAGE)
    assert len(edited.select('head link[type="application/atom+xml"]')) == 2


# Java and the npm-installed checker: not in the quick tier, which installs neither.
@pytest.mark.slow
def test_the_new_pages_are_valid_html(changed: Build) -> None:
    pages = [changed.site / "changes/index.html", changed.site / PAGE / "index.html"]
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_build_without_hooks_dates_and_feeds_the_same(
    changed: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROSSROADS_TODAY", CHANGED_ON)
    plain, _ = generate_and_build(changed.project, tmp_path / "out")
    assert site_files(plain.site) == site_files(changed.site)


# --- in Chromium ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(changed: Build) -> Iterator[str]:
    with serve_directory(changed.site) as url:
        yield url


def test_a_link_copied_before_the_change_says_the_section_changed_since(
    browser: Browser, served: str
) -> None:
    context = browser.new_context(timezone_id="UTC")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.rstrip("/"))
    page = context.new_page()
    # Copied on 5 December, before the change of the 10th was published.
    page.clock.set_fixed_time("2026-12-05T09:00:00Z")
    page.goto(served + PAGE)
    note = page.locator(f"[id='{CRITERION}'] + .cr-changed")
    expect(note).to_have_text(f"Changed on {CHANGED_ON}")
    page.locator(f"[id='{CRITERION}'] .cr-copy-link").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == served + f"{PAGE}?since=2026-12-05#{CRITERION}"
    page.goto(copied)
    expect(note).to_have_text(f"Changed on {CHANGED_ON}, since this link was shared")
    expect(note).to_have_class("cr-changed cr-changed--since")
    # A link copied on the day of the change or later says nothing more.
    page.goto(served + f"{PAGE}?since={CHANGED_ON}#{CRITERION}")
    expect(note).to_have_text(f"Changed on {CHANGED_ON}")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dates_and_the_changes_page_pass_axe(browser: Browser, served: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    for path in ("changes/", f"{PAGE}?since=2026-12-05"):
        page.goto(served + path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                .map(v => `${v.id} (${v.impact}): `
                          + v.nodes.slice(0, 3).map(n => n.target).join(', '))"""
        )
        assert violations == [], path
    context.close()
