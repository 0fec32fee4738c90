"""Read YAML data files into plain Python values, remembering the line of every value.

PyYAML alone forgets where a value came from and silently keeps the last of two
duplicate keys; authors need ``file:line`` in every message, so this module walks
the composed node tree itself.  It also uses YAML 1.2 booleans (only ``true`` and
``false``) so that a flowchart answer ``no`` stays the string ``"no"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from crossroads.errors import DataError, DataProblem, display_path

Location = tuple[str | int, ...]

MAX_FILE_BYTES = 1_000_000


# libyaml's parser when PyYAML was built with it: composing nodes (with their marks) in C is
# several times faster; both classes use the same Python resolver and constructor.
_SafeLoaderBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _GuideLoader(_SafeLoaderBase):  # type: ignore[valid-type, misc]
    """SafeLoader with YAML 1.2 booleans; ``yes``/``no``/``on``/``off`` stay strings."""


class _GuideConstructor(yaml.SafeLoader):
    """Constructs scalars with the same resolver rules as :class:`_GuideLoader`."""


for _loader in (_GuideLoader, _GuideConstructor):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )


@dataclass
class YamlDocument:
    """The values of one YAML file and the line (1-based) where each value starts."""

    path: Path
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    source_lines: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return display_path(self.path)

    def line_of(self, location: Location) -> int:
        """Line of the deepest part of ``location`` that exists in the file."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(location[:end])
            if line is not None:
                return line
        return 1

    def problem(self, location: Location, message: str) -> DataProblem:
        return DataProblem(self.name, self.line_of(location), format_location(location), message)


def format_location(location: Location) -> str:
    """``("criteria", "io", "sources", 0)`` -> ``criteria.io.sources[0]``."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def load_yaml(path: Path) -> YamlDocument:
    """Parse one file; raise :class:`DataError` naming the file and line on any problem."""
    name = display_path(path)
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise DataError([DataProblem(name, 1, "", f"file is larger than {MAX_FILE_BYTES} bytes")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(
            [DataProblem(name, line, "", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")]
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        node = yaml.compose(text, Loader=_GuideLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = exc.problem or exc.context or "invalid YAML"
        started = exc.context_mark
        if exc.context and started is not None and started.line + 1 != line:
            what += f" ({exc.context} at line {started.line + 1})"
        lines = text.splitlines()
        # libyaml does not always name the character; a tab on the line is the likely cause.
        tab = 0 < line <= len(lines) and "\t" in lines[line - 1]
        message = f"YAML syntax error: {plain_words(what, tab_on_line=tab)}"
        raise DataError([DataProblem(name, line, "", message)]) from None
    except yaml.YAMLError as exc:
        raise DataError([DataProblem(name, 1, "", f"YAML error: {exc}")]) from None
    if node is None:
        raise DataError([DataProblem(name, 1, "", "file is empty")])
    document = YamlDocument(path=path, data=None, source_lines=text.splitlines())
    problems: list[DataProblem] = []
    document.data = _to_python(node, (), document, problems, set())
    if problems:
        raise DataError(problems)
    return document


# What the parser says -> what to do about it, in the author's words.
_ADVICE = (
    ("mapping values are not allowed", "a value contains ': ': put this value in quotes"),
    (
        "could not find expected ':'",
        "a key has no ':' after it, or a value runs onto the next "
        "line: check the indentation, or put the value in quotes",
    ),
    (
        "cannot start any token",
        "a value starts with a character YAML reserves (such as @, ` or "
        "%): put this value in quotes",
    ),
    (
        "did not find expected key",
        "this line is not indented like the keys around it: line it "
        "up with them, or put a value that starts with [, { or a quote in quotes as a whole",
    ),
    (
        "did not find expected '-' indicator",
        "a list item is not indented like the items around it: line its '-' up with theirs",
    ),
    ("found unexpected end of stream", "a quote or bracket is opened and never closed"),
    ("expected ',' or ']'", "a list in brackets is not closed: end it with ]"),
    ("expected ',' or '}'", "a mapping in braces is not closed: end it with }"),
)


def plain_words(parser_message: str, *, tab_on_line: bool = False) -> str:
    """The parser's message with advice first, so an author knows what to change."""
    if tab_on_line or "tab" in parser_message:
        return f"indent with spaces, not tabs (the parser says: {parser_message})"
    for fragment, advice in _ADVICE:
        if fragment in parser_message:
            return f"{advice} (the parser says: {parser_message})"
    return parser_message


_CONSTRUCTOR = _GuideConstructor("")
_STR_TAG = "tag:yaml.org,2002:str"


def _to_python(
    node: yaml.Node,
    location: Location,
    document: YamlDocument,
    problems: list[DataProblem],
    seen: set[int],
) -> Any:
    line = node.start_mark.line + 1
    document.lines.setdefault(location, line)
    if id(node) in seen:
        # An alias re-uses a node: refusing them keeps data plain and blocks "billion laughs".
        problems.append(document.problem(location, "YAML anchors and aliases are not supported"))
        return None
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if (
                not isinstance(key_node, yaml.ScalarNode)
                or key_node.tag == "tag:yaml.org,2002:merge"
            ):
                problems.append(document.problem(location, "keys must be plain text"))
                continue
            key_value = _scalar(key_node, (*location, "?"), document, problems)
            if key_value is None:
                continue
            key = str(key_value)
            if key in result:
                problems.append(
                    DataProblem(
                        document.name,
                        key_node.start_mark.line + 1,
                        format_location((*location, key)),
                        f"duplicate key {key!r} (first at line {document.lines[(*location, key)]})",
                    )
                )
                continue
            document.lines[(*location, key)] = key_node.start_mark.line + 1
            result[key] = _to_python(value_node, (*location, key), document, problems, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, (*location, index), document, problems, seen)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, location, document, problems)


def _comment_cuts(node: yaml.Node, document: YamlDocument) -> bool:
    """An unquoted value followed by one space and '#': a sentence cut by a YAML comment.

    A comment meant as one is set off by two spaces or more, as in the YAML and PEP 8 style;
    one space after a word is how "# marks a comment" is typed in prose.
    """
    mark = node.end_mark
    if mark.line >= len(document.source_lines):
        return False
    return document.source_lines[mark.line][mark.column :].startswith(" #")


def _scalar(
    node: yaml.Node, location: Location, document: YamlDocument, problems: list[DataProblem]
) -> Any:
    """Construct one scalar; unknown tags (``!foo``) and impossible dates become problems."""
    if not isinstance(node, yaml.ScalarNode):
        problems.append(document.problem(location, "expected a plain value here"))
        return None
    if node.tag == _STR_TAG:
        if not node.style and _comment_cuts(node, document):
            problems.append(
                document.problem(
                    location,
                    "the text stops at ' #': in YAML a space and # start a comment, so the "
                    "rest of the line is dropped; put the whole value in quotes",
                )
            )
        # Nearly every value is text; skip the general constructor's bookkeeping for it.
        return node.value
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    except yaml.MarkedYAMLError as exc:
        problem = DataProblem(
            document.name,
            node.start_mark.line + 1,
            format_location(location),
            f"cannot read value: {exc.problem or exc}",
        )
        problems.append(problem)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        problems.append(
            DataProblem(
                document.name,
                node.start_mark.line + 1,
                format_location(location),
                f"cannot read value {node.value!r}: {exc}",
            )
        )
    return None
