"""What the Plan & Billing page shows for a state: labels, formatted figures, URLs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from prototype.states.card_input import NAME_MAX
from prototype.states.catalogue import Catalogue
from prototype.states.formatting import count, long_date, money
from prototype.states.models import CardReference, Invoice, WorkspaceState

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
PLAN_DIALOGS: dict[PlanAction, tuple[str, str]] = {
    "choose": ("plans-and-credits", "Plans and credits"),
    "change": ("change-plan", "Change plan"),
    "resume": ("resume-plan", "Resume Pro Subscription"),
}
"""The dialog each plan action opens: its id and its title."""
PAYMENT_DIALOG = "payment-method"


def card_label(card: CardReference) -> str:
    """``Visa ending in 4242``: how a card is named on the page and in invoice rows."""
    return f"{BRAND_NAMES[card.brand]} ending in {card.last4}"


@dataclass(frozen=True)
class CreditFigures:
    """The credit figures as the Available Credits section writes them."""

    balance_text: str
    total_text: str
    balance: str
    """The progress bar's value."""
    bar_max: str
    """The progress bar's maximum: the total, or 1 when it is 0 (a bar's maximum is above 0)."""


def credit_figures(balance: int, total: int) -> CreditFigures:
    """The figures of a balance and its total."""
    return CreditFigures(count(balance), count(total), str(balance), str(total or 1))


@dataclass(frozen=True)
class Choice:
    """One choice a dialog offers: the value the flow reads, and its label."""

    value: str
    label: str


@dataclass(frozen=True)
class CatalogueChoices:
    """The example catalogue as the dialogs offer it."""

    packs: list[Choice]
    tiers: list[Choice]
    test_cards: list[Choice]
    name_max: int = NAME_MAX
    """The longest name on a card the dialog takes."""

    @property
    def tier_values(self) -> list[str]:
        """The tier names offered."""
        return [choice.value for choice in self.tiers]


def catalogue_choices(catalogue: Catalogue) -> CatalogueChoices:
    """Credit packs as ``1,000 credits``, tiers by name, test cards as ``4242… (Visa)``."""
    return CatalogueChoices(
        packs=[Choice(str(pack), f"{count(pack)} credits") for pack in catalogue.credit_packs],
        tiers=[Choice(tier, tier) for tier in catalogue.tiers],
        test_cards=[
            Choice(card.number, f"{card.number} ({BRAND_NAMES[card.brand]})")
            for card in catalogue.test_cards
        ],
    )


@dataclass(frozen=True)
class DialogLink:
    """A dialog of the Plan & Billing page, which a URL can open."""

    id: str
    title: str


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

    @property
    def plan_dialog(self) -> str:
        """The id of the dialog the plan action opens."""
        return PLAN_DIALOGS[self.plan_action][0]

    @property
    def figures(self) -> CreditFigures:
        """The state's credit figures."""
        return credit_figures(self.state.credits.balance, self.state.credits.total)

    @property
    def dialogs(self) -> list[DialogLink]:
        """The dialogs of the Plan & Billing page: the plan action's, then the payment method's."""
        return [
            DialogLink(*PLAN_DIALOGS[self.plan_action]),
            DialogLink(PAYMENT_DIALOG, self.payment_action_label),
        ]


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


def invoice_rows(state_id: str, state: WorkspaceState) -> list[InvoiceRow]:
    """The Invoices table's rows, newest first."""
    return [
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


def billing_view(
    state_id: str, state: WorkspaceState, invoices: list[InvoiceRow] | None = None
) -> BillingView:
    """Derive the page's content for ``state``; ``invoices`` are its rows when known already
    (an action never changes them)."""
    plan, card = state.plan, state.payment_method
    action = _plan_action(state)
    rows = invoice_rows(state_id, state) if invoices is None else invoices
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
        payment_action_label="Change Payment Method" if card else "Add Payment Method",
        invoices=rows,
    )
