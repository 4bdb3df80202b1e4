"""What the Settings pages other than Plan & Billing show: the user's own pages, and the
workspace pages whose content depends on the viewer's role."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from prototype.pages.members_view import ROLE_LABELS
from prototype.states.formatting import long_date
from prototype.states.membership import (
    edits_account,
    manages_integrations,
    picks_model,
    transfers_ownership,
)
from prototype.states.models import ConnectedApp, Member, User, Workspace, WorkspaceState
from prototype.states.workspace_settings import INTEGRATIONS as INTEGRATION_IDS
from prototype.states.workspace_settings import Integration, current_model

INTEGRATIONS: dict[Integration, str] = dict(
    zip(INTEGRATION_IDS, ("Slack", "HubSpot", "Gmail"), strict=True)
)
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
class AppRow:
    """An app on the Connected Apps page."""

    key: str
    """Its id on the page, from its name (names tell apps apart)."""
    name: str
    date_text: str


def app_key(name: str) -> str:
    """``app-`` and the name with ``_`` as ``__`` and a space as ``_s``, so an id has no space
    and no two names make the same one."""
    return "app-" + "".join({"_": "__", " ": "_s"}.get(char, char) for char in name)


def app_row(app: ConnectedApp) -> AppRow:
    """One app as the page lists it."""
    return AppRow(app_key(app.name), app.name, long_date(app.connected_on))


@dataclass(frozen=True)
class UserView:
    """The Profile, MCP and Connected Apps pages."""

    initials: str
    mcp_keys: list[Listed]
    connected_apps: list[AppRow]


def initials(name: str) -> str:
    """The avatar's letters: the first letter of the first and last words of the name."""
    words = name.split()
    return "".join(word[0] for word in (words[:1] + words[1:][-1:])).upper()


def user_view(user: User) -> UserView:
    """The user's own pages' content."""
    return UserView(
        initials=initials(user.name),
        mcp_keys=[Listed(k.name, long_date(k.created_on), k.last4) for k in user.mcp_keys],
        connected_apps=[app_row(app) for app in user.connected_apps],
    )


@dataclass(frozen=True)
class IntegrationRow:
    """One integration on the Integrations page."""

    id: Integration
    label: str
    connected: bool
    manage: bool
    """Whether the viewer may connect or disconnect it: every member may."""


def integration_row(
    workspace: Workspace, viewer: Member | None, key: Integration
) -> IntegrationRow:
    """One integration, connected or not."""
    return IntegrationRow(
        key, INTEGRATIONS[key], key in workspace.integrations, manages_integrations(viewer)
    )


def integration_rows(workspace: Workspace, viewer: Member | None) -> list[IntegrationRow]:
    """Every integration, connected or not, in the docs' order."""
    return [integration_row(workspace, viewer, key) for key in INTEGRATIONS]


@dataclass(frozen=True)
class ModelView:
    """The Model page's section as one viewer sees it."""

    workspace_name: str
    current: str
    picks: bool
    """Whether the viewer may pick another model: Owners and Admins may."""
    choices: list[str]
    """The models the catalogue offers (example data)."""


def model_view(state: WorkspaceState, viewer: Member | None, models: Sequence[str]) -> ModelView:
    """The workspace's text interviewer model, and whether the viewer may change it."""
    return ModelView(
        workspace_name=state.workspace.name,
        current=current_model(state, models),
        picks=picks_model(viewer),
        choices=list(models),
    )
