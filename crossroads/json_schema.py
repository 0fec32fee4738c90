"""JSON Schema (draft 2020-12) for the data files, generated from the model's type hints.

An editor that reads JSON Schema (VS Code's YAML extension, any yaml-language-server
client) then completes keys, shows each record's docstring on hover and flags mistakes as
the author types. The schema is walked from the same hints :func:`crossroads.schema.parse`
walks, with the rules sorted by the same :func:`crossroads.rules.rules_of`, so the two
cannot drift apart.

A schema states the shape of one file and is never stricter than the build: what it cannot
say is left to ``crossroads check`` (ids that must exist in another file, the flowchart's
graph, ``__post_init__`` rules spanning several fields, ``Check`` functions such as the URL
rule). Known ids are deliberately not listed, so adding a source or a technology stays a
data-only change. Only keywords that draft-07 tools read the same way are used, because
yaml-language-server implements draft 7.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import re
import types
import typing
from typing import Annotated, Any, Literal

from crossroads.record import RecordField, is_record, record_fields
from crossroads.rules import Length, Rules, data_key, rules_of

DIALECT = "https://json-schema.org/draft/2020-12/schema"
JsonSchema = dict[str, Any]

# The keywords a Length rule becomes, by the JSON type it limits.
_LENGTH_KEYWORDS = {
    "string": ("minLength", "maxLength"),
    "array": ("minItems", "maxItems"),
    "object": ("minProperties", "maxProperties"),
}
_ANCHORS = {r"\A": "^", r"\Z": "$", r"\z": "$"}
# Escapes that match more in Python (Unicode) than in an ECMA pattern without the u flag.
_UNICODE_ESCAPES = {r"\d", r"\D", r"\w", r"\W", r"\b", r"\B"}
# Syntax only Python reads (looked for with escapes blanked out): (?P…) groups, comments,
# atomic groups, inline flags, possessive quantifiers, "{,n}", and a class starting with "]".
_PYTHON_ONLY = re.compile(r"\(\?(?:P|#|>|[aiLmsux-]+[:)])|[*+?}]\+|\{,|\[\^?\]")
_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]+\.)?(\w+)`")


class Definitions:
    """The nested records of one schema, each defined once under ``$defs``."""

    def __init__(self) -> None:
        self.schemas: dict[str, JsonSchema] = {}
        self._models: dict[str, type] = {}

    def ref(self, model: type) -> JsonSchema:
        """A reference to ``model``'s definition, added on first use."""
        name = model.__name__
        known = self._models.setdefault(name, model)
        if known is not model:
            raise TypeError(f"JSON Schema: two records are named {name}: {known!r}, {model!r}")
        if name not in self.schemas:
            self.schemas[name] = {}  # taken before the walk, so a record inside itself ends
            self.schemas[name] = record_schema(model, self)
        return {"$ref": f"#/$defs/{name}"}


def file_schema(model: type, title: str) -> JsonSchema:
    """The schema of a data file whose top level is the record ``model``."""
    definitions = Definitions()
    schema: JsonSchema = {"$schema": DIALECT, "title": title, **record_schema(model, definitions)}
    if definitions.schemas:
        schema["$defs"] = definitions.schemas
    return schema


def record_schema(model: type, definitions: Definitions) -> JsonSchema:
    """An object with exactly the record's keys; those without a default are required."""
    hints = typing.get_type_hints(model, include_extras=True)
    fields = record_fields(model)
    schema: JsonSchema = {
        "type": "object",
        "properties": {data_key(f): _field(f, hints[f.name], definitions) for f in fields},
        "additionalProperties": False,
    }
    required = [data_key(f) for f in fields if f.required]
    if required:
        schema["required"] = required
    description = docstring(model)
    if description:
        schema["description"] = description
    return schema


def _field(field: RecordField, hint: Any, definitions: Definitions) -> JsonSchema:
    schema = type_schema(hint, definitions)
    if field.required:
        return schema
    default = field.default_factory() if field.default_factory is not None else field.default
    # None, the default of every optional value, is left out: an editor would complete
    # the key with "null", which says nothing.
    return schema if default is None else _add(schema, {"default": default})


def type_schema(hint: Any, definitions: Definitions) -> JsonSchema:
    """The schema of one type hint, read as :func:`crossroads.schema.parse` reads it."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Annotated:
        return _with_rules(type_schema(args[0], definitions), rules_of(args[1:]))
    if is_record(hint):
        return definitions.ref(hint)
    if hint is str:
        return {"type": "string"}
    if hint is dt.date:
        # YAML reads an unquoted 2026-01-31 as a date, but an editor validates the text,
        # where it is a string (YAML 1.2, which editors use, has no date type).
        return {"type": "string", "format": "date"}
    if origin is Literal and all(isinstance(a, str) for a in args):
        return {"type": "string", "enum": list(args)}
    if origin is list:
        return {"type": "array", "items": type_schema(args[0], definitions)}
    if origin is dict:
        return {
            "type": "object",
            "propertyNames": type_schema(args[0], definitions),
            "additionalProperties": type_schema(args[1], definitions),
        }
    if origin in (types.UnionType, typing.Union) and len(args) == 2 and type(None) in args:
        inner = args[0] if args[1] is type(None) else args[1]
        return {"anyOf": [type_schema(inner, definitions), {"type": "null"}]}
    raise TypeError(f"JSON Schema: the type {hint!r} is not supported")


def _with_rules(schema: JsonSchema, rules: Rules) -> JsonSchema:
    """``schema`` narrowed by an ``Annotated`` type's rules (a ``Check`` runs in the build only)."""
    result = _add(schema, {"description": rules.expected}) if rules.expected else schema
    for length in rules.lengths:
        if schema.get("type") == "string" and rules.strip:
            for limit in _trimmed_length(length):
                result = _add(result, limit)
        else:
            result = _add(result, _length(schema.get("type"), length))
    for pattern in rules.patterns:
        regex = ecma_pattern(pattern.regex, trimmed=rules.strip)
        result = _add(result, {"pattern": regex, "patternErrorMessage": pattern.explanation})
    return result


def _add(schema: JsonSchema, keywords: JsonSchema) -> JsonSchema:
    """Both ``schema`` and ``keywords`` apply: a keyword already there goes under ``allOf``.

    A ``$ref`` is wrapped first, because draft 7 ignores the keywords beside one.
    """
    result = {"allOf": [schema]} if "$ref" in schema else dict(schema)
    if keywords.keys() & result.keys():
        return {**result, "allOf": [*result.get("allOf", []), keywords]}
    return {**result, **keywords}


def _length(kind: object, length: Length) -> JsonSchema:
    if not isinstance(kind, str) or kind not in _LENGTH_KEYWORDS:
        raise TypeError(f"JSON Schema: a Length rule on {kind!r} is not supported")
    low, high = _LENGTH_KEYWORDS[kind]
    keywords: JsonSchema = {low: length.min} if length.min else {}
    if length.max is not None:
        keywords[high] = length.max
    return keywords


def _trimmed_length(length: Length) -> list[JsonSchema]:
    """The limits of a ``Strip`` text, which the build counts without surrounding whitespace.

    JSON Schema cannot trim, and a YAML block scalar ends in a newline, so ``maxLength``
    would miscount; these patterns say the rule exactly (``[\\s\\S]`` is any character).
    """
    limits: list[JsonSchema] = []
    if length.min == 1:
        limits.append({"pattern": r"\S", "patternErrorMessage": "must not be empty"})
    elif length.min > 1:
        limits.append(
            {
                "pattern": rf"\S[\s\S]{{{length.min - 2},}}\S",
                "patternErrorMessage": f"needs {length.min} characters",
            }
        )
    if length.max is not None:
        limits.append(
            {
                "pattern": rf"^\s*[\s\S]{{0,{length.max}}}\s*$",
                "patternErrorMessage": f"too long: at most {length.max} characters",
            }
        )
    return limits


def ecma_pattern(regex: str, *, trimmed: bool = False) -> str:
    """A Python ``regex`` that must match the whole text, as a JSON Schema ``pattern``.

    A ``pattern`` is an ECMA 262 regular expression that may match anywhere, so the text is
    anchored with ``^(?:…)$`` (``^\\s*(?:…)\\s*$`` for a text the build ``trimmed``
    first), and Python's ``\\A``, ``\\Z`` become ``^``, ``$``. Syntax that reads
    differently in JavaScript is an error here rather than a silent change.
    """
    re.compile(regex)  # a broken regex fails in Python's own words first
    tokens = re.findall(r"\\.|.", regex, re.DOTALL)
    unicode = sorted(set(tokens) & _UNICODE_ESCAPES)
    blanked = "".join("_" if len(t) == 2 else t for t in tokens)
    if unicode or _PYTHON_ONLY.search(blanked):
        found = unicode[0] if unicode else _PYTHON_ONLY.findall(blanked)[0]
        raise TypeError(f"JSON Schema: {regex!r} uses {found!r}, which JavaScript reads otherwise")
    space = r"\s*" if trimmed else ""
    return f"^{space}(?:" + "".join(_ANCHORS.get(t, t) for t in tokens) + f"){space}$"


def docstring(model: type) -> str | None:
    """The first paragraph of the record's own docstring, on one line, roles as code."""
    doc = model.__dict__.get("__doc__")
    # A dataclass without a docstring gets its signature as one: not a description.
    if not doc or (dataclasses.is_dataclass(model) and doc.startswith(f"{model.__name__}(")):
        return None
    paragraph = " ".join(inspect.cleandoc(doc).split("\n\n")[0].split())
    return _ROLE.sub(r"`\1`", paragraph).replace("``", "`")
