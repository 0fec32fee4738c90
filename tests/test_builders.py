"""One guide, three builds: MkDocs with the hooks, ProperDocs with the hooks, and any
builder without them (``generate``, a plain ``mkdocs build``, then ``finish``).

The hooked MkDocs build is the reference. The plain build must give the same files with
the same bytes; ProperDocs the same pages with the same anchors.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from crossroads.anchors import Anchors
from crossroads.built_html import content_span
from crossroads.config_file import Tagged, dump_config, load_config
from crossroads.generate import STAMP, plain_config
from crossroads.paths import path_for
from crossroads.scaffold import new_guide
from crossroads.validation import load_guide
from tests.conftest import Build, copy_project, generate_and_build, run_build, run_crossroads

_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def pages(site: Path) -> dict[str, str]:
    """Site-relative path -> HTML of every page (redirect pages included)."""
    return {
        path: content.decode("utf-8")
        for path, content in site_files(site).items()
        if path.endswith(".html")
    }


def anchors(site: Path) -> dict[str, set[str]]:
    """Every page and every element id on it: the links a reader can make."""
    return {path: set(_ID.findall(html)) for path, html in pages(site).items()}


def article(html: str) -> str:
    """A page's own content (Material's article), as the hooks see it."""
    start, end = content_span(html)
    return html[start:end]


@pytest.fixture(scope="module")
def plain(plain_site: tuple[Build, Anchors]) -> tuple[Build, Anchors]:
    return plain_site


def test_the_generated_project_has_no_hook_and_lists_every_page(
    plain: tuple[Build, Anchors], site: Build
) -> None:
    build, _ = plain
    config = load_config(build.project / "mkdocs.yml")
    assert "hooks" not in config and "watch" not in config
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    docs = build.project / "docs"
    for page in docs.rglob("*.md"):
        assert "crossroads:" not in page.read_text(), f"{page}: a marker left unexpanded"
    guide = load_guide(site.project / "data", dt.date.today())
    assert all((docs / path_for("technology", t)).is_file() for t in guide.technologies)
    assert (docs / "assets/crossroads/crossroads.css").is_file()


def test_the_generated_config_lists_the_theme_search_as_off_unless_the_guide_lists_it() -> None:
    """Zensical turns its own search on unless told; MkDocs only when ``search`` is listed
    (or ``plugins`` is not set at all). Material's search plugin takes ``enabled``."""

    def plugins(config: dict[str, object], theme: str = "material") -> object:
        plain = plain_config({"theme": {"name": theme}, **config}, Path("g"), Path("g/out"), None)
        return plain.get("plugins")

    off = {"search": {"enabled": False}}
    assert plugins({"plugins": []}) == [off]
    assert plugins({"plugins": ["tags"]}) == ["tags", off]
    assert plugins({"plugins": {"tags": {}}}) == {"tags": {}, **off}
    assert plugins({"plugins": [{"material/search": {"lang": "en"}}]}) == [
        {"material/search": {"lang": "en"}}
    ]
    assert plugins({"plugins": [off]}) == [off]
    assert plugins({}) is None  # MkDocs' default: its search is on, in the hooked build too
    assert plugins({"plugins": []}, theme="mkdocs") == []  # whose search has no `enabled`


def test_the_plain_build_is_the_hooked_build_byte_for_byte(
    site: Build, plain: tuple[Build, Anchors]
) -> None:
    hooked, unhooked = site_files(site.site), site_files(plain[0].site)
    assert sorted(hooked) == sorted(unhooked)
    # Every file: pages, 404.html, redirect pages, search index, sitemap (the hooks list
    # generated pages in the order MkDocs lists files on disk, so both are in one order).
    assert [path for path in hooked if hooked[path] != unhooked[path]] == []


def test_the_plain_build_has_the_hooked_builds_pages_anchors_and_content(
    site: Build, plain: tuple[Build, Anchors]
) -> None:
    """The comparison above, told page by page, so that a failure says what differs."""
    hooked, unhooked = pages(site.site), pages(plain[0].site)
    assert sorted(hooked) == sorted(unhooked)
    assert anchors(site.site) == anchors(plain[0].site)
    for path, html in hooked.items():
        assert article(html) == article(unhooked[path]), path


def test_finish_records_the_anchors_check_sees(
    predicted_anchors: Anchors, plain: tuple[Build, Anchors]
) -> None:
    """``finish`` finds the same ids the hooks find, and ``check`` predicts (test_links)."""
    assert plain[1] == predicted_anchors


# The one line ProperDocs writes differently: it names itself as the generator.
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_hooked_guide_into_the_same_site(site: Build, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    build = run_build(project, tmp_path / "site", builder="properdocs")
    assert build.returncode == 0, build.output
    assert sorted(pages(site.site)) == sorted(pages(build.site))
    assert anchors(site.site) == anchors(build.site)
    for path, html in pages(site.site).items():
        assert article(html) == article(pages(build.site)[path]), path
    assert same_but_generator(site.site, build.site)


def same_but_generator(reference: Path, other: Path) -> bool:
    """Every file, byte for byte, but for the generator meta tag."""
    mkdocs, properdocs = site_files(reference), site_files(other)
    assert sorted(mkdocs) == sorted(properdocs)
    differing = [
        path
        for path, content in mkdocs.items()
        if _GENERATOR.sub(b"", content) != _GENERATOR.sub(b"", properdocs[path])
    ]
    assert differing == []
    return True


def test_properdocs_builds_the_generated_project_into_the_same_site(
    site: Build, plain: tuple[Build, Anchors], tmp_path: Path
) -> None:
    build = run_build(plain[0].project, tmp_path / "site", builder="properdocs")
    assert build.returncode == 0, build.output
    finished = run_crossroads("finish", str(build.site), cwd=site.project)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert same_but_generator(site.site, build.site)


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """A small guide (the scaffold) whose pages and anchors have all been published."""
    project = tmp_path / "guide"
    new_guide(project)
    result = run_crossroads("anchors", "update", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def test_finish_fails_as_the_hooked_build_does_and_leaves_the_site_alone(
    published: Path, tmp_path: Path
) -> None:
    flowchart = published / "data/flowchart.yml"
    text = flowchart.read_text()
    flowchart.write_text(text.replace("grouping-style\n", "structure\n"))
    out = tmp_path / "out"
    assert run_crossroads("generate", str(out), cwd=published).returncode == 0
    build = run_build(out, tmp_path / "site")
    assert build.returncode == 0, build.output
    before = site_files(build.site)
    result = run_crossroads("finish", str(build.site), cwd=published)
    assert result.returncode == 1
    assert "data/published-anchors.json:1: published anchor /decide/#q-grouping-style is gone" in (
        result.stderr
    )
    assert "data/moved.yml" in result.stderr
    assert site_files(build.site) == before


def test_finish_adds_aliases_and_redirects_once(published: Path, tmp_path: Path) -> None:
    flowchart = published / "data/flowchart.yml"
    flowchart.write_text(flowchart.read_text().replace("grouping-style\n", "structure\n"))
    comparisons = published / "data/comparisons.yml"
    comparisons.write_text(comparisons.read_text().replace("id: toml-vs-yaml", "id: formats"))
    (published / "data/moved.yml").write_text(
        "pages:\n  - {from: compare/toml-vs-yaml/, to: compare/formats/}\n"
        "anchors:\n  - {page: decide/, from: q-grouping-style, to: q-structure}\n"
    )
    build, _ = generate_and_build(published, tmp_path / "out")
    decide = build.page("decide/")
    alias = decide.find(id="q-grouping-style")
    assert alias is not None and alias.name == "span"
    target = alias.find_next_sibling()
    assert target is not None and target.get("id") == "q-structure"
    redirect = (build.site / "compare/toml-vs-yaml/index.html").read_text()
    assert 'content="0; url=../../compare/formats/"' in redirect
    once = site_files(build.site)
    again = run_crossroads("finish", str(build.site), cwd=published)
    assert again.returncode == 0, again.stderr
    assert site_files(build.site) == once


def test_a_title_that_needs_escaping_comes_out_as_the_hooks_write_it(
    published: Path, tmp_path: Path
) -> None:
    """Front matter cannot mark a title safe, so Material's footer links escape it again;
    finish undoes that, and the site is the hooked build's, byte for byte."""
    toml = published / "data/technologies/toml.yml"
    hostile = 'TO"M<b>L</b> & <script>x</script>'
    toml.write_text(toml.read_text().replace("name: TOML\n", f"name: '{hostile}'\n", 1))
    config = published / "mkdocs.yml"
    footer = "    - navigation.top\n    - navigation.footer\n"
    config.write_text(config.read_text().replace("    - navigation.top\n", footer, 1))
    hooked = run_build(published, tmp_path / "hooked")
    assert hooked.returncode == 0, hooked.output
    label = "TO&#34;M&lt;b&gt;L&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"
    assert f'aria-label="Next: {label}"' in (hooked.site / "technologies/index.html").read_text()
    build, _ = generate_and_build(published, tmp_path / "out")
    assert site_files(build.site) == site_files(hooked.site)


def test_generate_reports_marker_problems_at_their_line(published: Path, tmp_path: Path) -> None:
    index = published / "docs/index.md"
    index.write_text(index.read_text() + "\n<!-- crossroads:no-such-thing -->\n")
    result = run_crossroads("generate", str(tmp_path / "out"), cwd=published)
    assert result.returncode == 1
    line = index.read_text().count("\n")
    assert f"docs/index.md:{line}: unknown marker 'crossroads:no-such-thing'" in result.stderr


def test_generate_writes_only_into_a_folder_it_may_empty(published: Path, tmp_path: Path) -> None:
    keep = tmp_path / "mine"
    keep.mkdir()
    (keep / "notes.txt").write_text("mine")
    result = run_crossroads("generate", str(keep), cwd=published)
    assert result.returncode == 1 and "not written by generate" in result.stderr
    assert (keep / "notes.txt").read_text() == "mine"
    out = tmp_path / "out"
    assert run_crossroads("generate", str(out), cwd=published).returncode == 0
    (out / "docs/stale.md").write_text("# Dropped since")
    assert run_crossroads("generate", str(out), cwd=published).returncode == 0
    assert (out / STAMP).is_file() and not (out / "docs/stale.md").exists()
    inside = run_crossroads("generate", "docs/out", cwd=published)
    assert inside.returncode == 1 and "inside the guide's docs folder" in inside.stderr


def test_config_tags_survive_generate(published: Path, tmp_path: Path) -> None:
    config = published / "mkdocs.yml"
    emoji = (
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    text = config.read_text().replace("markdown_extensions:\n", emoji, 1)
    config.write_text(text + "extra:\n  analytics: !ENV [CROSSROADS_NOT_SET, '']\n")
    loaded = load_config(config)
    extension = loaded["markdown_extensions"][0]["pymdownx.emoji"]["emoji_index"]
    assert extension == Tagged(
        "tag:yaml.org,2002:python/name:material.extensions.emoji.twemoji", ""
    )
    assert loaded["extra"]["analytics"] == Tagged("!ENV", ["CROSSROADS_NOT_SET", ""])
    again = tmp_path / "again.yml"
    again.write_text(dump_config(loaded))
    assert load_config(again) == loaded
    out = tmp_path / "out"
    assert run_crossroads("generate", str(out), cwd=published).returncode == 0
    written = (out / "mkdocs.yml").read_text()
    assert "!!python/name:material.extensions.emoji.twemoji" in written and "!ENV" in written
    # MkDocs resolves both tags in the written config as it did in the guide's.
    build = run_build(out, tmp_path / "site")
    assert build.returncode == 0, build.output
