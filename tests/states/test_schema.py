"""The committed JSON Schemas: generated from the models, referenced by fixtures, documented."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from prototype.states.schema import schema_files
from tests.expected import FIXTURES

SCHEMAS = schema_files()
FIXTURE_FILES = sorted(path.name for path in FIXTURES.glob("*.yaml"))
SCHEMA_OF = {"_set.yaml": "set.schema.json", "_catalogue.yaml": "catalogue.schema.json"}
"""The shared files' schemas; every other file is a workspace state."""


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_up_to_date(name: str) -> None:
    committed = (FIXTURES / name).read_text(encoding="utf-8")
    assert committed == SCHEMAS[name], (
        f"fixtures/{name} is out of date with the models; run: python -m prototype schema"
    )


def test_no_stray_schema_files() -> None:
    assert sorted(path.name for path in FIXTURES.glob("*.schema.json")) == sorted(SCHEMAS)


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_fixture_references_its_schema(name: str) -> None:
    schema = SCHEMA_OF.get(name, "workspace-state.schema.json")
    first_line = (FIXTURES / name).read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema={schema}"
    assert schema in SCHEMAS


def _objects(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The schema's root object and each of its ``$defs``, by name."""
    yield "(root)", schema
    yield from schema.get("$defs", {}).items()


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_field_has_a_description(name: str) -> None:
    schema = json.loads(SCHEMAS[name])
    fields = [
        (f"{owner}.{field}", spec)
        for owner, definition in _objects(schema)
        for field, spec in definition.get("properties", {}).items()
    ]
    assert fields
    assert [path for path, spec in fields if not spec.get("description")] == []
    assert [owner for owner, spec in _objects(schema) if not spec.get("description")] == []
