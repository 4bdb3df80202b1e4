"""WorkspaceState validation: each rule rejects its case with the reason and the field path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from prototype.inputs.errors import describe_validation_error
from prototype.states.models import MAX_MINOR_UNITS, User, WorkspaceState
from tests.expected import field_at, valid_state

SOURCE = "fixtures/x.yaml"
TODAY = dt.date(2026, 5, 20)
CONTEXT = {"today": TODAY}

Change = Callable[[dict[str, Any]], None]


def setting(path: str, value: Any) -> Change:
    """A change that sets the field at ``path``."""

    def change(data: dict[str, Any]) -> None:
        node, key = field_at(data, path)
        node[key] = value

    return change


def removing(path: str) -> Change:
    """A change that deletes the field at ``path``."""

    def change(data: dict[str, Any]) -> None:
        node, key = field_at(data, path)
        del node[key]

    return change


def changed(*changes: Change) -> dict[str, Any]:
    """The valid state with ``changes`` applied in order."""
    data = valid_state()
    for change in changes:
        change(data)
    return data


def problems(data: dict[str, Any], context: dict[str, Any] | None = None) -> list[str]:
    """The user-facing lines for ``data``, which must fail validation."""
    with pytest.raises(ValidationError) as caught:
        WorkspaceState.model_validate(data, context=context)
    return describe_validation_error(SOURCE, caught.value)


@pytest.mark.parametrize("context", [None, CONTEXT], ids=["no-context", "today"])
def test_the_minimal_state_is_valid(context: dict[str, Any] | None) -> None:
    state = WorkspaceState.model_validate(valid_state(), context=context)
    assert state.plan.renews_on == dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            [setting("plan", {"type": "flex", "tier": "Growth"})],
            "plan.tier: a Flex workspace has no tier; only Pro plans do",
            id="flex-with-tier",
        ),
        pytest.param(
            [setting("plan", {"type": "flex", "renews_on": "2026-06-01"})],
            "plan.renews_on: a Flex workspace has no renews_on; only Pro plans do",
            id="flex-with-renews-on",
        ),
        pytest.param(
            [setting("plan", {"type": "flex", "active_until": "2026-06-01"})],
            "plan.active_until: a Flex workspace has no Active until date; only Pro plans do",
            id="flex-with-active-until",
        ),
        pytest.param(
            [setting("plan", {"type": "flex", "status": "active"})],
            "plan.status: a Flex workspace has no subscription status; only Pro plans do",
            id="flex-with-status",
        ),
        pytest.param(
            [removing("plan.status")],
            "plan.status: a Pro plan needs a status: active or canceled",
            id="pro-without-status",
        ),
        pytest.param(
            [setting("plan.status", "canceled"), setting("plan.active_until", "2026-06-30")],
            "plan.renews_on: a canceled subscription does not renew; remove renews_on",
            id="canceled-with-renews-on",
        ),
        pytest.param(
            [setting("plan.status", "canceled"), removing("plan.renews_on")],
            "plan.active_until: a canceled subscription needs the date it is active until",
            id="canceled-without-active-until",
        ),
        pytest.param(
            [setting("plan.active_until", "2026-06-30")],
            "plan.active_until: a subscription that renews has no end date; remove active_until",
            id="renewing-with-active-until",
        ),
        pytest.param(
            [setting("credits.balance", -1)],
            "credits.balance: Input should be greater than or equal to 0 (got -1)",
            id="negative-balance",
        ),
        pytest.param(
            [setting("credits.balance", 0), setting("credits.total", -1)],
            "credits.total: Input should be greater than or equal to 0 (got -1)",
            id="negative-total",
        ),
        pytest.param(
            [setting("credits.balance", 501)],
            "credits.total: the total (500) is less than the balance (501)",
            id="balance-over-total",
        ),
        pytest.param(
            [setting("invoices.1.number", "INV-0002")],
            "invoices: invoice number INV-0002 is used twice (invoices[0] and invoices[1])",
            id="duplicate-invoice-number",
        ),
        pytest.param(
            [setting("invoices.0.amount.currency", "XYZ")],
            "invoices[0].amount.currency: 'XYZ' is not the ISO 4217 code of a currency in use",
            id="unknown-currency",
        ),
        pytest.param(
            [setting("invoices.0.amount.currency", "usd")],
            "invoices[0].amount.currency: String should match pattern '^[A-Z]{3}$' (got 'usd')",
            id="lowercase-currency",
        ),
        pytest.param(
            [setting("invoices.0.amount.minor_units", MAX_MINOR_UNITS + 1)],
            f"invoices[0].amount.minor_units: Input should be less than or equal to "
            f"{MAX_MINOR_UNITS} (got {MAX_MINOR_UNITS + 1})",
            id="amount-over-max",
        ),
        pytest.param(
            [setting("invoices.0.date", "2026-02-30")],
            "invoices[0].date: '2026-02-30' is not a calendar date in the form YYYY-MM-DD",
            id="impossible-date",
        ),
        pytest.param(
            [setting("plan.renews_on", "2026-06-01T10:00:00")],
            "plan.renews_on: '2026-06-01T10:00:00' is not a calendar date in the form YYYY-MM-DD",
            id="datetime-string",
        ),
        pytest.param(
            [setting("invoices.1.date", "2026-04-01 10:00:00")],
            "invoices[1].date: '2026-04-01 10:00:00' is not a calendar date in the form YYYY-MM-DD",
            id="datetime-string-with-space",
        ),
        pytest.param(
            [setting("invoices.0.date", dt.datetime(2026, 5, 1, 10, 0))],
            "invoices[0].date: expected a date (YYYY-MM-DD), not a date and time",
            id="datetime-object",
        ),
        pytest.param(
            [setting("invoices.0.date", 20260501)],
            "invoices[0].date: expected a date in the form YYYY-MM-DD, got int",
            id="date-as-number",
        ),
    ],
)
def test_rule_is_rejected_with_reason_and_path(changes: list[Change], expected: str) -> None:
    assert problems(changed(*changes)) == [f"{SOURCE}: {expected}"]


@pytest.mark.parametrize("field", ["number", "date", "amount"])
def test_invoice_without_required_field(field: str) -> None:
    assert problems(changed(removing(f"invoices.1.{field}"))) == [
        f"{SOURCE}: invoices[1].{field}: Field required"
    ]


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("colour", "colour"),
        ("workspace.colour", "workspace.colour"),
        ("plan.colour", "plan.colour"),
        ("credits.colour", "credits.colour"),
        ("payment_method.colour", "payment_method.colour"),
        ("invoices.1.colour", "invoices[1].colour"),
        ("invoices.1.amount.colour", "invoices[1].amount.colour"),
        ("invoices.1.paid_with.colour", "invoices[1].paid_with.colour"),
    ],
)
def test_unknown_field_is_rejected_anywhere(path: str, shown: str) -> None:
    assert problems(changed(setting(path, "red"))) == [
        f"{SOURCE}: {shown}: Extra inputs are not permitted (got 'red')"
    ]


def test_every_problem_is_reported_at_once() -> None:
    data = changed(
        setting("credits.balance", -1),
        setting("invoices.0.amount.currency", "XYZ"),
        setting("colour", "red"),
    )
    assert sorted(problems(data)) == sorted(
        [
            f"{SOURCE}: credits.balance: Input should be greater than or equal to 0 (got -1)",
            f"{SOURCE}: invoices[0].amount.currency: 'XYZ' is not the ISO 4217 code of a "
            "currency in use",
            f"{SOURCE}: colour: Extra inputs are not permitted (got 'red')",
        ]
    )


def test_largest_amount_is_accepted() -> None:
    data = changed(setting("invoices.0.amount.minor_units", MAX_MINOR_UNITS))
    state = WorkspaceState.model_validate(data)
    assert state.invoices[0].amount.minor_units == MAX_MINOR_UNITS


@pytest.mark.parametrize("text", ["20260501", "2026-W18-5"])
def test_only_the_extended_calendar_form_is_a_date(text: str) -> None:
    assert problems(changed(setting("invoices.0.date", text))) == [
        f"{SOURCE}: invoices[0].date: {text!r} is not a calendar date in the form YYYY-MM-DD"
    ]


CONTEXT_RULES = [
    pytest.param(
        [setting("plan.renews_on", "2026-05-20")],
        "plan.renews_on: the renewal date 2026-05-20 is not after today (2026-05-20)",
        id="renews-today",
    ),
    pytest.param(
        [setting("plan.renews_on", "2026-05-01")],
        "plan.renews_on: the renewal date 2026-05-01 is not after today (2026-05-20)",
        id="renewed-in-the-past",
    ),
    pytest.param(
        [
            setting("plan.status", "canceled"),
            removing("plan.renews_on"),
            setting("plan.active_until", "2026-05-19"),
        ],
        "plan.active_until: 2026-05-19 is before today (2026-05-20): the plan would have ended",
        id="active-until-yesterday",
    ),
    pytest.param(
        [setting("invoices.1.date", "2026-05-21")],
        "invoices[1].date: the invoice date 2026-05-21 is after today (2026-05-20)",
        id="invoice-tomorrow",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), CONTEXT_RULES)
def test_rule_against_today_is_rejected(changes: list[Change], expected: str) -> None:
    assert problems(changed(*changes), CONTEXT) == [f"{SOURCE}: {expected}"]


@pytest.mark.parametrize(("changes", "expected"), CONTEXT_RULES)
def test_rule_against_today_needs_today(changes: list[Change], expected: str) -> None:
    """Without a "today" in the context, the same dates are not judged."""
    WorkspaceState.model_validate(changed(*changes))


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param([setting("plan.renews_on", "2026-05-21")], id="renews-tomorrow"),
        pytest.param(
            [
                setting("plan.status", "canceled"),
                removing("plan.renews_on"),
                setting("plan.active_until", "2026-05-20"),
            ],
            id="active-until-today",
        ),
        pytest.param([setting("invoices.0.date", "2026-05-20")], id="invoice-today"),
    ],
)
def test_dates_at_the_edge_of_today_are_accepted(changes: list[Change]) -> None:
    WorkspaceState.model_validate(changed(*changes), context=CONTEXT)


@pytest.mark.parametrize(
    "code", ["XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XSU", "XUA", "HRK", "SLL"]
)
def test_a_code_that_is_not_money_in_use_is_refused(code: str) -> None:
    """No currency, the test code, metals, fund units, withdrawn currencies."""
    assert problems(changed(setting("invoices.0.amount.currency", code))) == [
        f"{SOURCE}: invoices[0].amount.currency: {code!r} is not the ISO 4217 code of a currency "
        "in use"
    ]


@pytest.mark.parametrize("code", ["USD", "EUR", "JPY", "XAF", "XOF", "XCD", "XPF", "KWD"])
def test_a_currency_in_use_is_accepted(code: str) -> None:
    state = WorkspaceState.model_validate(changed(setting("invoices.0.amount.currency", code)))
    assert state.invoices[0].amount.currency == code


def test_an_active_subscription_may_end_without_renewing() -> None:
    state = WorkspaceState.model_validate(
        changed(removing("plan.renews_on"), setting("plan.active_until", "2026-06-30"))
    )
    assert state.plan.active_until == dt.date(2026, 6, 30)


SHOWN_TEXT = ["title", "description", "workspace.name", "plan.tier"]
"""Every field of a state whose text the page shows."""


@pytest.mark.parametrize("path", SHOWN_TEXT)
@pytest.mark.parametrize(
    ("text", "only"),
    [
        pytest.param("   ", "U+0020", id="spaces"),
        pytest.param("\u200b", "U+200B", id="zero-width-space"),
        pytest.param("\u2060\ufeff", "U+2060, U+FEFF", id="word-joiner-and-bom"),
        pytest.param("\u00a0\u3000", "U+00A0, U+3000", id="no-break-and-ideographic-space"),
        pytest.param("\u180e", "U+180E", id="mongolian-vowel-separator"),
        pytest.param("\u0301\u20dd", "U+0301, U+20DD", id="marks-without-a-letter"),
        pytest.param("\u3164\u2800", "U+2800, U+3164", id="hangul-filler-and-blank-braille"),
        pytest.param(
            "\u200b\u200c\u200d\u200e\u200f\u2061",
            "U+200B, U+200C, U+200D, U+200E, U+200F, …",
            id="many",
        ),
    ],
)
def test_text_without_a_visible_character_is_refused(path: str, text: str, only: str) -> None:
    assert problems(changed(setting(path, text))) == [
        f"{SOURCE}: {path}: is blank: it has no visible character (only {only})"
    ]


@pytest.mark.parametrize("text", ["a\u200b", " x ", "\u00e9", "e\u0301", "\u0e01\u0e34", "🚀"])
def test_text_with_a_visible_character_is_accepted(text: str) -> None:
    WorkspaceState.model_validate(changed(setting("title", text)))


def test_a_user_name_without_a_visible_character_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        User.model_validate({"name": "\u200b\u200b", "email": "maya@example.com"})
    assert describe_validation_error(SOURCE, caught.value) == [
        f"{SOURCE}: name: is blank: it has no visible character (only U+200B)"
    ]


def test_two_connected_apps_of_one_name_are_refused() -> None:
    app = {"name": "Example Notes", "connected_on": "2026-01-02"}
    with pytest.raises(ValidationError) as caught:
        User.model_validate(
            {"name": "Maya", "email": "maya@example.com", "connected_apps": [app] * 2}
        )
    assert describe_validation_error(SOURCE, caught.value) == [
        f"{SOURCE}: connected_apps: 'Example Notes' is listed twice; names tell apps apart"
    ]


LONG = "a" * 1_000_000
CUT = f"'{'a' * 40}…' (1,000,000 characters)"
"""How a message shows :data:`LONG`."""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("title", f"title: String should have at most 120 characters (got {CUT})"),
        ("description", f"description: String should have at most 300 characters (got {CUT})"),
        ("invoices.0.date", f"invoices[0].date: {CUT} is not a calendar date in the form "),
        ("invoices.0.number", "invoices[0].number: String should match pattern "),
    ],
)
def test_a_long_value_is_cut_in_the_message(path: str, expected: str) -> None:
    [problem] = problems(changed(setting(path, LONG)))
    assert problem.startswith(f"{SOURCE}: {expected}")
    assert len(problem) < 200


def test_a_long_unknown_key_is_cut_in_the_path() -> None:
    data = changed()
    data["workspace"][LONG] = "red"
    assert problems(data) == [
        f"{SOURCE}: workspace.{CUT}: Extra inputs are not permitted (got 'red')"
    ]


@pytest.mark.parametrize("owner", ["olu@example.com", "OLU@example.com"])
def test_a_transfer_goes_to_someone_other_than_the_owner(owner: str) -> None:
    data = changed(
        setting("members", [{"name": "Olu", "email": "olu@example.com", "role": "owner"}]),
        setting("transfer_to", owner),
    )
    assert problems(data) == [
        f"{SOURCE}: transfer_to: {owner} is the Owner already; a transfer goes to someone else"
    ]
    assert WorkspaceState.model_validate(data | {"transfer_to": "ada@example.com"}).transfer_to


def test_a_transfer_of_a_workspace_listing_no_members_is_the_users_to_give() -> None:
    data = changed(setting("transfer_to", "maya@example.com"))
    context = {"user_email": "Maya@example.com"}
    with pytest.raises(ValidationError, match="is the Owner already"):
        WorkspaceState.model_validate(data, context=context)
