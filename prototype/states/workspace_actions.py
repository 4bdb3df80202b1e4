"""The workspace actions of Workspaces and Account Settings, as functions.

Make default workspace and clearing it change a member's preference: the state id of the
workspace that opens by default (``default_workspace`` in ``fixtures/_set.yaml`` for the
signed-in user). Saving the details, starting an ownership transfer and adding a workspace give
a new :class:`WorkspaceState`, validated by the same model with the same "today" as a fixture.
Who may do what comes from :mod:`prototype.states.membership`; what a form accepts from
:mod:`prototype.states.workspace_input`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from prototype.states.actions import ActionError
from prototype.states.catalogue import NewWorkspaceExample
from prototype.states.membership import edits_account, transfers_ownership
from prototype.states.models import Member, User, WorkspaceState
from prototype.states.workspace_input import (
    FormResult,
    Taken,
    check_details,
    check_new_workspace,
    check_transfer,
)

NEW_WORKSPACE_TITLE = "Added in this tab"
"""The reviewers' title of a workspace made with **Add workspace**."""
NEW_WORKSPACE_DESCRIPTION = (
    "A workspace made with Add workspace; its plan and credits are example data."
)
"""The reviewers' line on such a workspace."""


class FormRefused(ActionError):
    """A form whose fields an action cannot take: each refused field with its message."""

    def __init__(self, result: FormResult) -> None:
        super().__init__("; ".join(f"{name}: {msg}" for name, msg in result.errors.items()))
        self.errors = result.errors


def chooses_default(state: WorkspaceState, viewer: Member | None) -> bool:
    """Whether the viewer may set or clear the workspace as their default: any member may; a
    workspace only shared with them cannot be it."""
    return viewer is not None and state.workspace.group == "my_workspaces"


def _require_member(state: WorkspaceState, viewer: Member | None) -> None:
    if not chooses_default(state, viewer):
        raise ActionError("only a member chooses the workspace as their default")


def make_default(state_id: str, state: WorkspaceState, viewer: Member | None) -> str:
    """The viewer's default becomes ``state_id``, the workspace they are in."""
    _require_member(state, viewer)
    return state_id


def clear_default(
    chosen: str | None, state_id: str, state: WorkspaceState, viewer: Member | None
) -> str | None:
    """The viewer's default is cleared when it is ``state_id``; another default stays."""
    _require_member(state, viewer)
    return None if chosen == state_id else chosen


def _next(state: WorkspaceState, today: dt.date, user: User, **changes: Any) -> WorkspaceState:
    """``state`` with ``changes``, validated again as a fixture is."""
    data = state.model_dump() | changes
    context = {"today": today, "user_email": user.email}
    return WorkspaceState.model_validate(data, context=context)


def _accepted(result: FormResult) -> dict[str, Any]:
    if not result.ok:
        raise FormRefused(result)
    return result.values


def update_details(
    state: WorkspaceState,
    viewer: Member | None,
    fields: Mapping[str, str],
    taken: Taken,
    user: User,
    today: dt.date,
) -> WorkspaceState:
    """The Owner saves the Account page's fields: name, Unique URL, description, website
    (saved with ``https://`` when typed without a scheme) and team size."""
    if not edits_account(viewer):
        raise ActionError("only the Owner changes the workspace details")
    values = _accepted(check_details(fields, taken))
    workspace = state.workspace.model_dump() | values
    return _next(state, today, user, workspace=workspace)


def start_transfer(
    state: WorkspaceState,
    viewer: Member | None,
    fields: Mapping[str, str],
    user: User,
    today: dt.date,
) -> WorkspaceState:
    """The Owner starts handing the workspace over, with the new owner's email address."""
    if viewer is None or not transfers_ownership(viewer):
        raise ActionError("only the Owner starts an ownership transfer")
    values = _accepted(check_transfer(fields, viewer.email))
    return _next(state, today, user, transfer_to=values["email"])


def create_workspace(
    fields: Mapping[str, str],
    taken: Taken,
    example: NewWorkspaceExample,
    user: User,
    today: dt.date,
) -> WorkspaceState:
    """**Add workspace**: a workspace under My Workspaces whose one member, its Owner, is the
    user; the plan and credits the docs do not give come from the example catalogue."""
    values = _accepted(check_new_workspace(fields, taken))
    data = {
        "title": NEW_WORKSPACE_TITLE,
        "description": NEW_WORKSPACE_DESCRIPTION,
        "workspace": {"kind": example.kind, "group": "my_workspaces", **values},
        "plan": example.plan.model_dump(),
        "credits": example.credits.model_dump(),
        "members": [{"name": user.name, "email": user.email, "role": "owner"}],
    }
    return WorkspaceState.model_validate(data, context={"today": today, "user_email": user.email})
