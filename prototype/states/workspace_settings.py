"""The rules of the Model and Integrations pages' actions: functions from one validated state to
the next, done by one member of the workspace (the viewer).

Owners and Admins pick the text interviewer model among the catalogue's; every member connects
and disconnects integrations. Anything the viewer's role may not do raises
:class:`~prototype.states.actions.ActionError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from prototype.states.actions import ActionError
from prototype.states.membership import manages_integrations, picks_model
from prototype.states.models import Member, WorkspaceState

Integration = Literal["slack", "hubspot", "gmail"]
INTEGRATIONS: tuple[Integration, ...] = ("slack", "hubspot", "gmail")
"""The integrations a workspace can connect, in the docs' order."""


def current_model(state: WorkspaceState, models: Sequence[str]) -> str:
    """The model the workspace uses: its own, or the catalogue's first when it names none."""
    return state.workspace.interviewer_model or models[0]


def _next(state: WorkspaceState, today: dt.date, **changes: Any) -> WorkspaceState:
    workspace = state.workspace.model_dump() | changes
    data = state.model_dump() | {"workspace": workspace}
    return WorkspaceState.model_validate(data, context={"today": today})


def pick_model(
    state: WorkspaceState, viewer: Member | None, model: str, models: Sequence[str], today: dt.date
) -> WorkspaceState:
    """The workspace uses ``model`` for text interviews from now on: an Owner's or an Admin's
    choice among ``models`` (the catalogue's)."""
    if not picks_model(viewer):
        raise ActionError("only Owners and Admins pick the text interviewer model")
    if model not in models:
        raise ActionError(f"{model!r} is not a model the workspace can use")
    return _next(state, today, interviewer_model=model)


def connect(
    state: WorkspaceState, viewer: Member | None, integration: Integration, today: dt.date
) -> WorkspaceState:
    """Connect ``integration`` to the workspace: any member may."""
    if not manages_integrations(viewer):
        raise ActionError("only the workspace's members manage its integrations")
    if integration in state.workspace.integrations:
        raise ActionError(f"{integration} is connected already")
    return _next(state, today, integrations=[*state.workspace.integrations, integration])


def disconnect(
    state: WorkspaceState, viewer: Member | None, integration: Integration, today: dt.date
) -> WorkspaceState:
    """Disconnect ``integration`` from the workspace: any member may."""
    if not manages_integrations(viewer):
        raise ActionError("only the workspace's members manage its integrations")
    if integration not in state.workspace.integrations:
        raise ActionError(f"{integration} is not connected")
    kept = [i for i in state.workspace.integrations if i != integration]
    return _next(state, today, integrations=kept)
