"""Links that last: the anchors manifest, aliases, redirects, report links, link previews."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from tests.conftest import ROOT, Build


def test_committed_manifest_lists_every_published_anchor() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/anchors.py"), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _remove_claim(project: Path, claim_id: str) -> None:
    claims = project / "data/claims.yml"
    text = claims.read_text()
    start = text.index(f"  - id: {claim_id}\n")
    end = text.index("\n  - id: ", start + 1)
    claims.write_text(text[:start] + text[end + 1 :])


def test_a_removed_anchor_fails_the_build(project: Path, build: Callable[[Path], Build]) -> None:
    _remove_claim(project, "flask-multiple-languages")
    result = build(project)
    assert result.returncode != 0
    assert "published anchor /claims/#flask-multiple-languages is gone" in result.output
    assert "data/moved.yml" in result.output
    assert not (result.site / "claims").exists()


def test_an_anchor_alias_keeps_the_old_link_landing(
    project: Path, build: Callable[[Path], Build]
) -> None:
    _remove_claim(project, "flask-multiple-languages")
    (project / "data/moved.yml").write_text(
        "pages: []\nanchors:\n"
        "  - {page: claims/, from: flask-multiple-languages, to: flask-basic-database-support}\n"
    )
    result = build(project)
    assert result.returncode == 0, result.output
    page = result.page("claims/")
    alias = page.find(id="flask-multiple-languages")
    assert alias is not None and alias.name == "span"
    target = alias.find_next_sibling()
    assert target is not None and target.get("id") == "flask-basic-database-support"


def test_an_alias_to_a_missing_id_fails(project: Path, build: Callable[[Path], Build]) -> None:
    (project / "data/moved.yml").write_text(
        "pages: []\nanchors:\n  - {page: claims/, from: old-claim, to: no-such-claim}\n"
    )
    result = build(project)
    assert result.returncode != 0
    assert "'old-claim' points to 'no-such-claim', which is not on the page" in result.output


def test_a_moved_page_gets_a_redirect(project: Path, build: Callable[[Path], Build]) -> None:
    for path in [project / "data/comparisons.yml"]:
        path.write_text(path.read_text().replace("id: nodejs-vs-flask", "id: node-vs-flask"))
    result = build(project)
    assert result.returncode != 0
    assert "published page /compare/nodejs-vs-flask/ is gone" in result.output

    (project / "data/moved.yml").write_text(
        "pages:\n  - {from: compare/nodejs-vs-flask/, to: compare/node-vs-flask/}\nanchors: []\n"
    )
    result = build(project)
    assert result.returncode == 0, result.output
    redirect = BeautifulSoup(
        (result.site / "compare/nodejs-vs-flask/index.html").read_text(), "html.parser"
    )
    refresh = redirect.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and refresh["content"] == "0; url=../../compare/node-vs-flask/"
    assert (result.site / "compare/node-vs-flask/index.html").is_file()


def test_criteria_and_claims_have_report_a_problem_links(site: Build) -> None:
    checked = 0
    for path, data_file in (
        ("compare/nodejs-vs-flask/", "data/criteria.yml"),
        ("claims/", "data/claims.yml"),
    ):
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
    assert checked >= 16 + 20


def test_every_page_has_a_link_preview(site: Build) -> None:
    for html in site.site.rglob("index.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue
        for name in ("og:title", "og:description", "og:url"):
            meta = page.find("meta", property=name)
            assert meta is not None and str(meta["content"]).strip(), (html, name)
        assert page.find("meta", attrs={"name": "twitter:card"}) is not None
        description = page.find("meta", attrs={"name": "description"})
        assert description is not None and str(description["content"]).strip()
    flask = site.page("technologies/flask/")
    og_title = flask.find("meta", property="og:title")
    assert og_title is not None and og_title["content"] == "Flask"


def test_hostile_titles_stay_text_in_head_and_nav(
    project: Path, build: Callable[[Path], Build]
) -> None:
    flask = project / "data/technologies/flask.yml"
    hostile = 'Fl"a<b>sk</b> <script>x</script>'
    flask.write_text(flask.read_text().replace("name: Flask\n", f"name: '{hostile}'\n", 1))
    result = build(project)
    assert result.returncode == 0, result.output
    page = result.page("technologies/flask/")
    assert page.title is not None and page.title.get_text().startswith(hostile)
    og = page.find("meta", property="og:title")
    assert og is not None and og["content"] == hostile
    assert page.find("b") is None
    assert not [s for s in page.find_all("script") if s.get_text() == "x"]
    nav = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a")]
    assert hostile.replace(" ", "") in [n.replace(" ", "") for n in nav]
