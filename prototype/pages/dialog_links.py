"""The dialogs a URL opens (``?dialog=<id>``) on each state's pages: "this state, this dialog"."""

from __future__ import annotations

from dataclasses import dataclass

from prototype.pages.views import BillingView
from prototype.states.membership import sees_workspace_pages, transfers_ownership, viewer_of
from prototype.states.models import User


@dataclass(frozen=True)
class LinkedDialog:
    """A dialog, and the address that opens it."""

    id: str
    title: str
    path: str
    """The page with ``?dialog=<id>``, relative to the prototype root."""


def dialogs_of(view: BillingView, user: User) -> list[LinkedDialog]:
    """Plan & Billing's dialogs (its plan action's, the payment method's) for a member; **Add
    workspace** on the home page of every workspace; **Transfer ownership** on the Account page
    of a workspace the user owns."""
    viewer = viewer_of(view.state, user)
    found: list[tuple[str, str, str]] = []
    if sees_workspace_pages(viewer):
        found += [(d.id, d.title, view.billing_path) for d in view.dialogs]
    found.append(("add-workspace", "Add workspace", view.home_path))
    if transfers_ownership(viewer):
        found.append(
            ("transfer-ownership", "Transfer ownership", f"{view.home_path}settings/account/")
        )
    return [LinkedDialog(id_, title, f"{page}?dialog={id_}") for id_, title, page in found]
