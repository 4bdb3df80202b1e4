"""The Model and Integrations pages' actions as functions of a state, done by each role:
Owners and Admins pick the model, every member manages integrations."""

from __future__ import annotations

import pytest

from prototype.states.actions import ActionError
from prototype.states.models import Member
from prototype.states.workspace_settings import (
    INTEGRATIONS,
    connect,
    current_model,
    disconnect,
    pick_model,
)
from tests.expected import FIXTURE_SET, MEMBER_STATE_IDS, role_views

TODAY = FIXTURE_SET.today
MODELS = FIXTURE_SET.catalogue.interviewer_models
VIEWS = [
    pytest.param(
        state_id,
        Member(name=str(person.name), email=person.email, role=person.role),
        id=f"{state_id}-as-{person.role}",
    )
    for state_id in MEMBER_STATE_IDS
    for _, person in role_views(state_id)
]
each_view = pytest.mark.parametrize(("state_id", "viewer"), VIEWS)


@each_view
@pytest.mark.parametrize("model", MODELS)
def test_owners_and_admins_pick_a_catalogue_model(
    state_id: str, viewer: Member, model: str
) -> None:
    state = FIXTURE_SET.states[state_id]
    if viewer.role == "member":
        with pytest.raises(ActionError, match="Owners and Admins"):
            pick_model(state, viewer, model, MODELS, TODAY)
        return
    after = pick_model(state, viewer, model, MODELS, TODAY)
    assert current_model(after, MODELS) == after.workspace.interviewer_model == model
    assert after.model_copy(update={"workspace": state.workspace}) == state


def test_a_model_the_catalogue_does_not_offer_is_refused() -> None:
    state = FIXTURE_SET.states["pro-tier-renewing"]
    owner = next(m for m in state.members if m.role == "owner")
    with pytest.raises(ActionError, match="not a model"):
        pick_model(state, owner, "Some Other Model", MODELS, TODAY)


def test_a_workspace_naming_no_model_uses_the_catalogues_first() -> None:
    state = FIXTURE_SET.states["flex-team"]
    assert state.workspace.interviewer_model is None
    assert current_model(state, MODELS) == MODELS[0]


@each_view
@pytest.mark.parametrize("integration", INTEGRATIONS)
def test_every_member_connects_and_disconnects(
    state_id: str, viewer: Member, integration: str
) -> None:
    state = FIXTURE_SET.states[state_id]
    connected = integration in state.workspace.integrations
    flip, refused = (disconnect, connect) if connected else (connect, disconnect)
    after = flip(state, viewer, integration, TODAY)  # type: ignore[arg-type]
    assert (integration in after.workspace.integrations) is not connected
    assert set(after.workspace.integrations) ^ set(state.workspace.integrations) == {integration}
    back = refused(after, viewer, integration, TODAY)  # type: ignore[arg-type]
    assert set(back.workspace.integrations) == set(state.workspace.integrations)
    with pytest.raises(ActionError):
        refused(state, viewer, integration, TODAY)  # type: ignore[arg-type]


def test_someone_outside_the_workspace_manages_nothing() -> None:
    state = FIXTURE_SET.states["flex-team"]
    with pytest.raises(ActionError, match="members"):
        connect(state, None, "slack", TODAY)
    with pytest.raises(ActionError, match="Owners and Admins"):
        pick_model(state, None, MODELS[0], MODELS, TODAY)
