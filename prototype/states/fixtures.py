"""Read and validate the fixture set: ``_set.yaml``, ``_catalogue.yaml`` and one ``<id>.yaml`` per
workspace state."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from prototype.inputs.errors import InputError, describe_validation_error
from prototype.inputs.yamlfile import load_yaml_file
from prototype.states.catalogue import Catalogue
from prototype.states.models import FixtureSetSettings, User, WorkspaceState

SETTINGS_FILE = "_set.yaml"
CATALOGUE_FILE = "_catalogue.yaml"
M = TypeVar("M", bound=BaseModel)
STATE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class FixtureSet:
    """Every workspace state, by id, with what they share."""

    today: dt.date
    user: User
    states: dict[str, WorkspaceState]
    catalogue: Catalogue
    """The example choices the prototype's flows offer."""


def _source(path: Path) -> str:
    """How errors name a file: relative to the working directory when it can be."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_mapping(path: Path) -> dict[str, Any]:
    source = _source(path)
    data = load_yaml_file(path, source)
    if data is None:
        raise InputError([f"{source}: the file is empty"])
    if not isinstance(data, dict):
        raise InputError([f"{source}: expected fields (key: value), got {type(data).__name__}"])
    return data


def _validate(model: type[M], path: Path, context: dict[str, Any]) -> M:
    data = _read_mapping(path)
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        raise InputError(describe_validation_error(_source(path), error)) from None


def load_fixture_set(fixtures_dir: Path) -> FixtureSet:
    """Load every fixture; raise one :class:`InputError` listing every problem in every file."""
    if not fixtures_dir.is_dir():
        raise InputError([f"{_source(fixtures_dir)}: no such fixtures folder"])
    problems: list[str] = []
    settings: FixtureSetSettings | None = None
    try:
        settings = _validate(FixtureSetSettings, fixtures_dir / SETTINGS_FILE, {})
    except InputError as error:
        problems.extend(error.problems)
    catalogue: Catalogue | None = None
    try:
        catalogue = _validate(Catalogue, fixtures_dir / CATALOGUE_FILE, {})
    except InputError as error:
        problems.extend(error.problems)
    context = {"today": settings.today} if settings else {}
    states: dict[str, WorkspaceState] = {}
    owners: dict[str, str] = {}
    paths = sorted(fixtures_dir.glob("*.yaml"))
    for path in paths:
        if path.name in (SETTINGS_FILE, CATALOGUE_FILE):
            continue
        if not STATE_ID.match(path.stem):
            problems.append(
                f"{_source(path)}: the file name is the state id and must be lowercase "
                "letters, digits and single hyphens"
            )
            continue
        try:
            state = _validate(WorkspaceState, path, context)
        except InputError as error:
            problems.extend(error.problems)
            continue
        name = state.workspace.name
        if name in owners:
            problems.append(
                f"{_source(path)}: workspace.name: {name!r} is already the name of the "
                f"workspace in {owners[name]}; names tell workspaces apart in the switcher"
            )
        owners.setdefault(name, _source(path))
        states[path.stem] = state
    if not states and not problems:
        problems.append(f"{_source(fixtures_dir)}: no workspace states (<id>.yaml files)")
    if problems or settings is None or catalogue is None:
        raise InputError(problems)
    return FixtureSet(today=settings.today, user=settings.user, states=states, catalogue=catalogue)
