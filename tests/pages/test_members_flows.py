"""The Members page's ``actions.json``: every row an action leads to, for every viewer, and
transitions that lead where the rules lead.

:mod:`tests.people_rows` does people-flows.js's lookups in Python, so what the browser would
show after any actions is compared with what Python renders for the state they lead to; and
each row's transitions are held to the buttons and dialogs the row shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prototype.pages.build import DOCS_URL
from prototype.pages.flows import macros
from prototype.pages.members_flows import (
    EMAIL_PLACEHOLDER,
    SAMPLE_ADDRESS,
    MembersPage,
    invite_form,
    members_data,
)
from prototype.pages.members_view import members_view, viewers_by_role
from prototype.pages.render import environment, render_pages
from prototype.states.invite_input import ADDRESS, INVITE_MESSAGES
from prototype.states.membership_actions import act_on, invite
from prototype.states.models import Member, WorkspaceState
from tests.expected import FIXTURE_SET, MANAGES, MEMBER_STATE_IDS
from tests.people_rows import Row, add, moves, shown, start, step
from tests.site_html import parse_html

USER, TODAY = FIXTURE_SET.user, FIXTURE_SET.today
PARTS = macros(environment(), "settings/members_parts.html")
BUDGET = 60_000
"""Bytes of one view's actions.json, fetched only when an action is done."""
VIEWS = [
    pytest.param(state_id, viewer, id=f"{state_id}-as-{role}")
    for state_id in MEMBER_STATE_IDS
    for role, viewer in viewers_by_role(FIXTURE_SET.states[state_id], USER).items()
]
each_view = pytest.mark.parametrize(("state_id", "viewer"), VIEWS)


def page_of(viewer: Member) -> MembersPage:
    return MembersPage(
        USER,
        viewer,
        TODAY,
        lambda row: PARTS("person_row", row),
        lambda row: PARTS("person_dialogs", row),
    )


def data_of(state: WorkspaceState, viewer: Member) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(json.dumps(members_data(page_of(viewer), state)))
    return parsed


def rendered(state: WorkspaceState, viewer: Member) -> tuple[str, str]:
    """The rows and their dialogs as Python renders the Members page of ``state``."""
    rows = members_view(state, USER, viewer).rows
    return (
        "".join(PARTS("person_row", row) for row in rows),
        "".join(PARTS("person_dialogs", row) for row in rows),
    )


def python_step(
    state: WorkspaceState, viewer: Member, key: str, action: str, choice: str
) -> WorkspaceState:
    """The rules' own action on the row ``key``."""
    email = next(r.email for r in members_view(state, USER, viewer).rows if r.key == key)
    return act_on(state, USER, viewer, action, email, choice, TODAY)


def walks(
    data: dict[str, Any], state: WorkspaceState, viewer: Member, rows: list[Row], depth: int
) -> Iterator[tuple[list[Row], WorkspaceState, str, str]]:
    """Every sequence of up to ``depth`` actions (an invitation among them): the browser's
    rows, the rules' state, what the browser and what Python announce."""
    for key, action, choice in moves(data, rows):
        after, said = step(data, rows, key, action, choice)
        state_after = python_step(state, viewer, key, action, choice)
        yield after, state_after, said, action
        if depth > 1:
            yield from walks(data, state_after, viewer, after, depth - 1)
    for role in data["add"].get("invite", {}):
        typed = f"new.{role}.{len(rows)}@Example.org"
        after, said = add(data, rows, "invite", role, typed)
        yield after, invite(state, USER, viewer, typed, role, TODAY), said, "invite"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return dict(render_pages(FIXTURE_SET, DOCS_URL))


@each_view
def test_the_fixture_rows_are_the_pages_rows(
    pages: dict[str, str], state_id: str, viewer: Member
) -> None:
    state = FIXTURE_SET.states[state_id]
    data = data_of(state, viewer)
    rows, dialogs = shown(data, start(data))
    assert (rows, dialogs) == rendered(state, viewer)
    me = viewers_by_role(state, USER)[viewer.role] == viewer and viewer.email == USER.email
    page = pages[f"w/{state_id}/settings/members/{'' if me else f'as-{viewer.role}/'}index.html"]
    variants = [data["variants"][row["v"]] for row in start(data)]
    assert [v["key"] for v in variants if v["row"] not in page or v["dialogs"] not in page] == []


@each_view
def test_every_two_actions_lead_where_the_rules_lead(state_id: str, viewer: Member) -> None:
    """Each action on each row with each choice, and an invitation as each role, then each
    again: the browser's lookup shows exactly what Python renders for where the rules lead."""
    state = FIXTURE_SET.states[state_id]
    data = data_of(state, viewer)
    done = set()
    for rows, after, _, action in walks(data, state, viewer, start(data), 2):
        assert shown(data, rows) == rendered(after, viewer)
        done.add(action)
    everyone = {"resend", "remove-invitation", "change-role", "remove-member", "invite"}
    expected = {"owner": everyone, "admin": everyone - {"change-role"}, "member": set()}
    assert done <= expected[viewer.role]
    assert viewer.role == "member" or "invite" in done


def forms_of(dialogs: str) -> dict[str, set[str]]:
    """Each form's action in a row's dialogs, with the choices its radios offer."""
    found: dict[str, set[str]] = {}
    for form in (e for e in parse_html(dialogs).iter() if e.tag == "form"):
        radios = [e.attrs["value"] for e in form.iter() if e.attrs.get("name") == "choice"]
        found[form.attrs["data-action"]] = set(radios or [""])
    return found


@each_view
def test_each_rows_transitions_are_its_dialogs(state_id: str, viewer: Member) -> None:
    """A row's dialogs offer exactly the actions and choices that lead somewhere: nothing the
    rules refuse is offered, and nothing they allow is missing. Each button opens one."""
    data = data_of(FIXTURE_SET.states[state_id], viewer)
    for variant in data["variants"].values():
        offered = forms_of(variant["dialogs"])
        assert offered == {a: set(c) for a, c in variant["actions"].items()}, variant["key"]
        opens = [
            e.attrs["data-dialog"]
            for e in parse_html(variant["row"]).iter()
            if "data-dialog" in e.attrs
        ]
        ids = [e.attrs["id"] for e in parse_html(variant["dialogs"]).iter() if e.tag == "dialog"]
        assert opens == ids


@each_view
def test_invitations_are_offered_as_the_roles_the_viewer_manages(
    state_id: str, viewer: Member
) -> None:
    data = data_of(FIXTURE_SET.states[state_id], viewer)
    roles = sorted(MANAGES[viewer.role])
    assert sorted(data["add"].get("invite", {})) == roles
    for move in data["add"].get("invite", {}).values():
        template = data["variants"][move["to"]]
        assert EMAIL_PLACEHOLDER in move["done"]
        assert SAMPLE_ADDRESS not in json.dumps(template)
        assert template["taken"] == {"as": "invited"}
        assert "<bdi data-fill></bdi>" in template["row"]


def test_the_invite_form_rules_are_invite_inputs() -> None:
    form = invite_form()
    assert (form["address"], form["messages"]) == (ADDRESS, INVITE_MESSAGES)


@each_view
def test_actions_json_is_small(state_id: str, viewer: Member) -> None:
    data = data_of(FIXTURE_SET.states[state_id], viewer)
    assert len(json.dumps(data, ensure_ascii=False).encode()) < BUDGET


OWNER_VIEW = ("pro-tier-renewing", viewers_by_role(FIXTURE_SET.states["pro-tier-renewing"], USER))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_sequences_with_generated_addresses_render_as_python_renders(
    data: st.DataObject,
) -> None:
    """Up to six actions drawn from what the rows offer, invitations to generated addresses
    among them: after each, the browser's lookup shows what Python renders."""
    state_id = data.draw(st.sampled_from(MEMBER_STATE_IDS), label="state")
    state = FIXTURE_SET.states[state_id]
    viewer = data.draw(st.sampled_from(list(viewers_by_role(state, USER).values())))
    flows = data_of(state, viewer)
    rows = start(flows)
    for _ in range(6):
        offered = moves(flows, rows) + [("", "invite", r) for r in flows["add"].get("invite", {})]
        if not offered:
            break
        key, action, choice = data.draw(st.sampled_from(offered), label="move")
        if action == "invite":
            typed = data.draw(st.from_regex(ADDRESS, fullmatch=True), label="address")
            try:
                state = invite(state, USER, viewer, typed, choice, TODAY)
            except Exception:
                continue  # taken or too long: the form says so (tests/states)
            rows, _ = add(flows, rows, action, choice, typed)
        else:
            rows, _ = step(flows, rows, key, action, choice)
            state = python_step(state, viewer, key, action, choice)
        assert shown(flows, rows) == rendered(state, viewer)
