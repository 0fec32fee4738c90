"""Strings from data are shown as text everywhere: never HTML, Markdown or a template."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from playwright.sync_api import Browser, expect

from tests.browser import serve_directory
from tests.conftest import Build

HOSTILE = {
    "html": '<script>alert("x")</script><img src=x onerror=alert(1)>',
    "jinja": "{{ 7*7 }} {% if true %}yes{% endif %}",
    "markdown": "**bold** _em_ [link](javascript:alert(1)) `code` # not a heading",
    "table": "a | b | c",
    "attr": "{ #evil .class onclick=alert(1) }",
}


def _yaml(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid YAML scalar


def test_hostile_strings_render_as_text(project: Path, build: Callable[[Path], Build]) -> None:
    flask = project / "data/technologies/flask.yml"
    text = flask.read_text()
    text = text.replace(
        "    verdict: Built-in test client\n",
        f"    verdict: {_yaml(HOSTILE['table'])}\n",
    ).replace(
        "    reason: app.test_client() makes requests without a server; "
        "app.test_cli_runner() tests commands.\n",
        f"    reason: {_yaml(HOSTILE['html'] + ' ' + HOSTILE['jinja'])}\n",
    )
    flask.write_text(text)
    statements = project / "data/statements.yml"
    statements.write_text(
        statements.read_text()
        .replace("    title: Test client included\n", f"    title: {_yaml(HOSTILE['attr'])}\n")
        .replace(
            "      app.test_client() sends requests to the application without a running"
            " server, and\n      app.test_cli_runner() tests its commands.\n",
            f"      {_yaml(HOSTILE['markdown'])}\n",
        )
    )
    result = build(project)
    assert result.returncode == 0, result.output

    for path in ("compare/nodejs-vs-flask/", "technologies/flask/"):
        html = (result.site / path / "index.html").read_text()
        page = BeautifulSoup(html, "html.parser")
        shown = " ".join(page.get_text(" ").split())
        for value in HOSTILE.values():
            assert value in shown, (path, value)
        assert "49" not in shown.replace("2049", "")
        assert page.find("img", src="x") is None
        assert not [s for s in page.find_all("script") if "alert" in s.get_text()]
        assert not [a for a in page.find_all("a") if "javascript:" in str(a.get("href"))]
        assert page.find(id="evil") is None
        assert page.select_one("[onclick]") is None
        assert page.select_one("[onerror]") is None

    index = json.loads((result.site / "search/search_index.json").read_text())
    entries = [d for d in index["docs"] if d["location"] == "technologies/flask/#testing"]
    assert entries, "the testing section is missing from the search index"
    assert "<script>" not in entries[0]["text"] and "<img" not in entries[0]["text"]
    assert "&lt;script&gt;" in entries[0]["text"]


def test_hostile_flowchart_text_stays_text_in_the_browser(
    project: Path, build: Callable[[Path], Build], browser: Browser
) -> None:
    hostile = '<img src=x onerror="window.pwned=1">{{ 7*7 }} </script><b>x</b>'
    flowchart = project / "data/flowchart.yml"
    flowchart.write_text(
        flowchart.read_text()
        .replace("    text: What will the backend mostly do?\n", f"    text: {_yaml(hostile)}\n")
        .replace("    title: Node.js with a WebSocket library\n", f"    title: {_yaml(hostile)}\n")
    )
    result = build(project)
    assert result.returncode == 0, result.output
    with serve_directory(result.site) as base:
        page = browser.new_page()
        page.goto(base + "decide/")
        heading = page.locator(".cr-flow__heading")
        expect(heading).to_have_text(f"Question 1: {hostile}")
        page.locator('button[data-answer="live-updates"]').click()
        page.locator('button[data-answer="javascript"]').click()
        expect(page.locator(".cr-flow__heading")).to_have_text(f"Recommendation: {hostile}")
        assert page.evaluate("() => window.pwned") is None
        assert page.locator("#cr-flow img, #cr-flow b").count() == 0
        description = page.locator('meta[property="og:title"]').get_attribute("content")
        assert description is not None
        page.close()
    html = (result.site / "decide/index.html").read_text()
    assert "</script><b>" not in html
