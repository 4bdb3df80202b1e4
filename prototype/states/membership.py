"""Who belongs to a workspace, who the signed-in user is in it, and what each role may do.

The one place for the rules of the Roles and Permissions page: every page, the manifest and the
tests ask these functions, and none of them works a rule out for itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from prototype.states.models import InvitedRole, Member, Role, User, WorkspaceState

ROLES: tuple[Role, ...] = ("owner", "admin", "member")
"""The workspace roles, highest first."""
INVITES: dict[Role, tuple[InvitedRole, ...]] = {"owner": ("admin", "member"), "admin": ("member",)}
"""Who invites (and so manages) whom: the Owner Admins and Members, an Admin Members."""


def members_of(state: WorkspaceState, user: User) -> tuple[Member, ...]:
    """The workspace's members; a fixture that lists none has the user as its only member,
    the Owner (a personal workspace, say)."""
    if state.members:
        return tuple(state.members)
    return (Member(name=user.name, email=user.email, role="owner"),)


def viewer_of(state: WorkspaceState, user: User) -> Member | None:
    """The signed-in user as a member of the workspace, or ``None`` when it is only shared."""
    wanted = user.email.casefold()
    return next((m for m in members_of(state, user) if m.email.casefold() == wanted), None)


def sees_workspace_pages(viewer: Member | None) -> bool:
    """Workspace-level Settings pages (Members, Plan & Billing...) are for members, any role."""
    return viewer is not None


def invitable_roles(viewer: Member | None) -> tuple[InvitedRole, ...]:
    """The roles the viewer may invite someone as: an Owner Admins and Members, an Admin
    Members, a Member nobody."""
    return INVITES.get(viewer.role, ()) if viewer else ()


def manages(viewer: Member | None, role: Role) -> bool:
    """Whether the viewer manages people holding ``role``: the Owner manages Admins and
    Members, an Admin manages Members, no one manages the Owner."""
    return role in invitable_roles(viewer)


@dataclass(frozen=True)
class MemberActions:
    """What the viewer may do to one member (or one pending invitation)."""

    change_role_to: tuple[InvitedRole, ...] = ()
    """The roles the viewer may move this confirmed member to."""
    remove: bool = False
    """Remove the member, or withdraw the invitation."""
    resend: bool = False
    """Send a pending invitation again."""

    @property
    def any(self) -> bool:
        """Whether there is anything to offer."""
        return bool(self.change_role_to or self.remove or self.resend)


def member_actions(viewer: Member | None, member: Member) -> MemberActions:
    """The viewer's actions on a confirmed member: only the Owner changes roles (between Admin
    and Member); removing follows :func:`manages`; nobody acts on their own row here."""
    if viewer is None or member.email.casefold() == viewer.email.casefold():
        return MemberActions()
    change: tuple[InvitedRole, ...] = ()
    if viewer.role == "owner" and member.role != "owner":
        change = tuple(role for role in ("admin", "member") if role != member.role)
    return MemberActions(change_role_to=change, remove=manages(viewer, member.role))


def invitation_actions(viewer: Member | None, role: InvitedRole) -> MemberActions:
    """The viewer's actions on a pending invitation for ``role``: resend or remove it when the
    viewer could have sent it."""
    allowed = manages(viewer, role)
    return MemberActions(remove=allowed, resend=allowed)


def picks_model(viewer: Member | None) -> bool:
    """Owners and Admins pick the workspace's text interviewer model."""
    return viewer is not None and viewer.role in {"owner", "admin"}


def manages_integrations(viewer: Member | None) -> bool:
    """Every member, whatever their role, connects and disconnects the workspace's integrations."""
    return viewer is not None


def edits_account(viewer: Member | None) -> bool:
    """Only the Owner updates the workspace's account details."""
    return viewer is not None and viewer.role == "owner"


def transfers_ownership(viewer: Member | None) -> bool:
    """Only the Owner hands ownership over (platform admins are not a Settings role)."""
    return viewer is not None and viewer.role == "owner"
