"""Links that last: the anchors manifest, aliases, redirects, report links, link previews."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from crossroads.adapter.mkdocs_hooks import state_of
from crossroads.anchor_manifest import anchors_command
from crossroads.anchors import Anchors
from crossroads.project import Project
from crossroads.scaffold import new_guide
from crossroads.validation import load_guide
from tests.conftest import Build, guide_root, run_build, run_crossroads


def test_committed_manifest_lists_every_published_anchor() -> None:
    result = run_crossroads("anchors", "check", cwd=guide_root())
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """A small guide (the scaffold) whose pages and anchors have all been published."""
    project = tmp_path / "guide"
    new_guide(project)
    assert anchors_command("update", Project.open(project), dt.date.today()) == 0
    return project


def _rename_question(project: Path, old: str, new: str) -> None:
    flowchart = project / "data/flowchart.yml"
    text = flowchart.read_text()
    assert f"id: {old}\n" in text
    flowchart.write_text(
        text.replace(f"id: {old}\n", f"id: {new}\n").replace(f"next: {old}\n", f"next: {new}\n")
    )


def test_a_removed_anchor_fails_the_build(published: Path, build: Callable[[Path], Build]) -> None:
    _rename_question(published, "grouping-style", "structure")
    result = build(published)
    assert result.returncode != 0
    assert "published anchor /decide/#q-grouping-style is gone" in result.output
    assert "data/moved.yml" in result.output
    assert not result.site.exists()


def test_an_anchor_alias_keeps_the_old_link_landing(
    published: Path, build: Callable[[Path], Build]
) -> None:
    _rename_question(published, "grouping-style", "structure")
    (published / "data/moved.yml").write_text(
        "pages: []\nanchors:\n  - {page: decide/, from: q-grouping-style, to: q-structure}\n"
    )
    result = build(published)
    assert result.returncode == 0, result.output
    page = result.page("decide/")
    alias = page.find(id="q-grouping-style")
    assert alias is not None and alias.name == "span"
    target = alias.find_next_sibling()
    assert target is not None and target.get("id") == "q-structure"


def test_an_alias_to_a_missing_id_fails(published: Path, build: Callable[[Path], Build]) -> None:
    (published / "data/moved.yml").write_text(
        "pages: []\nanchors:\n  - {page: technologies/toml/, from: old-id, to: no-such-id}\n"
    )
    result = build(published)
    assert result.returncode != 0
    assert "'old-id' on page /technologies/toml/ points to 'no-such-id'" in result.output


def test_a_moved_page_gets_a_redirect(published: Path, build: Callable[[Path], Build]) -> None:
    comparisons = published / "data/comparisons.yml"
    comparisons.write_text(comparisons.read_text().replace("id: toml-vs-yaml", "id: formats"))
    result = build(published)
    assert result.returncode != 0
    assert "published page /compare/toml-vs-yaml/ is gone" in result.output

    (published / "data/moved.yml").write_text(
        "pages:\n  - {from: compare/toml-vs-yaml/, to: compare/formats/}\nanchors: []\n"
    )
    result = build(published)
    assert result.returncode == 0, result.output
    redirect = BeautifulSoup(
        (result.site / "compare/toml-vs-yaml/index.html").read_text(), "html.parser"
    )
    refresh = redirect.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and refresh["content"] == "0; url=../../compare/formats/"
    assert (result.site / "compare/formats/index.html").is_file()


def test_check_and_the_build_see_the_same_anchors(site: Build, predicted_anchors: Anchors) -> None:
    """``check`` renders pages with Python-Markdown; the build's ids are the same ids.

    The hooked build runs in process, so the ids its adapter checked come back on its
    config's build state.
    """
    assert site.config is not None, "the session's build runs in this process"
    built = state_of(site.config).anchors
    assert built
    assert predicted_anchors == built


def test_criteria_and_claims_have_report_a_problem_links(site: Build) -> None:
    guide = load_guide(site.project / "data", dt.date.today())
    pages = [(f"compare/{c.id}/", "data/criteria.yml") for c in guide.comparisons]
    pages += [(f"articles/{a}/", f"data/articles/{a}.yml") for a in guide.articles]
    checked = 0
    for path, data_file in pages:
        page = site.page(path)
        for link in page.select("a.cr-report"):
            href = str(link["href"])
            assert href.startswith("https://github.com/crossroads-guide/crossroads/issues/new?")
            query = parse_qs(urlsplit(href).query)
            body = query["body"][0]
            section = link.find_previous(["h2"])
            assert section is not None
            anchor = str(section["id"])
            assert f"Page: https://crossroads-guide.github.io/crossroads/{path}#{anchor}" in body
            assert f"Section id: {anchor}" in body
            assert data_file in body
            checked += 1
    expected = len(guide.comparisons) * len(guide.criteria) + len(guide.claims)
    assert checked == expected


def test_every_page_has_a_link_preview(site: Build) -> None:
    for html, page in site.pages():
        if html.name != "index.html":
            continue
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue
        for name in ("og:title", "og:description", "og:url"):
            meta = page.find("meta", property=name)
            assert meta is not None and str(meta["content"]).strip(), (html, name)
        assert page.find("meta", attrs={"name": "twitter:card"}) is not None
        description = page.find("meta", attrs={"name": "description"})
        assert description is not None and str(description["content"]).strip()
    guide = load_guide(site.project / "data", dt.date.today())
    for technology in guide.technologies.values():
        page = site.page(f"technologies/{technology.id}/")
        og_title = page.find("meta", property="og:title")
        assert og_title is not None and og_title["content"] == technology.name


def test_hostile_titles_stay_text_in_head_and_nav(tmp_path: Path) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    toml = project / "data/technologies/toml.yml"
    hostile = 'TO"M<b>L</b> <script>x</script>'
    toml.write_text(toml.read_text().replace("name: TOML\n", f"name: '{hostile}'\n", 1))
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    page = result.page("technologies/toml/")
    assert page.title is not None and page.title.get_text().startswith(hostile)
    og = page.find("meta", property="og:title")
    assert og is not None and og["content"] == hostile
    assert page.find("b") is None
    assert not [s for s in page.find_all("script") if s.get_text() == "x"]
    nav = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a")]
    assert hostile.replace(" ", "") in [n.replace(" ", "") for n in nav]
