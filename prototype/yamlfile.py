"""YAML reading that keeps dates as text (so pydantic judges them) and names the bad line."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import InputError

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps: ``2026-02-30`` reaches validation as text."""


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
