"""The Settings sidebar: user-level and workspace-level pages, and where the docs cover each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class SettingsPage:
    """One entry of the Settings sidebar."""

    slug: str
    label: str
    level: Literal["user", "workspace"]
    docs_path: str
    """Where the docs describe it, relative to the docs root (directory URLs)."""
    docs_title: str
    template: str
    """The page's template."""


BILLING = "billing"
"""The one Settings page the prototype renders in full."""
MODEL = "model"
"""The Model page: the workspace's text interviewer model, picked by Owners and Admins."""
MEMBERS = "members"
"""The Members page: who belongs to the workspace, and what the viewer's role may do there."""
LANDING = "account"
"""Where **Manage workspace** leads: the workspace's own details."""

_OVERVIEW = ("guide/settings/#settings-areas", "Settings")
_WORKSPACES = "Workspaces and Account Settings"

SETTINGS_PAGES: tuple[SettingsPage, ...] = (
    SettingsPage("profile", "Profile", "user", *_OVERVIEW, "settings/profile.html"),
    SettingsPage("mcp", "MCP", "user", *_OVERVIEW, "settings/mcp.html"),
    SettingsPage(
        "connected-apps", "Connected Apps", "user", *_OVERVIEW, "settings/connected_apps.html"
    ),
    SettingsPage(
        "integrations", "Integrations", "workspace", *_OVERVIEW, "settings/integrations.html"
    ),
    SettingsPage(
        MEMBERS,
        "Members",
        "workspace",
        "guide/settings/permissions-roles/",
        "Roles and Permissions",
        "settings/members.html",
    ),
    SettingsPage(
        BILLING,
        "Plan & Billing",
        "workspace",
        "guide/settings/billing/",
        "Plan and Billing",
        "settings/billing.html",
    ),
    SettingsPage(MODEL, "Model", "workspace", *_OVERVIEW, "settings/model.html"),
    SettingsPage(
        LANDING,
        "Account",
        "workspace",
        "guide/settings/workspaces/#workspace-details",
        _WORKSPACES,
        "settings/account.html",
    ),
)
ROLE_PAGES = frozenset({MEMBERS, MODEL, LANDING})
"""The pages whose content depends on the viewer's role: reviewers can view them as each role."""
