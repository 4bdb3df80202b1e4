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
