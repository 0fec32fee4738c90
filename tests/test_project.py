"""One project room: every command reads a guide as the build does, and ``check`` agrees with
the strict build on the hand-written pages.

Fixture guides are made with ``crossroads new`` in a temporary folder and built in process
with MkDocs' own build, as tests/test_optional_data.py does.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from crossroads.__main__ import main
from crossroads.adapter.mkdocs_hooks import state_of
from crossroads.finish import finish
from crossroads.pages import current_anchors
from crossroads.project import Project, ProjectError
from crossroads.scaffold import new_guide
from crossroads.validation import load_guide
from tests.test_optional_data import build_in_process

TODAY = dt.date(2026, 12, 1)
# What a guide may keep in a shared base config that every command must still see.
INHERITED = ("site_url", "markdown_extensions", "validation", "nav")


def _inheriting_guide(project: Path) -> dict[str, object]:
    """A new guide whose extensions, validation, nav and site_url live in ``base.yml``."""
    new_guide(project)
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    # Plain YAML keys only: the scaffold's config has no tags in these four.
    whole = yaml.safe_load(text.replace("!!python", "#"))
    base = {key: whole[key] for key in INHERITED}
    (project / "base.yml").write_text(yaml.safe_dump(base, sort_keys=False), encoding="utf-8")
    kept = [
        block
        for block in re.split(r"\n(?=\S)", text)
        if not block.startswith(tuple(f"{key}:" for key in INHERITED))
    ]
    config_file.write_text("INHERIT: base.yml\n" + "\n".join(kept) + "\n", encoding="utf-8")
    return base


def test_an_inherited_config_is_read_as_the_build_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "guide"
    base = _inheriting_guide(project)
    monkeypatch.setenv("CROSSROADS_TODAY", TODAY.isoformat())
    opened = Project.open(project)
    assert opened.site_url == base["site_url"] and opened.nav == base["nav"]
    assert "toc" in opened.extensions, "the extensions come from base.yml"
    assert main(["anchors", "update", str(project)]) == 0
    assert main(["check", "--strict", str(project)]) == 0

    loaded = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(loaded)
    built = state_of(loaded).anchors
    guide = load_guide(opened.data_dir, TODAY)
    assert built == current_anchors(opened, guide, TODAY)

    out = tmp_path / "plain"
    assert main(["generate", str(out), "--project", str(project)]) == 0
    plain_config = yaml.safe_load((out / "mkdocs.yml").read_text().replace("!!python", "#"))
    assert plain_config["site_url"] == base["site_url"]
    build(load_config(str(out / "mkdocs.yml"), site_dir=str(tmp_path / "plain-site"), strict=True))
    assert main(["finish", str(tmp_path / "plain-site"), "--project", str(project)]) == 0
    assert finish(tmp_path / "plain-site", opened, TODAY).anchors == built


def test_a_folder_without_a_config_is_named_with_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(
        ProjectError, match=re.escape("no mkdocs.yml here; run this in a guide's folder")
    ):
        Project.open(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ProjectError, match=re.escape("mkdocs.yml: cannot be read")):
        Project.open(tmp_path)


def _add_to_home(project: Path, text: str) -> int:
    """Append ``text`` to the home page; the line it is on."""
    home = project / "docs/index.md"
    before = home.read_text(encoding="utf-8")
    home.write_text(before + "\n" + text + "\n", encoding="utf-8")
    return before.count("\n") + 2


def _broken_link(project: Path) -> str:
    line = _add_to_home(project, "Read [the guide's method](method.md) first.")
    return f"docs/index.md:{line}: link 'method.md': docs/method.md does not exist"


def _missing_anchor(project: Path) -> str:
    line = _add_to_home(project, "See [how criteria are judged](criteria.md#no-such-section).")
    return (
        f"docs/index.md:{line}: link 'criteria.md#no-such-section': "
        "docs/criteria.md has no anchor '#no-such-section'"
    )


def _page_not_in_nav(project: Path) -> str:
    (project / "docs/about.md").write_text("# About this guide\n\nWho wrote it.\n")
    return "docs/about.md:1: the page is not in the nav: add it to nav: in mkdocs.yml"


def _generated_page_not_in_nav(project: Path) -> str:
    config = project / "mkdocs.yml"
    entry = next(line for line in config.read_text().splitlines() if "criteria.md" in line)
    text = config.read_text().replace(entry + "\n", "")
    config.write_text(text)
    line = text.splitlines().index("nav:") + 1
    return f"mkdocs.yml:{line}: nav: docs/criteria.md is made from data/ but not in the nav"


@pytest.mark.parametrize(
    "mistake", [_broken_link, _missing_anchor, _page_not_in_nav, _generated_page_not_in_nav]
)
def test_a_page_mistake_stops_check_strict_and_the_strict_build(
    mistake: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    assert callable(mistake)
    expected = mistake(project)
    monkeypatch.chdir(project)
    monkeypatch.setenv("CROSSROADS_TODAY", TODAY.isoformat())

    assert main(["check"]) == 0, "without --strict, what the build warns about is a warning"
    assert f"warning: {expected}" in capsys.readouterr().err
    assert main(["check", "--strict"]) == 1
    assert expected in capsys.readouterr().err
    with pytest.raises(Abort):
        build_in_process(project, tmp_path / "site")


def test_validation_settings_decide_what_check_and_the_build_stop_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    expected = _missing_anchor(project)
    config = project / "mkdocs.yml"
    # A section's own key wins over the shorthand at the top of validation:, as in MkDocs.
    config.write_text(
        config.read_text().replace("validation:\n", "validation:\n  links:\n    anchors: ignore\n")
    )
    monkeypatch.chdir(project)
    monkeypatch.setenv("CROSSROADS_TODAY", TODAY.isoformat())
    assert main(["check", "--strict"]) == 0
    assert expected not in capsys.readouterr().err
    build_in_process(project, tmp_path / "site")


def test_the_build_uses_the_project_with_what_mkdocs_resolved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    published = "https://example.org/config-formats/"
    assert f"site_url: {published}\n" in text
    config_file.write_text(
        text.replace(f"site_url: {published}\n", f"site_url: !ENV [GUIDE_SITE_URL, {published}]\n"),
        encoding="utf-8",
    )
    monkeypatch.setenv("GUIDE_SITE_URL", "https://staging.example.net/formats/")
    monkeypatch.setenv("CROSSROADS_TODAY", TODAY.isoformat())
    # Commands cannot resolve a tag MkDocs resolves: they use no site_url, as without one.
    assert Project.open(project).site_url == ""
    loaded = load_config(str(config_file), site_dir=str(tmp_path / "site"), strict=True)
    build(loaded)
    built = state_of(loaded).project
    assert built.site_url == "https://staging.example.net/formats/"
    assert (built.root, built.data_dir) == (project, project / "data")
    assert built.docs_dir == project / "docs"
