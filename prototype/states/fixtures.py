"""Read and validate the fixture set: ``_set.yaml``, ``_catalogue.yaml`` and one ``<id>.yaml`` per
workspace state."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from prototype.inputs.errors import InputError, describe_validation_error, shown
from prototype.inputs.yamlfile import load_yaml_file
from prototype.states.catalogue import Catalogue
from prototype.states.models import FixtureSetSettings, User, WorkspaceState

SETTINGS_FILE = "_set.yaml"
CATALOGUE_FILE = "_catalogue.yaml"
M = TypeVar("M", bound=BaseModel)
STATE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NEAR_MISS = re.compile(r"^(?P<stem>.+?)\.ya?ml(?:\.txt)?$", re.IGNORECASE)
"""A name meant as a fixture but not read as one: ``foo.yml``, ``foo.YAML``, ``foo.yaml.txt``."""


@dataclass(frozen=True)
class FixtureSet:
    """Every workspace state, by id, with what they share."""

    today: dt.date
    user: User
    states: dict[str, WorkspaceState]
    catalogue: Catalogue
    """The example choices the prototype's flows offer."""
    default_workspace: str | None = None
    """The state id of the user's default workspace, if they chose one."""


def _source(path: Path) -> str:
    """How errors name a file: relative to the working directory when it can be, and by its own
    name (a symbolic link is named, not the file it points to)."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _name_problem(path: Path) -> str | None:
    """Why a file in the fixtures folder is not read as the fixture it looks like, if so."""
    near_miss = NEAR_MISS.match(path.name)
    if near_miss and not path.name.endswith(".yaml"):
        return (
            f"{_source(path)}: fixtures are read from .yaml files only; "
            f"rename it to {near_miss['stem']}.yaml"
        )
    if path.name.endswith(".yaml") and not STATE_ID.match(path.stem):
        return (
            f"{_source(path)}: the file name is the state id and must be lowercase "
            "letters, digits and single hyphens"
        )
    return None


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
        today = {"today": settings.today} if settings else {}
        catalogue = _validate(Catalogue, fixtures_dir / CATALOGUE_FILE, today)
    except InputError as error:
        problems.extend(error.problems)
    context = {"today": settings.today, "user_email": settings.user.email} if settings else {}
    states: dict[str, WorkspaceState] = {}
    owners: dict[str, str] = {}
    for path in sorted(fixtures_dir.iterdir()):
        if path.name in (SETTINGS_FILE, CATALOGUE_FILE):
            continue
        problem = _name_problem(path)
        if problem:
            problems.append(problem)
            continue
        if not path.name.endswith(".yaml"):
            continue
        try:
            state = _validate(WorkspaceState, path, context)
        except InputError as error:
            problems.extend(error.problems)
            continue
        problems.extend(_taken(state, _source(path), owners))
        problems.extend(_model_problems(state, catalogue, _source(path)))
        states[path.stem] = state
    if not states and not problems:
        problems.append(f"{_source(fixtures_dir)}: no workspace states (<id>.yaml files)")
    if settings is not None and not problems:
        problems.extend(_default_problems(settings, states, _source(fixtures_dir / SETTINGS_FILE)))
    if problems or settings is None or catalogue is None:
        raise InputError(problems)
    return FixtureSet(
        today=settings.today,
        user=settings.user,
        states=states,
        default_workspace=settings.default_workspace,
        catalogue=catalogue,
    )


def _taken(state: WorkspaceState, source: str, owners: dict[str, str]) -> list[str]:
    """A name or Unique URL another workspace already has: each tells workspaces apart."""
    problems: list[str] = []
    for field, value, why in [
        ("name", state.workspace.name, "names tell workspaces apart in the switcher"),
        ("unique_url", state.workspace.unique_url, "each workspace has its own address"),
    ]:
        key = f"{field}:{value if field == 'name' else str(value).casefold()}"
        if key in owners and not problems:  # a copied name makes the same Unique URL
            problems.append(
                f"{source}: workspace.{field}: {shown(str(value))} is already the {field} of the "
                f"workspace in {owners[key]}; {why}"
            )
        owners.setdefault(key, source)
    return problems


def _model_problems(state: WorkspaceState, catalogue: Catalogue | None, source: str) -> list[str]:
    """A workspace's text interviewer model must be one the catalogue offers on the Model page."""
    model = state.workspace.interviewer_model
    if catalogue is None or model is None or model in catalogue.interviewer_models:
        return []
    return [
        f"{source}: workspace.interviewer_model: {shown(model)} is not one of the catalogue's "
        f"interviewer_models ({', '.join(catalogue.interviewer_models)})"
    ]


def _default_problems(
    settings: FixtureSetSettings, states: dict[str, WorkspaceState], source: str
) -> list[str]:
    """The default workspace must be a state whose workspace the user is a member of."""
    chosen = settings.default_workspace
    if chosen is None:
        return []
    if chosen not in states:
        return [f"{source}: default_workspace: {shown(chosen)} is not a workspace state"]
    if states[chosen].workspace.group != "my_workspaces":
        return [
            f"{source}: default_workspace: {chosen} is only shared with the user; a default "
            "workspace is one the user is a member of"
        ]
    return []
