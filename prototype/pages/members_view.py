"""What the Members page shows to one viewer: the people, their roles, and the viewer's actions."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from prototype.states.formatting import long_date
from prototype.states.invite_input import address_key
from prototype.states.membership import (
    ROLES,
    MemberActions,
    invitable_roles,
    invitation_actions,
    member_actions,
    members_of,
    viewer_of,
)
from prototype.states.models import Invitation, Member, Role, User, WorkspaceState

ROLE_LABELS: dict[Role, str] = {"owner": "Owner", "admin": "Admin", "member": "Member"}
"""The role names the pages show, as the docs write them."""
PENDING_LABEL = "Pending"
"""How the Members page marks an invitation that has not been accepted."""
KEY_PLACEHOLDER = "@key@"
"""What a template row holds in place of its key, for the browser to fill."""


@dataclass(frozen=True)
class PersonRow:
    """One row of the Members table: a member, or a pending invitation."""

    key: str
    """The row's id on the page, from the person's address: its dialogs' ids start with it."""
    name: str | None
    """The member's name; ``None`` for an invitation."""
    email: str
    role: Role
    role_label: str
    pending: bool
    sent_text: str | None
    """When a pending invitation was sent, as the page shows it."""
    is_viewer: bool
    actions: MemberActions
    fill: bool = False
    """A template: the browser fills the address in as text, and the key into its ids."""

    @property
    def change_role_labels(self) -> list[tuple[Role, str]]:
        """The roles this row may move to, with their labels."""
        return [(role, ROLE_LABELS[role]) for role in self.actions.change_role_to]


@dataclass(frozen=True)
class MembersView:
    """The Members page as one member of the workspace sees it."""

    viewer: Member
    viewer_role_label: str
    rows: list[PersonRow]
    invite_roles: list[tuple[Role, str]]
    """The roles the viewer may invite someone as; empty when they may not invite."""


def person_key(kind: str, email: str) -> str:
    """A row's id: ``member-`` or ``invitation-`` and the address as addresses are compared
    (no address has a space, and no two compare equal, so every id is its own)."""
    return f"{kind}-{address_key(email)}"


def member_row(member: Member, viewer: Member) -> PersonRow:
    """A confirmed member's row, with what the viewer may do to them."""
    return PersonRow(
        key=person_key("member", member.email),
        name=member.name,
        email=member.email,
        role=member.role,
        role_label=ROLE_LABELS[member.role],
        pending=False,
        sent_text=None,
        is_viewer=address_key(member.email) == address_key(viewer.email),
        actions=member_actions(viewer, member),
    )


def invitation_row(invitation: Invitation, viewer: Member) -> PersonRow:
    """A pending invitation's row, with what the viewer may do to it."""
    return PersonRow(
        key=person_key("invitation", invitation.email),
        name=None,
        email=invitation.email,
        role=invitation.role,
        role_label=ROLE_LABELS[invitation.role],
        pending=True,
        sent_text=long_date(invitation.sent_on),
        is_viewer=False,
        actions=invitation_actions(viewer, invitation.role),
    )


def template_row(row: PersonRow) -> PersonRow:
    """``row`` as a template for any address: the address and key left for the browser."""
    return dataclasses.replace(
        row, key=person_key("invitation", KEY_PLACEHOLDER), email="", fill=True
    )


def members_view(state: WorkspaceState, user: User, viewer: Member) -> MembersView:
    """The Members page of ``state`` for ``viewer`` (the signed-in ``user``, or a member a
    reviewer views it as): the members in the workspace's order, then pending invitations."""
    rows = [member_row(member, viewer) for member in members_of(state, user)]
    rows += [invitation_row(invitation, viewer) for invitation in state.invitations]
    return MembersView(
        viewer=viewer,
        viewer_role_label=ROLE_LABELS[viewer.role],
        rows=rows,
        invite_roles=[(role, ROLE_LABELS[role]) for role in invitable_roles(viewer)],
    )


def viewers_by_role(state: WorkspaceState, user: User) -> dict[Role, Member]:
    """One member per role the workspace has, to view its pages as: the user for their own
    role, the first member listed for each other role."""
    found: dict[Role, Member] = {}
    me = viewer_of(state, user)
    if me is not None:
        found[me.role] = me
    for member in members_of(state, user):
        found.setdefault(member.role, member)
    return {role: found[role] for role in ROLES if role in found}
