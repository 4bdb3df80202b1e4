"""The shape of a fixture: one workspace in one billing state. The single source of that shape.

Each fixture file ``fixtures/<id>.yaml`` is a :class:`WorkspaceState`; ``fixtures/_set.yaml`` is
the :class:`FixtureSetSettings` every state shares. Money is minor units plus an ISO 4217 code;
dates are ``YYYY-MM-DD``. Rules that depend on "today" read it from the validation context.
Whole numbers are strict: YAML reads ``yes`` and ``true`` as booleans, which lax validation
would take as 1, and ``"350"`` or ``350.0`` are not whole numbers as written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from prototype.inputs.errors import shown
from prototype.inputs.fields import IsoDate
from prototype.states.formatting import is_known_currency
from prototype.states.workspace_details import (
    WS,
    slug_from_name,
    slug_problem,
    website_with_scheme,
)

MAX_MINOR_UNITS = 10**11
"""Largest amount a fixture may hold, in minor units (a billion dollars' worth of cents)."""
MAX_CREDITS = 10**9
"""Largest credit figure a fixture may hold."""
EMAIL_PATTERN = f"[^@{WS}]+@[^@{WS}]+\\.[^@{WS}.]+"
"""An email address, as forms check one: something, an ``@``, a domain with a dot; no spaces.
A regular expression source Python and the browser read alike."""
EMAIL = re.compile(EMAIL_PATTERN)
EMAIL_MAX = 254
"""The longest email address."""
WORKSPACE_NAME_MAX = 200
"""The longest workspace name."""
DESCRIPTION_MAX = 500
"""The longest workspace description."""
WEBSITE_MAX = 2000
"""The longest website, as saved (its scheme included)."""
TEAM_SIZE_MAX = 1_000_000
"""The largest team size."""


class StrictModel(BaseModel):
    """A model that refuses unknown keys and cannot be changed once made."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _known_currency(code: str) -> str:
    if not is_known_currency(code):
        raise ValueError(f"{shown(code)} is not the ISO 4217 code of a currency in use")
    return code


CurrencyCode = Annotated[
    str, Field(pattern=r"^[A-Z]{3}$", examples=["USD"]), AfterValidator(_known_currency)
]
"""An ISO 4217 currency code such as ``USD`` or ``EUR``."""


def _no_control_characters(text: str) -> str:
    found = sorted({f"U+{ord(char):04X}" for char in text if unicodedata.category(char) == "Cc"})
    if found:
        raise ValueError(f"contains control characters ({', '.join(found)}), which no page shows")
    return text


INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Mc"})
"""Unicode categories that show nothing on their own: controls, formats (zero-width space, word
joiner, byte-order mark), spaces and separators, and marks, which need a letter to sit on."""
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
"""Letters and symbols drawn as blank space: the Hangul fillers and the blank Braille pattern."""


def is_visible(char: str) -> bool:
    """Whether ``char`` shows something on its own (a space or a zero-width joiner does not)."""
    return not (
        char.isspace()
        or unicodedata.category(char) in INVISIBLE_CATEGORIES
        or char in BLANK_LETTERS
    )


def _has_visible_character(text: str) -> str:
    if not any(map(is_visible, text)):
        found = sorted({f"U+{ord(char):04X}" for char in text})
        listed = ", ".join(found[:5]) + (", …" if len(found) > 5 else "")
        raise ValueError(f"is blank: it has no visible character (only {listed})")
    return text


Text = Annotated[
    str, AfterValidator(_no_control_characters), AfterValidator(_has_visible_character)
]
"""Text shown on the page: one line, no control characters (a page drops NUL, for one), and at
least one visible character (spaces or zero-width characters alone show an empty badge)."""


def _today(info: ValidationInfo) -> dt.date | None:
    context = info.context if isinstance(info.context, dict) else {}
    today = context.get("today")
    return today if isinstance(today, dt.date) else None


def _not_after_today(day: dt.date, info: ValidationInfo, what: str) -> dt.date:
    """Refuse a date of something that has happened when it is after today."""
    today = _today(info)
    if today is not None and day > today:
        raise ValueError(f"{what} {day} is after today ({today})")
    return day


class Money(StrictModel):
    """An amount of money."""

    minor_units: int = Field(strict=True, ge=0, le=MAX_MINOR_UNITS)
    """The amount in the currency's minor units: cents for USD, yen for JPY."""
    currency: CurrencyCode
    """The ISO 4217 currency code."""


CardBrand = Literal["visa", "mastercard", "amex", "discover"]


class CardReference(StrictModel):
    """A card as an invoice names it."""

    brand: CardBrand
    """The card network."""
    last4: str = Field(pattern=r"^[0-9]{4}$")
    """The last four digits of the card number."""


class Card(CardReference):
    """The card on file for a workspace."""

    exp_month: int = Field(strict=True, ge=1, le=12)
    """Expiry month, 1 to 12."""
    exp_year: int = Field(strict=True, ge=2000, le=2100)
    """Expiry year, four digits."""


class Workspace(StrictModel):
    """The workspace as the switcher shows it."""

    name: Text = Field(min_length=1, max_length=WORKSPACE_NAME_MAX)
    """The name shown in the sidebar, the switcher and Settings."""
    kind: Literal["personal", "team"]
    """A personal workspace or a team workspace."""
    group: Literal["my_workspaces", "shared_with_me"] = "my_workspaces"
    """The switcher group: My Workspaces (a direct member) or Shared with Me."""
    unique_url: str | None = Field(default=None, validate_default=True, examples=["acme-research"])
    """The workspace slug: letters, numbers and hyphens. Left out, it is made from the name."""
    description: Text | None = Field(default=None, min_length=1, max_length=DESCRIPTION_MAX)
    """An optional description, on the Account page."""
    website: str | None = Field(
        default=None, max_length=WEBSITE_MAX, examples=["https://acme.example"]
    )
    """The workspace's website, as saved: with its ``https://`` (or ``http://``) scheme."""
    team_size: int | None = Field(default=None, strict=True, ge=1, le=TEAM_SIZE_MAX)
    """How many people the team has, as the Account page's Team size says."""
    integrations: list[Literal["slack", "hubspot", "gmail"]] = Field(default_factory=list)
    """The integrations connected to the workspace: ``slack``, ``hubspot``, ``gmail``."""
    interviewer_model: Text | None = Field(default=None, min_length=1, max_length=80)
    """The text interviewer model the workspace uses (example data); left out, the first."""

    @field_validator("unique_url")
    @classmethod
    def _slug(cls, slug: str | None, info: ValidationInfo) -> str | None:
        if slug is None:
            name = info.data.get("name")
            if not isinstance(name, str):
                return None  # the name is refused already
            slug = slug_from_name(name)
            if not slug:
                raise ValueError(
                    "the name has no Latin letter or digit to make a Unique URL from; "
                    "give unique_url"
                )
        problem = slug_problem(slug)
        if problem:
            raise ValueError(f"{shown(slug)}: {problem}")
        return slug

    @field_validator("website")
    @classmethod
    def _website_as_saved(cls, website: str | None) -> str | None:
        if website is not None and website_with_scheme(website) != website:
            raise ValueError(
                f"{shown(website)} is not a website as Perspective saves it "
                "(http:// or https://, then a host with a dot)"
            )
        return website

    @field_validator("integrations")
    @classmethod
    def _each_once(cls, connected: list[str]) -> list[str]:
        if len(set(connected)) != len(connected):
            raise ValueError("an integration is listed twice")
        return connected


class Plan(StrictModel):
    """The workspace plan: Flex Credits, or a Pro Subscription with its state."""

    type: Literal["flex", "pro"]
    """``flex`` for Flex Credits (personal or credit-based), ``pro`` for a Pro Subscription."""
    tier: Text | None = Field(default=None, min_length=1, max_length=80)
    """The Pro tier name, when a tier is attached. Pro only."""
    status: Literal["active", "canceled"] | None = Field(default=None, validate_default=True)
    """The subscription state: ``active``, or ``canceled`` and running to its end date. Pro only."""
    renews_on: IsoDate | None = None
    """The next renewal date of an active Pro subscription, after today."""
    active_until: IsoDate | None = Field(default=None, validate_default=True)
    """The end date, shown as "Active until"; required when canceled, never with renews_on."""

    @field_validator("tier", "renews_on")
    @classmethod
    def _pro_only(cls, value: Any, info: ValidationInfo) -> Any:
        if value is not None and info.data.get("type") == "flex":
            raise ValueError(f"a Flex workspace has no {info.field_name}; only Pro plans do")
        return value

    @field_validator("status")
    @classmethod
    def _status_matches_plan(cls, status: str | None, info: ValidationInfo) -> str | None:
        plan = info.data.get("type")
        if plan == "flex" and status is not None:
            raise ValueError("a Flex workspace has no subscription status; only Pro plans do")
        if plan == "pro" and status is None:
            raise ValueError("a Pro plan needs a status: active or canceled")
        return status

    @field_validator("renews_on")
    @classmethod
    def _renews_while_active(cls, renews_on: dt.date | None, info: ValidationInfo) -> Any:
        if renews_on is None:
            return None
        if info.data.get("status") == "canceled":
            raise ValueError("a canceled subscription does not renew; remove renews_on")
        today = _today(info)
        if today is not None and renews_on <= today:
            raise ValueError(f"the renewal date {renews_on} is not after today ({today})")
        return renews_on

    @field_validator("active_until")
    @classmethod
    def _end_date(cls, active_until: dt.date | None, info: ValidationInfo) -> Any:
        if info.data.get("type") == "flex":
            if active_until is not None:
                raise ValueError("a Flex workspace has no Active until date; only Pro plans do")
            return None
        if active_until is None:
            if info.data.get("status") == "canceled":
                raise ValueError("a canceled subscription needs the date it is active until")
            return None
        if info.data.get("renews_on") is not None:
            raise ValueError("a subscription that renews has no end date; remove active_until")
        today = _today(info)
        if today is not None and active_until < today:
            raise ValueError(f"{active_until} is before today ({today}): the plan would have ended")
        return active_until


class Credits(StrictModel):
    """The workspace credit balance and the total it is measured against."""

    balance: int = Field(strict=True, ge=0, le=MAX_CREDITS)
    """Credits left to use."""
    total: int = Field(strict=True, ge=0, le=MAX_CREDITS)
    """The credits the balance is a part of (the progress bar's maximum)."""

    @field_validator("total")
    @classmethod
    def _balance_within_total(cls, total: int, info: ValidationInfo) -> int:
        balance = info.data.get("balance")
        if isinstance(balance, int) and balance > total:
            raise ValueError(f"the total ({total}) is less than the balance ({balance})")
        return total


class Invoice(StrictModel):
    """One invoice in the workspace's history."""

    number: str = Field(pattern=r"^[A-Z0-9][A-Z0-9-]{1,39}$")
    """The invoice number: capital letters, digits and hyphens; unique in the workspace."""
    date: IsoDate
    """The invoice date, not after today."""
    amount: Money
    """The amount invoiced."""
    paid_with: CardReference
    """The card the invoice was charged to, shown as its payment method."""

    @field_validator("date")
    @classmethod
    def _not_in_future(cls, day: dt.date, info: ValidationInfo) -> dt.date:
        return _not_after_today(day, info, "the invoice date")


Role = Literal["owner", "admin", "member"]
"""A workspace role: the Owner (exactly one), Admins and Members."""
InvitedRole = Literal["admin", "member"]
"""The roles an invitation can offer: ownership moves only by transfer."""


def _email(address: str) -> str:
    if not EMAIL.fullmatch(address):
        raise ValueError(f"{address!r} is not an email address (name@domain)")
    return address


Email = Annotated[
    str, Field(max_length=EMAIL_MAX, examples=["maya@example.com"]), AfterValidator(_email)
]
"""An email address: one ``@``, a domain with a dot, no spaces."""


class Member(StrictModel):
    """A person who belongs to the workspace."""

    name: Text = Field(min_length=1, max_length=120)
    """The name the Members page shows."""
    email: Email
    """The member's email address; it identifies them (the signed-in user among them)."""
    role: Role
    """``owner``, ``admin`` or ``member``."""


class Invitation(StrictModel):
    """An invitation sent and not accepted yet: the person shows as Pending."""

    email: Email
    """Who was invited: one email address per invitation."""
    role: InvitedRole
    """The role the invitation offers: ``admin`` or ``member``."""
    sent_on: IsoDate
    """When the invitation was last sent, not after today."""

    @field_validator("sent_on")
    @classmethod
    def _not_in_future(cls, day: dt.date, info: ValidationInfo) -> dt.date:
        return _not_after_today(day, info, "the invitation date")


def _one_owner(members: list[Member]) -> list[Member]:
    owners = [member.email for member in members if member.role == "owner"]
    if members and len(owners) != 1:
        found = "none" if not owners else ", ".join(owners)
        raise ValueError(f"a workspace has exactly one Owner (found {found})")
    return members


def _refuse_repeats(people: list[tuple[str, str]], members: dict[str, str]) -> None:
    """Refuse an email address listed twice, or invited while already a member."""
    seen = dict(members)
    for where, email in people:
        first = seen.setdefault(email.casefold(), where)
        if first in members.values():
            raise ValueError(f"{where}: {email} is already a member ({first})")
        if first != where:
            raise ValueError(f"{where}: {email} appears twice ({first} too)")


class WorkspaceState(StrictModel):
    """One fixture: a workspace in one billing state, as the Plan & Billing page shows it."""

    title: Text = Field(min_length=1, max_length=120)
    """The state's title in the reviewers' index."""
    description: Text = Field(min_length=1, max_length=300)
    """One line on what the state shows, for reviewers."""
    workspace: Workspace
    """The workspace this state is."""
    plan: Plan
    """The workspace plan."""
    credits: Credits
    """The credit balance and total."""
    payment_method: Card | None = None
    """The card on file, or none."""
    invoices: list[Invoice] = Field(default_factory=list)
    """Every invoice of the workspace, in any order."""
    members: Annotated[list[Member], AfterValidator(_one_owner)] = Field(default_factory=list)
    """Who belongs to the workspace, with exactly one Owner. Left out, the signed-in user is the
    only member and its Owner (see :func:`prototype.states.membership.members_of`)."""
    invitations: list[Invitation] = Field(default_factory=list)
    """Pending invitations: sent, not accepted yet."""
    transfer_to: Email | None = None
    """The email address of the new owner an ownership transfer was started with, if one was."""

    @field_validator("members")
    @classmethod
    def _members_once_and_user_placed(
        cls, members: list[Member], info: ValidationInfo
    ) -> list[Member]:
        _refuse_repeats([(f"members[{i}]", m.email) for i, m in enumerate(members)], {})
        context = info.context if isinstance(info.context, dict) else {}
        email, workspace = context.get("user_email"), info.data.get("workspace")
        if not isinstance(email, str) or not isinstance(workspace, Workspace):
            return members
        is_member = not members or email.casefold() in {m.email.casefold() for m in members}
        if workspace.group == "my_workspaces" and not is_member:
            raise ValueError(
                f"the signed-in user ({email}) is not among them, so the workspace belongs "
                "under Shared with Me (workspace.group: shared_with_me)"
            )
        if workspace.group == "shared_with_me" and is_member:
            raise ValueError(
                "a Shared with Me workspace lists its members, and the signed-in user "
                f"({email}) is not one of them"
            )
        return members

    @field_validator("invitations")
    @classmethod
    def _invited_once(cls, invitations: list[Invitation], info: ValidationInfo) -> list[Invitation]:
        members = info.data.get("members") or []
        known = {m.email.casefold(): f"members[{i}]" for i, m in enumerate(members)}
        _refuse_repeats(
            [(f"invitations[{i}]", inv.email) for i, inv in enumerate(invitations)], known
        )
        return invitations

    @field_validator("transfer_to")
    @classmethod
    def _to_someone_else(cls, email: str | None, info: ValidationInfo) -> str | None:
        members = info.data.get("members") or []
        owner = next((m.email for m in members if m.role == "owner"), None)
        context = info.context if isinstance(info.context, dict) else {}
        owner = owner if members else context.get("user_email")
        if email is not None and isinstance(owner, str) and email.lower() == owner.lower():
            raise ValueError(f"{email} is the Owner already; a transfer goes to someone else")
        return email

    @field_validator("invoices")
    @classmethod
    def _unique_numbers(cls, invoices: list[Invoice]) -> list[Invoice]:
        seen: dict[str, int] = {}
        for index, invoice in enumerate(invoices):
            if invoice.number in seen:
                first = seen[invoice.number]
                raise ValueError(
                    f"invoice number {invoice.number} is used twice "
                    f"(invoices[{first}] and invoices[{index}])"
                )
            seen[invoice.number] = index
        return invoices


class McpKey(StrictModel):
    """A key the user made to give an AI assistant access (MCP)."""

    name: Text = Field(min_length=1, max_length=80)
    """What the user called the key."""
    created_on: IsoDate
    """When it was made."""
    last4: str = Field(pattern=r"^[A-Za-z0-9]{4}$")
    """The key's last four characters: all the page ever shows of it."""


class ConnectedApp(StrictModel):
    """An OAuth app connected to the user's account."""

    name: Text = Field(min_length=1, max_length=80)
    """The app's name."""
    connected_on: IsoDate
    """When the user connected it."""


class User(StrictModel):
    """The signed-in user the prototype shows."""

    name: Text = Field(min_length=1, max_length=120)
    """The name in the sidebar's profile menu."""
    email: Email
    """The user's email address: it finds the user among a workspace's members."""
    personalization: Text | None = Field(default=None, min_length=1, max_length=500)
    """Personalization context on the Profile page: what Perspective should know about you."""
    onboarding_emails: bool = Field(default=True, strict=True)
    """Whether the user receives onboarding emails (Profile)."""
    mcp_keys: list[McpKey] = Field(default_factory=list)
    """Keys the user made for AI assistants' access (MCP): example data."""
    connected_apps: list[ConnectedApp] = Field(default_factory=list)
    """OAuth apps connected to the user's account (example data), each name once."""

    @field_validator("connected_apps")
    @classmethod
    def _apps_named_apart(cls, apps: list[ConnectedApp]) -> list[ConnectedApp]:
        names = [app.name for app in apps]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise ValueError(f"{shown(twice[0])} is listed twice; names tell apps apart")
        return apps


class FixtureSetSettings(StrictModel):
    """``fixtures/_set.yaml``: what every state shares."""

    today: IsoDate
    """The date the prototype treats as today, so output never depends on the clock."""
    user: User
    """The signed-in user."""
    default_workspace: str | None = Field(default=None, examples=["pro-tier-renewing"])
    """The state id of the workspace that opens by default for the user, if they chose one."""
