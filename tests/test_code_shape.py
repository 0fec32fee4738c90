"""The engine stays readable: short functions, modules of one concept, and MkDocs imported
only by its adapter (``crossroads/adapter/``), so the engine runs under any builder."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "crossroads"
# The copy of the hooks a new guide gets is the adapter, not the engine.
ENGINE = [p for p in sorted(PACKAGE.rglob("*.py")) if "scaffold" not in p.parts]
# The one folder of the package that may import MkDocs: the events a guide's hooks import.
ADAPTER = PACKAGE / "adapter"
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 300


def test_the_engine_has_modules_to_check() -> None:
    assert len(ENGINE) > 20


def test_no_module_is_over_300_lines() -> None:
    long = {p.name: n for p in ENGINE if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def long_functions(source: str) -> list[str]:
    """``name (N lines)`` of every function in ``source`` longer than the limit."""
    return [
        f"{node.name} ({size} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (size := (node.end_lineno or node.lineno) - node.lineno + 1) > MAX_FUNCTION_LINES
    ]


def test_no_function_is_over_60_lines() -> None:
    long = {p.name: found for p in ENGINE if (found := long_functions(p.read_text()))}
    assert long == {}


def mkdocs_imports(path: Path) -> list[str]:
    """``path:line`` of every import of MkDocs in one module."""
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any(
            (name or "").split(".")[0] == "mkdocs"
            for name in (
                [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            )
        )
    ]


def test_only_the_adapter_imports_mkdocs() -> None:
    outside = [found for p in ENGINE if ADAPTER not in p.parents for found in mkdocs_imports(p)]
    assert outside == []
    # The rule has something to let through: the adapter is where MkDocs is imported.
    assert [found for p in ENGINE if ADAPTER in p.parents for found in mkdocs_imports(p)] != []


def test_a_long_nested_function_is_found() -> None:
    body = "\n".join(f"        x{i} = {i}" for i in range(60))
    source = f"def outer() -> None:\n    def inner() -> None:\n{body}\n"
    assert long_functions(source) == ["outer (62 lines)", "inner (61 lines)"]
