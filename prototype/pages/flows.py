"""``w/<id>/flows.json``: every state a fixture's actions reach, rendered ahead of time.

The site is static, so Python cannot run after a reviewer's action. Instead the build follows
every action from each fixture state, with every choice of the example catalogue
(:mod:`prototype.pages.reach`), and renders the page parts each reached state shows with the
same Jinja macros the pages use. The plan and the card on file reach finitely many states;
credits are the one figure that can grow without end, so the credits part carries
placeholders that the browser fills with the figures, grouped as Python's
:func:`~prototype.states.formatting.count` groups them. The browser only looks up transitions
and swaps these parts in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Environment

from prototype.pages.reach import (
    Reached,
    card_key,
    closure,
    offered_choices,
    one_action,
    plan_key,
)
from prototype.pages.render import compact
from prototype.pages.views import BillingView, CreditFigures, billing_view, catalogue_choices
from prototype.states.actions import max_credits_message, plan_actions
from prototype.states.card_input import CARD_MESSAGES, SECURITY_CODE_LENGTHS
from prototype.states.catalogue import Catalogue
from prototype.states.formatting import count_grouping
from prototype.states.models import MAX_CREDITS, WorkspaceState

PLACEHOLDERS = {
    "balance_text": "@balance-text@",
    "total_text": "@total-text@",
    "balance": "@balance@",
    "bar_max": "@bar-max@",
}
"""What the credits part holds in place of each figure, for the browser to fill."""
CARD_FIELDS = {
    "cc-name": "name",
    "cc-number": "number",
    "cc-exp": "expiry",
    "cc-csc": "security_code",
}
"""The payment method dialog's inputs and the :class:`CardInput` field each fills."""


def macros(env: Environment, template: str) -> Callable[..., str]:
    """A caller of the template's macros by name: ``macros(env, t)("name", *args)``, the HTML
    the page would have at that place."""
    module = env.get_template(template).module

    def call(name: str, *args: Any) -> str:
        return compact(str(getattr(module, name)(*args)))

    return call


def flows_data(
    env: Environment, fixture: BillingView, catalogue: Catalogue, today: dt.date, user_name: str
) -> dict[str, Any]:
    """The content of a fixture state's ``flows.json``."""
    state_id, state, invoices = fixture.state_id, fixture.state, fixture.invoices
    choices = catalogue_choices(catalogue)
    offered = offered_choices(catalogue, today, user_name)
    section = macros(env, "settings/billing_parts.html")
    dialog = macros(env, "dialogs/macros.html")
    placeholders = credit_figures_placeholders()

    def plan_step(current: WorkspaceState) -> Iterator[Reached]:
        return one_action(current, offered, today, plan_actions)

    def card_step(current: WorkspaceState) -> Iterator[Reached]:
        return one_action(current, offered, today, lambda _: ("save-card",))

    plans, plan_moves = closure(state, lambda s: plan_key(s.plan), plan_step)
    cards, card_moves = closure(state, lambda s: card_key(s.payment_method), card_step)
    plan_entries = {}
    for key, reached in plans.items():
        view = billing_view(state_id, reached, invoices)
        plan_entries[key] = {
            "parts": {
                "current-plan": section("current_plan_section", view),
                "available-credits": section("credits_section", view, placeholders),
                "plan-dialogs": dialog("plan_dialogs", view, choices),
                "plan-entry": dialog("plan_entry", view),
            },
            "actions": plan_moves[key],
        }
    card_entries = {}
    for key, reached in cards.items():
        view = billing_view(state_id, reached, invoices)
        card_entries[key] = {
            "parts": {
                "payment-method": section("payment_section", view),
                "payment-dialog": dialog("payment_dialog", view, choices),
            },
            "actions": card_moves[key],
        }
    return {
        "fixture": {
            "plan": plan_key(state.plan),
            "card": card_key(state.payment_method),
            "credits": {"balance": state.credits.balance, "total": state.credits.total},
        },
        "placeholders": PLACEHOLDERS,
        "grouping": count_grouping(),
        "max_credits": MAX_CREDITS,
        "messages": {"max-credits": max_credits_message()},
        "plans": plan_entries,
        "cards": card_entries,
        "card_form": card_form(catalogue, today),
    }


def credit_figures_placeholders() -> CreditFigures:
    """Credit figures whose every value is its placeholder."""
    return CreditFigures(**PLACEHOLDERS)


def card_form(catalogue: Catalogue, today: dt.date) -> dict[str, Any]:
    """What the browser checks the payment method dialog with: the same rules as
    :class:`CardInput`, its messages, the month a card may expire in at the earliest, and the
    security code length of each test card."""
    return {
        "fields": CARD_FIELDS,
        "earliest_expiry": {"year": today.year, "month": today.month},
        "security_codes": {
            card.number: SECURITY_CODE_LENGTHS[card.brand] for card in catalogue.test_cards
        },
        "messages": CARD_MESSAGES,
    }
