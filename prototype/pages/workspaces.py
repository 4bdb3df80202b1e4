"""What the workspace actions show, and ``workspaces.json``: what the browser needs to do them.

A static site cannot have pages for a workspace a reviewer names, so a workspace made with
**Add workspace** has its pages rendered once, under ``w/~new/`` (no fixture id can start with
``~``), from an example name; the browser fills in what was typed, as text. Details saved on
the Account page, a transfer's address and the default workspace are filled in the same way
on every page of the tab. The rules stay in Python (:mod:`prototype.states.workspace_input`):
``workspaces.json`` carries them as data, with their messages, for ``assets/workspace_rules.js``.
"""

from __future__ import annotations

from typing import Any

from prototype.pages.views import BillingView, billing_view, workspace_path
from prototype.states.fixtures import FixtureSet
from prototype.states.membership import viewer_of
from prototype.states.models import (
    BLANK_LETTERS,
    DESCRIPTION_MAX,
    EMAIL_MAX,
    EMAIL_PATTERN,
    INVISIBLE_CATEGORIES,
    TEAM_SIZE_MAX,
    WEBSITE_MAX,
    WORKSPACE_NAME_MAX,
    Workspace,
    WorkspaceState,
)
from prototype.states.workspace_actions import chooses_default, create_workspace
from prototype.states.workspace_details import (
    ADDED_SCHEME,
    HOST_PATTERN,
    MAX_SLUG,
    NOT_SLUG_PATTERN,
    SCHEME_PATTERN,
    SLUG_PATTERN,
    WS,
)
from prototype.states.workspace_input import FORM_MESSAGES, Taken

NEW_ID = "~new"
"""The state id of the workspace a reviewer adds: its pages live under ``w/~new/``."""
NEW_EXAMPLE = {"name": "New workspace", "unique_url": "new-workspace", "description": ""}
"""What the added workspace's pages are rendered with, before the browser fills in what was
typed (and what they show when opened in a tab that added none)."""
DEFAULT_STATUS = {
    True: "This is your default workspace: it opens by default.",
    False: "This is not your default workspace.",
}
"""What the Account page says of the workspace as the viewer's default, or not."""
PRODUCT_ADDRESS = "/{unique_url}/settings/{page}/"
"""Where a Settings page is in Perspective: under the workspace's Unique URL. The prototype's
own addresses are by state id; its bar shows this one."""
DONE = {
    "default-set": "{name} is now your default workspace.",
    "default-cleared": "{name} is no longer your default workspace.",
    "created": "Added {name}. You are its Owner.",
    "saved": "Saved the workspace details.",
    "moved": "Saved the workspace details. This page is now at {address}.",
    "transfer": "Started the transfer of ownership to {email}.",
}
"""What the live region says once a workspace action is done."""
NO_WORKSPACE = {
    "title": "No workspace added in this tab",
    "said": "No workspace was added in this tab, so this page has no workspace to show.",
    "index": "Open the list of states",
    "add": "Add workspace",
}
"""What a page of the added workspace shows, instead of the workspace, in a tab that added none
(or forgot it with **Reset**): its title, what it and the live region say, and its links to
the state index and to **Add workspace**."""
DETAIL_KEYS = ("name", "unique_url", "description", "website", "team_size", "transfer_to")
"""The workspace fields the browser fills in on a page."""


def done_message(kind: str, **values: str) -> str:
    """What the live region says once the action ``kind`` is done."""
    text = DONE[kind]
    for key, value in values.items():
        text = text.replace(f"{{{key}}}", value)
    return text


def product_address(workspace: Workspace, page: str) -> tuple[str, str, str]:
    """A Settings page's address in Perspective, ``/acme-research/settings/account/``, as what
    comes before the Unique URL, the Unique URL, and what comes after it."""
    before, after = PRODUCT_ADDRESS.format(unique_url="\0", page=page).split("\0")
    return before, str(workspace.unique_url), after


def new_workspace_state(fixture_set: FixtureSet) -> WorkspaceState:
    """The added workspace as its pages are rendered: the example name, its Owner the user."""
    example = fixture_set.catalogue.new_workspace
    return create_workspace(NEW_EXAMPLE, Taken(), example, fixture_set.user, fixture_set.today)


def new_workspace_view(fixture_set: FixtureSet) -> BillingView:
    """The added workspace's view, rendered like a fixture's."""
    return billing_view(NEW_ID, new_workspace_state(fixture_set))


def rendered_states(fixture_set: FixtureSet) -> list[tuple[str, WorkspaceState]]:
    """Every state the prototype renders pages for, by id: the fixtures', then the added
    workspace's."""
    return [*fixture_set.states.items(), (NEW_ID, new_workspace_state(fixture_set))]


def _details(state: WorkspaceState) -> dict[str, Any]:
    workspace = state.workspace.model_dump() | {"transfer_to": state.transfer_to}
    return {key: workspace[key] for key in DETAIL_KEYS}


def rules() -> dict[str, Any]:
    """The rules of the workspace forms, as data the browser reads."""
    return {
        "ws": WS,
        "invisible_categories": sorted(INVISIBLE_CATEGORIES),
        "blank": "".join(f"\\u{ord(char):04x}" for char in sorted(BLANK_LETTERS)),
        "slug": SLUG_PATTERN,
        "not_slug": NOT_SLUG_PATTERN,
        "max_slug": MAX_SLUG,
        "scheme": SCHEME_PATTERN,
        "added_scheme": ADDED_SCHEME,
        "host": HOST_PATTERN,
        "email": EMAIL_PATTERN,
        "max": {
            "name": WORKSPACE_NAME_MAX,
            "description": DESCRIPTION_MAX,
            "website": WEBSITE_MAX,
            "email": EMAIL_MAX,
            "team_size": TEAM_SIZE_MAX,
        },
    }


def workspaces_data(fixture_set: FixtureSet, views: list[BillingView]) -> dict[str, Any]:
    """The content of ``workspaces.json``: every workspace's details as its fixture has them
    (the added one's as rendered), which of them the user may make their default, the user's
    default, the rules, the messages and the texts the actions show."""
    user = fixture_set.user
    workspaces = {view.state_id: _details(view.state) | {"home": view.home_path} for view in views}
    workspaces[NEW_ID] = _details(new_workspace_state(fixture_set)) | {
        "home": workspace_path(NEW_ID),
        "created": False,
    }
    return {
        "new": NEW_ID,
        "user": user.email,
        "default": fixture_set.default_workspace,
        "workspaces": workspaces,
        "defaultable": [
            view.state_id
            for view in views
            if chooses_default(view.state, viewer_of(view.state, user))
        ],
        "rules": rules(),
        "messages": FORM_MESSAGES,
        "texts": {
            "default_status": {"true": DEFAULT_STATUS[True], "false": DEFAULT_STATUS[False]},
            "done": DONE,
            "no_workspace": NO_WORKSPACE,
            "address": PRODUCT_ADDRESS,
        },
    }
