"""YAML reading that keeps dates as text (so pydantic judges them) and names the bad line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from prototype.inputs.errors import InputError, cut, shown

_YAML = "tag:yaml.org,2002:"
_STR = f"{_YAML}str"
_TIMESTAMP = f"{_YAML}timestamp"
_MERGE = f"{_YAML}merge"
_READ_AS = {
    f"{_YAML}bool": "a boolean",
    f"{_YAML}int": "a number",
    f"{_YAML}float": "a number",
    f"{_YAML}null": "null (no value)",
}
"""What a key that is not text is read as, for the message that names it."""
MAX_DEPTH = 50
"""How deeply collections may nest; a fixture needs four levels, and PyYAML recurses."""
MAX_VALUES = 100_000
"""How many values (keys, items and the rest) a file may hold with every alias written out; a
fixture of 28 invoices holds about 500, and a few lines of aliases can stand for billions."""
MAX_PROBLEM = 200
"""The longest a parser's problem is shown whole; PyYAML's name an undefined alias in full."""


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1's implicit types less timestamps: ``2026-02-30`` reaches validation as text."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_resolve: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = _Resolver().resolve
"""The tag a scalar gets from its text and style (plain or quoted) when none is written."""


def _refuse(node: yaml.Node, problem: str) -> yaml.constructor.ConstructorError:
    """The error that names ``problem`` at ``node``'s place in the file."""
    return yaml.constructor.ConstructorError(None, None, problem, node.start_mark)


def _implicit_tag(node: yaml.Node) -> str:
    """The tag ``node`` has when none is written: what its kind and its text make it."""
    if isinstance(node, yaml.MappingNode):
        return f"{_YAML}map"
    if isinstance(node, yaml.SequenceNode):
        return f"{_YAML}seq"
    plain = isinstance(node, yaml.ScalarNode) and not node.style
    return _resolve(yaml.ScalarNode, node.value, (plain, not plain))


def _shown_tag(tag: str) -> str:
    """A tag as it is written in a file: ``!!binary`` rather than ``tag:yaml.org,2002:binary``."""
    return shown(f"!!{tag.removeprefix(_YAML)}" if tag.startswith(_YAML) else tag)


def _check_key(key: yaml.Node) -> None:
    """Refuse a key that is not text as written: a list or mapping, ``on``, ``1``, ``null``."""
    if key.tag == _MERGE:
        return
    if not isinstance(key, yaml.ScalarNode):
        raise _refuse(key, "a key must be a plain value, not a list or a mapping")
    if key.tag != _STR:
        read_as = _READ_AS.get(key.tag, "something other than text")
        raise _refuse(
            key, f"the key {shown(key.value)} is read as {read_as}; quote it or use a field name"
        )


def _check_node(node: yaml.Node) -> None:
    """Refuse a tag written on a value (``!!binary``, ``!!python/...``, ``!custom``), and keys
    that are not text."""
    if node.tag != _implicit_tag(node):
        raise _refuse(
            node, f"the tag {_shown_tag(node.tag)} is not allowed; write the value without it"
        )
    if isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            _check_key(key)


def _children(node: yaml.Node) -> list[yaml.Node]:
    """The nodes ``node`` holds: its items, or its keys and values."""
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_document(root: yaml.Node) -> None:
    """Refuse, before anything is built, what the files have no use for: tags, keys that are not
    text, an alias inside what it names, and more than :data:`MAX_VALUES` values once aliases
    are written out. Each node is visited once, so a billion laughs are counted, not expanded."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_counted = stack.pop()
        if children_counted:
            size = 1 + sum(sizes[id(child)] for child in _children(node))
            if size > MAX_VALUES:
                too_many = f"the data holds more than {MAX_VALUES:,} values"
                raise _refuse(node, f"with its aliases written out, {too_many}")
            sizes[id(node)] = size
            open_nodes.discard(id(node))
        elif id(node) in open_nodes:
            raise _refuse(node, "an alias refers to the collection that holds it")
        elif id(node) not in sizes:
            _check_node(node)
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(_children(node)))


class _Constructors(yaml.constructor.SafeConstructor):
    """SafeLoader's constructors, after :func:`_check_document`, refusing a key written twice
    instead of keeping the last, and a number too long to read, each with its place in the file."""

    def construct_document(self, node: yaml.Node) -> Any:
        _check_document(node)
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                continue
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise _refuse(key_node, f"the key {shown(key)} appears twice")
            seen.add(key)
        return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep=deep)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_int(self, node)
        except ValueError:
            raise _refuse(node, "the number has more digits than can be read") from None


_Constructors.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:int", _Constructors.construct_yaml_int
)


class _CarefulLoader(_Constructors, _Resolver, yaml.SafeLoader):
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

    class _LibyamlLoader(_Constructors, _Resolver, yaml.CSafeLoader):
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
        problem = cut(getattr(error, "problem", None) or "invalid YAML", MAX_PROBLEM)
        raise InputError([f"{source}: {where}: {problem}"]) from None


def load_yaml_file(path: Path, source: str) -> Any:
    """Read and parse a UTF-8 YAML file; ``source`` names it in errors, as one cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError([f"{source}: cannot be read: {error}"]) from None
    return load_yaml(text, source)
