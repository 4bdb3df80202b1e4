"""The rules of every documented action: functions from one validated state to the next.

Each action takes a validated :class:`WorkspaceState`, the reviewer's choice and "today", and
returns a new state validated by the same model with the same "today", so whatever an action
leads to is a state a fixture could hold. An action that does not apply to the state, or a
choice it refuses, raises :class:`ActionError`. Invoices never change: nothing here bills.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from prototype.states.card_input import CardInput
from prototype.states.formatting import count
from prototype.states.models import MAX_CREDITS, WorkspaceState

ActionId = Literal["resume", "change-tier", "buy-credits", "move-to-pro", "save-card"]
Choice = str | int | CardInput | None
"""What a reviewer picks: a tier name, a credit pack, card details, or nothing (resume)."""


class ActionError(ValueError):
    """An action that does not apply to a state, or a choice it cannot take."""


def plan_actions(state: WorkspaceState) -> tuple[ActionId, ...]:
    """The plan and credit actions the state offers: purchases on Flex, a tier change on an
    active Pro Subscription, resuming a canceled one."""
    plan = state.plan
    if plan.type == "flex":
        return ("buy-credits", "move-to-pro")
    return ("resume",) if plan.status == "canceled" else ("change-tier",)


def actions_of(state: WorkspaceState) -> tuple[ActionId, ...]:
    """Every action the state offers: its plan actions, and saving a card, which all offer."""
    return (*plan_actions(state), "save-card")


def _require(state: WorkspaceState, action: ActionId) -> None:
    if action not in actions_of(state):
        plan = state.plan
        shown = "Flex Credits" if plan.type == "flex" else f"a {plan.status} Pro Subscription"
        raise ActionError(f"{action} does not apply to {shown}")


def _next(state: WorkspaceState, today: dt.date, **changes: Any) -> WorkspaceState:
    """``state`` with ``changes``, validated again as a fixture is."""
    data = state.model_dump() | changes
    return WorkspaceState.model_validate(data, context={"today": today})


def resume(state: WorkspaceState, today: dt.date) -> WorkspaceState:
    """A canceled Pro Subscription becomes active again: no Active until date, and it renews on
    the day it would have ended (or tomorrow, when that is today: a renewal is after today)."""
    _require(state, "resume")
    ends = state.plan.active_until or today
    renews_on = max(ends, today + dt.timedelta(days=1))
    plan = state.plan.model_dump() | {
        "status": "active",
        "renews_on": renews_on,
        "active_until": None,
    }
    return _next(state, today, plan=plan)


def change_tier(state: WorkspaceState, tier: str, today: dt.date) -> WorkspaceState:
    """An active Pro Subscription moves to ``tier``; its dates stay as they were."""
    _require(state, "change-tier")
    return _next(state, today, plan=state.plan.model_dump() | {"tier": tier})


def move_to_pro(state: WorkspaceState, tier: str, today: dt.date) -> WorkspaceState:
    """A Flex workspace becomes an active Pro Subscription on ``tier``. No renewal date is
    made up: the state has none until billing sets one, which this prototype does not do."""
    _require(state, "move-to-pro")
    return _next(state, today, plan={"type": "pro", "tier": tier, "status": "active"})


def buy_credits(state: WorkspaceState, pack: int, today: dt.date) -> WorkspaceState:
    """A Flex workspace buys ``pack`` credits: its balance and its total both grow by it."""
    _require(state, "buy-credits")
    if pack < 1:
        raise ActionError(f"a purchase adds at least one credit, not {pack}")
    credits = state.credits
    if credits.total + pack > MAX_CREDITS:
        raise ActionError(max_credits_message())
    return _next(
        state, today, credits={"balance": credits.balance + pack, "total": credits.total + pack}
    )


def max_credits_message() -> str:
    """What a purchase past the largest credit figure is told."""
    return f"The total would pass {count(MAX_CREDITS)} credits, the most a workspace holds here."


def save_card(state: WorkspaceState, card: CardInput, today: dt.date) -> WorkspaceState:
    """The card typed into the payment method dialog becomes the workspace's payment method."""
    _require(state, "save-card")
    payment_method = {
        "brand": card.brand,
        "last4": card.number[-4:],
        "exp_month": card.exp_month,
        "exp_year": card.exp_year,
    }
    return _next(state, today, payment_method=payment_method)


def apply(
    state: WorkspaceState, action: ActionId, choice: Choice, today: dt.date
) -> WorkspaceState:
    """Do ``action`` with ``choice``, whichever action it is."""
    if action == "resume" and choice is None:
        return resume(state, today)
    if action == "change-tier" and isinstance(choice, str):
        return change_tier(state, choice, today)
    if action == "move-to-pro" and isinstance(choice, str):
        return move_to_pro(state, choice, today)
    if action == "buy-credits" and isinstance(choice, int):
        return buy_credits(state, choice, today)
    if action == "save-card" and isinstance(choice, CardInput):
        return save_card(state, choice, today)
    raise ActionError(f"{action} does not take {choice!r}")
