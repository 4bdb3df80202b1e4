"""Doc claims of the Settings overview and of Workspaces and Account Settings, checked in the
browser on every state (and role) they concern."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from prototype.states.fixtures import FixtureSet
from tests.expected import (
    FIXTURE_SET,
    MEMBER_STATE_IDS,
    ROLE_NAMES,
    SHARED_STATE_IDS,
    STATE_IDS,
    billing_url,
    each_member_state,
    home_url,
    role_views,
    settings_url,
    shown_date,
)
from tests.tabs import SharedPage
from tests.ui import SWITCHER_GROUPS, open_workspace_list, switcher

pytestmark = pytest.mark.conformance
ACCOUNT_VIEWS = [
    pytest.param(state_id, as_role, viewer.role, id=f"{state_id}-as-{as_role or 'you'}")
    for state_id in MEMBER_STATE_IDS
    for as_role, viewer in role_views(state_id)
]
each_account_view = pytest.mark.parametrize(("state_id", "as_role", "role"), ACCOUNT_VIEWS)
DETAIL_FIELDS = ["Name", "Unique URL", "Description", "Website", "Team size"]
INTEGRATIONS = ["Slack", "HubSpot", "Gmail"]


def main_of(page: Page) -> Page:
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    return page


@pytest.mark.claim("settings.intro.what")
@each_member_state
def test_settings_holds_the_profile_and_the_current_workspace(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    page = shared_page(billing_url(state_id))
    nav = page.get_by_role("navigation", name="Settings")
    expect(nav.get_by_role("list", name="User").get_by_role("link", name="Profile")).to_be_visible()
    workspace = nav.get_by_role("list", name="Workspace").get_by_role("link")
    for link in workspace.all():
        expect(link).to_have_attribute("href", re.compile(f"w/{state_id}/settings/"))
    name = fixture_set.states[state_id].workspace.name
    expect(page.get_by_role("banner")).to_contain_text(name)


@pytest.mark.claim("settings.intro.open")
@pytest.mark.parametrize("state_id", STATE_IDS)
def test_manage_workspace_opens_settings(
    ui_page: Page, fixture_set: FixtureSet, state_id: str
) -> None:
    ui_page.goto(home_url(state_id))
    switcher(ui_page).click()
    ui_page.locator("#workspace-switcher").get_by_role("link", name="Manage workspace").click()
    expect(ui_page).to_have_url(re.compile(re.escape(f"{home_url(state_id)}settings/")))
    nav = ui_page.get_by_role("navigation", name="Settings")
    expect(nav).to_be_visible()
    name = fixture_set.states[state_id].workspace.name
    expect(ui_page.get_by_role("link", name=f"Back to {name}")).to_be_visible()


@pytest.mark.claim("settings.intro.profile-menu")
@pytest.mark.parametrize(("item", "heading"), [("Edit your profile", "Profile"), ("MCP", "MCP")])
def test_profile_menu_goes_straight_to_profile_and_mcp(
    ui_page: Page, item: str, heading: str
) -> None:
    state_id = MEMBER_STATE_IDS[0]
    ui_page.goto(home_url(state_id))
    profile = ui_page.get_by_role("button", name=FIXTURE_SET.user.name, exact=True)
    box = profile.bounding_box()
    sidebar = ui_page.get_by_role("complementary", name="Sidebar").bounding_box()
    assert box is not None
    assert sidebar is not None
    assert box["y"] + box["height"] > sidebar["y"] + sidebar["height"] * 0.75, "not at the bottom"
    profile.click()
    ui_page.get_by_role("link", name=item, exact=True).click()
    expect(ui_page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(ui_page).to_have_url(re.compile(f"settings/{heading.lower()}/$"))


@pytest.mark.claim("settings.areas.profile")
def test_profile_setup_shows_avatar_name_context_and_onboarding_emails(
    shared_page: SharedPage,
) -> None:
    user = FIXTURE_SET.user
    page = main_of(shared_page(settings_url(MEMBER_STATE_IDS[0], "profile")))
    section = page.get_by_role("region", name="Profile Setup")
    expect(section.get_by_role("img", name=f"Avatar: {user.name}")).to_be_visible()
    expect(section).to_contain_text(user.name)
    expect(section).to_contain_text(f"Personalization context{user.personalization or 'None yet'}")
    expect(section).to_contain_text(f"Onboarding emails{'On' if user.onboarding_emails else 'Off'}")


@pytest.mark.claim("settings.areas.mcp")
def test_mcp_lists_the_keys_for_ai_assistants(shared_page: SharedPage) -> None:
    page = main_of(shared_page(settings_url(MEMBER_STATE_IDS[0], "mcp")))
    keys = page.get_by_role("region", name="Keys").get_by_role("listitem")
    expect(keys).to_have_count(len(FIXTURE_SET.user.mcp_keys))
    for item, key in zip(keys.all(), FIXTURE_SET.user.mcp_keys, strict=True):
        expect(item).to_contain_text(f"{key.name} ending in {key.last4}")
        expect(item).to_contain_text(shown_date(key.created_on))
    expect(page.get_by_role("main")).to_contain_text("AI assistants")


@pytest.mark.claim("settings.areas.connected-apps")
def test_connected_apps_are_listed_to_review(shared_page: SharedPage) -> None:
    page = main_of(shared_page(settings_url(MEMBER_STATE_IDS[0], "connected-apps")))
    apps = page.get_by_role("region", name="OAuth apps connected to your account")
    items = apps.get_by_role("listitem")
    expect(items).to_have_count(len(FIXTURE_SET.user.connected_apps))
    for item, app in zip(items.all(), FIXTURE_SET.user.connected_apps, strict=True):
        expect(item).to_contain_text(f"{app.name} connected {shown_date(app.connected_on)}")
        expect(item.get_by_role("button", name=f"Revoke {app.name}")).to_be_visible()


@pytest.mark.claim("settings.areas.integrations")
@each_member_state
def test_integrations_are_slack_hubspot_and_gmail(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    page = main_of(shared_page(settings_url(state_id, "integrations")))
    connected = fixture_set.states[state_id].workspace.integrations
    rows = page.locator('[data-section="integrations"] > li')
    expect(rows.locator("strong")).to_have_text(INTEGRATIONS)
    for row, key in zip(rows.all(), ["slack", "hubspot", "gmail"], strict=True):
        expect(row).to_contain_text("Connected" if key in connected else "Not connected")
    expect(page.get_by_role("main")).to_contain_text("automations and notifications")


@pytest.mark.claim("settings.areas.model")
@each_member_state
def test_model_page_shows_the_workspaces_interviewer_model(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    page = main_of(shared_page(settings_url(state_id, "model")))
    section = page.get_by_role("region", name="Text interviewer model")
    workspace = fixture_set.states[state_id].workspace
    expect(section).to_contain_text(workspace.name)
    expect(section.locator('[data-field="model"]')).to_have_text(
        workspace.interviewer_model or fixture_set.catalogue.interviewer_models[0]
    )


@pytest.mark.claim("settings.areas.workspaces")
@pytest.mark.claim("workspaces.transfer.place")
@pytest.mark.claim("workspaces.transfer.owner-only")
@each_account_view
def test_account_page_by_role(
    shared_page: SharedPage, state_id: str, as_role: str | None, role: str
) -> None:
    """Details, the default workspace and, for the Owner only, the Danger Zone's transfer."""
    page = main_of(shared_page(settings_url(state_id, "account", as_role)))
    expect(page.locator("[data-view-as]")).to_contain_text(ROLE_NAMES[role])
    details = page.get_by_role("region", name="Workspace details")
    default = page.get_by_role("region", name="Default workspace")
    expect(default.get_by_role("button", name="Make default workspace")).to_be_visible()
    danger = page.get_by_role("region", name="Danger Zone")
    if role == "owner":
        for label in DETAIL_FIELDS:
            expect(details.get_by_label(label, exact=True)).to_be_editable()
        expect(danger.get_by_role("button", name="Transfer ownership")).to_be_visible()
    else:
        expect(details.get_by_role("textbox")).to_have_count(0)
        expect(details).to_contain_text("Only the Owner can change these details.")
        expect(danger).to_have_count(0)
        expect(page.get_by_role("button", name="Transfer ownership")).to_have_count(0)


@pytest.mark.claim("settings.areas.workspaces")
@pytest.mark.parametrize("state_id", MEMBER_STATE_IDS[:1])
def test_switcher_offers_switching_adding_and_the_default(ui_page: Page, state_id: str) -> None:
    ui_page.goto(home_url(state_id))
    panel = open_workspace_list(ui_page)
    expect(panel.get_by_role("button", name="Add workspace")).to_be_visible()
    expect(panel.get_by_role("button", name="Make default workspace")).to_be_visible()


@pytest.mark.claim("workspaces.transfer.email")
@pytest.mark.parametrize(
    "state_id", [s for s in MEMBER_STATE_IDS if role_views(s)[0][1].role == "owner"]
)
def test_transfer_starts_with_the_new_owners_email(ui_page: Page, state_id: str) -> None:
    ui_page.goto(settings_url(state_id, "account"))
    ui_page.get_by_role("button", name="Transfer ownership").click()
    dialog = ui_page.get_by_role("dialog", name="Transfer ownership")
    fields = dialog.get_by_role("textbox")
    expect(fields).to_have_count(1)
    expect(dialog.get_by_label("New owner's email address")).to_have_attribute("type", "email")
    expect(dialog.get_by_label("New owner's email address")).to_be_focused()
    ui_page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


@pytest.mark.claim("workspaces.what")
@each_member_state
def test_a_workspace_keeps_research_integrations_billing_and_team(
    shared_page: SharedPage, state_id: str
) -> None:
    nav = shared_page(billing_url(state_id)).get_by_role("navigation", name="Settings")
    workspace = nav.get_by_role("list", name="Workspace")
    for label in ("Integrations", "Plan & Billing", "Members"):
        expect(workspace.get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(nav.page.get_by_role("link", name=re.compile("^Back to "))).to_have_attribute(
        "href", re.compile(f"w/{state_id}/$")
    )


@pytest.mark.claim("workspaces.settings-follow-the-sidebar")
@pytest.mark.parametrize("slug", ["integrations", "members", "billing", "model", "account"])
def test_workspace_pages_act_on_the_sidebars_workspace(
    shared_page: SharedPage, fixture_set: FixtureSet, slug: str
) -> None:
    for state_id in MEMBER_STATE_IDS:
        page = main_of(shared_page(settings_url(state_id, slug)))
        name = fixture_set.states[state_id].workspace.name
        expect(page.get_by_role("link", name=f"Back to {name}", exact=True)).to_be_visible()


@pytest.mark.claim("workspaces.groups")
def test_switcher_groups_my_workspaces_and_shared_with_me(
    ui_page: Page, fixture_set: FixtureSet
) -> None:
    ui_page.goto(home_url(MEMBER_STATE_IDS[0]))
    panel = open_workspace_list(ui_page)
    expect(panel.get_by_role("heading")).to_have_text(list(SWITCHER_GROUPS.values()))
    for group, state_ids in [
        ("my_workspaces", MEMBER_STATE_IDS),
        ("shared_with_me", SHARED_STATE_IDS),
    ]:
        listed = panel.get_by_role("list", name=SWITCHER_GROUPS[group]).get_by_role("link")
        names = [fixture_set.states[s].workspace.name for s in state_ids]
        expect(listed).to_have_count(len(names))
        for name in names:
            expect(listed.filter(has_text=name).first).to_be_visible()


@pytest.mark.claim("settings.areas.roles")
def test_roles_area_is_the_members_page(ui_page: Page) -> None:
    """The roles, and inviting, changing a role and removing: on the Members page, as the Owner."""
    state_id = next(
        s
        for s in MEMBER_STATE_IDS
        if role_views(s)[0][1].role == "owner" and FIXTURE_SET.states[s].members
    )
    ui_page.goto(settings_url(state_id, "members"))
    expect(ui_page.get_by_role("button", name="Add New Member", exact=True)).to_be_visible()
    table = ui_page.get_by_role("table")
    expect(table.get_by_role("columnheader", name="Role")).to_be_visible()
    expect(table.get_by_role("button", name=re.compile("^Change role")).first).to_be_visible()
    expect(table.get_by_role("button", name=re.compile("^Remove")).first).to_be_visible()


@pytest.mark.claim("settings.areas.billing")
@each_member_state
def test_billing_area_is_plan_credits_payment_and_invoices(
    shared_page: SharedPage, state_id: str
) -> None:
    page = shared_page(billing_url(state_id))
    for heading in ("Current Plan", "Available Credits", "Payment Method", "Invoices"):
        expect(page.get_by_role("region", name=heading, exact=True)).to_be_visible()
