"""The membership rules: who the user is in a workspace, and what each role may do to whom."""

from __future__ import annotations

import pytest

from prototype.states.membership import (
    edits_account,
    invitable_roles,
    invitation_actions,
    manages,
    member_actions,
    members_of,
    sees_workspace_pages,
    transfers_ownership,
    viewer_of,
)
from prototype.states.models import Member, User, WorkspaceState
from tests.expected import valid_state

USER = User(name="Maya Okafor", email="maya@example.com")
OWNER = Member(name="Olu Owner", email="olu@example.com", role="owner")
ADMIN = Member(name="Ada Admin", email="ada@example.com", role="admin")
OTHER_ADMIN = Member(name="Abe Admin", email="abe@example.com", role="admin")
MEMBER = Member(name="Mo Member", email="mo@example.com", role="member")
OTHER_MEMBER = Member(name="Mia Member", email="mia@example.com", role="member")


def state_with(*members: Member) -> WorkspaceState:
    data = valid_state()
    data["members"] = [member.model_dump() for member in members]
    return WorkspaceState.model_validate(data)


def test_a_workspace_listing_no_members_has_the_user_as_its_owner() -> None:
    state = WorkspaceState.model_validate(valid_state())
    assert members_of(state, USER) == (Member(name=USER.name, email=USER.email, role="owner"),)
    assert viewer_of(state, USER) == members_of(state, USER)[0]


def test_the_user_is_found_by_email_whatever_its_case() -> None:
    me = Member(name="Maya", email="Maya@Example.com", role="admin")
    assert viewer_of(state_with(OWNER, me), USER) == me


def test_a_workspace_the_user_is_not_in_has_no_viewer() -> None:
    state = state_with(OWNER, MEMBER)
    assert viewer_of(state, USER) is None
    assert not sees_workspace_pages(None)


@pytest.mark.parametrize("viewer", [OWNER, ADMIN, MEMBER])
def test_every_role_sees_the_workspace_pages(viewer: Member) -> None:
    assert sees_workspace_pages(viewer)


@pytest.mark.parametrize(
    ("viewer", "roles"),
    [(OWNER, ("admin", "member")), (ADMIN, ("member",)), (MEMBER, ()), (None, ())],
)
def test_who_invites_whom(viewer: Member | None, roles: tuple[str, ...]) -> None:
    assert invitable_roles(viewer) == roles


@pytest.mark.parametrize(
    ("viewer", "target", "change", "remove"),
    [
        (OWNER, ADMIN, ("member",), True),
        (OWNER, MEMBER, ("admin",), True),
        (OWNER, OWNER, (), False),
        (ADMIN, MEMBER, (), True),
        (ADMIN, OTHER_ADMIN, (), False),
        (ADMIN, OWNER, (), False),
        (ADMIN, ADMIN, (), False),
        (MEMBER, OTHER_MEMBER, (), False),
        (MEMBER, OWNER, (), False),
        (None, MEMBER, (), False),
    ],
)
def test_member_actions(
    viewer: Member | None, target: Member, change: tuple[str, ...], remove: bool
) -> None:
    actions = member_actions(viewer, target)
    assert (actions.change_role_to, actions.remove, actions.resend) == (change, remove, False)
    assert actions.any == bool(change or remove)


@pytest.mark.parametrize(
    ("viewer", "role", "allowed"),
    [
        (OWNER, "admin", True),
        (OWNER, "member", True),
        (ADMIN, "member", True),
        (ADMIN, "admin", False),
        (MEMBER, "member", False),
    ],
)
def test_pending_invitations_are_managed_by_who_could_send_them(
    viewer: Member, role: str, allowed: bool
) -> None:
    actions = invitation_actions(viewer, role)  # type: ignore[arg-type]
    assert (actions.resend, actions.remove, actions.change_role_to) == (allowed, allowed, ())
    assert manages(viewer, role) == allowed  # type: ignore[arg-type]


@pytest.mark.parametrize(("viewer", "owner"), [(OWNER, True), (ADMIN, False), (MEMBER, False)])
def test_only_the_owner_edits_the_account_and_transfers_ownership(
    viewer: Member, owner: bool
) -> None:
    assert edits_account(viewer) == owner
    assert transfers_ownership(viewer) == owner
    assert not edits_account(None)
