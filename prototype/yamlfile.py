"""YAML reading that keeps dates as text (so pydantic judges them) and names the bad line."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import InputError

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps (``2026-02-30`` reaches validation as text) that
    refuses a key written twice instead of keeping the last."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, source: str, *, first_line: int = 1) -> Any:
    """Parse ``text``; a syntax error becomes one ``source: line N: problem`` line."""
    try:
        return yaml.load(text, Loader=_TextDatesLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + first_line}, column {mark.column + 1}" if mark else "YAML"
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError([f"{source}: {where}: {problem}"]) from None
