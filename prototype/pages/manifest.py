"""``states.json``: the machine-readable index of states for tools and CI."""

from __future__ import annotations

from typing import Any

from prototype.outputs.jsontext import json_text
from prototype.pages.dialog_links import dialogs_of
from prototype.pages.members_flows import MembersPage, first_steps
from prototype.pages.reach import Offered, offered_choices
from prototype.pages.settings_pages import LANDING, MEMBERS
from prototype.pages.views import BillingView, billing_view
from prototype.states.actions import ActionError, ActionId, actions_of, apply
from prototype.states.fixtures import FixtureSet
from prototype.states.membership import members_of, sees_workspace_pages, viewer_of
from prototype.states.models import User

ACTION_LABELS: dict[ActionId, str] = {
    "resume": "Resume plan",
    "change-tier": "Change tier",
    "buy-credits": "Buy credits",
    "move-to-pro": "Move to Pro Subscription",
    "save-card": "Save card",
}
"""What each action is called in ``states.json``."""
MEMBERSHIP_LABELS: dict[str, str] = {
    "invite": "Invite a member",
    "resend": "Resend invitation",
    "remove-invitation": "Remove invitation",
    "change-role": "Change role",
    "remove-member": "Remove member",
}
"""The Members page's actions, in the order ``states.json`` lists them."""
EXAMPLE_INVITEE = "new.teammate@example.com"
"""Who a result state's invitation goes to."""


def state_entry(
    view: BillingView, site_path: str, user: User, default_workspace: str | None
) -> dict[str, Any]:
    """One state as tools see it; URLs are relative to the site root."""
    state, plan = view.state, view.state.plan
    viewer = viewer_of(state, user)
    settings = f"{site_path}{view.home_path}settings/"
    return {
        "id": view.state_id,
        "title": state.title,
        "description": state.description,
        "workspace": state.workspace.name,
        "unique_url": state.workspace.unique_url,
        "default": view.state_id == default_workspace,
        "group": state.workspace.group,
        "home_url": f"{site_path}{view.home_path}",
        "billing_url": f"{site_path}{view.billing_path}",
        "plan": plan.type,
        "plan_label": view.plan_label,
        "tier": plan.tier,
        "subscription_status": plan.status,
        "active_until": plan.active_until.isoformat() if plan.active_until else None,
        "renews_on": plan.renews_on.isoformat() if plan.renews_on else None,
        "credits": {"balance": state.credits.balance, "total": state.credits.total},
        "payment_method": view.payment_method,
        "invoices": [
            {
                "number": row.number,
                "date": row.date.isoformat(),
                "amount": row.amount_text,
                "url": f"{site_path}{row.path}",
            }
            for row in view.invoices
        ],
        "viewer_role": viewer.role if viewer else None,
        "members_url": f"{settings}{MEMBERS}/" if sees_workspace_pages(viewer) else None,
        "account_url": f"{settings}{LANDING}/" if sees_workspace_pages(viewer) else None,
        "members": [
            *(
                {"name": m.name, "email": m.email, "role": m.role, "pending": False}
                for m in members_of(state, user)
            ),
            *(
                {"name": None, "email": i.email, "role": i.role, "pending": True}
                for i in state.invitations
            ),
        ],
    }


def dialog_links(view: BillingView, user: User, site_path: str) -> list[dict[str, str]]:
    """The dialogs of the state's pages, each with the URL that opens it, from the site root."""
    return [
        {"id": dialog.id, "title": dialog.title, "url": f"{site_path}{dialog.path}"}
        for dialog in dialogs_of(view, user)
    ]


def action_results(
    view: BillingView, offered: Offered, fixture_set: FixtureSet, site_path: str
) -> list[dict[str, Any]]:
    """Each action the state offers, done with the catalogue's first choice, then each of the
    Members page's, and the state each leads to as an entry of its own."""
    results = []
    for action in actions_of(view.state):
        _, choice = offered[action][0]
        try:
            after = apply(view.state, action, choice, fixture_set.today)
        except ActionError:
            continue  # the first choice refused here: a purchase past the largest figure
        result = billing_view(view.state_id, after, view.invoices)
        results.append(
            {
                "id": action,
                "label": ACTION_LABELS[action],
                "result_state": state_entry(
                    result, site_path, fixture_set.user, fixture_set.default_workspace
                ),
            }
        )
    return results + membership_results(view, fixture_set, site_path)


def membership_results(
    view: BillingView, fixture_set: FixtureSet, site_path: str
) -> list[dict[str, Any]]:
    """Each Members page action the user's role allows, done on the first row that offers it
    (an invitation as the first role the user may invite), and the state it leads to."""
    user, state = fixture_set.user, view.state
    viewer = viewer_of(state, user)
    if viewer is None:
        return []
    page = MembersPage(user, viewer, fixture_set.today, str, str)  # no row is rendered here
    steps = first_steps(page, state, EXAMPLE_INVITEE)
    return [
        {
            "id": action,
            "label": label,
            "result_state": state_entry(
                billing_view(view.state_id, steps[action].after, view.invoices),
                site_path,
                user,
                fixture_set.default_workspace,
            ),
        }
        for action, label in MEMBERSHIP_LABELS.items()
        if action in steps
    ]


def states_json(fixture_set: FixtureSet, views: list[BillingView], site_path: str) -> str:
    """The manifest's text: ``{"today": ..., "states": [...]}``; each state with its dialogs
    and its actions."""
    offered = offered_choices(fixture_set.catalogue, fixture_set.today, fixture_set.user.name)
    manifest = {
        "today": fixture_set.today.isoformat(),
        "states": [
            state_entry(view, site_path, fixture_set.user, fixture_set.default_workspace)
            | {
                "dialogs": dialog_links(view, fixture_set.user, site_path),
                "actions": action_results(view, offered, fixture_set, site_path)
                if viewer_of(view.state, fixture_set.user)
                else [],  # billing is for members only
            }
            for view in views
        ],
    }
    return json_text(manifest)
