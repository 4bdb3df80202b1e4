"""What actions reach: the dialogs' choices, the states they lead to, each once, and what the
live region says once an action is done."""

from __future__ import annotations

import pytest

from prototype.pages.reach import (
    card_key,
    choices_of,
    closure,
    done_message,
    offered_choices,
    one_action,
    plan_key,
)
from prototype.states.actions import ActionId, apply, plan_actions
from prototype.states.card_input import CardInput
from prototype.states.fixtures import FixtureSet
from prototype.states.models import WorkspaceState
from tests.expected import FIXTURE_SET, each_state

CATALOGUE = FIXTURE_SET.catalogue
TODAY = FIXTURE_SET.today
OFFERED = offered_choices(CATALOGUE, TODAY, FIXTURE_SET.user.name)


def test_the_dialogs_offer_the_catalogue_in_its_order() -> None:
    assert choices_of("resume", CATALOGUE, TODAY, "Maya") == [("", None)]
    assert [shown for shown, _ in OFFERED["change-tier"]] == CATALOGUE.tiers
    assert OFFERED["move-to-pro"] == OFFERED["change-tier"]
    assert OFFERED["buy-credits"] == [(str(pack), pack) for pack in CATALOGUE.credit_packs]
    cards = OFFERED["save-card"]
    assert [shown for shown, _ in cards] == [card.number for card in CATALOGUE.test_cards]
    for number, card in cards:
        assert isinstance(card, CardInput)
        assert (card.number, card.exp_month, card.exp_year) == (number, TODAY.month, TODAY.year)


@each_state
def test_one_action_reaches_each_choice_of_each_action(state_id: str) -> None:
    state = FIXTURE_SET.states[state_id]
    reached = list(one_action(state, OFFERED, TODAY))
    expected = [
        (action, shown)
        for action in (*plan_actions(state), "save-card")
        for shown, _ in OFFERED[action]
    ]
    assert [(r.action, r.choice) for r in reached] == expected
    for r in reached:
        choice = dict(OFFERED[r.action])[r.choice]
        assert r.state == apply(state, r.action, choice, TODAY)


@each_state
def test_the_plans_reached_are_each_kept_once(state_id: str) -> None:
    state = FIXTURE_SET.states[state_id]
    found, table = closure(
        state,
        lambda s: plan_key(s.plan),
        lambda s: one_action(s, OFFERED, TODAY, plan_actions),
    )
    assert set(table) == set(found)
    assert len({plan_key(s.plan) for s in found.values()}) == len(found)
    assert len(found) <= len(CATALOGUE.tiers) + 2
    for key, moves in table.items():
        for action in plan_actions(found[key]):
            for shown, choice in OFFERED[action]:
                after = apply(found[key], action, choice, TODAY)
                assert moves[action][shown].get("plan", key) == plan_key(after.plan)


def test_keys_tell_plans_and_cards_apart(fixture_set: FixtureSet) -> None:
    plans = {state.plan for state in fixture_set.states.values()}
    assert len({plan_key(plan) for plan in plans}) == len(plans)
    cards = {state.payment_method for state in fixture_set.states.values()}
    assert len({card_key(card) for card in cards}) == len(cards)
    assert card_key(None) == "card-none"


MESSAGES: dict[tuple[str, ActionId], str] = {
    ("pro-canceled", "resume"): "Pro Subscription resumed: it renews on June 30, 2026.",
    ("pro-no-tier", "change-tier"): "The plan is now Pro Subscription, Starter tier.",
    ("flex-team", "move-to-pro"): "The plan is now Pro Subscription, Starter tier.",
    ("flex-team", "buy-credits"): "Added 1,000 credits.",
    ("flex-personal", "save-card"): "Saved Visa ending in 4242 as the payment method.",
}


@pytest.mark.parametrize(("state_id", "action"), MESSAGES)
def test_what_is_announced(state_id: str, action: ActionId) -> None:
    before: WorkspaceState = FIXTURE_SET.states[state_id]
    after = apply(before, action, OFFERED[action][0][1], TODAY)
    assert done_message(action, before, after) == MESSAGES[state_id, action]


def test_choosing_the_tier_the_plan_has_is_announced_as_no_change() -> None:
    before = FIXTURE_SET.states["pro-tier-renewing"]
    after = apply(before, "change-tier", "Growth", TODAY)
    assert after.plan == before.plan
    assert done_message("change-tier", before, after) == (
        "The plan stays Pro Subscription, Growth tier: it was on that tier already."
    )
