"""Readers ask search questions as they type them; the first section found holds the answer.

Each question is typed into Material's search box in Chromium, with its question mark and
question words. The first result that is a section (not a whole page) must be the section
that answers it, and that section, opened, must say the words of the answer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser import search_results

# (question as typed, the section that answers it, words that section must contain)
QUESTIONS = [
    ("Can Flask handle WebSockets?", "technologies/flask/#realtime", "WebSocket"),
    ("Does Flask support async views?", "#concurrency", "async"),
    ("How do I use all CPU cores with Node.js?", "technologies/nodejs/#multi-core", "cluster"),
    ("Does Node.js run TypeScript?", "technologies/nodejs/#language-runtime", "TypeScript"),
    ("What license is Flask under?", "technologies/flask/#license", "BSD"),
    ("Which Python version does Flask need?", "technologies/flask/#language-runtime", "3.9"),
    ("How do I test a Flask app?", "technologies/flask/#testing", "test_client"),
    ("Is Node.js good for CPU-heavy work?", "technologies/nodejs/#cpu-bound", "event loop"),
    ("How do I deploy Flask in production?", "technologies/flask/#deployment", "WSGI server"),
    ("Is Flask good for machine learning models?", "ml-and-data-science/#fit-flask", "model"),
    ("How does Flask scale to more servers?", "technologies/flask/#scaling-out", "workers"),
    ("Does Node.js come with npm?", "technologies/nodejs/#ecosystem", "npm"),
    ("Does Flask come with a production server?", "technologies/flask/#deployment", "server"),
    ("How do Flask extensions work?", "technologies/flask/#extensions", "extension"),
    ("What license is Node.js under?", "technologies/nodejs/#license", "MIT"),
    ("Does FastAPI support WebSockets?", "technologies/fastapi/#realtime", "WebSocket"),
    ("How do I run FastAPI with several workers?", "technologies/fastapi/#multi-core", "workers"),
    ("Does Express catch errors in async handlers?", "technologies/express/#concurrency", "reject"),
    ("How do I test a FastAPI app?", "technologies/fastapi/#testing", "TestClient"),
    ("Can Node.js handle WebSockets?", "technologies/nodejs/#realtime", "WebSocket"),
    # A hyphen inside a word once made lunr drop every section that mentions threads.
    (
        "Is the Node.js event loop single-threaded?",
        "technologies/nodejs/#concurrency",
        "single thread",
    ),
]


def first_section(page: Page, question: str) -> str:
    for href in search_results(page, question):
        url = urlsplit(href)
        if url.fragment:
            return f"{url.path.split('/crossroads/', 1)[1]}#{url.fragment}"
    raise AssertionError(f"no section among the results for {question!r}")


@pytest.mark.parametrize(("question", "answer", "words"), QUESTIONS, ids=[q for q, *_ in QUESTIONS])
def test_a_readers_question_lands_on_the_answer(
    page: Page, base_url: str, question: str, answer: str, words: str
) -> None:
    page.goto(base_url + "sources/")
    landed = first_section(page, question)
    assert landed.endswith(answer), f"{question!r} landed on {landed}"
    page.goto(base_url + landed)
    section_id = landed.split("#", 1)[1]
    text = page.evaluate(
        """id => {
             const start = document.getElementById(id);
             const level = start.tagName;
             let text = start.textContent, node = start.nextElementSibling;
             while (node && !(/^H[1-3]$/.test(node.tagName) && node.tagName <= level)) {
               text += " " + node.textContent;
               node = node.nextElementSibling;
             }
             return text;
           }""",
        section_id,
    )
    assert words.lower() in text.lower(), f"{landed} does not say {words!r}"
