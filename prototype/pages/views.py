"""What the Plan & Billing page shows for a state: labels, formatted figures, URLs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from babel.numbers import format_decimal

from prototype.states.formatting import LOCALE, long_date, money
from prototype.states.models import Card, CardReference, Invoice, WorkspaceState

PLAN_LABELS = {"flex": "Flex Credits", "pro": "Pro Subscription"}
"""The plan names the page shows, as the docs put them in bold."""
BRAND_NAMES = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "American Express",
    "discover": "Discover",
}

PlanAction = Literal["choose", "change", "resume"]
PLAN_ACTION_LABELS: dict[PlanAction, str] = {
    "choose": "Choose a plan",
    "change": "Change plan",
    "resume": "Resume plan",
}


def card_label(card: CardReference) -> str:
    """``Visa ending in 4242``: how a card is named on the page and in invoice rows."""
    return f"{BRAND_NAMES[card.brand]} ending in {card.last4}"


def card_expiry(card: Card) -> str:
    """``Expires 08/2028``."""
    return f"Expires {card.exp_month:02d}/{card.exp_year}"


def count(number: int) -> str:
    """A credit figure with grouping: ``12,500``."""
    return str(format_decimal(number, locale=LOCALE))


@dataclass(frozen=True)
class InvoiceRow:
    """One row of the Invoices table."""

    number: str
    date: dt.date
    date_text: str
    amount_text: str
    payment_method: str
    path: str
    """The invoice page, relative to the prototype root."""


@dataclass(frozen=True)
class BillingView:
    """Everything the Plan & Billing page and the manifest say about one state."""

    state_id: str
    state: WorkspaceState
    plan_label: str
    plan_action: PlanAction
    plan_action_label: str
    active_until_text: str | None
    renews_on_text: str | None
    balance_text: str
    total_text: str
    payment_method: str | None
    payment_expiry: str | None
    payment_action_label: str
    invoices: list[InvoiceRow]

    @property
    def home_path(self) -> str:
        """The workspace home, relative to the prototype root."""
        return workspace_path(self.state_id)

    @property
    def billing_path(self) -> str:
        """The Plan & Billing page, relative to the prototype root."""
        return billing_path(self.state_id)


def workspace_path(state_id: str) -> str:
    """Where a state's workspace lives, relative to the prototype root."""
    return f"w/{state_id}/"


def billing_path(state_id: str) -> str:
    """A state's Plan & Billing page, relative to the prototype root."""
    return f"{workspace_path(state_id)}settings/billing/"


def invoice_path(state_id: str, invoice: Invoice) -> str:
    """An invoice's own page, relative to the prototype root."""
    return f"{workspace_path(state_id)}invoices/{invoice.number}/"


def _plan_action(state: WorkspaceState) -> PlanAction:
    if state.plan.type == "flex":
        return "choose"
    return "resume" if state.plan.status == "canceled" else "change"


def billing_view(state_id: str, state: WorkspaceState) -> BillingView:
    """Derive the page's content for ``state``."""
    plan, card = state.plan, state.payment_method
    action = _plan_action(state)
    rows = [
        InvoiceRow(
            number=invoice.number,
            date=invoice.date,
            date_text=long_date(invoice.date),
            amount_text=money(invoice.amount.minor_units, invoice.amount.currency),
            payment_method=card_label(invoice.paid_with),
            path=invoice_path(state_id, invoice),
        )
        for invoice in sorted(state.invoices, key=lambda i: (i.date, i.number), reverse=True)
    ]
    return BillingView(
        state_id=state_id,
        state=state,
        plan_label=PLAN_LABELS[plan.type],
        plan_action=action,
        plan_action_label=PLAN_ACTION_LABELS[action],
        active_until_text=long_date(plan.active_until) if plan.active_until else None,
        renews_on_text=long_date(plan.renews_on) if plan.renews_on else None,
        balance_text=count(state.credits.balance),
        total_text=count(state.credits.total),
        payment_method=card_label(card) if card else None,
        payment_expiry=card_expiry(card) if card else None,
        payment_action_label="Change Payment Method" if card else "Add Payment Method",
        invoices=rows,
    )
