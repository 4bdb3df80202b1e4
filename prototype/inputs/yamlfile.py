"""YAML reading that keeps dates as text (so pydantic judges them) and names the bad line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from prototype.inputs.errors import InputError

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
MAX_DEPTH = 50
"""How deeply collections may nest; a fixture needs four levels, and PyYAML recurses."""


class _Constructors(yaml.constructor.SafeConstructor):
    """SafeLoader's constructors, less implicit timestamps (``2026-02-30`` reaches validation
    as text), refusing a key written twice instead of keeping the last, and a number too long
    to read, each with its place in the file."""

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
        return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep=deep)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_int(self, node)
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, "the number has more digits than can be read", node.start_mark
            ) from None


_Constructors.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:int", _Constructors.construct_yaml_int
)
_Constructors.yaml_implicit_resolvers = {  # type: ignore[attr-defined]
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _CarefulLoader(_Constructors, yaml.SafeLoader):
    """The pure-Python parser: it also refuses nesting deeper than :data:`MAX_DEPTH`, and its
    messages say exactly what is wrong and where."""

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


_FastLoader: type[yaml.SafeLoader] | None = None
if hasattr(yaml, "CSafeLoader"):  # PyYAML built with libyaml: several times faster

    class _LibyamlLoader(_Constructors, yaml.CSafeLoader):
        """libyaml's parser with the same constructors: for files that are well formed."""

    _FastLoader = _LibyamlLoader  # type: ignore[assignment]


def _depth(data: Any) -> int:
    """How deeply ``data`` nests collections."""
    if isinstance(data, dict):
        return 1 + max(map(_depth, data.values()), default=0)
    if isinstance(data, list):
        return 1 + max(map(_depth, data), default=0)
    return 0


def load_yaml(text: str, source: str, *, first_line: int = 1) -> Any:
    """Parse ``text``; a syntax error becomes one ``source: line N: problem`` line.

    A file is read with libyaml when it can be; a file it refuses (or nests too deeply) is read
    again by the pure-Python parser, whose messages are the ones reported.
    """
    if _FastLoader is not None:
        try:
            data = yaml.load(text, Loader=_FastLoader)
            if _depth(data) <= MAX_DEPTH:
                return data
        except (yaml.YAMLError, RecursionError):
            pass  # read again below, to say exactly what is wrong and where
    try:
        return yaml.load(text, Loader=_CarefulLoader)
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


def load_yaml_file(path: Path, source: str) -> Any:
    """Read and parse a UTF-8 YAML file; ``source`` names it in errors, as one cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError([f"{source}: cannot be read: {error}"]) from None
    return load_yaml(text, source)
