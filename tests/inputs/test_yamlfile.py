"""YAML reading: libyaml when it can, the pure-Python parser's words when something is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from prototype.inputs import yamlfile
from prototype.inputs.errors import InputError
from tests.expected import FIXTURES, ROOT

FILES = sorted([*FIXTURES.glob("*.yaml"), ROOT / "docs" / "claims.yaml"])


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_both_parsers_read_the_project_files_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    careful = yaml.load(text, Loader=yamlfile._CarefulLoader)
    assert yamlfile.load_yaml(text, path.name) == careful


def test_dates_stay_text() -> None:
    assert yamlfile.load_yaml("today: 2026-05-20", "x.yaml") == {"today": "2026-05-20"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: 1\na: 2\n", "x.yaml: line 2, column 1: the key 'a' appears twice"),
        ("n: " + "9" * 5000 + "\n", "x.yaml: line 1, column 4: the number has more digits"),
        ("a: " + "[" * 60 + "]" * 60 + "\n", "x.yaml: line 1, column 53: the data is nested"),
        ("a: [\n", "x.yaml: line 2, column 1: expected the node content"),
    ],
    ids=["duplicate-key", "huge-number", "too-deep", "syntax"],
)
def test_problems_are_described_by_the_careful_parser(text: str, problem: str) -> None:
    with pytest.raises(InputError) as raised:
        yamlfile.load_yaml(text, "x.yaml")
    [line] = raised.value.problems
    assert line.startswith(problem), line


def test_merge_keys_are_not_duplicates() -> None:
    text = "base: &b {x: 1}\nitem: {<<: *b, y: 2}\n"
    assert yamlfile.load_yaml(text, "x.yaml")["item"] == {"x": 1, "y": 2}


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """A "billion laughs": ``levels`` lines, each ``width`` aliases of the line before, so a few
    hundred bytes stand for ``width ** levels`` values."""
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        aliases = ", ".join([f"*l{level - 1}"] * width)
        lines.append(f"l{level}: &l{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def problem_of(text: str) -> str:
    """The one problem ``load_yaml`` raises for ``text``."""
    with pytest.raises(InputError) as raised:
        yamlfile.load_yaml(text, "x.yaml")
    [line] = raised.value.problems
    return line


def test_an_alias_bomb_is_refused_not_expanded() -> None:
    """Without the count, reading it (or checking its depth) would take minutes."""
    assert problem_of(alias_bomb()) == (
        "x.yaml: line 6, column 5: with its aliases written out, the data holds more than "
        "100,000 values"
    )


def test_aliases_that_stay_small_are_read() -> None:
    assert (
        yamlfile.load_yaml(alias_bomb(levels=3, width=3), "x.yaml")["l2"] == [[["lol"] * 3] * 3] * 3
    )


LOADERS = [loader for loader in (yamlfile._CarefulLoader, yamlfile._FastLoader) if loader]
"""The pure-Python parser, and libyaml's when PyYAML has it."""


@pytest.mark.parametrize("loader", LOADERS)
def test_both_parsers_refuse_the_bomb(loader: type[yaml.SafeLoader]) -> None:
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load(alias_bomb(), Loader=loader)


@pytest.mark.parametrize("text", ["a: &a [1, *a]\n", "a: &a {b: *a}\n"], ids=["list", "mapping"])
def test_an_alias_inside_what_it_names_is_refused(text: str) -> None:
    assert problem_of(text) == (
        "x.yaml: line 1, column 4: an alias refers to the collection that holds it"
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("? [plan, tier]\n: x\n", "line 1, column 3"),
        ("? {a: 1}\n: x\n", "line 1, column 3"),
        ("{[a, b]: x}\n", "line 1, column 2"),
        ("plan:\n  ? - tier\n  : x\n", "line 2, column 5"),
    ],
)
def test_a_key_that_is_not_a_plain_value_is_refused(text: str, where: str) -> None:
    assert problem_of(text) == (
        f"x.yaml: {where}: a key must be a plain value, not a list or a mapping"
    )


@pytest.mark.parametrize(
    ("key", "read_as"),
    [
        ("on", "a boolean"),
        ("yes", "a boolean"),
        ("No", "a boolean"),
        ("1", "a number"),
        ("0x1F", "a number"),
        ("1.5", "a number"),
        ("~", "null (no value)"),
        ("null", "null (no value)"),
    ],
)
def test_a_key_that_is_not_text_is_named_as_written(key: str, read_as: str) -> None:
    assert problem_of(f"title: T\nplan:\n  {key}: x\n") == (
        f"x.yaml: line 3, column 3: the key {key!r} is read as {read_as}; quote it or use a "
        "field name"
    )


def test_a_quoted_key_is_text() -> None:
    assert yamlfile.load_yaml("'on': 1\n\"1\": 2\n", "x.yaml") == {"on": 1, "1": 2}


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!str 123", "!!str"),
        ("!!int '5'", "!!int"),
        ("!!timestamp 2026-05-20", "!!timestamp"),
        ("!!set {a, b}", "!!set"),
        ("!!omap [a: 1]", "!!omap"),
        ("!!python/object/apply:os.system [echo]", "!!python/object/apply:os.system"),
        ("!foo bar", "!foo"),
        ("!<tag:example.com,2026:x> bar", "tag:example.com,2026:x"),
    ],
)
def test_a_tagged_value_is_refused(value: str, tag: str) -> None:
    assert problem_of(f"title: T\ntier: {value}\n") == (
        f"x.yaml: line 2, column 7: the tag {tag!r} is not allowed; write the value without it"
    )


def test_a_long_key_written_twice_is_cut_in_the_message() -> None:
    key = "k" * 1000
    assert problem_of(f"{key}: 1\n{key}: 2\n") == (
        f"x.yaml: line 2, column 1: the key '{'k' * 40}…' (1,000 characters) appears twice"
    )


def test_a_long_name_in_a_parser_problem_is_cut() -> None:
    problem = problem_of("a: *" + "x" * 5000 + "\n")
    assert (
        problem
        == f"x.yaml: line 1, column 4: found undefined alias '{'x' * 17}… (5,024 characters)"
    )
