"""The dialogs a URL opens (``?dialog=<id>``) on each state's pages: "this state, this dialog";
and what a page says when the link asks for one it does not offer."""

from __future__ import annotations

from dataclasses import dataclass

from prototype.pages.views import BillingView
from prototype.states.membership import sees_workspace_pages, transfers_ownership, viewer_of
from prototype.states.models import User

UNAVAILABLE = (
    "The link asks for the dialog “{id}”, which this page does not offer in this state"
    " or to this role."
)
"""What the live region says when ``?dialog=<id>`` names no dialog the page offers: there is
none of that id, or no control of the page opens it in this state or for this role. The
browser puts the id, as text, where ``{id}`` is."""
ADD_WORKSPACE = "add-workspace"
"""The id of **Add workspace**, on every home page."""


def unavailable_message(dialog_id: str) -> str:
    """What the live region says when a link asks for a dialog the page does not offer."""
    before, after = UNAVAILABLE.split("{id}")
    return f"{before}{dialog_id}{after}"


def add_workspace_link(views: list[BillingView]) -> str:
    """The link that opens **Add workspace**, on the first state's home page, relative to the
    prototype root."""
    return f"{views[0].home_path}?dialog={ADD_WORKSPACE}"


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
    found.append((ADD_WORKSPACE, "Add workspace", view.home_path))
    if transfers_ownership(viewer):
        found.append(
            ("transfer-ownership", "Transfer ownership", f"{view.home_path}settings/account/")
        )
    return [LinkedDialog(id_, title, f"{page}?dialog={id_}") for id_, title, page in found]
