"""Read and write a guide's ``mkdocs.yml`` without losing what PyYAML cannot construct safely.

A real ``mkdocs.yml`` may hold tags only MkDocs resolves: ``!ENV``, ``!relative`` and
Python names such as Material's ``!!python/name:material.extensions.emoji.twemoji``.
They are read as :class:`Tagged` values and written back with the same tag, so a config
that ``python -m crossroads generate`` rewrites means to MkDocs what the guide's did.
Nothing is imported or run: a tag is kept as text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Tagged:
    """A tagged YAML node kept as it was: its tag and its plain value."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps any tag it does not know as a :class:`Tagged` value."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode)
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


# "!" covers local tags (!ENV, !relative); the long prefix covers !!python/... tags.
_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes :class:`Tagged` values back with their tag, and no aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Dumper.add_representer(Tagged, _represent_tagged)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' INHERIT rule: mappings merge key by key, anything else the child's wins."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_config(config_file: Path) -> dict[str, Any]:
    """The config as MkDocs would see it, ``INHERIT`` resolved, tags kept as :class:`Tagged`."""
    loaded = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_Loader)
    config: dict[str, Any] = loaded if isinstance(loaded, dict) else {}
    parent = config.pop("INHERIT", None)
    if isinstance(parent, str):
        # MkDocs reads the parent relative to the inheriting file, then forgets where each
        # key came from: every relative path is the child's.
        config = _merge(load_config(config_file.parent / parent), config)
    return config


def dump_config(config: dict[str, Any]) -> str:
    return yaml.dump(
        config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )


def relative_to(path: Path, start: Path) -> str:
    """``path`` as a relative path from ``start``, as POSIX text for a config file."""
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()
