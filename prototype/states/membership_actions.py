"""The rules of the Members page's actions: functions from one validated state to the next.

Each action is done by one member of the workspace, the viewer (the signed-in user, or the
member a reviewer views the page as), and only when :mod:`prototype.states.membership` lets the
viewer's role do it; anything else raises :class:`~prototype.states.actions.ActionError` with
the reason. The result is validated by the same model, with the same "today"; the viewer is
still a member, as nobody acts on their own row. Members keep their place in the list; an
invitation is added at the end.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from prototype.states.actions import ActionError
from prototype.states.invite_input import INVITE_MESSAGES, Taken, address_key, address_problem
from prototype.states.invite_input import trimmed as trimmed_address
from prototype.states.membership import (
    invitable_roles,
    invitation_actions,
    member_actions,
    members_of,
)
from prototype.states.models import Invitation, InvitedRole, Member, User, WorkspaceState

MembershipActionId = Literal[
    "invite", "resend", "remove-invitation", "change-role", "remove-member"
]
"""The Members page's actions."""
ROLE_NAMES: dict[str, str] = {"owner": "Owner", "admin": "Admin", "member": "Member"}


def taken_addresses(state: WorkspaceState, user: User) -> dict[str, Taken]:
    """The address key of everyone who cannot be invited: the members, then the invitees."""
    taken: dict[str, Taken] = {address_key(m.email): "member" for m in members_of(state, user)}
    taken |= {address_key(i.email): "invited" for i in state.invitations}
    return taken


def _as_member(state: WorkspaceState, user: User, viewer: Member) -> Member:
    """The viewer as the workspace lists them; an action needs a member to do it."""
    key = address_key(viewer.email)
    found = next((m for m in members_of(state, user) if address_key(m.email) == key), None)
    if found is None:
        raise ActionError(f"{viewer.email} is not a member of the workspace")
    return found


def _member(state: WorkspaceState, user: User, email: str) -> Member:
    key = address_key(email)
    found = next((m for m in members_of(state, user) if address_key(m.email) == key), None)
    if found is None:
        raise ActionError(f"{email} is not a member of the workspace")
    return found


def _invitation(state: WorkspaceState, email: str) -> Invitation:
    key = address_key(email)
    found = next((i for i in state.invitations if address_key(i.email) == key), None)
    if found is None:
        raise ActionError(f"{email} has no pending invitation")
    return found


def _managed_invitation(
    state: WorkspaceState, viewer: Member, email: str, action: Literal["resend", "remove"]
) -> Invitation:
    """The pending invitation to ``email``, if ``viewer`` may ``action`` it."""
    invitation = _invitation(state, email)
    if not getattr(invitation_actions(viewer, invitation.role), action):
        raise _refused(viewer, f"{action} an invitation as {ROLE_NAMES[invitation.role]}")
    return invitation


def _next(state: WorkspaceState, today: dt.date, **changes: Any) -> WorkspaceState:
    """``state`` with ``changes``, validated again as a fixture is."""
    data = state.model_dump() | changes
    return WorkspaceState.model_validate(data, context={"today": today})


def _refused(viewer: Member, what: str) -> ActionError:
    return ActionError(f"{with_article(ROLE_NAMES[viewer.role])} cannot {what}")


def with_article(role_name: str) -> str:
    """``an Admin``, ``a Member``: a role's name as a sentence says it."""
    return f"{'an' if role_name[0] in 'AEIOU' else 'a'} {role_name}"


def invite(
    state: WorkspaceState,
    user: User,
    viewer: Member,
    typed: str,
    role: InvitedRole,
    today: dt.date,
) -> WorkspaceState:
    """Invite the address typed into **Add New Member** as ``role``: it is listed as Pending,
    sent today. One address, not a member's or an invitee's already."""
    viewer = _as_member(state, user, viewer)
    if role not in invitable_roles(viewer):
        raise _refused(viewer, f"invite someone as {ROLE_NAMES[role]}")
    problem = address_problem(typed, taken_addresses(state, user))
    if problem:
        raise ActionError(INVITE_MESSAGES[problem])
    invitation = {"email": trimmed_address(typed), "role": role, "sent_on": today}
    invitations = [*(i.model_dump() for i in state.invitations), invitation]
    return _next(state, today, invitations=invitations)


def resend(
    state: WorkspaceState, user: User, viewer: Member, email: str, today: dt.date
) -> WorkspaceState:
    """Send a pending invitation again: it now reads as sent today."""
    invitation = _managed_invitation(state, _as_member(state, user, viewer), email, "resend")
    invitations = [
        i.model_dump() | ({"sent_on": today} if i is invitation else {}) for i in state.invitations
    ]
    return _next(state, today, invitations=invitations)


def remove_invitation(
    state: WorkspaceState, user: User, viewer: Member, email: str, today: dt.date
) -> WorkspaceState:
    """Withdraw a pending invitation: the person is no longer listed."""
    invitation = _managed_invitation(state, _as_member(state, user, viewer), email, "remove")
    invitations = [i.model_dump() for i in state.invitations if i is not invitation]
    return _next(state, today, invitations=invitations)


def change_role(
    state: WorkspaceState,
    user: User,
    viewer: Member,
    email: str,
    role: InvitedRole,
    today: dt.date,
) -> WorkspaceState:
    """Move a confirmed member to ``role``, in their place in the list: only the Owner does,
    between Admin and Member."""
    viewer = _as_member(state, user, viewer)
    member = _member(state, user, email)
    if role not in member_actions(viewer, member).change_role_to:
        raise _refused(viewer, f"make {member.name} {with_article(ROLE_NAMES[role])}")
    members = [
        m.model_dump() | ({"role": role} if m is member else {}) for m in members_of(state, user)
    ]
    return _next(state, today, members=members)


def remove_member(
    state: WorkspaceState, user: User, viewer: Member, email: str, today: dt.date
) -> WorkspaceState:
    """Remove a confirmed member the viewer's role manages from the workspace."""
    viewer = _as_member(state, user, viewer)
    member = _member(state, user, email)
    if not member_actions(viewer, member).remove:
        raise _refused(viewer, f"remove {member.name} ({ROLE_NAMES[member.role]})")
    members = [m.model_dump() for m in members_of(state, user) if m is not member]
    return _next(state, today, members=members)


INVITED_ROLES: dict[str, InvitedRole] = {"admin": "admin", "member": "member"}
"""The roles a role change or an invitation may give, by name."""


def act_on(
    state: WorkspaceState,
    user: User,
    viewer: Member,
    action: str,
    email: str,
    role: str,
    today: dt.date,
) -> WorkspaceState:
    """Do the row ``action`` to the person with ``email``; ``role`` is a role change's new
    role, an invitation's role (and ``email`` the address typed)."""
    new_role = INVITED_ROLES.get(role)
    if action == "invite" and new_role:
        return invite(state, user, viewer, email, new_role, today)
    if action == "resend":
        return resend(state, user, viewer, email, today)
    if action == "remove-invitation":
        return remove_invitation(state, user, viewer, email, today)
    if action == "change-role" and new_role:
        return change_role(state, user, viewer, email, new_role, today)
    if action == "remove-member":
        return remove_member(state, user, viewer, email, today)
    raise ActionError(f"{action} does not take {role!r}")
