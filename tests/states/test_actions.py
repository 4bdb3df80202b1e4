"""The documented actions as functions of a state: what each changes, where each applies, and
that generated states stay valid through generated sequences of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from prototype.states.actions import (
    ActionError,
    actions_of,
    buy_credits,
    change_tier,
    max_credits_message,
    move_to_pro,
    resume,
    save_card,
)
from prototype.states.card_input import CardInput
from prototype.states.models import MAX_CREDITS, WorkspaceState
from tests.expected import CARD_CASES, FIXTURE_SET, state_ids
from tests.strategies import SEED, TODAY, act, states

TODAY_OF_FIXTURES = FIXTURE_SET.today
CANCELED = state_ids(lambda s: s.plan.status == "canceled")
ACTIVE = state_ids(lambda s: s.plan.status == "active")
FLEX = state_ids(lambda s: s.plan.type == "flex")
EVERY = state_ids(lambda s: True)
GENERATED = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def fixture(state_id: str) -> WorkspaceState:
    return FIXTURE_SET.states[state_id]


def a_card() -> CardInput:
    context = {"today": TODAY_OF_FIXTURES, "test_numbers": FIXTURE_SET.catalogue.test_numbers}
    return CardInput.model_validate(CARD_CASES["amex-later"][0], context=context)


def unchanged_but(before: WorkspaceState, after: WorkspaceState, *fields: str) -> None:
    """Only ``fields`` of the state differ; invoices never do."""
    kept = set(WorkspaceState.model_fields) - set(fields)
    assert {f: getattr(after, f) for f in kept} == {f: getattr(before, f) for f in kept}


@pytest.mark.parametrize("state_id", CANCELED)
def test_resume_renews_on_the_old_end_date(state_id: str) -> None:
    before = fixture(state_id)
    after = resume(before, TODAY_OF_FIXTURES)
    assert after.plan.status == "active"
    assert (after.plan.active_until, after.plan.renews_on) == (None, before.plan.active_until)
    assert after.plan.tier == before.plan.tier
    assert actions_of(after)[0] == "change-tier"
    unchanged_but(before, after, "plan")


def test_a_plan_ending_today_renews_tomorrow() -> None:
    before = fixture(CANCELED[0])
    ending_today = before.model_copy(
        update={"plan": before.plan.model_copy(update={"active_until": TODAY_OF_FIXTURES})}
    )
    after = resume(ending_today, TODAY_OF_FIXTURES)
    assert after.plan.renews_on == TODAY_OF_FIXTURES + dt.timedelta(days=1)


@pytest.mark.parametrize("state_id", ACTIVE)
@pytest.mark.parametrize("tier", FIXTURE_SET.catalogue.tiers)
def test_change_tier_keeps_the_dates(state_id: str, tier: str) -> None:
    before = fixture(state_id)
    after = change_tier(before, tier, TODAY_OF_FIXTURES)
    assert after.plan == before.plan.model_copy(update={"tier": tier})
    unchanged_but(before, after, "plan")


@pytest.mark.parametrize("state_id", FLEX)
def test_move_to_pro_is_an_active_subscription_on_the_tier(state_id: str) -> None:
    before = fixture(state_id)
    after = move_to_pro(before, "Scale", TODAY_OF_FIXTURES)
    assert after.plan.model_dump() == {
        "type": "pro",
        "tier": "Scale",
        "status": "active",
        "renews_on": None,
        "active_until": None,
    }
    unchanged_but(before, after, "plan")


@pytest.mark.parametrize("state_id", FLEX)
@pytest.mark.parametrize("pack", FIXTURE_SET.catalogue.credit_packs)
def test_buy_credits_grows_balance_and_total(state_id: str, pack: int) -> None:
    before = fixture(state_id)
    after = buy_credits(before, pack, TODAY_OF_FIXTURES)
    assert (after.credits.balance, after.credits.total) == (
        before.credits.balance + pack,
        before.credits.total + pack,
    )
    unchanged_but(before, after, "credits")


def test_buying_past_the_largest_credit_figure_is_refused() -> None:
    before = fixture(FLEX[0])
    full = before.model_copy(
        update={"credits": before.credits.model_copy(update={"total": MAX_CREDITS})}
    )
    with pytest.raises(ActionError, match="1,000,000,000"):
        buy_credits(full, 1, TODAY_OF_FIXTURES)
    assert max_credits_message().startswith("The total would pass 1,000,000,000 credits")


def test_a_purchase_adds_at_least_one_credit() -> None:
    with pytest.raises(ActionError):
        buy_credits(fixture(FLEX[0]), 0, TODAY_OF_FIXTURES)


@pytest.mark.parametrize("state_id", EVERY)
def test_save_card_shows_the_new_card(state_id: str) -> None:
    before = fixture(state_id)
    after = save_card(before, a_card(), TODAY_OF_FIXTURES)
    assert after.payment_method is not None
    assert after.payment_method.model_dump() == {
        "brand": "amex",
        "last4": "0005",
        "exp_month": 1,
        "exp_year": 2030,
    }
    unchanged_but(before, after, "payment_method")


NOT_OFFERED: list[tuple[str, Callable[[WorkspaceState], WorkspaceState]]] = [
    ("resume", lambda s: resume(s, TODAY_OF_FIXTURES)),
    ("change-tier", lambda s: change_tier(s, "Growth", TODAY_OF_FIXTURES)),
    ("move-to-pro", lambda s: move_to_pro(s, "Growth", TODAY_OF_FIXTURES)),
    ("buy-credits", lambda s: buy_credits(s, 1000, TODAY_OF_FIXTURES)),
]


@pytest.mark.parametrize("state_id", EVERY)
@pytest.mark.parametrize(("action", "do"), NOT_OFFERED, ids=[name for name, _ in NOT_OFFERED])
def test_an_action_applies_only_where_the_docs_offer_it(
    state_id: str, action: str, do: Callable[[WorkspaceState], WorkspaceState]
) -> None:
    state = fixture(state_id)
    if action in actions_of(state):
        do(state)
    else:
        with pytest.raises(ActionError, match=f"{action} does not apply"):
            do(state)


@pytest.mark.parametrize("state_id", EVERY)
def test_actions_offered(state_id: str) -> None:
    plan = fixture(state_id).plan
    expected = {
        "flex": ("buy-credits", "move-to-pro", "save-card"),
        "active": ("change-tier", "save-card"),
        "canceled": ("resume", "save-card"),
    }["flex" if plan.type == "flex" else str(plan.status)]
    assert actions_of(fixture(state_id)) == expected


@seed(SEED)
@GENERATED
@given(states, st.data())
def test_generated_states_stay_valid_through_generated_actions(
    state: WorkspaceState, data: st.DataObject
) -> None:
    """Every state reached validates again, as written to a file, and keeps its invoices."""
    for _, _, after in act(data, state, steps=5):
        as_in_a_file = after.model_dump(mode="json")
        assert WorkspaceState.model_validate(as_in_a_file, context={"today": TODAY}) == after
        assert (after.invoices, after.workspace) == (state.invoices, state.workspace)


@seed(SEED)
@GENERATED
@given(
    states.filter(lambda s: s.plan.type == "flex"),
    st.sampled_from(FIXTURE_SET.catalogue.credit_packs),
)
def test_a_pack_adds_the_same_credits_to_every_state(state: WorkspaceState, pack: int) -> None:
    try:
        after = buy_credits(state, pack, TODAY)
    except ActionError:
        assert state.credits.total + pack > MAX_CREDITS
        return
    assert (
        after.credits.balance - state.credits.balance,
        after.credits.total - state.credits.total,
    ) == (pack, pack)
