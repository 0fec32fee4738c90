"""The page `mkdocs serve` shows, in place of every page, while the guide has a problem.

A problem is in the data (``data/...``, or a published anchor the pages no longer have) or
in a hand-written page (``docs/...``: a marker typo, a page where a generated one goes); the
page says which, and names every file, line and problem. It reloads itself every two
seconds, so the guide comes back in the same tab as soon as the problem is fixed.
Everything in it is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Literal

from crossroads.errors import DataProblem

ProblemKind = Literal["data", "page"]

# What the page and the terminal call each kind of problem, and where the author fixes it.
_TITLES: dict[ProblemKind, str] = {
    "data": "The guide's data has problems",
    "page": "A page of the guide has problems",
}
_FIXED: dict[ProblemKind, str] = {"data": "the data is valid", "page": "the page is fixed"}


def problem_report(kind: ProblemKind, problems: Sequence[DataProblem]) -> str:
    """Every problem as ``file:line: what``, under a line that says what kind they are."""
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    if kind == "data":
        heading = f"the guide's data has {count} {noun}"
    else:
        files = sorted({p.file for p in problems})
        heading = f"{'the page' if len(files) == 1 else 'the pages'} {', '.join(files)}"
        heading += f" {'has' if len(files) == 1 else 'have'} {count} {noun}"
    lines = "\n".join(f"  {p}" for p in problems)
    return f"{heading}:\n{lines}"


def error_page(report: str, kind: ProblemKind = "data") -> str:
    title = _TITLES[kind]
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
  padding: 0 1rem; color: #1a1a1a; }}
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; background: #fff4f4;
  border-left: 4px solid #b00020; padding: 1rem; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>The build stopped, so nothing below is published. Fix each problem in the file and line
it names; this page reloads by itself and shows the guide again once {_FIXED[kind]}.</p>
<pre>{escape(report)}</pre>
<script>setTimeout(function () {{ location.reload(); }}, 2000);</script>
</body>
</html>
"""
