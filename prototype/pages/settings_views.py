"""What the Settings pages other than Plan & Billing show: the user's own pages, and the
workspace pages whose content depends on the viewer's role."""

from __future__ import annotations

from dataclasses import dataclass

from prototype.pages.members_view import ROLE_LABELS
from prototype.states.formatting import long_date
from prototype.states.membership import edits_account, picks_model, transfers_ownership
from prototype.states.models import Member, User, Workspace

INTEGRATIONS = {"slack": "Slack", "hubspot": "HubSpot", "gmail": "Gmail"}
"""The integrations a workspace can connect, as the docs name them."""


@dataclass(frozen=True)
class RoleView:
    """What one viewer's role lets them do on the workspace's pages."""

    viewer: Member
    viewer_label: str
    edits_account: bool
    transfers_ownership: bool
    picks_model: bool


def role_view(viewer: Member) -> RoleView:
    """The viewer's powers, each taken from the membership rules."""
    return RoleView(
        viewer=viewer,
        viewer_label=ROLE_LABELS[viewer.role],
        edits_account=edits_account(viewer),
        transfers_ownership=transfers_ownership(viewer),
        picks_model=picks_model(viewer),
    )


@dataclass(frozen=True)
class Listed:
    """A named thing on a user-level page, with the date it reads."""

    name: str
    date_text: str
    detail: str = ""


@dataclass(frozen=True)
class UserView:
    """The Profile, MCP and Connected Apps pages."""

    initials: str
    mcp_keys: list[Listed]
    connected_apps: list[Listed]


def initials(name: str) -> str:
    """The avatar's letters: the first letter of the first and last words of the name."""
    words = name.split()
    return "".join(word[0] for word in (words[:1] + words[1:][-1:])).upper()


def user_view(user: User) -> UserView:
    """The user's own pages' content."""
    return UserView(
        initials=initials(user.name),
        mcp_keys=[Listed(k.name, long_date(k.created_on), k.last4) for k in user.mcp_keys],
        connected_apps=[Listed(a.name, long_date(a.connected_on)) for a in user.connected_apps],
    )


@dataclass(frozen=True)
class IntegrationRow:
    """One integration on the Integrations page."""

    id: str
    label: str
    connected: bool


def integration_rows(workspace: Workspace) -> list[IntegrationRow]:
    """Every integration, connected or not, in the docs' order."""
    return [
        IntegrationRow(key, label, key in workspace.integrations)
        for key, label in INTEGRATIONS.items()
    ]
