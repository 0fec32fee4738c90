"""The page `mkdocs serve` shows while the guide's data has problems.

It names every file, line and problem, and reloads itself every two seconds, so the guide
comes back in the same tab as soon as the data is fixed. Everything in it is escaped.
"""

from __future__ import annotations

from html import escape


def error_page(report: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The guide's data has problems</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
  padding: 0 1rem; color: #1a1a1a; }}
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; background: #fff4f4;
  border-left: 4px solid #b00020; padding: 1rem; }}
</style>
</head>
<body>
<h1>The guide's data has problems</h1>
<p>The build stopped, so nothing below is published. Fix each problem in the file and line
it names; this page reloads by itself and shows the guide again once the data is valid.</p>
<pre>{escape(report)}</pre>
<script>setTimeout(function () {{ location.reload(); }}, 2000);</script>
</body>
</html>
"""
