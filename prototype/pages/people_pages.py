"""The Settings pages whose actions people.js runs, where each finds its data, and the key the
tab keeps a changed state under."""

from __future__ import annotations

from prototype.pages.settings_pages import MEMBERS, MODEL

INTEGRATIONS = "integrations"
CONNECTED_APPS = "connected-apps"
PEOPLE_PAGES = (MEMBERS, MODEL, INTEGRATIONS, CONNECTED_APPS)
"""The pages with people actions: membership, the model, integrations, connected apps."""
DATA_FILE = "actions.json"
"""Each such page's data, beside the page (``settings/members/as-admin/actions.json``)."""


def people_key(state_id: str, slug: str, as_role: str | None) -> str:
    """Where the tab keeps what the page's actions changed, below the prototype's root: the
    membership per state and view (each view is a member acting on their own copy), the model
    and integrations per workspace, the connected apps once for the user (they are the user's
    in every workspace)."""
    if slug == CONNECTED_APPS:
        return CONNECTED_APPS
    if slug == MEMBERS:
        return f"w/{state_id}/{MEMBERS}/{as_role or 'you'}"
    return f"w/{state_id}/{slug}"
