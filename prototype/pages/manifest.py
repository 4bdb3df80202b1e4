"""``states.json``: the machine-readable index of states for tools and CI."""

from __future__ import annotations

from typing import Any

from prototype.outputs.jsontext import json_text
from prototype.pages.settings_pages import LANDING, MEMBERS
from prototype.pages.views import BillingView
from prototype.states.fixtures import FixtureSet
from prototype.states.membership import members_of, sees_workspace_pages, viewer_of
from prototype.states.models import User


def state_entry(view: BillingView, site_path: str, user: User) -> dict[str, Any]:
    """One state as tools see it; URLs are relative to the site root."""
    state, plan = view.state, view.state.plan
    viewer = viewer_of(state, user)
    settings = f"{site_path}{view.home_path}settings/"
    return {
        "id": view.state_id,
        "title": state.title,
        "description": state.description,
        "workspace": state.workspace.name,
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


def states_json(fixture_set: FixtureSet, views: list[BillingView], site_path: str) -> str:
    """The manifest's text: ``{"today": ..., "states": [...]}``."""
    manifest = {
        "today": fixture_set.today.isoformat(),
        "states": [state_entry(view, site_path, fixture_set.user) for view in views],
    }
    return json_text(manifest)
