"""``states.json``: one entry per state, with the fields tools read, agreeing with the fixtures."""

from __future__ import annotations

import json
from typing import Any

import pytest

from prototype.pages.build import SITE_PATH
from prototype.pages.manifest import states_json
from prototype.pages.render import views_of
from prototype.states.fixtures import FixtureSet
from tests.expected import (
    FIXTURE_SET,
    MANAGES,
    MEMBER_STATE_IDS,
    SHARED_STATE_IDS,
    STATE_IDS,
    people_of,
    role_views,
    row_actions,
)

STATE_KEYS = {
    "id",
    "title",
    "workspace",
    "home_url",
    "billing_url",
    "plan",
    "tier",
    "subscription_status",
    "active_until",
    "renews_on",
    "credits",
    "payment_method",
    "invoices",
    "viewer_role",
    "members_url",
    "account_url",
    "members",
    "unique_url",
    "default",
    "group",
}
"""The keys tools may rely on in each state's entry."""
ENTRY_KEYS = STATE_KEYS | {"description", "plan_label", "dialogs", "actions"}
"""Every key of a state's entry: a result state has all of them but its own dialogs and
actions."""


@pytest.fixture(scope="module")
def manifest(fixture_set: FixtureSet) -> dict[str, Any]:
    text = states_json(fixture_set, views_of(fixture_set), SITE_PATH)
    parsed: dict[str, Any] = json.loads(text)
    return parsed


def entry_of(manifest: dict[str, Any], state_id: str) -> dict[str, Any]:
    [entry] = [entry for entry in manifest["states"] if entry["id"] == state_id]
    assert isinstance(entry, dict)
    return entry


def test_top_level(manifest: dict[str, Any], fixture_set: FixtureSet) -> None:
    assert set(manifest) == {"today", "states"}
    assert manifest["today"] == fixture_set.today.isoformat()
    assert [entry["id"] for entry in manifest["states"]] == STATE_IDS


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_state_keys(manifest: dict[str, Any], state_id: str) -> None:
    entry = entry_of(manifest, state_id)
    assert set(entry) >= STATE_KEYS
    assert set(entry["credits"]) == {"balance", "total"}
    for invoice in entry["invoices"]:
        assert {"number", "date", "url"} <= set(invoice)


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_state_values(manifest: dict[str, Any], fixture_set: FixtureSet, state_id: str) -> None:
    entry = entry_of(manifest, state_id)
    state = fixture_set.states[state_id]
    plan = state.plan
    assert entry["title"] == state.title
    assert entry["workspace"] == state.workspace.name
    assert entry["plan"] == plan.type
    assert entry["tier"] == plan.tier
    assert entry["subscription_status"] == plan.status
    assert entry["active_until"] == (plan.active_until.isoformat() if plan.active_until else None)
    assert entry["renews_on"] == (plan.renews_on.isoformat() if plan.renews_on else None)
    assert entry["credits"] == {"balance": state.credits.balance, "total": state.credits.total}
    if plan.type == "flex":
        assert (entry["tier"], entry["subscription_status"]) == (None, None)


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_payment_method(manifest: dict[str, Any], fixture_set: FixtureSet, state_id: str) -> None:
    card = fixture_set.states[state_id].payment_method
    shown = entry_of(manifest, state_id)["payment_method"]
    if card is None:
        assert shown is None
    else:
        assert isinstance(shown, str)
        assert shown.endswith(f" ending in {card.last4}")


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_urls(manifest: dict[str, Any], state_id: str) -> None:
    entry = entry_of(manifest, state_id)
    home = f"prototype/w/{state_id}/"
    assert entry["home_url"] == home
    assert entry["billing_url"] == f"{home}settings/billing/"
    for invoice in entry["invoices"]:
        assert invoice["url"] == f"{home}invoices/{invoice['number']}/"


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_invoices_newest_first(
    manifest: dict[str, Any], fixture_set: FixtureSet, state_id: str
) -> None:
    listed = [(item["date"], item["number"]) for item in entry_of(manifest, state_id)["invoices"]]
    expected = sorted(
        (
            (invoice.date.isoformat(), invoice.number)
            for invoice in fixture_set.states[state_id].invoices
        ),
        reverse=True,
    )
    assert listed == expected


def test_text_keeps_non_ascii_names(fixture_set: FixtureSet) -> None:
    text = states_json(fixture_set, views_of(fixture_set), SITE_PATH)
    names = [state.workspace.name for state in fixture_set.states.values()]
    assert [name for name in names if json.dumps(name, ensure_ascii=False) not in text] == []
    assert text.endswith("}\n")


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_dialogs_open_from_their_urls(
    manifest: dict[str, Any], fixture_set: FixtureSet, state_id: str
) -> None:
    """Plan & Billing's dialogs for a member, Add workspace on every home page, Transfer
    ownership on the Account page of a workspace the user owns."""
    entry = entry_of(manifest, state_id)
    state = fixture_set.states[state_id]
    home = f"prototype/w/{state_id}/"
    add = {"id": "add-workspace", "title": "Add workspace", "url": f"{home}?dialog=add-workspace"}
    if state_id in SHARED_STATE_IDS:
        assert (entry["dialogs"], entry["actions"]) == ([add], []), "billing is for members only"
        return
    plan_dialog = {
        "flex": ("plans-and-credits", "Plans and credits"),
        "active": ("change-plan", "Change plan"),
        "canceled": ("resume-plan", "Resume Pro Subscription"),
    }["flex" if state.plan.type == "flex" else str(state.plan.status)]
    payment = "Change Payment Method" if state.payment_method else "Add Payment Method"
    billing = f"{home}settings/billing/"
    owner = role_views(state_id)[0][1].role == "owner"
    transfer = {
        "id": "transfer-ownership",
        "title": "Transfer ownership",
        "url": f"{home}settings/account/?dialog=transfer-ownership",
    }
    assert entry["dialogs"] == [
        *(
            {"id": id_, "title": title, "url": f"{billing}?dialog={id_}"}
            for id_, title in (plan_dialog, ("payment-method", payment))
        ),
        add,
        *([transfer] if owner else []),
    ]


@pytest.mark.parametrize("state_id", MEMBER_STATE_IDS)
def test_actions_lead_to_states_with_the_catalogues_first_choice(
    manifest: dict[str, Any], fixture_set: FixtureSet, state_id: str
) -> None:
    entry = entry_of(manifest, state_id)
    state = fixture_set.states[state_id]
    catalogue = fixture_set.catalogue
    actions = {action["id"]: action for action in entry["actions"]}
    assert [set(action) for action in entry["actions"]] == [{"id", "label", "result_state"}] * len(
        actions
    )
    for action in entry["actions"]:
        result = action["result_state"]
        assert set(result) == ENTRY_KEYS - {"dialogs", "actions"}
        assert (result["id"], result["invoices"]) == (state_id, entry["invoices"])
    for membership in MEMBERSHIP_ACTIONS:
        actions.pop(membership, None)  # test_membership_actions_change_the_members
    card = catalogue.test_cards[0]
    assert actions.pop("save-card")["result_state"]["payment_method"].endswith(
        f" ending in {card.number[-4:]}"
    )
    if state.plan.type == "flex":
        bought = actions.pop("buy-credits")["result_state"]["credits"]
        pack = catalogue.credit_packs[0]
        assert bought == {
            "balance": state.credits.balance + pack,
            "total": state.credits.total + pack,
        }
        pro = actions.pop("move-to-pro")["result_state"]
        assert (pro["plan"], pro["tier"], pro["subscription_status"]) == (
            "pro",
            catalogue.tiers[0],
            "active",
        )
    elif state.plan.status == "canceled":
        resumed = actions.pop("resume")["result_state"]
        assert (resumed["subscription_status"], resumed["active_until"]) == ("active", None)
        assert state.plan.active_until is not None
        assert resumed["renews_on"] == state.plan.active_until.isoformat()
    else:
        changed = actions.pop("change-tier")["result_state"]
        assert (changed["tier"], changed["renews_on"]) == (catalogue.tiers[0], entry["renews_on"])
    assert actions == {}


MEMBERSHIP_ACTIONS = ["invite", "resend", "remove-invitation", "change-role", "remove-member"]


def people_after(entry: dict[str, Any]) -> list[tuple[str, str, bool]]:
    return [(m["email"], m["role"], m["pending"]) for m in entry["members"]]


@pytest.mark.parametrize("state_id", MEMBER_STATE_IDS)
def test_membership_actions_change_the_members(manifest: dict[str, Any], state_id: str) -> None:
    """After the billing actions, each Members page action the user's role allows, in the
    page's order, done on the first person it applies to: the result lists the members as
    that action leaves them."""
    entry = entry_of(manifest, state_id)
    people = people_of(FIXTURE_SET.states[state_id])
    me = role_views(state_id)[0][1]
    offered = {action for person in people for action in row_actions(me, person)}
    pending = [p for p in people if p.pending and row_actions(me, p)]
    confirmed = [p for p in people if not p.pending]
    expected = [
        *(["invite"] if MANAGES[me.role] else []),
        *(["resend", "remove-invitation"] if pending else []),
        *(["change-role"] if "Change role" in offered else []),
        *(
            ["remove-member"]
            if "Remove" in {a for p in confirmed for a in row_actions(me, p)}
            else []
        ),
    ]
    actions = {a["id"]: a for a in entry["actions"] if a["id"] in MEMBERSHIP_ACTIONS}
    assert list(actions) == expected
    before = people_after(entry)
    for action_id, action in actions.items():
        after = people_after(action["result_state"])
        assert action["label"]
        if action_id == "invite":
            assert after[:-1] == before
            assert after[-1][0] == "new.teammate@example.com"
            assert after[-1][2]
        elif action_id == "change-role":
            assert [row[0] for row in after] == [row[0] for row in before]
            assert len(set(after) - set(before)) == 1
        elif action_id == "resend":
            assert after == before
        else:
            assert len(after) == len(before) - 1


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_membership_as_tools_read_it(manifest: dict[str, Any], state_id: str) -> None:
    """Who the user is in the workspace, where its Members and Account pages are, and who is
    in it: members first, then pending invitations."""
    entry = entry_of(manifest, state_id)
    state = FIXTURE_SET.states[state_id]
    settings = f"prototype/w/{state_id}/settings/"
    if state_id in SHARED_STATE_IDS:
        assert (entry["viewer_role"], entry["members_url"], entry["account_url"]) == (None,) * 3
    else:
        role = role_views(state_id)[0][1].role
        assert entry["viewer_role"] == role
        assert entry["members_url"] == f"{settings}members/"
        assert entry["account_url"] == f"{settings}account/"
    assert entry["members"] == [
        {"name": p.name, "email": p.email, "role": p.role, "pending": p.pending}
        for p in people_of(state)
    ]


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_workspace_address_group_and_default(manifest: dict[str, Any], state_id: str) -> None:
    entry = entry_of(manifest, state_id)
    workspace = FIXTURE_SET.states[state_id].workspace
    assert entry["unique_url"] == workspace.unique_url
    assert entry["group"] == workspace.group
    assert entry["default"] == (state_id == FIXTURE_SET.default_workspace)
    assert [e["id"] for e in manifest["states"] if e["default"]] == [FIXTURE_SET.default_workspace]
