"""Untagged names: words that name a technology their item is not tagged with. Warnings.

A statement or an article claim shows only on pages that cover every technology in its
``technologies`` list, and a use case's recommendation is about its one ``technology`` (it
shows on that technology's own page too). Words that name another of the guide's
technologies break that promise: a page about Vue alone would speak of React. ``check``
warns and does not fail, because only the author can tell a name that needs the tag from a
harmless one; an item's ``mentions:`` list is how the author says a name is harmless (an
example, or what the item's technology runs on), and silences the warning for it.

Which words count: each item's own words and the passages it quotes, since a reader sees
both wherever the item is shown (statements: title, text; claims: quote, correction;
recommendations: verdict, reasons; each one's ``sources`` passages). Not counted: a claim's
``section`` (a heading of the reviewed article, not the claim), and text whose pages are not
chosen by a tag: a technology's own file, which may name its relatives, comparison
summaries (their page shows their columns), use-case caveats and flowchart outcomes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from crossroads.data_files import DataFile
from crossroads.errors import DataProblem
from crossroads.loading import Location
from crossroads.model import Article, StatementsFile, UseCase

# A name counts only as a word of its own: not inside another word ("Reacts", "PyYAML",
# "ASP.NET"), a hyphenated name ("React-Redux", "pre-React") or a dotted one ("react.dev",
# "yaml.org"). A name is matched as written in its file ("Go", not the verb "go"); an id
# only where it is not just the name in lower case ("dotnet" for ".NET"), since a
# lower-case "go" or "rust" is as likely an ordinary word.
_BEFORE = r"(?<![\w-])"
_AFTER = r"(?![\w-]|\.\w)"


@dataclass(frozen=True)
class _Item:
    """One tagged item: what to call it, where it is, its tags and its words by field."""

    label: str
    location: Location
    tagged: tuple[str, ...]
    words: dict[Location, str]
    # Named only in passing (the item's `mentions:`): the author has said it needs no tag.
    mentioned: tuple[str, ...] = ()
    # A recommendation is about one technology; it cannot be tagged with another.
    single: bool = False


def _words(sources: dict[str, str], **fields: str) -> dict[Location, str]:
    words: dict[Location, str] = {(name,): text for name, text in fields.items()}
    words.update({("sources", source): passage for source, passage in sources.items()})
    return words


def _statements(value: StatementsFile) -> Iterator[_Item]:
    for index, s in enumerate(value.statements):
        words = _words(s.sources, title=s.title, text=s.text)
        label, at = f"statement {s.id!r}", ("statements", index)
        yield _Item(label, at, tuple(s.technologies), words, tuple(s.mentions))


def _claims(value: Article) -> Iterator[_Item]:
    for index, c in enumerate(value.claims):
        words = _words(c.sources, quote=c.quote, correction=c.correction)
        label, at = f"claim {c.id!r}", ("claims", index)
        yield _Item(label, at, tuple(c.technologies), words, tuple(c.mentions))


def _recommendations(value: UseCase) -> Iterator[_Item]:
    for index, r in enumerate(value.recommendations):
        words = _words(r.sources, verdict=r.verdict, reasons=r.reasons)
        label = f"the recommendation for {r.technology!r}"
        at = ("recommendations", index)
        yield _Item(label, at, (r.technology,), words, tuple(r.mentions), single=True)


_ITEMS: dict[type[Any], Callable[[Any], Iterator[_Item]]] = {
    StatementsFile: _statements,
    Article: _claims,
    UseCase: _recommendations,
}


class NameFinder:
    """Every technology's name (and distinct id) as one pattern, longest first, so that a
    name holding another ("React Native", "React") is read as the longer one."""

    def __init__(self, names: dict[str, str]) -> None:
        """``names``: technology id -> its name."""
        self.by_term: dict[str, str] = {}  # a name or id, its spaces single -> technology id
        for technology_id, name in names.items():
            self.by_term[_spaced(name)] = technology_id
            if technology_id != name.lower():
                self.by_term[technology_id] = technology_id
        terms = sorted(self.by_term, key=len, reverse=True)
        # A name may break across lines in a folded YAML value.
        either = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)
        self.pattern = re.compile(f"{_BEFORE}(?:{either}){_AFTER}")

    def named_in(self, text: str) -> list[str]:
        """The ids of the technologies ``text`` names, in the order it first names them."""
        found = (self.by_term[_spaced(m.group(0))] for m in self.pattern.finditer(text))
        return list(dict.fromkeys(found))


def _spaced(text: str) -> str:
    return " ".join(text.split())


def untagged_names(files: list[DataFile]) -> list[DataProblem]:
    """One warning for each item and each technology it names but is not tagged with."""
    names = {f.value.id: f.value.name for f in files if f.folder == "technologies" and f.value}
    if not names:
        return []
    matcher = NameFinder(names)
    warnings: list[DataProblem] = []
    for file in files:
        items = _ITEMS.get(file.model)
        if items is None or file.value is None or file.document is None:
            continue
        for item in items(file.value):
            for technology_id, fields in _untagged(item, matcher).items():
                message = _message(item, names, technology_id, fields)
                warnings.append(file.document.problem((*item.location, *fields[0]), message))
    return sorted(warnings)


def _untagged(item: _Item, matcher: NameFinder) -> dict[str, list[Location]]:
    """Technology id -> the fields of ``item`` that name it, for each one it is not tagged with."""
    found: dict[str, list[Location]] = {}
    for field, text in item.words.items():
        for technology_id in matcher.named_in(text):
            if technology_id not in (*item.tagged, *item.mentioned):
                found.setdefault(technology_id, []).append(field)
    return found


def _message(item: _Item, names: dict[str, str], technology_id: str, fields: list[Location]) -> str:
    name = names[technology_id]
    named = f"{item.label} names {name} in {_fields_words(fields)}"
    if item.single:
        # A quoted passage can be trimmed with "…" as well as reworded.
        return (
            f"{named}, but a recommendation is about {item.tagged[0]} alone: leave {name} "
            "out, or say it in a statement whose technologies list both"
            f"{_in_passing(technology_id, name)}"
        )
    tags = ", ".join(item.tagged)
    return (
        f"{named}, but its technologies are [{tags}]: add {technology_id} to its technologies"
        f"{_in_passing(technology_id, name)}"
    )


def _in_passing(technology_id: str, name: str) -> str:
    # A name given as an example or as what a thing runs on is right where it is: tagging
    # it would hide the item from every page without that technology.
    return f" (or, if it names {name} only in passing, add {technology_id} to its mentions)"


def _fields_words(fields: list[Location]) -> str:
    """``its text and the passages it quotes from a and b``."""
    own = [f"its {field[0]}" for field in fields if field[0] != "sources"]
    quoted = [str(field[1]) for field in fields if field[0] == "sources"]
    if quoted:
        passages = "the passage" if len(quoted) == 1 else "the passages"
        own.append(f"{passages} it quotes from {_listed(quoted)}")
    return _listed(own)


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
