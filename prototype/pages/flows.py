"""``w/<id>/flows.json``: every state a fixture's actions reach, rendered ahead of time.

The site is static, so Python cannot run after a reviewer's action. Instead the build follows
every action from each fixture state (``prototype.states.actions``), with every choice of the
example catalogue, and renders the page parts each reached state shows with the same Jinja
macros the pages use. The plan and the card on file reach finitely many states (deduplicated
by a key of what the parts show); credits are the one figure that can grow without end, so the
credits part carries placeholders that the browser fills with the figures, grouped as Python's
:func:`~prototype.states.formatting.count` groups them. The browser only looks up transitions
and swaps these parts in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from prototype.pages.views import (
    BillingView,
    CreditFigures,
    billing_view,
    card_label,
    catalogue_choices,
)
from prototype.states.actions import (
    ActionError,
    ActionId,
    Choice,
    actions_of,
    apply,
    max_credits_message,
    plan_actions,
)
from prototype.states.card_input import CARD_MESSAGES, SECURITY_CODE_LENGTHS, CardInput
from prototype.states.catalogue import Catalogue
from prototype.states.formatting import count, count_grouping, long_date
from prototype.states.models import MAX_CREDITS, CardReference, Plan, WorkspaceState

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
ACTION_LABELS: dict[ActionId, str] = {
    "resume": "Resume plan",
    "change-tier": "Change tier",
    "buy-credits": "Buy credits",
    "move-to-pro": "Move to Pro Subscription",
    "save-card": "Save card",
}
"""What each action is called in ``states.json``."""


def _key(prefix: str, data: Any) -> str:
    """A short, stable key of ``data``: the same data, the same key in every build."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return f"{prefix}{hashlib.sha256(text.encode()).hexdigest()[:12]}"


def plan_key(plan: Plan) -> str:
    """The key of a plan: the parts it changes show everything in it."""
    return _key("plan-", plan.model_dump(mode="json"))


def card_key(card: CardReference | None) -> str:
    """The key of a card on file: the page shows its brand and last four digits, no more."""
    return "card-none" if card is None else _key("card-", [card.brand, card.last4])


def card_choice(number: str, name: str, catalogue: Catalogue, today: dt.date) -> CardInput:
    """The dialog filled in with a test card: expiring this month, its network's code length."""
    brand = next(card.brand for card in catalogue.test_cards if card.number == number)
    fields = {
        "name": name,
        "number": number,
        "expiry": f"{today.month:02d}/{today.year % 100:02d}",
        "security_code": "1234"[: SECURITY_CODE_LENGTHS[brand]],
    }
    context = {"today": today, "test_numbers": catalogue.test_numbers}
    return CardInput.model_validate(fields, context=context)


def choices_of(
    action: ActionId, catalogue: Catalogue, today: dt.date, name: str
) -> list[tuple[str, Choice]]:
    """Every choice the dialogs offer for ``action``: as the page names it, and as the action
    takes it. The catalogue's order; its first is the default."""
    if action == "resume":
        return [("", None)]
    if action in ("change-tier", "move-to-pro"):
        return [(tier, tier) for tier in catalogue.tiers]
    if action == "buy-credits":
        return [(str(pack), pack) for pack in catalogue.credit_packs]
    return [
        (card.number, card_choice(card.number, name, catalogue, today))
        for card in catalogue.test_cards
    ]


def done_message(action: ActionId, before: WorkspaceState, after: WorkspaceState) -> str:
    """What the live region says once the action is done."""
    plan = after.plan
    if action == "resume" and plan.renews_on:
        return f"Pro Subscription resumed: it renews on {long_date(plan.renews_on)}."
    if action in ("change-tier", "move-to-pro"):
        return f"The plan is now Pro Subscription, {plan.tier} tier."
    if action == "buy-credits":
        return f"Added {count(after.credits.total - before.credits.total)} credits."
    if after.payment_method is not None:
        return f"Saved {card_label(after.payment_method)} as the payment method."
    raise ActionError(f"{action} left nothing to announce")


@dataclass(frozen=True)
class Reached:
    """A state an action leads to, and what changed."""

    action: ActionId
    choice: str
    """The choice as the page names it."""
    state: WorkspaceState


Offered = dict[ActionId, list[tuple[str, Choice]]]
"""Each action's choices, as :func:`choices_of` gives them."""


def offered_choices(catalogue: Catalogue, today: dt.date, name: str) -> Offered:
    """Every action's choices."""
    every: tuple[ActionId, ...] = (
        "resume",
        "change-tier",
        "buy-credits",
        "move-to-pro",
        "save-card",
    )
    return {action: choices_of(action, catalogue, today, name) for action in every}


def one_action(
    state: WorkspaceState,
    offered: Offered,
    today: dt.date,
    actions: Callable[[WorkspaceState], tuple[ActionId, ...]] = actions_of,
) -> Iterator[Reached]:
    """Every state one action leads to, with every choice offered; a choice the action refuses
    (a purchase past the largest credit figure) leads nowhere."""
    for action in actions(state):
        for shown, choice in offered[action]:
            try:
                yield Reached(action, shown, apply(state, action, choice, today))
            except ActionError:
                continue


def _transition(before: WorkspaceState, reached: Reached) -> dict[str, Any]:
    after = reached.state
    change: dict[str, Any] = {"done": done_message(reached.action, before, after)}
    if after.plan != before.plan:
        change["plan"] = plan_key(after.plan)
    if after.payment_method != before.payment_method:
        change["card"] = card_key(after.payment_method)
    if after.credits != before.credits:
        change["credits"] = {
            "balance": after.credits.balance - before.credits.balance,
            "total": after.credits.total - before.credits.total,
        }
    return change


def _closure(
    state: WorkspaceState,
    key: Callable[[WorkspaceState], str],
    step: Callable[[WorkspaceState], Iterator[Reached]],
) -> tuple[dict[str, WorkspaceState], dict[str, dict[str, dict[str, Any]]]]:
    """Every state ``step`` reaches from ``state``, one per key, and each one's transitions."""
    found = {key(state): state}
    queue = [state]
    table: dict[str, dict[str, dict[str, Any]]] = {}
    while queue:
        current = queue.pop(0)
        moves: dict[str, dict[str, Any]] = {}
        for reached in step(current):
            moves.setdefault(reached.action, {})[reached.choice] = _transition(current, reached)
            if key(reached.state) not in found:
                found[key(reached.state)] = reached.state
                queue.append(reached.state)
        table[key(current)] = moves
    return found, table


def macros(env: Environment, template: str) -> Callable[..., str]:
    """A caller of the template's macros by name: ``macros(env, t)("name", *args)``, the HTML
    the page would have at that place."""
    module = env.get_template(template).module

    def call(name: str, *args: Any) -> str:
        return str(getattr(module, name)(*args))

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

    plans, plan_moves = _closure(state, lambda s: plan_key(s.plan), plan_step)
    cards, card_moves = _closure(state, lambda s: card_key(s.payment_method), card_step)
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
