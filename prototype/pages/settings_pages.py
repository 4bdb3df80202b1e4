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


BILLING = "billing"
"""The one Settings page the prototype renders in full."""
MEMBERS = "members"
"""The Members page: who belongs to the workspace, and what the viewer's role may do there."""
LANDING = "account"
"""Where **Manage workspace** leads: the workspace's own details."""

SETTINGS_PAGES: tuple[SettingsPage, ...] = (
    SettingsPage("profile", "Profile", "user", "guide/settings/#settings-areas", "Settings"),
    SettingsPage("mcp", "MCP", "user", "guide/settings/#settings-areas", "Settings"),
    SettingsPage(
        "connected-apps", "Connected Apps", "user", "guide/settings/#settings-areas", "Settings"
    ),
    SettingsPage(
        "integrations", "Integrations", "workspace", "guide/settings/#settings-areas", "Settings"
    ),
    SettingsPage(
        MEMBERS,
        "Members",
        "workspace",
        "guide/settings/permissions-roles/",
        "Roles and Permissions",
    ),
    SettingsPage(
        BILLING, "Plan & Billing", "workspace", "guide/settings/billing/", "Plan and Billing"
    ),
    SettingsPage("model", "Model", "workspace", "guide/settings/#settings-areas", "Settings"),
    SettingsPage(
        LANDING,
        "Account",
        "workspace",
        "guide/settings/workspaces/#workspace-details",
        "Workspaces and Account Settings",
    ),
)
