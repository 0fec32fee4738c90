"""Errors in the guide's data, reported as ``file:line: where: what`` for authors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class DataProblem:
    """One thing wrong with one data file, at one line."""

    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


class DataError(Exception):
    """Raised when the guide's data is invalid; carries every problem found."""

    def __init__(self, problems: Iterable[DataProblem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"the guide's data has {count} {noun}:\n{lines}")


def display_path(path: Path) -> str:
    """The path as an author would type it: relative to the working directory when possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
