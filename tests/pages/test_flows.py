"""``flows.json``: every state a fixture's actions reach, with the parts the page renders for
it, and transitions that lead where the actions lead.

The browser's part of a flow is a lookup: from the state's plan and card keys and credits,
follow the transition of the action and choice, then show the parts of the keys it reaches
with the credits filled in. :func:`browser_step` and :func:`shown` do the same lookup in
Python, so that what the browser would show after any sequence of actions can be compared with
what Python renders for the state the actions lead to.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from prototype.pages.build import DOCS_URL
from prototype.pages.flows import CARD_FIELDS, PLACEHOLDERS, flows_data, macros
from prototype.pages.reach import card_key, offered_choices, one_action
from prototype.pages.render import environment, render_pages, views_of
from prototype.pages.views import BillingView, billing_view, catalogue_choices
from prototype.states.actions import ActionError, ActionId, Choice, actions_of, apply
from prototype.states.card_input import CARD_MESSAGES, SECURITY_CODE_LENGTHS, CardInput
from prototype.states.fixtures import FixtureSet
from prototype.states.formatting import count, count_grouping
from prototype.states.models import MAX_CREDITS, WorkspaceState
from tests.expected import FIXTURE_SET, STATE_IDS, each_member_state, each_state
from tests.strategies import CATALOGUE, SEED, TODAY, USER, choices, states

ENV = environment()
PLAN_PARTS = {"current-plan", "available-credits", "plan-dialogs", "plan-entry"}
CARD_PARTS = {"payment-method", "payment-dialog"}
FLOWS_BUDGET = 60_000
"""Bytes of one state's flows.json, fetched only when an action is done."""


@dataclass(frozen=True)
class Tab:
    """What the browser keeps of a tab's state: its keys and its credits."""

    plan: str
    card: str
    balance: int
    total: int


def data_of(view: BillingView, fixture_set: FixtureSet = FIXTURE_SET) -> dict[str, Any]:
    data = flows_data(ENV, view, fixture_set.catalogue, fixture_set.today, fixture_set.user.name)
    parsed: dict[str, Any] = json.loads(json.dumps(data))  # as the browser reads it
    return parsed


@pytest.fixture(scope="module")
def flows() -> dict[str, dict[str, Any]]:
    """Each fixture state's flows.json, by state id."""
    return {view.state_id: data_of(view) for view in views_of(FIXTURE_SET)}


def start(data: dict[str, Any]) -> Tab:
    fixture = data["fixture"]
    return Tab(fixture["plan"], fixture["card"], **fixture["credits"])


def group(number: int, grouping: dict[str, Any]) -> str:
    """The browser's grouping of a figure (flows.js), from the exported data."""
    digits, grouped, size = str(number), "", grouping["sizes"][0]
    while len(digits) > size:
        grouped = grouping["symbol"] + digits[-size:] + grouped
        digits, size = digits[:-size], grouping["sizes"][1]
    return digits + grouped


def shown(data: dict[str, Any], tab: Tab) -> dict[str, str]:
    """The parts the browser shows for ``tab``: looked up, credits filled in (flows.js)."""
    parts = data["plans"][tab.plan]["parts"] | data["cards"][tab.card]["parts"]
    slot = data["placeholders"]
    filled = {
        slot["balance_text"]: group(tab.balance, data["grouping"]),
        slot["total_text"]: group(tab.total, data["grouping"]),
        slot["balance"]: str(tab.balance),
        slot["bar_max"]: str(tab.total or 1),
    }
    pattern = re.compile("|".join(map(re.escape, filled)))
    return {name: pattern.sub(lambda m: filled[m[0]], html) for name, html in parts.items()}


def rendered(state_id: str, state: WorkspaceState, catalogue: Any = CATALOGUE) -> dict[str, str]:
    """The parts Python renders for ``state``, as its own page would hold them."""
    view = billing_view(state_id, state)
    section = macros(ENV, "settings/billing_parts.html")
    dialog = macros(ENV, "dialogs/macros.html")
    choices_ = catalogue_choices(catalogue)
    return {
        "current-plan": section("current_plan_section", view),
        "available-credits": section("credits_section", view, view.figures),
        "payment-method": section("payment_section", view),
        "plan-dialogs": dialog("plan_dialogs", view, choices_),
        "payment-dialog": dialog("payment_dialog", view, choices_),
        "plan-entry": dialog("plan_entry", view),
    }


def choice_text(choice: Choice) -> str:
    """A choice as the page's form gives it to flows.js."""
    if choice is None:
        return ""
    if isinstance(choice, CardInput):
        return choice.number
    return str(choice)


def browser_step(data: dict[str, Any], tab: Tab, action: str, choice: str) -> Tab | None:
    """Where the browser's lookup leads; None when it refuses (flows.js ``submit``)."""
    table = data["plans"][tab.plan]["actions"].get(action) or data["cards"][tab.card][
        "actions"
    ].get(action)
    move = table.get(choice) if table else None
    added = (move or {}).get("credits", {"balance": 0, "total": 0})
    if move is None or tab.total + added["total"] > data["max_credits"]:
        return None
    return Tab(
        move.get("plan", tab.plan),
        move.get("card", tab.card),
        tab.balance + added["balance"],
        tab.total + added["total"],
    )


@each_member_state
def test_the_fixture_parts_are_the_pages_parts(
    flows: dict[str, dict[str, Any]], state_id: str
) -> None:
    pages = dict(render_pages(FIXTURE_SET, DOCS_URL))
    parts = shown(flows[state_id], start(flows[state_id]))
    assert set(parts) == PLAN_PARTS | CARD_PARTS
    billing = pages[f"w/{state_id}/settings/billing/index.html"]
    home = pages[f"w/{state_id}/index.html"]
    assert [
        name for name in (PLAN_PARTS | CARD_PARTS) - {"plan-entry"} if parts[name] not in billing
    ] == []
    assert [name for name in ("plan-dialogs", "plan-entry") if parts[name] not in home] == []
    assert parts == rendered(state_id, FIXTURE_SET.states[state_id])


@each_state
def test_every_two_actions_lead_where_python_leads(
    flows: dict[str, dict[str, Any]], state_id: str
) -> None:
    """Every action with every choice, then every action again: the browser's lookup shows
    exactly the parts Python renders for the state the actions lead to."""
    data = flows[state_id]
    offered = offered_choices(CATALOGUE, FIXTURE_SET.today, FIXTURE_SET.user.name)
    first = FIXTURE_SET.states[state_id]
    walked = 0
    for one in one_action(first, offered, FIXTURE_SET.today):
        tab = browser_step(data, start(data), one.action, one.choice)
        assert tab is not None
        for two in one_action(one.state, offered, FIXTURE_SET.today):
            after = browser_step(data, tab, two.action, two.choice)
            assert after is not None
            assert shown(data, after) == rendered(state_id, two.state), (one, two)
            walked += 1
    assert walked >= 10


def test_each_plan_and_card_is_rendered_once(flows: dict[str, dict[str, Any]]) -> None:
    tiers, cards = len(CATALOGUE.tiers), len(CATALOGUE.test_cards)
    for state_id, data in flows.items():
        assert 1 <= len(data["plans"]) <= tiers + 2, state_id
        assert 1 <= len(data["cards"]) <= cards + 1, state_id
        assert {part for plan in data["plans"].values() for part in plan["parts"]} == PLAN_PARTS
        assert {part for card in data["cards"].values() for part in card["parts"]} == CARD_PARTS


def test_a_pack_adds_the_same_credits_in_every_state(flows: dict[str, dict[str, Any]]) -> None:
    purchases = [
        (pack, move["credits"])
        for data in flows.values()
        for plan in data["plans"].values()
        for pack, move in plan["actions"].get("buy-credits", {}).items()
    ]
    assert len(purchases) >= len(CATALOGUE.credit_packs)
    assert [
        (pack, added)
        for pack, added in purchases
        if added != {"balance": int(pack), "total": int(pack)}
    ] == []


def test_a_pack_the_fixture_cannot_buy_has_no_transition() -> None:
    state = FIXTURE_SET.states["flex-team"]
    full = state.model_copy(
        update={"credits": state.credits.model_copy(update={"total": MAX_CREDITS - 1000})}
    )
    data = data_of(billing_view("flex-team", full))
    purchases = data["plans"][data["fixture"]["plan"]]["actions"]["buy-credits"]
    assert sorted(purchases) == ["1000"]
    assert data["max_credits"] == MAX_CREDITS
    assert data["messages"]["max-credits"].startswith("The total would pass 1,000,000,000")


def test_the_payment_part_shows_brand_and_last_four_only() -> None:
    state = FIXTURE_SET.states["flex-team"]
    assert state.payment_method is not None
    later = state.model_copy(
        update={"payment_method": state.payment_method.model_copy(update={"exp_year": 2099})}
    )
    assert rendered("flex-team", later) == rendered("flex-team", state)
    assert card_key(later.payment_method) == card_key(state.payment_method)
    assert "Expires" not in rendered("flex-team", state)["payment-method"]


@each_state
def test_flows_json_is_small(flows: dict[str, dict[str, Any]], state_id: str) -> None:
    assert len(json.dumps(flows[state_id], ensure_ascii=False).encode()) < FLOWS_BUDGET


def test_the_card_form_rules_are_card_inputs(flows: dict[str, dict[str, Any]]) -> None:
    form = flows[STATE_IDS[0]]["card_form"]
    assert form["messages"] == CARD_MESSAGES
    assert list(form["fields"].values()) == list(CardInput.model_fields)
    assert form["fields"] == CARD_FIELDS
    assert form["earliest_expiry"] == {
        "year": FIXTURE_SET.today.year,
        "month": FIXTURE_SET.today.month,
    }
    assert form["security_codes"] == {
        card.number: SECURITY_CODE_LENGTHS[card.brand] for card in CATALOGUE.test_cards
    }


@pytest.mark.parametrize("placeholder", PLACEHOLDERS.values())
def test_placeholders_are_in_the_credits_part_only(
    flows: dict[str, dict[str, Any]], placeholder: str
) -> None:
    for data in flows.values():
        for plan in data["plans"].values():
            assert placeholder in plan["parts"]["available-credits"]
            others = [html for name, html in plan["parts"].items() if name != "available-credits"]
            assert not [html for html in others if placeholder in html]


@given(st.integers(0, 2 * MAX_CREDITS))
def test_the_exported_grouping_groups_as_count_does(number: int) -> None:
    assert group(number, count_grouping()) == count(number)


GENERATED = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@seed(SEED)
@GENERATED
@given(states, st.data())
def test_generated_states_through_generated_actions_render_as_python_renders(
    state: WorkspaceState, data: st.DataObject
) -> None:
    """A generated state, then a generated sequence of actions with the dialogs' choices:
    each state reached validates, and the browser's lookup shows what Python renders for it;
    a purchase is refused by the lookup exactly when Python refuses it."""
    fixture_set = FixtureSet(today=TODAY, user=USER, states={"gen": state}, catalogue=CATALOGUE)
    flows_json = data_of(billing_view("gen", state), fixture_set)
    tab = start(flows_json)
    for _ in range(4):
        action: ActionId = data.draw(st.sampled_from(actions_of(state)), label="action")
        choice = data.draw(choices(action, any_pack=False), label="choice")
        after = browser_step(flows_json, tab, action, choice_text(choice))
        try:
            state = apply(state, action, choice, TODAY)
        except ActionError:
            assert after is None
            continue
        assert after is not None
        assert WorkspaceState.model_validate(state.model_dump(), context={"today": TODAY}) == state
        assert shown(flows_json, after) == rendered("gen", state)
        tab = after


def test_markup_in_catalogue_tiers_is_text_in_every_part() -> None:
    payload = "<img src=x onerror=alert(1)>"
    catalogue = CATALOGUE.model_copy(update={"tiers": [payload, "Growth"]})
    fixture_set = FixtureSet(
        today=FIXTURE_SET.today, user=USER, states=FIXTURE_SET.states, catalogue=catalogue
    )
    data = data_of(billing_view("flex-team", FIXTURE_SET.states["flex-team"]), fixture_set)
    parts = [html for entry in data["plans"].values() for html in entry["parts"].values()]
    assert not [html for html in parts if payload in html]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in html for html in parts)
