"""Compiled templates are cached between builds, and the cache can never fail a build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NoReturn

import pytest
from jinja2 import Environment

from crossroads import jinja_env
from crossroads.scaffold import SCAFFOLD_DIR
from crossroads.validation import load_guide

GUIDE = load_guide(SCAFFOLD_DIR / "data", dt.date(2026, 11, 30))


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder should be")
    env = jinja_env.environment().overlay(
        cache_size=0, bytecode_cache=jinja_env.BestEffortBytecodeCache(str(not_a_folder))
    )
    markdown = env.get_template("fragments/opening.md.j2").render(guide=GUIDE)
    assert markdown.startswith(GUIDE.info.opening.split()[0])
    assert not_a_folder.read_text() == "a file where the cache folder should be"


def test_a_cached_template_is_not_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def env() -> Environment:
        return jinja_env.environment().overlay(
            cache_size=0, bytecode_cache=jinja_env.BestEffortBytecodeCache(str(tmp_path))
        )

    first = env().get_template("sources.md.j2")
    assert len(list(tmp_path.iterdir())) == 1
    second_build = env()

    def compile_again(*_: object, **__: object) -> NoReturn:
        raise AssertionError("compiled although the cache holds the template")

    monkeypatch.setattr(second_build, "compile", compile_again)
    again = second_build.get_template("sources.md.j2")
    assert again.name == first.name == "sources.md.j2"
