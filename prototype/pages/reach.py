"""What actions reach from a state: the choices the dialogs offer, the state each action leads
to, and the transitions between states, keyed by what the page shows of them."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from prototype.pages.views import card_label
from prototype.states.actions import ActionError, ActionId, Choice, actions_of, apply
from prototype.states.card_input import SECURITY_CODE_LENGTHS, CardInput
from prototype.states.catalogue import Catalogue
from prototype.states.formatting import count, long_date
from prototype.states.models import CardReference, Plan, WorkspaceState


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
        if after.plan == before.plan:
            return (
                f"The plan stays Pro Subscription, {plan.tier} tier: it was on that tier already."
            )
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


def closure(
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
