"""The section history, in process on the scaffold's small guide: what ``anchors update``
records, and what pages, the "What changed" page and the feed make of it."""

from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from crossroads.__main__ import main
from crossroads.changes import line_html
from crossroads.diff import PageAdded, diff, diff_views, view
from crossroads.diff_fields import Place
from crossroads.diff_markdown import describe, escape
from crossroads.diff_snapshot import comparable, kept, restored
from crossroads.errors import DataError
from crossroads.feed import ATOM, atom_feed, feeds
from crossroads.guide import Guide
from crossroads.history import HISTORY_FILE, History, read_history
from crossroads.history_html import date_sections, page_marks
from crossroads.pages import rendered_pages
from crossroads.project import Project
from crossroads.publication import Publication
from crossroads.scaffold import SCAFFOLD_DIR
from crossroads.section_text import fingerprints
from crossroads.site import expand_nav, generated_pages
from crossroads.validation import load_guide
from tests.test_diff import Guides

BEGAN = dt.date(2026, 12, 1)
LATER = dt.date(2026, 12, 4)
COMMENTS_VERDICT = 'verdict: "Yes, # starts a comment"'
NEW_VERDICT = "verdict: Yes, line comments"
VERDICT_WORDS = "verdict “Yes, \\# starts a comment” → **“Yes, line comments”**"
PUBLICATION = Publication(site_url="https://example.org/formats/", repo_url="https://example.org/")
FEED_LINK = 'type="application/atom+xml"'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the scaffold's guide, without a history."""
    guide = tmp_path / "guide"
    guide.mkdir()
    for part in ("mkdocs.yml", "docs", "data"):
        source = SCAFFOLD_DIR / part
        if source.is_dir():
            shutil.copytree(source, guide / part)
        else:
            shutil.copy2(source, guide / part)
    return guide


def record(folder: Path, day: dt.date, monkeypatch: pytest.MonkeyPatch) -> Guide:
    """``anchors update`` on ``day``, and the guide as it then loads."""
    monkeypatch.setenv("CROSSROADS_TODAY", day.isoformat())
    assert main(["anchors", "update", str(folder)]) == 0
    return load_guide(folder / "data", day)


def edit(folder: Path, name: str, before: str, after: str) -> None:
    path = folder / "data" / name
    text = path.read_text()
    assert text.count(before) == 1
    path.write_text(text.replace(before, after))


def page(guide: Guide, folder: Path, url: str) -> str:
    """A page's content as rendered, dated from the history."""
    html = rendered_pages(Project.open(folder), guide, LATER)[url]
    return date_sections(html, url, guide.history)


HEAD = "<html><head><title>x</title></head><body dir='ltr'><p>x</p></body></html>"


# --- no history, and where it begins --------------------------------------------------------


def test_a_guide_without_a_record_has_no_dates_no_page_no_nav_entry_no_feed(folder: Path) -> None:
    guide = load_guide(folder / "data", LATER)
    assert guide.history == History()
    pages = generated_pages(guide, LATER, PUBLICATION)
    assert "changes.md" not in pages
    assert {"What changed": "changes.md"} not in expand_nav([{"What changed": "changes.md"}], pages)
    assert atom_feed(guide, PUBLICATION.site_url) is None
    assert page_marks(HEAD, "", guide, PUBLICATION.site_url) == HEAD
    html = rendered_pages(Project.open(folder), guide, LATER)["technologies/toml/"]
    assert date_sections(html, "technologies/toml/", guide.history) == html


def test_the_first_record_begins_the_history_and_dates_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    guide = record(folder, BEGAN, monkeypatch)
    history = guide.history
    assert history.began == BEGAN and history.entries == ()
    assert "comments" in history.sections["technologies/toml/"]
    assert all(s.changed is None for page in history.sections.values() for s in page.values())
    assert "changes.md" not in generated_pages(guide, BEGAN, PUBLICATION)
    # Links copied from now on carry their date; there is no feed to name yet.
    marked = page_marks(HEAD, "", guide, PUBLICATION.site_url)
    assert "<body data-cr-dated dir='ltr'>" in marked and FEED_LINK not in marked


def test_anchors_check_fails_until_a_change_is_recorded(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    record(folder, BEGAN, monkeypatch)
    assert main(["anchors", "check", str(folder)]) == 0
    edit(folder, "technologies/toml.yml", COMMENTS_VERDICT, NEW_VERDICT)
    capsys.readouterr()
    assert main(["anchors", "check", str(folder)]) == 1
    said = capsys.readouterr().out
    assert f"data/{HISTORY_FILE} does not record" in said
    assert "  /technologies/toml/#comments\n" in said
    assert "python -m crossroads anchors update" in said
    record(folder, LATER, monkeypatch)
    assert main(["anchors", "check", str(folder)]) == 0


# --- a change --------------------------------------------------------------------------------


def test_a_new_verdict_is_dated_where_readers_see_it_and_said_in_the_diffs_words(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(folder, BEGAN, monkeypatch)
    edit(folder, "technologies/toml.yml", COMMENTS_VERDICT, NEW_VERDICT)
    guide = record(folder, LATER, monkeypatch)
    history = guide.history
    first = history.entries[0]
    assert (first.date, first.page, first.anchor) == (LATER, "technologies/toml/", "comments")
    assert (first.page_title, first.section, first.lines) == (
        "TOML",
        "TOML: Comments",
        (VERDICT_WORDS,),
    )
    assert history.dates("technologies/toml/") == {"comments": LATER}
    # The comparison shows the verdict too: its section is dated, as changed with it.
    assert history.dates("compare/toml-vs-yaml/")["comments"] == LATER
    also = [
        e for e in history.entries if e.page == "compare/toml-vs-yaml/" and e.anchor == "comments"
    ]
    assert also and also[0].lines == ()
    assert history.dates("technologies/yaml/") == {}

    toml = page(guide, folder, "technologies/toml/")
    assert (
        '<h2 data-search-about="criterion:comments technology:toml" id="comments" '
        'data-changed="2026-12-04">'
    ) in toml
    assert (
        '</h2><p class="cr-changed" data-search-exclude><a href="../../changes/#2026-12-04">'
        'Changed on <time datetime="2026-12-04">2026-12-04</time></a></p>'
    ) in toml
    assert toml.count("data-changed=") == 1

    changes = generated_pages(guide, LATER, PUBLICATION)["changes.md"]
    assert "## 2026\\-12\\-04 { #2026-12-04 }" in changes
    assert (
        '<li><a href="../technologies/toml/#comments">TOML: Comments</a>: '
        "verdict “Yes, # starts a comment” → <strong>“Yes, line comments”</strong></li>"
    ) in changes
    # A page with no words of its own lists what changed on it, linked.
    comparison = changes.split('<a href="../compare/toml-vs-yaml/">TOML vs YAML</a>')[1]
    assert comparison.startswith('<ul><li>Changed: <a href="../compare/toml-vs-yaml/#at-a-glance">')
    assert '<a href="../compare/toml-vs-yaml/#comments">Comments</a></li>' in comparison


def test_the_feed_is_atom_with_an_entry_per_page_and_day(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(folder, BEGAN, monkeypatch)
    edit(folder, "technologies/toml.yml", COMMENTS_VERDICT, NEW_VERDICT)
    guide = record(folder, LATER, monkeypatch)
    text = atom_feed(guide, PUBLICATION.site_url)
    assert text is not None and text == atom_feed(guide, PUBLICATION.site_url)
    feed = ET.fromstring(text)
    ns = {"a": ATOM}
    assert feed.tag == f"{{{ATOM}}}feed"
    assert feed.findtext("a:id", namespaces=ns) == "https://example.org/formats/changes.xml"
    assert feed.findtext("a:title", namespaces=ns) == "Config Formats: what changed"
    assert feed.findtext("a:updated", namespaces=ns) == "2026-12-04T00:00:00Z"
    entries = feed.findall("a:entry", ns)
    ids = [e.findtext("a:id", namespaces=ns) for e in entries]
    assert len(set(ids)) == len(ids) and all(i and i.startswith("urn:uuid:") for i in ids)
    toml = entries[0]
    assert toml.findtext("a:title", namespaces=ns) == "TOML: Comments"
    assert toml.findtext("a:updated", namespaces=ns) == "2026-12-04T00:00:00Z"
    link = toml.find("a:link", ns)
    assert link is not None
    assert link.get("href") == "https://example.org/formats/technologies/toml/#comments"
    assert "<strong>“Yes, line comments”</strong>" in (
        toml.findtext("a:content", namespaces=ns) or ""
    )
    # Without a site_url, links are relative to the feed, at the site's root.
    relative = ET.fromstring(atom_feed(guide, "") or "")
    link = relative.find("a:entry/a:link", ns)
    assert link is not None and link.get("href") == "technologies/toml/#comments"
    marked = page_marks(HEAD, "technologies/toml/", guide, PUBLICATION.site_url)
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Config Formats: what changed" '
        'href="../../changes.xml">'
    ) in marked
    # A technology's page names its own feed too: its page and the comparisons it is in.
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Config Formats: what changed for TOML" href="../../technologies/toml/changes.xml">'
    ) in marked
    (toml_feed,) = [f for f in feeds(guide) if f.path == "technologies/toml/changes.xml"]
    own = ET.fromstring(atom_feed(guide, "", toml_feed) or "")
    titles = [e.findtext("a:title", namespaces=ns) for e in own.findall("a:entry", ns)]
    assert titles == ["TOML: Comments", "TOML vs YAML"]
    link = own.find("a:entry/a:link", ns)
    assert link is not None and link.get("href") == "../../technologies/toml/#comments"
    assert page_marks(HEAD, "criteria/", guide, "").count(FEED_LINK) == 1
    assert page_marks(marked, "technologies/toml/", guide, PUBLICATION.site_url) == marked
    on_404 = page_marks(HEAD, None, guide, PUBLICATION.site_url)
    assert 'href="https://example.org/formats/changes.xml"' in on_404


def test_records_add_to_the_day_and_keep_older_days(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(folder, BEGAN, monkeypatch)
    edit(folder, "technologies/toml.yml", COMMENTS_VERDICT, NEW_VERDICT)
    record(folder, dt.date(2026, 12, 2), monkeypatch)
    edit(folder, "technologies/toml.yml", NEW_VERDICT, "verdict: Yes, whole-line comments")
    record(folder, LATER, monkeypatch)
    edit(folder, "technologies/toml.yml", "verdict: Yes, whole-line comments", "verdict: Yes")
    guide = record(folder, LATER, monkeypatch)
    history = guide.history
    assert history.days == [LATER, dt.date(2026, 12, 2)]
    (today,) = [
        e for e in history.entries if e.date == LATER and e.anchor == "comments" and e.lines
    ]
    assert today.lines == (
        "verdict “Yes, line comments” → **“Yes, whole-line comments”**",
        "verdict “Yes, whole-line comments” → **“Yes”**",
    )
    # A record with nothing new changes nothing.
    before = (folder / "data" / HISTORY_FILE).read_text()
    record(folder, LATER, monkeypatch)
    assert (folder / "data" / HISTORY_FILE).read_text() == before


def test_a_new_page_is_one_change_not_one_per_section(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(folder, BEGAN, monkeypatch)
    comparisons = folder / "data/comparisons.yml"
    comparisons.write_text(
        comparisons.read_text() + "  - id: yaml-vs-toml\n    technologies: [yaml, toml]\n"
    )
    guide = record(folder, LATER, monkeypatch)
    new = [e for e in guide.history.entries if e.page == "compare/yaml-vs-toml/"]
    assert [(e.anchor, e.lines) for e in new] == [("", ("new page",))]
    assert guide.history.dates("compare/yaml-vs-toml/")["comments"] == LATER


# --- the pieces --------------------------------------------------------------------------------


def test_a_kept_view_compares_with_a_guide_as_the_guide_itself_would(tmp_path: Path) -> None:
    guides = Guides(tmp_path)
    guides.edit("technologies/toml.yml", COMMENTS_VERDICT, NEW_VERDICT)
    guides.edit("statements.yml", "yaml-collections: \"YAML's block", 'yaml-collections: "…block')
    guides.edit("criteria.yml", "name: Comments\n", "name: Comments and notes\n")
    guides.edit(
        "sources.yml",
        "url: https://toml.io/en/v1.0.0\n    checked: 2026-11-30",
        "url: https://toml.io/en/v1.0.0\n    checked: 2026-12-20",
    )
    old = load_guide(guides.old / "data", dt.date(2027, 1, 1))
    new = load_guide(guides.new / "data", dt.date(2027, 1, 1))
    expected = diff(old, new)
    assert len(expected) == 4
    assert diff_views(restored(kept(view(old))), comparable(view(new))) == expected
    assert diff_views(restored(kept(view(new))), comparable(view(new))) == []


def test_the_diffs_words_become_html_with_data_text_shown_as_written() -> None:
    hostile = "<script>*x* [a](b) ~~y~~ `z` \\ @someone & it's"
    html = line_html(f"verdict “{escape(hostile)}” → **“{escape('ok')}”**")
    assert html == (
        "verdict “&lt;script&gt;*x* [a](b) ~~y~~ `z` \\ @someone &amp; it&#39;s” → "
        "<strong>“ok”</strong>"
    )
    assert line_html("a ~~gone~~ **new** *Title* `old/`") == (
        "a <del>gone</del> <strong>new</strong> <em>Title</em> <code>old/</code>"
    )
    assert describe(PageAdded(Place("x/", "X"))) == "new page"


def test_renumbered_citations_and_buttons_change_no_fingerprint() -> None:
    before = (
        '<h1 id="t">T</h1><p>Intro</p><h2 id="a">A<a class="headerlink" href="#a">¶</a></h2>'
        "<p>Says.<sup data-search-exclude>[1]</sup></p><button>Copy</button>"
    )
    after = before.replace("[1]", "[7]").replace("Copy", "Copied")
    assert fingerprints(before) == fingerprints(after)
    assert fingerprints(before).keys() == {"", "a"}
    assert fingerprints(before)["a"] != fingerprints(before.replace("Says.", "Said."))["a"]


def test_a_broken_record_names_its_file_and_the_way_out(folder: Path) -> None:
    (folder / "data" / HISTORY_FILE).write_text('{\n "began": "2026-12-01",\n<<<<<<< HEAD\n')
    with pytest.raises(DataError) as caught:
        read_history(folder / "data")
    (problem,) = caught.value.problems
    assert problem.file == f"data/{HISTORY_FILE}" and problem.line == 3
    assert "anchors update" in problem.message
