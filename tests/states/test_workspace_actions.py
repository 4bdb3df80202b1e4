"""The workspace actions as functions: the default workspace, the details, an ownership
transfer and a new workspace; who may do each, and what each leads to."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from prototype.states.actions import ActionError
from prototype.states.membership import viewer_of
from prototype.states.models import Member, WorkspaceState
from prototype.states.workspace_actions import (
    FormRefused,
    chooses_default,
    clear_default,
    create_workspace,
    make_default,
    start_transfer,
    update_details,
)
from prototype.states.workspace_input import FORM_MESSAGES, Taken, check_details, taken_by
from tests.expected import FIXTURE_SET, MEMBER_STATE_IDS, SHARED_STATE_IDS, role_views
from tests.workspace_strategies import detail_fields
from tests.workspace_ui import member

USER, TODAY, CATALOGUE = FIXTURE_SET.user, FIXTURE_SET.today, FIXTURE_SET.catalogue
VIEWS = [
    pytest.param(state_id, member(person), id=f"{state_id}-{person.role}")
    for state_id in MEMBER_STATE_IDS
    for _, person in role_views(state_id)
]
"""Every member state, seen by the user and by a member of each other role it has."""
DETAILS = {
    "name": "Orbit Labs",
    "unique_url": "orbit-labs",
    "description": "Research on orbits.",
    "website": "orbit.example",
    "team_size": "12",
}


def others(state_id: str) -> Taken:
    """What every workspace but this one has taken."""
    return taken_by(s.workspace for i, s in FIXTURE_SET.states.items() if i != state_id)


def unchanged_but(before: WorkspaceState, after: WorkspaceState, changed: dict[str, Any]) -> None:
    """The state is as it was, but for ``changed``."""
    assert after.model_dump() == before.model_dump() | changed


@pytest.mark.parametrize(("state_id", "viewer"), VIEWS)
def test_any_member_sets_or_clears_the_workspace_as_their_default(
    state_id: str, viewer: Member
) -> None:
    state = FIXTURE_SET.states[state_id]
    assert chooses_default(state, viewer)
    assert make_default(state_id, state, viewer) == state_id
    assert clear_default(state_id, state_id, state, viewer) is None
    assert clear_default("elsewhere", state_id, state, viewer) == "elsewhere"


@pytest.mark.parametrize("state_id", SHARED_STATE_IDS)
def test_a_workspace_only_shared_is_no_ones_default_here(state_id: str) -> None:
    state = FIXTURE_SET.states[state_id]
    assert not chooses_default(state, viewer_of(state, USER))
    with pytest.raises(ActionError):
        make_default(state_id, state, None)
    with pytest.raises(ActionError):
        clear_default(state_id, state_id, state, None)


@pytest.mark.parametrize(("state_id", "viewer"), VIEWS)
def test_only_the_owner_changes_the_details(state_id: str, viewer: Member) -> None:
    before = FIXTURE_SET.states[state_id]
    if viewer.role != "owner":
        with pytest.raises(ActionError, match="only the Owner"):
            update_details(before, viewer, DETAILS, others(state_id), USER, TODAY)
        return
    after = update_details(before, viewer, DETAILS, others(state_id), USER, TODAY)
    workspace = before.workspace.model_dump() | {
        "name": "Orbit Labs",
        "unique_url": "orbit-labs",
        "description": "Research on orbits.",
        "website": "https://orbit.example",
        "team_size": 12,
    }
    unchanged_but(before, after, {"workspace": workspace})


def test_details_a_form_refuses_are_not_saved() -> None:
    state = FIXTURE_SET.states["pro-tier-renewing"]
    owner = viewer_of(state, USER)
    typed = DETAILS | {"unique_url": "field-research-team", "website": "nowhere"}
    with pytest.raises(FormRefused) as refused:
        update_details(state, owner, typed, others("pro-tier-renewing"), USER, TODAY)
    assert refused.value.errors == {
        "unique_url": FORM_MESSAGES["unique-url-taken"],
        "website": FORM_MESSAGES["website-invalid"],
    }


@given(detail_fields)
def test_details_the_form_takes_make_a_valid_state(fields: dict[str, str]) -> None:
    """What the form takes, the action saves as a state that validates; what it refuses, the
    action refuses with the same messages."""
    state = FIXTURE_SET.states["pro-tier-renewing"]
    owner = viewer_of(state, USER)
    taken = others("pro-tier-renewing")
    refused = check_details(fields, taken).errors
    if refused:
        with pytest.raises(FormRefused) as caught:
            update_details(state, owner, fields, taken, USER, TODAY)
        assert caught.value.errors == refused
        return
    after = update_details(state, owner, fields, taken, USER, TODAY)
    context = {"today": TODAY, "user_email": USER.email}
    assert WorkspaceState.model_validate(after.model_dump(), context=context) == after


@pytest.mark.parametrize(("state_id", "viewer"), VIEWS)
def test_only_the_owner_starts_a_transfer(state_id: str, viewer: Member) -> None:
    before = FIXTURE_SET.states[state_id]
    email = {"email": "new.owner@example.com"}
    if viewer.role != "owner":
        with pytest.raises(ActionError, match="only the Owner"):
            start_transfer(before, viewer, email, USER, TODAY)
        return
    after = start_transfer(before, viewer, email, USER, TODAY)
    unchanged_but(before, after, {"transfer_to": "new.owner@example.com"})
    with pytest.raises(FormRefused):
        start_transfer(before, viewer, {"email": viewer.email.upper()}, USER, TODAY)


def test_a_new_workspace_is_the_users_and_starts_from_the_example() -> None:
    fields = {"name": " Orbit Labs ", "unique_url": "orbit-labs", "description": ""}
    state = create_workspace(fields, others(""), CATALOGUE.new_workspace, USER, TODAY)
    assert viewer_of(state, USER) == Member(name=USER.name, email=USER.email, role="owner")
    assert [m.email for m in state.members] == [USER.email]
    workspace = state.workspace
    assert (workspace.name, workspace.unique_url, workspace.description) == (
        "Orbit Labs",
        "orbit-labs",
        None,
    )
    assert workspace.group == "my_workspaces"
    example = CATALOGUE.new_workspace
    assert (workspace.kind, state.plan, state.credits) == (
        example.kind,
        example.plan,
        example.credits,
    )
    assert (state.invoices, state.invitations, state.payment_method) == ([], [], None)


def test_a_new_workspace_tells_itself_apart() -> None:
    acme = FIXTURE_SET.states["pro-tier-renewing"].workspace
    fields = {"name": acme.name, "unique_url": str(acme.unique_url).upper()}
    with pytest.raises(FormRefused) as refused:
        create_workspace(fields, others(""), CATALOGUE.new_workspace, USER, TODAY)
    assert set(refused.value.errors) == {"name", "unique_url"}
