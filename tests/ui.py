"""Controls the prototype's pages share, found the way a user finds them."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

SWITCHER_GROUPS = {"my_workspaces": "My Workspaces", "shared_with_me": "Shared with Me"}
"""The workspace switcher's groups, as the docs name them."""


def switcher(page: Page) -> Locator:
    """The sidebar's workspace switcher button (the workspace's name, then its hint)."""
    return page.get_by_role("button", name=re.compile("Workspace switcher$"))


def open_workspace_list(page: Page) -> Locator:
    """Open the switcher, then **Switch Workspace**: the panel, its groups showing."""
    switcher(page).click()
    panel = page.locator("#workspace-switcher")
    panel.get_by_role("button", name="Switch Workspace", exact=True).click()
    return panel
