"""The Model and Integrations pages' ``actions.json``: every variant an action reaches, for
every viewer, leading where the rules lead, and offered exactly where they allow it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from prototype.pages.flows import macros
from prototype.pages.members_view import viewers_by_role
from prototype.pages.render import environment
from prototype.pages.settings_flows import (
    IntegrationsPage,
    ModelPage,
    integrations_data,
    model_data,
)
from prototype.pages.settings_views import INTEGRATIONS, integration_rows, model_view
from prototype.states.models import Member, WorkspaceState
from prototype.states.workspace_settings import connect, disconnect, pick_model
from tests.expected import FIXTURE_SET, MEMBER_STATE_IDS
from tests.people_rows import moves, shown, start, step
from tests.people_ui import MODELS, TODAY, USER

PARTS = macros(environment(), "settings/workspace_parts.html")
VIEWS = [
    pytest.param(state_id, viewer, id=f"{state_id}-as-{role}")
    for state_id in MEMBER_STATE_IDS
    for role, viewer in viewers_by_role(FIXTURE_SET.states[state_id], USER).items()
]
each_view = pytest.mark.parametrize(("state_id", "viewer"), VIEWS)


def json_of(data: dict[str, Any]) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(json.dumps(data))
    return parsed


def model_json(state: WorkspaceState, viewer: Member) -> dict[str, Any]:
    page = ModelPage(
        viewer,
        MODELS,
        TODAY,
        lambda m: PARTS("model_section", m),
        lambda m: PARTS("model_dialog", m),
    )
    return json_of(model_data(page, state))


def model_rendered(state: WorkspaceState, viewer: Member) -> tuple[str, str]:
    model = model_view(state, viewer, MODELS)
    return PARTS("model_section", model), PARTS("model_dialog", model)


def integrations_json(state: WorkspaceState, viewer: Member) -> dict[str, Any]:
    page = IntegrationsPage(
        viewer,
        TODAY,
        lambda r: PARTS("integration_row", r),
        lambda r: PARTS("integration_dialogs", r),
    )
    return json_of(integrations_data(page, state))


def integrations_rendered(state: WorkspaceState, viewer: Member) -> tuple[str, str]:
    rows = integration_rows(state.workspace, viewer)
    return (
        "".join(PARTS("integration_row", row) for row in rows),
        "".join(PARTS("integration_dialogs", row) for row in rows),
    )


@each_view
def test_every_model_pick_leads_where_the_rules_lead(state_id: str, viewer: Member) -> None:
    state = FIXTURE_SET.states[state_id]
    data = model_json(state, viewer)
    rows = start(data)
    assert shown(data, rows) == model_rendered(state, viewer)
    offered = moves(data, rows)
    if viewer.role == "member":
        assert offered == []
        assert "change-model" not in json.dumps(data)
        return
    assert [choice for _, _, choice in offered] == list(MODELS)
    for key, action, model in offered:
        after_rows, said = step(data, rows, key, action, model)
        after = pick_model(state, viewer, model, MODELS, TODAY)
        assert shown(data, after_rows) == model_rendered(after, viewer)
        if model == (state.workspace.interviewer_model or MODELS[0]):
            assert (
                said == f"The text interviewer model stays {model}: it was the one in use already."
            )
        else:
            assert said == f"The text interviewer model is now {model}."
        again = moves(data, after_rows)
        assert [choice for _, _, choice in again] == list(MODELS)


@each_view
def test_every_member_connects_and_disconnects_each_integration(
    state_id: str, viewer: Member
) -> None:
    state = FIXTURE_SET.states[state_id]
    data = integrations_json(state, viewer)
    rows = start(data)
    assert shown(data, rows) == integrations_rendered(state, viewer)
    offered = moves(data, rows)
    assert [key for key, _, _ in offered] == list(INTEGRATIONS)
    for key, action, choice in offered:
        after_rows, said = step(data, rows, key, action, choice)
        do = connect if action == "connect" else disconnect
        after = do(state, viewer, key, TODAY)  # type: ignore[arg-type]
        assert shown(data, after_rows) == integrations_rendered(after, viewer)
        assert said == f"{INTEGRATIONS[key]} is {action}ed."  # type: ignore[index]
        [(_, back, _)] = [move for move in moves(data, after_rows) if move[0] == key]
        assert back == ("disconnect" if action == "connect" else "connect")
