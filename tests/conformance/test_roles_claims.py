"""Doc claims of Roles and Permissions, and of who sees workspace pages, checked in the browser
on every state and every role a reviewer can view a workspace as.

The expected rows and buttons are worked out from the docs' rules in ``tests/expected.py``,
without the app's code.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from prototype.states.fixtures import FixtureSet
from tests.expected import (
    FIXTURE_SET,
    MANAGES,
    MEMBER_STATE_IDS,
    ROLE_NAMES,
    SHARED_STATE_IDS,
    Person,
    billing_url,
    home_url,
    members_url,
    people_of,
    role_views,
    row_actions,
)
from tests.tabs import SharedPage
from tests.ui import open_workspace_list

pytestmark = pytest.mark.conformance

ROLE_VIEWS = [
    pytest.param(state_id, as_role, viewer, id=f"{state_id}-as-{as_role or 'you'}")
    for state_id in MEMBER_STATE_IDS
    for as_role, viewer in role_views(state_id)
]
"""Every Members page a reviewer can open: each state, as the user and as each other role."""
each_role_view = pytest.mark.parametrize(("state_id", "as_role", "viewer"), ROLE_VIEWS)
WITH_INVITATIONS = [s for s in MEMBER_STATE_IDS if FIXTURE_SET.states[s].invitations]
WORKSPACE_PAGES = ["integrations", "members", "billing", "model", "account"]
ACTION = re.compile(r"^(Change role|Resend|Remove)\b")
"""A row button's visible label, before the words only screen readers hear."""


def table(page: Page) -> Locator:
    return page.get_by_role("table")


def row_of(page: Page, person: Person) -> Locator:
    """The Members table's row for one person, found by their email address."""
    return table(page).get_by_role("row").filter(has_text=person.email)


def open_members(shared_page: SharedPage, state_id: str, as_role: str | None) -> Page:
    page = shared_page(members_url(state_id, as_role))
    expect(page.get_by_role("heading", name="Members", level=1)).to_be_visible()
    return page


@pytest.mark.claim("roles.members-page")
@pytest.mark.claim("roles.three-roles")
@each_role_view
def test_members_page_lists_who_belongs_with_their_roles(
    shared_page: SharedPage, state_id: str, as_role: str | None, viewer: Person
) -> None:
    page = open_members(shared_page, state_id, as_role)
    people = people_of(FIXTURE_SET.states[state_id])
    rows = table(page).get_by_role("row")
    expect(rows).to_have_count(len(people) + 1)
    for person in people:
        expect(row_of(page, person).locator('[data-field="role"]')).to_have_text(
            ROLE_NAMES[person.role]
        )
        if person.name:
            expect(row_of(page, person)).to_contain_text(person.name)
    roles = page.locator('[data-section="members"] [data-field="role"]')
    assert set(roles.all_inner_texts()) <= set(ROLE_NAMES.values())
    confirmed = table(page).locator("tbody tr:not([data-pending])")
    expect(confirmed.filter(has_text=re.compile(r"\bOwner\b"))).to_have_count(1)


@pytest.mark.claim("roles.pending-listed")
@pytest.mark.claim("roles.invite.pending")
@pytest.mark.parametrize("state_id", WITH_INVITATIONS)
def test_pending_invitations_are_listed_as_pending(shared_page: SharedPage, state_id: str) -> None:
    page = open_members(shared_page, state_id, None)
    for person in people_of(FIXTURE_SET.states[state_id]):
        pending = row_of(page, person).locator('[data-field="pending"]')
        expect(pending).to_have_count(1 if person.pending else 0)
        if person.pending:
            expect(pending).to_have_text("Pending")


@pytest.mark.claim("roles.depends-on-role")
@pytest.mark.claim("roles.remove.by-role")
@pytest.mark.claim("roles.remove.admin-example")
@pytest.mark.claim("roles.change.owner-moves")
@pytest.mark.claim("roles.change.not-the-owner")
@pytest.mark.claim("roles.pending-row")
@pytest.mark.claim("roles.invite.resend-or-remove")
@each_role_view
def test_each_row_offers_what_the_viewers_role_allows(
    shared_page: SharedPage, state_id: str, as_role: str | None, viewer: Person
) -> None:
    """Only the actions the role has are offered: none is shown and then refused."""
    page = open_members(shared_page, state_id, as_role)
    expect(page.locator("[data-view-as]")).to_contain_text(
        f"Viewing as {viewer.name}, {ROLE_NAMES[viewer.role]}"
    )
    for person in people_of(FIXTURE_SET.states[state_id]):
        labels = row_of(page, person).get_by_role("button").all_inner_texts()
        shown = [found.group() for found in map(ACTION.match, labels) if found]
        assert len(shown) == len(labels), labels
        assert shown == row_actions(viewer, person), person.email


@pytest.mark.claim("roles.change.owner-moves")
@pytest.mark.claim("roles.change.not-the-owner")
@pytest.mark.claim("roles.platform-admin")
@each_role_view
def test_role_changes_move_between_admin_and_member_only(
    ui_page: Page, state_id: str, as_role: str | None, viewer: Person
) -> None:
    ui_page.goto(members_url(state_id, as_role))
    for person in people_of(FIXTURE_SET.states[state_id]):
        if "Change role" not in row_actions(viewer, person):
            continue
        row_of(ui_page, person).get_by_role("button", name=re.compile("^Change role")).click()
        dialog = ui_page.get_by_role("dialog", name="Change role")
        expect(dialog.get_by_role("radio")).to_have_count(1)
        other = {"admin": "Member", "member": "Admin"}[person.role]
        expect(dialog.get_by_role("radio", name=other)).to_be_visible()
        dialog.get_by_role("button", name="Cancel").click()
        expect(dialog).to_be_hidden()


@pytest.mark.claim("roles.invite.button")
@pytest.mark.claim("roles.invite.roles")
@pytest.mark.claim("roles.invite.one-email")
@pytest.mark.claim("roles.platform-admin")
@each_role_view
def test_add_new_member_offers_the_roles_the_viewer_may_invite(
    ui_page: Page, state_id: str, as_role: str | None, viewer: Person
) -> None:
    ui_page.goto(members_url(state_id, as_role))
    button = ui_page.get_by_role("button", name="Add New Member", exact=True)
    invitable = [ROLE_NAMES[role] for role in ROLE_NAMES if role in MANAGES[viewer.role]]
    if not invitable:
        expect(button).to_have_count(0)
        return
    button.click()
    dialog = ui_page.get_by_role("dialog", name="Add New Member")
    expect(dialog.get_by_role("textbox")).to_have_count(1)
    field = dialog.get_by_role("textbox", name="Email address")
    expect(field).to_have_attribute("inputmode", "email")
    expect(dialog.get_by_role("radio")).to_have_count(len(invitable))
    for label in invitable:
        expect(dialog.get_by_role("radio", name=label, exact=True)).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()


@pytest.mark.claim("roles.path")
@pytest.mark.parametrize("state_id", MEMBER_STATE_IDS)
def test_documented_path_leads_to_members(
    ui_page: Page, fixture_set: FixtureSet, state_id: str
) -> None:
    ui_page.goto(home_url(state_id))
    ui_page.get_by_role("button", name=re.compile("Workspace switcher$")).click()
    ui_page.locator("#workspace-switcher").get_by_role("link", name="Manage workspace").click()
    nav = ui_page.get_by_role("navigation", name="Settings")
    nav.get_by_role("link", name="Members", exact=True).click()
    expect(ui_page).to_have_url(re.compile(re.escape(members_url(state_id)) + "$"))
    expect(ui_page.get_by_role("heading", name="Members", level=1)).to_be_visible()
    name = fixture_set.states[state_id].workspace.name
    expect(ui_page.get_by_role("main")).to_contain_text(name)


@pytest.mark.claim("settings.sidebar.access")
@pytest.mark.claim("billing.members-see-it")
@pytest.mark.parametrize("state_id", MEMBER_STATE_IDS)
def test_members_of_any_role_see_the_workspace_pages(
    shared_page: SharedPage, state_id: str
) -> None:
    nav = shared_page(billing_url(state_id)).get_by_role("navigation", name="Settings")
    expect(nav.get_by_role("list", name="Workspace")).to_be_visible()
    expect(nav.get_by_role("link", name="Plan & Billing")).to_have_attribute("aria-current", "page")


@pytest.mark.claim("settings.sidebar.access")
@pytest.mark.claim("billing.members-see-it")
@pytest.mark.parametrize("state_id", SHARED_STATE_IDS)
@pytest.mark.parametrize("slug", WORKSPACE_PAGES)
def test_a_workspace_only_shared_shows_no_workspace_pages(
    ui_page: Page, fixture_set: FixtureSet, state_id: str, slug: str
) -> None:
    """Not a member: the sidebar has the user-level pages only, and a workspace page's URL says
    why it shows nothing of the workspace."""
    ui_page.goto(f"{home_url(state_id)}settings/{slug}/")
    nav = ui_page.get_by_role("navigation", name="Settings")
    expect(nav.get_by_role("heading")).to_have_text(["User"])
    expect(nav.get_by_role("list", name="Workspace")).to_have_count(0)
    main = ui_page.get_by_role("main")
    name = fixture_set.states[state_id].workspace.name
    expect(main).to_contain_text(f"You are not a member of {name}")
    expect(main.get_by_role("table")).to_have_count(0)
    expect(main.get_by_role("region")).to_have_count(0)


@pytest.mark.parametrize("state_id", SHARED_STATE_IDS)
def test_a_workspace_only_shared_is_listed_under_shared_with_me(
    ui_page: Page, fixture_set: FixtureSet, state_id: str
) -> None:
    ui_page.goto(home_url(MEMBER_STATE_IDS[0]))
    shared = open_workspace_list(ui_page).get_by_role("list", name="Shared with Me")
    name = fixture_set.states[state_id].workspace.name
    expect(shared.get_by_role("link", name=name, exact=True)).to_be_visible()


def test_view_as_links_switch_the_viewer(ui_page: Page) -> None:
    """The prototype bar's View as links open the same workspace's Members page as each role."""
    state_id = next(s for s in MEMBER_STATE_IDS if len(role_views(s)) == len(ROLE_NAMES))
    ui_page.goto(members_url(state_id))
    for as_role, viewer in role_views(state_id)[1:]:
        bar = ui_page.locator("[data-view-as]")
        bar.get_by_role("link", name=ROLE_NAMES[str(as_role)], exact=True).click()
        expect(ui_page).to_have_url(re.compile(re.escape(members_url(state_id, as_role)) + "$"))
        expect(ui_page.locator("[data-view-as]")).to_contain_text(f"Viewing as {viewer.name}")
    ui_page.locator("[data-view-as]").get_by_role("link", name=re.compile(r"\(you\)")).click()
    expect(ui_page).to_have_url(re.compile(re.escape(members_url(state_id)) + "$"))
