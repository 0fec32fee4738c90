"""Strings from data are shown as text everywhere: never HTML, Markdown or a template."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from playwright.sync_api import Browser, expect

from crossroads.scaffold import new_guide
from tests.browser import serve_directory
from tests.conftest import run_build, search_records

HOSTILE = {
    "html": '<script>alert("x")</script><img src=x onerror=alert(1)>',
    "jinja": "{{ 7*7 }} {% if true %}yes{% endif %}",
    "markdown": "**bold** _em_ [link](javascript:alert(1)) `code` # not a heading",
    "table": "a | b | c",
    "attr": "{ #evil .class onclick=alert(1) }",
}


def _yaml(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid YAML scalar


def test_hostile_strings_render_as_text(tmp_path: Path) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    toml = project / "data/technologies/toml.yml"
    toml.write_text(
        toml.read_text()
        .replace(
            '    verdict: "Yes, # starts a comment"\n', f"    verdict: {_yaml(HOSTILE['table'])}\n"
        )
        .replace(
            "    reason: A hash symbol marks the rest of the line as a comment, except inside a"
            " string.\n",
            f"    reason: {_yaml(HOSTILE['html'] + ' ' + HOSTILE['jinja'])}\n",
        )
    )
    statements = project / "data/statements.yml"
    statements.write_text(
        statements.read_text()
        .replace(
            '    title: "Both allow comments with #"\n', f"    title: {_yaml(HOSTILE['attr'])}\n"
        )
        .replace(
            '      toml-comment: "A hash symbol marks the rest of the line as a comment, except'
            ' when inside a string."\n',
            f"      toml-comment: {_yaml(HOSTILE['markdown'])}\n",
        )
    )
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output

    for path in ("compare/toml-vs-yaml/", "technologies/toml/"):
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
        quotes = [q.get_text() for q in page.select(".cr-passage-toggle")]
        assert f"“{HOSTILE['markdown']}”" in quotes, path

    # The index holds the words as a reader sees them; the search box shows them as text.
    record = search_records(result.site).get("technologies/toml/#comments")
    assert record is not None, "the comments section is missing from the search index"
    for value in HOSTILE.values():
        if value in record["x"] or value in record["t"]:
            break
    else:
        raise AssertionError(f"no hostile value shown literally in {record}")


def test_hostile_flowchart_text_stays_text_in_the_browser(tmp_path: Path, browser: Browser) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    hostile = '<img src=x onerror="window.pwned=1">{{ 7*7 }} </script><b>x</b>'
    flowchart = project / "data/flowchart.yml"
    text = flowchart.read_text()
    question = (
        "    text: Will your settings include dates or times, such as an expiry date or a daily"
        " run time?\n"
    )
    assert question in text and "    title: Use TOML\n" in text
    flowchart.write_text(
        text.replace(question, f"    text: {_yaml(hostile)}\n").replace(
            "    title: Use TOML\n", f"    title: {_yaml(hostile)}\n"
        )
    )
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    with serve_directory(result.site) as base:
        page = browser.new_page()
        # The scaffold is published at /config-formats/; the test server serves any folder.
        page.goto(base + "decide/")
        heading = page.locator(".cr-flow__heading")
        expect(heading).to_have_text(f"Question 1: {hostile}")
        page.locator('button[data-answer="yes-dates"]').click()
        expect(page.locator(".cr-flow__heading")).to_have_text(f"Recommendation: {hostile}")
        assert page.evaluate("() => window.pwned") is None
        assert page.locator("#cr-flow img, #cr-flow b").count() == 0
        description = page.locator('meta[property="og:title"]').get_attribute("content")
        assert description is not None
        page.close()
    html = (result.site / "decide/index.html").read_text()
    assert "</script><b>" not in html
