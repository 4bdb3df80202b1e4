"""JSON Schemas generated from the models, committed in ``fixtures/`` for editor completion."""

from __future__ import annotations

from pydantic import BaseModel

from prototype.outputs.jsontext import json_text
from prototype.states.catalogue import Catalogue
from prototype.states.models import FixtureSetSettings, WorkspaceState

SCHEMAS: dict[str, type[BaseModel]] = {
    "workspace-state.schema.json": WorkspaceState,
    "set.schema.json": FixtureSetSettings,
    "catalogue.schema.json": Catalogue,
}
"""Schema file name in ``fixtures/`` → the model it describes."""


def schema_text(model: type[BaseModel]) -> str:
    """The model's JSON Schema as the committed file holds it."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    schema |= model.model_json_schema()
    return json_text(schema)


def schema_files() -> dict[str, str]:
    """Every schema file's name and text."""
    return {name: schema_text(model) for name, model in SCHEMAS.items()}
