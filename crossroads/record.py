"""``Record``: the base of the model's shapes, a frozen, keyword-only dataclass without codegen.

``@dataclass(frozen=True, kw_only=True)`` writes and compiles ``__init__``, ``__eq__``,
``__hash__``, ``__setattr__`` and more for every class, about 1.3 ms each: the model's two
dozen shapes cost 30 ms on every build, a third of what the generator may add to a small
guide's build (PERFORMANCE.md). ``Record`` gives the same behaviour from generic
methods, and ``dataclass_transform`` tells type checkers to treat subclasses as dataclasses.
Fields are declared the dataclass way, including ``dataclasses.field(default_factory=…,
metadata=…)``; ``__post_init__`` runs after ``__init__`` as it does for a dataclass.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, NamedTuple, dataclass_transform

_MISSING: Any = dataclasses.MISSING


class RecordField(NamedTuple):
    name: str
    default: Any = _MISSING
    default_factory: Callable[[], Any] | None = None
    metadata: Mapping[str, Any] = types.MappingProxyType({})

    @property
    def required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None


@dataclass_transform(
    kw_only_default=True, frozen_default=True, field_specifiers=(dataclasses.field,)
)
class _RecordMeta(type):
    def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
        inherited: list[RecordField] = [
            f for base in bases for f in getattr(base, "__record_fields__", ())
        ]
        own: list[RecordField] = []
        for field_name, annotation in namespace.get("__annotations__", {}).items():
            if "ClassVar" in str(annotation):
                continue
            declared = namespace.pop(field_name, _MISSING)
            if isinstance(declared, dataclasses.Field):
                factory = declared.default_factory
                own.append(
                    RecordField(
                        field_name,
                        declared.default,
                        None if factory is dataclasses.MISSING else factory,
                        declared.metadata,
                    )
                )
            else:
                own.append(RecordField(field_name, declared))
        namespace["__slots__"] = tuple(f.name for f in own)
        namespace["__record_fields__"] = (*inherited, *own)
        return super().__new__(mcls, name, bases, namespace)


class Record(metaclass=_RecordMeta):
    """Immutable, keyword-only, compared and hashed by value, like a frozen dataclass."""

    __slots__ = ()
    __record_fields__: ClassVar[tuple[RecordField, ...]]

    def __init__(self, **values: Any) -> None:
        for field in self.__record_fields__:
            if field.name in values:
                value = values.pop(field.name)
            elif field.default_factory is not None:
                value = field.default_factory()
            elif field.default is not _MISSING:
                value = field.default
            else:
                raise TypeError(f"{type(self).__name__} needs the field {field.name!r}")
            object.__setattr__(self, field.name, value)
        if values:
            raise TypeError(f"{type(self).__name__} has no field {next(iter(values))!r}")
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in self.__record_fields__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        values = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in self.__record_fields__)
        return f"{type(self).__name__}({values})"

    def __setattr__(self, name: str, value: object) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def is_record(hint: object) -> bool:
    """Whether a type hint is a :class:`Record` or a plain dataclass: a mapping in the data."""
    return isinstance(hint, type) and (issubclass(hint, Record) or dataclasses.is_dataclass(hint))


@functools.cache
def type_hints(model: type) -> dict[str, Any]:
    """A model's type hints with their rules (``Annotated`` kept), worked out once: the
    schema and the id finder both read them, and each reading compiles every annotation."""
    return typing.get_type_hints(model, include_extras=True)


def record_fields(model: type) -> tuple[RecordField, ...]:
    """The fields of a :class:`Record`, or the ``__init__`` fields of a plain dataclass."""
    if issubclass(model, Record):
        return model.__record_fields__
    return tuple(
        RecordField(
            f.name,
            f.default,
            None if f.default_factory is dataclasses.MISSING else f.default_factory,
            f.metadata,
        )
        for f in dataclasses.fields(typing.cast(Any, model))
        if f.init
    )
