"""Doc claims about plan actions, credits and payment methods, checked by doing each action.

On every state where the docs offer an action, the test clicks the documented button, goes
through its dialog and confirms. The page must then show the state the action leads to (Python
applies the action to the fixture state and renders the result with the page's own
templates), announce what was done, and keep every documented rule about that new state: an
after-Resume page is held to the claims of an active Pro page. Invoices never change.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypedDict

import pytest
from playwright.sync_api import Page, expect

from prototype.states.actions import ActionId, actions_of
from prototype.states.models import WorkspaceState
from tests.billing_rules import (
    READ_REGIONS,
    Region,
    credits_problems,
    current_plan_problems,
    payment_method_problems,
    squash,
)
from tests.expected import FIXTURE_SET, MEMBER_STATE_IDS, billing_url, home_url, state_ids
from tests.flows_ui import (
    a_changing_choice,
    do_by_mouse,
    expected_after,
    flow_of,
    region,
    sections_of,
    status,
)
from tests.tabs import SharedPage
from tests.ui import switcher

pytestmark = pytest.mark.conformance

ACTION_CLAIMS: dict[ActionId, str] = {
    "resume": "billing.current-plan.pro-action",
    "change-tier": "billing.current-plan.pro-action",
    "move-to-pro": "billing.current-plan.flex-action",
    "buy-credits": "billing.credits.add-credits",
    "save-card": "billing.payment.dialog",
}
"""The claim each action makes good: the docs name its button and say what it is for."""
AFTER_STATE_CLAIMS = (
    "billing.current-plan.section",
    "billing.current-plan.tier",
    "billing.current-plan.active-until",
    "billing.credits.section",
    "billing.credits.renewal",
    "billing.credits.add-credits",
    "billing.payment.section",
    "billing.payment.dialog",
)
"""The claims the state an action leads to is checked against, besides its plan's label."""
PLAN_LABEL_CLAIMS = {
    "flex": "billing.current-plan.flex-label",
    "pro": "billing.current-plan.pro-label",
}


FOCUSED = {
    "Current Plan": "plan-action",
    "Available Credits": "add-credits",
    "Payment Method": "payment-action",
}
"""The button each region's action gives the focus back to, once done (its ``data-field``)."""
READ_AFTER = f"""() => ({{
  regions: ({READ_REGIONS})(),
  focused: document.activeElement.dataset.field ?? null,
  reset: document.querySelector("[data-flows-reset]").checkVisibility(),
  status: document.querySelector("[data-prototype-status]").textContent,
  kept: sessionStorage.length,
}})"""
"""What the page shows once an action is done, or undone, read in one call: its regions, the
control holding the focus, whether the prototype bar offers Reset, what the live region says
and how many changed states the tab keeps."""


class Shown(TypedDict):
    regions: dict[str, Region]
    focused: str | None
    reset: bool
    status: str
    kept: int


def region_texts(shown: Shown, names: Iterable[str]) -> dict[str, str]:
    return {name: squash(shown["regions"][name]["text"]) for name in names}


def after_plan_type(state: WorkspaceState, action: ActionId) -> str:
    return "pro" if action == "move-to-pro" else state.plan.type


def action_cases() -> Iterator[Any]:
    """Every state with every action the docs offer on it, marked with the claims checked."""
    for state_id in MEMBER_STATE_IDS:
        state = FIXTURE_SET.states[state_id]
        for action in actions_of(state):
            claims = dict.fromkeys(
                [
                    ACTION_CLAIMS[action],
                    *AFTER_STATE_CLAIMS,
                    PLAN_LABEL_CLAIMS[after_plan_type(state, action)],
                ]
            )
            yield pytest.param(
                state_id,
                action,
                id=f"{state_id}-{action}",
                marks=[pytest.mark.claim(claim) for claim in claims],
            )


@pytest.mark.parametrize(("state_id", "action"), list(action_cases()))
def test_documented_action_completes(
    shared_page: SharedPage, state_id: str, action: ActionId
) -> None:
    """Resume, change the tier, buy credits, move to Pro, add or change the card: the page
    shows the new state as a fixture in that state shows it, and says what was done. Then
    **Reset** in the prototype bar brings the fixture state back, in place."""
    state = FIXTURE_SET.states[state_id]
    choice = a_changing_choice(state, action)
    expected = expected_after(state_id, state, action, choice)
    page = shared_page(billing_url(state_id))

    do_by_mouse(page, state, action, choice)

    expect(status(page)).to_have_text(expected.announced)
    shown: Shown = page.evaluate(READ_AFTER)
    assert (shown["focused"], shown["reset"]) == (FOCUSED[flow_of(state, action).region], True)
    regions = shown["regions"]
    problems = [
        *current_plan_problems(regions["Current Plan"], expected.state),
        *credits_problems(regions["Available Credits"], expected.state),
        *payment_method_problems(regions["Payment Method"], expected.state),
    ]
    assert problems == []
    assert region_texts(shown, expected.sections) == expected.sections
    assert shown["kept"] == 1

    reset = page.get_by_role("complementary", name="Prototype").get_by_role("button", name="Reset")
    reset.click()
    expect(reset).to_be_hidden()
    undone: Shown = page.evaluate(READ_AFTER)
    assert (undone["status"], undone["kept"]) == ("", 0)
    assert region_texts(undone, expected.sections) == sections_of(state_id, state)


@pytest.mark.claim("billing.credits.add-credits")
@pytest.mark.parametrize("state_id", state_ids(lambda s: s.plan.type == "flex"))
def test_the_switchers_purchase_is_the_add_credits_flow(flow_tab: Page, state_id: str) -> None:
    """Credits bought from the workspace switcher show on Plan & Billing, where **Add
    credits** opens the very dialog the switcher opened."""
    state = FIXTURE_SET.states[state_id]
    pack = FIXTURE_SET.catalogue.credit_packs[-1]
    page = flow_tab
    page.goto(home_url(state_id))
    switcher(page).click()
    entry = page.get_by_role("button", name="Plans and credits", exact=True)
    entry.click()
    dialog = page.get_by_role("dialog", name="Plans and credits")
    expect(dialog).to_be_visible()
    from_switcher = dialog.evaluate("d => [d.dataset.flow, d.outerHTML]")
    dialog.get_by_role("radio", name=f"{pack:,} credits", exact=True).check()
    dialog.get_by_role("button", name="Confirm", exact=True).click()
    expect(status(page)).to_have_text(f"Added {pack:,} credits.")

    page.goto(billing_url(state_id))  # the documented path: test_billing_claims.py
    credits = region(page, "Available Credits")
    expect(credits).to_contain_text(
        f"{state.credits.balance + pack:,} of {state.credits.total + pack:,} credits left"
    )
    add_credits = credits.get_by_role("button", name="Add credits", exact=True)
    add_credits.click()
    dialog = page.get_by_role("dialog", name="Plans and credits")
    expect(dialog).to_be_visible()
    assert dialog.evaluate("d => [d.dataset.flow, d.outerHTML]") == from_switcher
    page.keyboard.press("Escape")
    expect(add_credits).to_be_focused()
