"""YAML reading that refuses duplicate mapping keys.

PyYAML silently keeps the last of two equal keys; in a catalogue keyed by id that would hide a
duplicated muscle, so duplicates are an error here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _UniqueKeyLoader(yaml.SafeLoader):
    pass


def _construct_unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)  # resolve "<<" merge keys before checking
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            line = key_node.start_mark.line + 1
            raise ValueError(f"duplicate key {key!r} (line {line})")
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping
)


def read_yaml(path: Path) -> Any:
    """Parses a YAML file; any problem is a ValueError that names the file."""
    try:
        with path.open(encoding="utf-8") as handle:
            # A SafeLoader subclass: no arbitrary Python objects can be built.
            return yaml.load(handle, Loader=_UniqueKeyLoader)
    except (OSError, yaml.YAMLError, ValueError) as error:
        raise ValueError(f"{path}: cannot read knowledge base: {error}") from error
