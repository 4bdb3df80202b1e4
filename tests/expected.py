"""What the tests expect: where pages are, what the docs say they show, a valid state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from prototype.states.fixtures import load_fixture_set
from prototype.states.models import CardReference, Member, Plan, WorkspaceState

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DOCS = ROOT / "docs"
PAGE_BUDGET = 52_000
"""The most a prototype page may weigh with its CSS and JS, in bytes. It was 40 KB for the still
pages; the flows' dialogs, the role views and the narrow-screen layout brought the heaviest page
to about 44 KB, and the people and workspace actions add their scripts on their pages."""
MOUNT = "/preview/"
"""The path the tests serve the built site under, as a docs host may serve it."""
FIXTURE_SET = load_fixture_set(FIXTURES)
"""The project's fixtures, read once when the tests are collected."""
STATE_IDS = sorted(FIXTURE_SET.states)
"""Every workspace state's id, for parametrising tests over the fixture set."""
each_state = pytest.mark.parametrize("state_id", STATE_IDS)
"""Run a test once for every fixture state."""
MEMBER_STATE_IDS = [
    state_id
    for state_id in STATE_IDS
    if FIXTURE_SET.user.email in {m.email for m in FIXTURE_SET.states[state_id].members}
    or not FIXTURE_SET.states[state_id].members
]
"""The states whose workspace the signed-in user belongs to: they see its workspace pages."""
SHARED_STATE_IDS = [state_id for state_id in STATE_IDS if state_id not in MEMBER_STATE_IDS]
"""The states whose workspace is only shared with the user, who is not a member."""
each_member_state = pytest.mark.parametrize("state_id", MEMBER_STATE_IDS)
"""Run a test once for every state whose workspace pages the user sees (billing among them)."""


def state_ids(where: Callable[[WorkspaceState], bool]) -> list[str]:
    """The ids of the member states a check applies to, e.g. ``state_ids(lambda s: s.invoices)``."""
    return [state_id for state_id in MEMBER_STATE_IDS if where(FIXTURE_SET.states[state_id])]


PLAN_LABELS = {"flex": "Flex Credits", "pro": "Pro Subscription"}
"""The plan names billing.md puts in bold."""
CARD_BRANDS = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "American Express",
    "discover": "Discover",
}
"""How the page names each card network."""


PLAN_ACTIONS = {"flex": "Choose a plan", "active": "Change plan", "canceled": "Resume plan"}
"""The Current Plan button: by plan type on Flex, by status on Pro."""


def plan_action_label(plan: Plan) -> str:
    """The Current Plan button a plan shows: choose on Flex, resume when canceled, else change."""
    return PLAN_ACTIONS["flex" if plan.type == "flex" else str(plan.status)]


def card_text(card: CardReference) -> str:
    """``Visa ending in 4242``, as the page names a card, worked out without the app's code."""
    return f"{CARD_BRANDS[card.brand]} ending in {card.last4}"


def home_url(state_id: str) -> str:
    """A state's workspace home, relative to the site root."""
    return f"prototype/w/{state_id}/"


def billing_url(state_id: str) -> str:
    """A state's Plan & Billing page, relative to the site root."""
    return f"{home_url(state_id)}settings/billing/"


def settings_url(state_id: str, slug: str, as_role: str | None = None) -> str:
    """A state's Settings page, as the signed-in user sees it or as a member holding ``as_role``."""
    return f"{home_url(state_id)}settings/{slug}/" + (f"as-{as_role}/" if as_role else "")


def members_url(state_id: str, as_role: str | None = None) -> str:
    """A state's Members page, as the signed-in user sees it or as a member holding ``as_role``."""
    return settings_url(state_id, "members", as_role)


ROLE_NAMES = {"owner": "Owner", "admin": "Admin", "member": "Member"}
"""The three roles, as Roles and Permissions names them."""
MANAGES = {"owner": {"admin", "member"}, "admin": {"member"}, "member": set()}
"""Whom each role invites and manages, as Roles and Permissions says: the Owner Admins and
Members, an Admin Members, a Member nobody."""


@dataclass(frozen=True)
class Person:
    """A row of the Members page, worked out from the fixture without the app's code."""

    name: str | None
    email: str
    role: str
    pending: bool


def people_of(state: WorkspaceState) -> list[Person]:
    """The members (the user alone, as Owner, when the fixture lists none), then invitations."""
    user = FIXTURE_SET.user
    members = state.members or [Member(name=user.name, email=user.email, role="owner")]
    return [
        *(Person(m.name, m.email, m.role, pending=False) for m in members),
        *(Person(None, i.email, i.role, pending=True) for i in state.invitations),
    ]


def role_views(state_id: str) -> list[tuple[str | None, Person]]:
    """``(as_role, viewer)`` for each way a reviewer can see a state's Members page: as the
    signed-in user (``as_role`` None), and as the first member of each other role."""
    people = [p for p in people_of(FIXTURE_SET.states[state_id]) if not p.pending]
    me = next(p for p in people if p.email == FIXTURE_SET.user.email)
    views: list[tuple[str | None, Person]] = [(None, me)]
    for role in ROLE_NAMES:
        first = next((p for p in people if p.role == role), None)
        if role != me.role and first is not None:
            views.append((role, first))
    return views


def row_actions(viewer: Person, person: Person) -> list[str]:
    """The buttons a row offers the viewer, in page order: the Owner changes the roles of Admins
    and Members; a viewer removes (or, for an invitation, resends and removes) the people of
    the roles they manage; nobody acts on their own row."""
    if person.email == viewer.email:
        return []
    manages = person.role in MANAGES[viewer.role]
    if person.pending:
        return ["Resend", "Remove"] if manages else []
    change = ["Change role"] if viewer.role == "owner" and person.role != "owner" else []
    return change + (["Remove"] if manages else [])


def shown_date(day: dt.date) -> str:
    """A date as the product shows it, ``May 8, 2026``, worked out without the app's code."""
    return f"{day:%B} {day.day}, {day.year}"


def newest_first(state: WorkspaceState) -> list[str]:
    """The invoice numbers in the order the table must list them."""
    ordered = sorted(state.invoices, key=lambda invoice: (invoice.date, invoice.number))
    return [invoice.number for invoice in reversed(ordered)]


def valid_state() -> dict[str, Any]:
    """A minimal valid state as YAML would give it: an active Pro plan renewing after TODAY."""
    return {
        "title": "Pro, renewing",
        "description": "An active Pro Subscription.",
        "workspace": {"name": "Acme", "kind": "team"},
        "plan": {"type": "pro", "tier": "Growth", "status": "active", "renews_on": "2026-06-01"},
        "credits": {"balance": 350, "total": 500},
        "payment_method": {"brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2028},
        "invoices": [
            {
                "number": "INV-0002",
                "date": "2026-05-01",
                "amount": {"minor_units": 49900, "currency": "USD"},
                "paid_with": {"brand": "visa", "last4": "4242"},
            },
            {
                "number": "INV-0001",
                "date": "2026-04-01",
                "amount": {"minor_units": 49900, "currency": "USD"},
                "paid_with": {"brand": "visa", "last4": "4242"},
            },
        ],
    }


def field_at(data: dict[str, Any], path: str) -> tuple[Any, str | int]:
    """The container holding the field at a dotted path (``invoices.1.date``), and its key."""
    *parents, last = (int(part) if part.isdigit() else part for part in path.split("."))
    node: Any = data
    for part in parents:
        node = node[part]
    return node, last


CARD_FORM_FIELDS = {
    "name": "Name on card",
    "number": "Card number",
    "expiry": "Expiry (MM/YY)",
    "security_code": "Security code",
}
"""The payment method dialog's fields, by what they hold, with their labels."""
CARD_CASES: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "visa": (
        {
            "name": "Maya Okafor",
            "number": "4242 4242 4242 4242",
            "expiry": "05/26",
            "security_code": "123",
        },
        {},
    ),
    "amex-later": (
        {
            "name": " Ada ",
            "number": "3782-822463-10005",
            "expiry": " 1 / 30 ",
            "security_code": "1234",
        },
        {},
    ),
    "all-empty": (
        {"name": "", "number": "", "expiry": "", "security_code": ""},
        {
            "name": "name",
            "number": "number-missing",
            "expiry": "expiry-format",
            "security_code": "csc-any",
        },
    ),
    "blank-name": (
        {"name": "   ", "number": "5555555555554444", "expiry": "12/29", "security_code": "999"},
        {"name": "name"},
    ),
    "bad-checksum": (
        {"name": "Maya", "number": "4242424242424241", "expiry": "12/29", "security_code": "1234"},
        {"number": "number-invalid"},
    ),
    "letters": (
        {"name": "Maya", "number": "4242 abcd", "expiry": "12/29", "security_code": "12"},
        {"number": "number-invalid", "security_code": "csc-any"},
    ),
    "not-a-test-card": (
        {"name": "Maya", "number": "4111111111111111", "expiry": "12/29", "security_code": "123"},
        {"number": "number-not-test"},
    ),
    "expired-last-month": (
        {"name": "Maya", "number": "6011111111111117", "expiry": "04/26", "security_code": "123"},
        {"expiry": "expiry-past"},
    ),
    "month-13": (
        {"name": "Maya", "number": "6011111111111117", "expiry": "13/27", "security_code": "123"},
        {"expiry": "expiry-format"},
    ),
    "four-digit-year": (
        {"name": "Maya", "number": "6011111111111117", "expiry": "05/2027", "security_code": "123"},
        {"expiry": "expiry-format"},
    ),
    "amex-three-digit-code": (
        {"name": "Maya", "number": "378282246310005", "expiry": "05/27", "security_code": "123"},
        {"security_code": "csc-4"},
    ),
    "visa-four-digit-code": (
        {"name": "Maya", "number": "4242424242424242", "expiry": "05/27", "security_code": "1234"},
        {"security_code": "csc-3"},
    ),
}
"""The payment method dialog filled in, and the fields it must refuse, each with the reason
(a key of ``CARD_MESSAGES``): as on the fixtures' "today", May 20, 2026."""
