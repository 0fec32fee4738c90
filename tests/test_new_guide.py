"""`crossroads new DIR`: a complete guide on any topic, built by the engine with no code."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from crossroads.scaffold import SCAFFOLD_DIR, new_guide
from tests.conftest import ROOT, Build, run_build, run_crossroads

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="module")
def new_site(new_guide_site: Build) -> Build:
    return new_guide_site


def test_new_writes_the_project_layout_with_a_two_command_quick_start(new_site: Build) -> None:
    project = new_site.project
    for part in ("docs", "data", "hooks", "mkdocs.yml", "scripts", "README.md"):
        assert (project / part).exists(), part
    readme = (project / "README.md").read_text()
    assert "scripts/serve.sh" in readme and "scripts/test.sh" in readme
    for script in ("serve.sh", "test.sh", "bootstrap.sh"):
        assert os.access(project / "scripts" / script, os.X_OK), script
    assert (project / "data/published-anchors.json").read_text().strip() == '{"pages": {}}'
    # The engine is a wheel in the guide, pinned by its hash: nothing points at this checkout.
    (wheel,) = (project / "vendor").glob("crossroads-*-py3-none-any.whl")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    engine = (project / "requirements-engine.txt").read_text()
    assert f"./vendor/{wheel.name} --hash=sha256:{digest}" in engine.splitlines()
    assert str(ROOT) not in engine


def test_the_new_guide_checks_clean_with_no_warnings(new_site: Build) -> None:
    result = run_crossroads("check", ".", cwd=new_site.project)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_the_new_guide_has_every_page_kind_and_its_home_points_the_way(new_site: Build) -> None:
    for path in ("decide/", "use-cases/", "compare/", "technologies/", "criteria/", "sources/"):
        assert (new_site.site / path / "index.html").is_file(), path
    home = new_site.page("")
    ways = [a.get_text(" ", strip=True) for a in home.select(".cr-ways-in a")]
    assert ways == [
        "Answer a few questions",
        "Compare side by side",
        "TOML vs YAML",
        "any formats you choose",
        "Pick your use case",
    ]
    assert home.select_one(".cr-compare table") is not None
    # The guide's own words, from data/guide.yml, not the engine's.
    assert "TOML" in home.get_text()


def test_new_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("mine\n")
    result = run_crossroads("new", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert "would overwrite docs/index.md" in result.stderr
    assert (tmp_path / "docs/index.md").read_text() == "mine\n"
    assert not (tmp_path / "mkdocs.yml").exists(), "nothing is written when anything exists"


def test_every_guide_has_the_same_thin_hooks() -> None:
    shipped = (ROOT / "hooks/crossroads_hooks.py").read_bytes()
    assert (SCAFFOLD_DIR / "hooks/crossroads_hooks.py").read_bytes() == shipped


def test_no_engine_file_names_a_topic() -> None:
    topic = re.compile(r"\b(node\.?js|flask|express|fastapi|django|backends?)\b", re.IGNORECASE)
    engine = [ROOT / "hooks", ROOT / "crossroads"]
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in engine
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in (".py", ".j2", ".html", ".js", ".css", ".md", ".yml")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if topic.search(line)
    ]
    assert offenders == []


def test_page_kinds_without_data_disappear_from_pages_and_nav(tmp_path: Path) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    (project / "data/flowchart.yml").unlink()
    shutil.rmtree(project / "data/use-cases")
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert not (build.site / "decide").exists()
    assert not (build.site / "use-cases").exists()
    home = build.page("")
    nav = [e.get_text(strip=True) for e in home.select("nav.md-nav--primary :is(a, label)")]
    assert "Decide" not in nav and "Use cases" not in nav
    assert "Comparisons" in nav
    ways = [a.get_text(" ", strip=True) for a in home.select(".cr-ways-in a")]
    assert ways == ["Compare side by side", "TOML vs YAML", "any formats you choose"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8"))


def _wait_for(url: str, wanted: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            body = _get(url)
        except OSError:
            body = ""
        if wanted in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {wanted!r}; last body:\n{body[:2000]}")


def test_serve_shows_data_errors_in_the_browser_and_recovers(tmp_path: Path) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    criteria = project / "data/criteria.yml"
    good = criteria.read_text()
    criteria.write_text(good.replace("  - id: comments", "  - id: Comments!", 1))
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/config-formats/compare/toml-vs-yaml/"
        page = _wait_for(url, "problem")
        text = BeautifulSoup(page, "html.parser").get_text()
        assert "data/criteria.yml:" in text and "must be an id" in text
        criteria.write_text(good)
        page = _wait_for(url, "TOML vs YAML")
        assert "The guide's data has problems" not in page
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_check_warns_about_thin_coverage_without_failing(tmp_path: Path) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    technology = (project / "data/technologies/toml.yml").read_text()
    lonely = technology.replace("id: toml\n", "id: ini\n").replace("name: TOML\n", "name: INI\n")
    (project / "data/technologies/ini.yml").write_text(lonely)
    criteria = project / "data/criteria.yml"
    criteria.write_text(
        criteria.read_text().rstrip("\n")
        + "\n  - id: tooling\n    name: Tooling\n    question: Which editors help?\n"
        "    why: Editors catch mistakes early.\n"
    )
    result = run_crossroads("check", ".", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "warning: format 'ini' is in no comparison and no use case" in result.stderr
    assert "warning: criterion 'tooling' is assessed by no format" in result.stderr


def _outside_the_engine() -> dict[str, str]:
    """The environment of an author's machine without this checkout: no PYTHONPATH, no
    virtualenv of the engine on PATH (pip's own settings, such as its index, stay)."""
    venv = Path(sys.prefix)
    path = [
        entry
        for entry in os.environ.get("PATH", "").split(os.pathsep)
        if entry and not Path(entry).is_relative_to(ROOT) and not Path(entry).is_relative_to(venv)
    ]
    hidden = {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "CROSSROADS_TODAY"}
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    return {**env, "PATH": os.pathsep.join(path)}


@pytest.mark.slow
def test_a_new_guide_installs_and_passes_its_own_test_script_anywhere(tmp_path: Path) -> None:
    """Copied to another folder, away from this checkout, the guide installs its engine from
    its own wheel (hash-checked) and its scripts/test.sh checks and builds it."""
    made = tmp_path / "made"
    new_guide(made)
    copy = tmp_path / "elsewhere" / "guide"
    shutil.copytree(made, copy, symlinks=True)
    assert not copy.is_relative_to(ROOT)
    mentions = [p for p in copy.rglob("*") if p.is_file() and str(ROOT).encode() in p.read_bytes()]
    assert mentions == []
    env = _outside_the_engine()
    result = subprocess.run(
        ["scripts/test.sh", str(tmp_path / "site")],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (tmp_path / "site/compare/index.html").is_file()
    where = subprocess.run(
        [".venv/bin/python", "-c", "import crossroads; print(crossroads.__file__)"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    installed = Path(where.stdout.strip())
    assert installed.is_relative_to(copy / ".venv"), installed
