"""The Workspace roles table of Roles and Permissions, row by row: what each role can and cannot
do, checked on every page that shows it, as every role a reviewer can view a workspace as.

What each row says is written down below as data, from the docs alone. Doing the actions it
names (inviting, managing, picking the model, managing integrations) is in
``test_members_flows.py`` and ``test_settings_flows.py``, marked with the same claims; the
Account page's details and ownership transfer are only looked for here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.expected import (
    FIXTURE_SET,
    MEMBER_STATE_IDS,
    ROLE_NAMES,
    Person,
    home_url,
    people_of,
    role_views,
    row_actions,
    settings_url,
)
from tests.tabs import SharedPage
from tests.ui import switcher

pytestmark = pytest.mark.conformance


@dataclass(frozen=True)
class Row:
    """One row of the roles table, as the docs write it."""

    invites: tuple[str, ...]
    """"Invites people as ...": the roles Add New Member offers."""
    changes_roles: bool
    """The Owner "manages both" Admins and Members; nobody else makes anyone an Admin."""
    hands_over: bool
    """"can hand it over to someone else" (Danger Zone, Transfer ownership)."""
    edits_details: bool
    """"updates the workspace's account details"."""
    picks_model: bool
    """"picks the text interviewer model"."""


TABLE = {
    "owner": Row(
        ("Admin", "Member"),
        changes_roles=True,
        hands_over=True,
        edits_details=True,
        picks_model=True,
    ),
    "admin": Row(
        ("Member",), changes_roles=False, hands_over=False, edits_details=False, picks_model=True
    ),
    "member": Row(
        (), changes_roles=False, hands_over=False, edits_details=False, picks_model=False
    ),
}
"""Each role's row; every role "has access to billing"."""
CLAIMS = {role: f"roles.table.{role}" for role in TABLE}
VIEWS = [
    pytest.param(
        state_id,
        as_role,
        viewer,
        id=f"{state_id}-as-{as_role or 'you'}",
        marks=pytest.mark.claim(CLAIMS[viewer.role]),
    )
    for state_id in MEMBER_STATE_IDS
    for as_role, viewer in role_views(state_id)
]
each_view = pytest.mark.parametrize(("state_id", "as_role", "viewer"), VIEWS)
ACTION = re.compile(r"^(Change role|Resend|Remove)\b")
MEMBER_VIEWS = [
    pytest.param(state_id, marks=pytest.mark.claim(CLAIMS["member"]))
    for state_id in MEMBER_STATE_IDS
    if role_views(state_id)[0][1].role == "member"
]
"""The states where the signed-in user is a Member: their own pages show the Member row."""


def opened(shared_page: SharedPage, url: str) -> Page:
    page = shared_page(url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    return page


@each_view
def test_members_page_offers_what_the_roles_row_says(
    shared_page: SharedPage, state_id: str, as_role: str | None, viewer: Person
) -> None:
    """Invites as the row's roles; manages exactly the people the row names (the Owner Admins
    and Members, an Admin Members, a Member nobody); nobody acts on the Owner, who gives up the
    role only by a transfer; billing is a page of the sidebar."""
    row = TABLE[viewer.role]
    page = opened(shared_page, settings_url(state_id, "members", as_role))
    add = page.get_by_role("button", name="Add New Member", exact=True)
    if row.invites:
        add.click()
        dialog = page.get_by_role("dialog", name="Add New Member")
        radios = dialog.get_by_role("radio")
        expect(radios).to_have_count(len(row.invites))
        for index, label in enumerate(row.invites):
            expect(radios.nth(index)).to_have_accessible_name(label)
        page.keyboard.press("Escape")
        expect(add).to_be_focused()
    else:
        expect(add).to_have_count(0)
    table = page.get_by_role("table")
    for person in people_of(FIXTURE_SET.states[state_id]):
        labels = table.get_by_role("row").filter(has_text=person.email).get_by_role("button")
        shown = [m.group() for m in map(ACTION.match, labels.all_inner_texts()) if m]
        assert shown == row_actions(viewer, person), person.email
        if person.role == "owner" or (person.role == "admin" and viewer.role != "owner"):
            assert shown == [], f"{ROLE_NAMES[viewer.role]} manages {person.email}"
    expect(table.get_by_role("button", name=re.compile("^Change role"))).to_have_count(
        sum(
            1
            for p in people_of(FIXTURE_SET.states[state_id])
            if row.changes_roles and not p.pending and p.role != "owner" and p.email != viewer.email
        )
    )
    expect(page.locator("dialog").get_by_role("radio", name="Owner")).to_have_count(0)
    if not row.changes_roles:
        expect(page.locator("dialog").get_by_role("radio", name="Admin")).to_have_count(
            len([r for r in row.invites if r == "Admin"])
        )
    nav = page.get_by_role("navigation", name="Settings")
    expect(nav.get_by_role("link", name="Plan & Billing", exact=True)).to_be_visible()


@each_view
def test_account_and_model_pages_offer_what_the_roles_row_says(
    shared_page: SharedPage, state_id: str, as_role: str | None, viewer: Person
) -> None:
    """Account details editable and the ownership transfer only for the Owner; the default
    workspace for every member; the model picked by Owners and Admins, read by Members."""
    row = TABLE[viewer.role]
    account = opened(shared_page, settings_url(state_id, "account", as_role))
    details = account.get_by_role("region", name="Workspace details")
    if row.edits_details:
        expect(details.get_by_role("textbox", name="Name", exact=True)).to_be_editable()
    else:
        expect(details.get_by_role("textbox")).to_have_count(0)
        expect(details).to_contain_text("Only the Owner can change these details.")
    transfer = account.get_by_role("button", name="Transfer ownership")
    expect(transfer).to_have_count(1 if row.hands_over else 0)
    expect(account.get_by_role("region", name="Danger Zone")).to_have_count(int(row.hands_over))
    default = account.get_by_role("region", name="Default workspace")
    expect(default.get_by_role("button", name="Make default workspace")).to_be_visible()

    model = opened(shared_page, settings_url(state_id, "model", as_role))
    section = model.get_by_role("region", name="Text interviewer model")
    change = section.get_by_role("button", name="Change model", exact=True)
    expect(change).to_have_count(int(row.picks_model))
    if not row.picks_model:
        expect(section).to_contain_text("Owners and Admins pick the model.")
    nav = model.get_by_role("navigation", name="Settings")
    expect(nav.get_by_role("link", name="Plan & Billing", exact=True)).to_be_visible()


@pytest.mark.parametrize("state_id", MEMBER_VIEWS)
def test_a_member_works_in_the_workspace_sets_the_default_and_manages_integrations(
    ui_page: Page, state_id: str
) -> None:
    """The workspace's home, its default set from the switcher, its integrations' Connect and
    Disconnect (done in test_settings_flows.py), its billing: all a Member's."""
    ui_page.goto(home_url(state_id))
    expect(ui_page.get_by_role("heading", name="Research", level=1)).to_be_visible()
    switcher(ui_page).click()
    panel = ui_page.locator("#workspace-switcher")
    expect(panel.get_by_role("button", name="Make default workspace")).to_be_visible()
    ui_page.keyboard.press("Escape")
    ui_page.goto(settings_url(state_id, "integrations"))
    items = ui_page.locator('[data-section="integrations"] > li')
    expect(items).to_have_count(3)
    for item in items.all():
        expect(
            item.get_by_role("button", name=re.compile("^(Connect|Disconnect) "))
        ).to_be_visible()
    ui_page.goto(settings_url(state_id, "billing"))
    expect(ui_page.get_by_role("heading", name="Plan & Billing", level=1)).to_be_visible()


OWNER_VIEWS = [
    pytest.param(state_id, as_role, id=f"{state_id}-as-{as_role or 'you'}")
    for state_id in MEMBER_STATE_IDS
    for as_role, viewer in role_views(state_id)
    if viewer.role == "owner"
]


@pytest.mark.claim("roles.change.owner-by-transfer")
@pytest.mark.parametrize(("state_id", "as_role"), OWNER_VIEWS)
def test_ownership_moves_only_by_a_transfer(
    shared_page: SharedPage, state_id: str, as_role: str | None
) -> None:
    """The Owner's row offers no role change and no removal on the Members page, and the
    Account page's Danger Zone offers the Owner a transfer: the one way ownership moves."""
    members = shared_page(settings_url(state_id, "members", as_role))
    owner = (
        members.get_by_role("table")
        .locator("tbody tr:not([data-pending])")
        .filter(has=members.locator('[data-field="role"]', has_text=re.compile("^Owner$")))
    )
    expect(owner).to_have_count(1)
    expect(owner.get_by_role("button")).to_have_count(0)
    for radio in members.get_by_role("dialog").get_by_role("radio").all():
        assert radio.get_attribute("value") != "owner"
    account = shared_page(settings_url(state_id, "account", as_role))
    danger = account.get_by_role("region", name="Danger Zone")
    expect(danger.get_by_role("button", name="Transfer ownership")).to_be_visible()
