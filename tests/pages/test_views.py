"""What the Plan & Billing page says for each state: labels, actions, cards and invoices."""

from __future__ import annotations

import pytest

from prototype.pages.views import (
    BillingView,
    billing_view,
    card_label,
    catalogue_choices,
    credit_figures,
)
from prototype.states.fixtures import FixtureSet
from prototype.states.models import CardReference, WorkspaceState
from tests.expected import (
    CARD_BRANDS,
    PLAN_LABELS,
    STATE_IDS,
    card_text,
    plan_action_label,
    shown_date,
)


def view_of(fixture_set: FixtureSet, state_id: str) -> BillingView:
    return billing_view(state_id, fixture_set.states[state_id])


def expected_action(state: WorkspaceState) -> tuple[str, str]:
    """The plan button per state: choose on Flex, resume when canceled, change otherwise."""
    label = plan_action_label(state.plan)
    return label.split()[0].lower(), label


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_plan_label(fixture_set: FixtureSet, state_id: str) -> None:
    view = view_of(fixture_set, state_id)
    assert view.plan_label == PLAN_LABELS[view.state.plan.type]


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_plan_action(fixture_set: FixtureSet, state_id: str) -> None:
    view = view_of(fixture_set, state_id)
    assert (view.plan_action, view.plan_action_label) == expected_action(view.state)


def test_fixtures_show_every_plan_action(fixture_set: FixtureSet) -> None:
    actions = {view_of(fixture_set, state_id).plan_action for state_id in STATE_IDS}
    assert actions == {"choose", "change", "resume"}


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_payment_method(fixture_set: FixtureSet, state_id: str) -> None:
    view = view_of(fixture_set, state_id)
    card = view.state.payment_method
    if card is None:
        assert view.payment_method is None
        assert view.payment_action_label == "Add Payment Method"
    else:
        assert view.payment_method == card_text(card)
        assert view.payment_action_label == "Change Payment Method"


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_plan_dates(fixture_set: FixtureSet, state_id: str) -> None:
    view = view_of(fixture_set, state_id)
    plan = view.state.plan
    assert view.renews_on_text == (shown_date(plan.renews_on) if plan.renews_on else None)
    assert view.active_until_text == (shown_date(plan.active_until) if plan.active_until else None)


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_credit_figures(fixture_set: FixtureSet, state_id: str) -> None:
    view = view_of(fixture_set, state_id)
    credits = view.state.credits
    assert (view.balance_text, view.total_text) == (f"{credits.balance:,}", f"{credits.total:,}")


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_invoices_newest_first(fixture_set: FixtureSet, state_id: str) -> None:
    view = view_of(fixture_set, state_id)
    dates = [row.date for row in view.invoices]
    assert dates == sorted(dates, reverse=True)
    assert sorted(row.number for row in view.invoices) == sorted(
        invoice.number for invoice in view.state.invoices
    )


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_invoice_rows(fixture_set: FixtureSet, state_id: str) -> None:
    view = view_of(fixture_set, state_id)
    invoices = {invoice.number: invoice for invoice in view.state.invoices}
    for row in view.invoices:
        invoice = invoices[row.number]
        assert row.date_text == shown_date(invoice.date)
        assert row.payment_method == card_text(invoice.paid_with)
        assert row.path == f"w/{state_id}/invoices/{row.number}/"


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_paths(fixture_set: FixtureSet, state_id: str) -> None:
    view = view_of(fixture_set, state_id)
    assert view.home_path == f"w/{state_id}/"
    assert view.billing_path == f"w/{state_id}/settings/billing/"


def test_invoices_on_the_same_day_sort_by_number_descending() -> None:
    paid_with = {"brand": "visa", "last4": "4242"}
    state = WorkspaceState.model_validate(
        {
            "title": "Same day",
            "description": "Two invoices on one day.",
            "workspace": {"name": "Same day", "kind": "team"},
            "plan": {"type": "flex"},
            "credits": {"balance": 0, "total": 0},
            "invoices": [
                {
                    "number": number,
                    "date": day,
                    "amount": {"minor_units": 100, "currency": "USD"},
                    "paid_with": paid_with,
                }
                for number, day in [
                    ("A-1", "2026-01-01"),
                    ("A-2", "2026-03-01"),
                    ("A-3", "2026-03-01"),
                    ("A-0", "2026-02-01"),
                ]
            ],
        }
    )
    rows = billing_view("same-day", state).invoices
    assert [row.number for row in rows] == ["A-3", "A-2", "A-0", "A-1"]


@pytest.mark.parametrize(("brand", "name"), CARD_BRANDS.items())
def test_card_label(brand: str, name: str) -> None:
    card = CardReference.model_validate({"brand": brand, "last4": "0042"})
    assert card_label(card) == f"{name} ending in 0042"


DIALOGS = {
    "choose": ("plans-and-credits", "Plans and credits"),
    "change": ("change-plan", "Change plan"),
    "resume": ("resume-plan", "Resume Pro Subscription"),
}
"""The dialog each plan action opens, with its title."""


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_dialogs(fixture_set: FixtureSet, state_id: str) -> None:
    view = view_of(fixture_set, state_id)
    plan_dialog = DIALOGS[view.plan_action]
    assert view.plan_dialog == plan_dialog[0]
    assert [(d.id, d.title) for d in view.dialogs] == [
        plan_dialog,
        ("payment-method", view.payment_action_label),
    ]


@pytest.mark.parametrize(
    ("balance", "total", "expected"),
    [(0, 0, ("0", "0", "0", "1")), (950, 12500, ("950", "12,500", "950", "12500"))],
)
def test_credit_figures_of(balance: int, total: int, expected: tuple[str, ...]) -> None:
    figures = credit_figures(balance, total)
    assert (figures.balance_text, figures.total_text, figures.balance, figures.bar_max) == expected


def test_catalogue_choices(fixture_set: FixtureSet) -> None:
    choices = catalogue_choices(fixture_set.catalogue)
    assert [(c.value, c.label) for c in choices.packs] == [
        ("1000", "1,000 credits"),
        ("5000", "5,000 credits"),
        ("25000", "25,000 credits"),
    ]
    assert choices.tier_values == fixture_set.catalogue.tiers
    assert choices.test_cards[0].label == "4242424242424242 (Visa)"
    assert choices.test_cards[2].label == "378282246310005 (American Express)"
