"""YAML reading that keeps dates as text (so pydantic judges them) and names the bad line."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import InputError

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
MAX_DEPTH = 50
"""How deeply collections may nest; a fixture needs four levels, and PyYAML recurses."""


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps (``2026-02-30`` reaches validation as text) that
    refuses a key written twice instead of keeping the last, a number too long to read, and
    nesting deeper than :data:`MAX_DEPTH`, each with the place in the file."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None, None, f"the data is nested more than {MAX_DEPTH} levels deep", mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                continue
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, "the number has more digits than can be read", node.start_mark
            ) from None


_TextDatesLoader.add_constructor("tag:yaml.org,2002:int", _TextDatesLoader.construct_yaml_int)


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, source: str, *, first_line: int = 1) -> Any:
    """Parse ``text``; a syntax error becomes one ``source: line N: problem`` line."""
    try:
        return yaml.load(text, Loader=_TextDatesLoader)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + first_line
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        character = f"#x{error.character:04x}" if isinstance(error.character, int) else "byte"
        raise InputError(
            [f"{source}: line {line}, column {column}: character {character}: {error.reason}"]
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + first_line}, column {mark.column + 1}" if mark else "YAML"
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError([f"{source}: {where}: {problem}"]) from None
