"""Doc claims of Roles and Permissions checked by doing each Members page action: invite,
resend and remove an invitation, change a role, remove a member.

On every state and every role a reviewer can view its Members page as, each action that view
offers is done on the first row offering it. The table must then read as Python renders the
state the rules lead to, every row offering exactly what the docs let the viewer do to that
person (an action a role lacks is never offered), the live region saying what was done. Then
**Reset** brings the fixture's rows back, in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypedDict

import pytest
from playwright.sync_api import Page, expect

from prototype.pages.members_view import members_view
from prototype.states.invite_input import INVITE_MESSAGES
from tests.expected import FIXTURE_SET, MEMBER_STATE_IDS, people_of, row_actions, shown_date
from tests.flows_ui import status
from tests.people_ui import (
    INVITEE,
    READ_ROWS,
    USER,
    PeopleCase,
    do_by_mouse,
    expected_rows,
    membership_cases,
    part,
    reset,
    text_of,
)
from tests.tabs import SharedPage

pytestmark = pytest.mark.conformance

ACTION_CLAIMS = {
    "invite": [
        "roles.members-page",
        "roles.invite.button",
        "roles.invite.one-email",
        "roles.invite.roles",
        "roles.invite.pending",
        "roles.pending-listed",
        "settings.areas.roles",
    ],
    "resend": ["roles.members-page", "roles.invite.resend-or-remove", "roles.pending-row"],
    "remove-invitation": ["roles.invite.resend-or-remove", "roles.pending-row"],
    "change-role": [
        "roles.members-page",
        "roles.change.owner-moves",
        "roles.change.not-the-owner",
        "settings.areas.roles",
    ],
    "remove-member": ["roles.members-page", "roles.remove.by-role", "settings.areas.roles"],
}
"""The claims each action makes good by completing."""
ROLE_CLAIMS = {"owner": "roles.table.owner", "admin": "roles.table.admin"}
"""The role table's row of the viewer: what it says the role does, done."""
ACTION = re.compile(r"^(Change role|Resend|Remove)\b")
FOCUSED = {"invite": "add-member", "remove-invitation": "Members table"}


class Shown(TypedDict):
    rows: str
    buttons: list[tuple[str, list[str]]]
    focused: str
    reset: bool
    kept: int


def cases() -> Iterator[Any]:
    for state_id in MEMBER_STATE_IDS:
        for case in membership_cases(state_id):
            claims = [*ACTION_CLAIMS[case.action], ROLE_CLAIMS[case.viewer.role]]
            if case.viewer.role == "admin" and case.action == "remove-member":
                claims.append("roles.remove.admin-example")
            yield pytest.param(
                case, id=case.id, marks=[pytest.mark.claim(claim) for claim in claims]
            )


def focus_after(case: PeopleCase) -> str:
    """Where the focus is once done: the opener, or the button in its place, or the table."""
    if case.action.startswith("remove"):
        return "Members table"
    return FOCUSED.get(case.action, case.key)


def offered(shown: Shown) -> dict[str, list[str]]:
    """Each row's buttons by the words sighted users read."""
    found = {}
    for key, labels in shown["buttons"]:
        matches = [ACTION.match(label) for label in labels]
        assert all(matches), labels
        found[key] = [match.group() for match in matches if match]
    return found


def allowed(case: PeopleCase, after: Any) -> dict[str, list[str]]:
    """Each row's buttons by the docs' rules, for the people of the state after the action."""
    viewer = next(p for p in people_of(after) if p.email == case.viewer.email)
    keys = {row.email: row.key for row in members_view(after, USER, case.viewer).rows}
    return {keys[p.email]: row_actions(viewer, p) for p in people_of(after)}


def refuses_a_list_of_addresses(page: Page) -> None:
    """Each invitation is for a single email address: two are refused beside the field."""
    page.get_by_role("button", name="Add New Member", exact=True).click()
    dialog = page.get_by_role("dialog", name="Add New Member")
    field = dialog.get_by_role("textbox", name="Email address")
    field.fill("ana@example.com, bo@example.com")
    dialog.get_by_role("button", name="Send invitation", exact=True).click()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(re.compile(INVITE_MESSAGES["several"]))
    expect(field).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


@pytest.mark.parametrize("case", list(cases()))
def test_membership_action_completes(shared_page: SharedPage, case: PeopleCase) -> None:
    page = shared_page(case.url)
    html, said, after = expected_rows(case)
    if case.action == "invite":
        refuses_a_list_of_addresses(page)

    do_by_mouse(page, case)

    expect(status(page)).to_have_text(said)
    shown: Shown = page.evaluate(READ_ROWS)
    assert shown["rows"] == text_of(html)
    assert offered(shown) == allowed(case, after)
    assert (shown["focused"], shown["reset"], shown["kept"]) == (focus_after(case), True, 1)
    if case.action == "invite":
        row = page.locator("[data-people-rows] tr").last
        expect(row.locator('[data-field="pending"]')).to_have_text("Pending")
        expect(row).to_contain_text(f"{INVITEE}Invited {shown_date(FIXTURE_SET.today)}")

    reset(page)
    undone: Shown = page.evaluate(READ_ROWS)
    rows = members_view(case.state, USER, case.viewer).rows
    fixture = "".join(part("settings/members_parts.html", "person_row", row) for row in rows)
    assert (undone["rows"], undone["kept"]) == (text_of(fixture), 0)
