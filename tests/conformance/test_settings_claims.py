"""Doc claims of the Settings overview about the Settings sidebar, checked on every state."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from prototype.states.fixtures import FixtureSet
from tests.expected import MEMBER_STATE_IDS, billing_url, each_member_state, home_url
from tests.tabs import SharedPage
from tests.ui import switcher

pytestmark = pytest.mark.conformance
USER_LEVEL = ["Profile", "MCP", "Connected Apps"]
WORKSPACE_LEVEL = ["Integrations", "Members", "Plan & Billing", "Model", "Account"]


@pytest.mark.claim("settings.sidebar.groups")
@each_member_state
def test_settings_has_its_own_sidebar_in_two_groups(shared_page: SharedPage, state_id: str) -> None:
    page = shared_page(billing_url(state_id))
    nav = page.get_by_role("navigation", name="Settings")
    expect(nav.get_by_role("heading")).to_have_text(["User", "Workspace"])
    expect(nav.get_by_role("list")).to_have_count(2)
    expect(switcher(page)).to_have_count(0)


@pytest.mark.claim("settings.sidebar.user-level")
@each_member_state
def test_user_level_pages_are_the_same_in_every_workspace(
    shared_page: SharedPage, state_id: str
) -> None:
    nav = shared_page(billing_url(state_id)).get_by_role("navigation", name="Settings")
    expect(nav.get_by_role("list", name="User").get_by_role("link")).to_have_text(USER_LEVEL)


@pytest.mark.claim("settings.sidebar.workspace-level")
@each_member_state
def test_workspace_level_pages_belong_to_the_selected_workspace(
    shared_page: SharedPage, state_id: str
) -> None:
    nav = shared_page(billing_url(state_id)).get_by_role("navigation", name="Settings")
    links = nav.get_by_role("list", name="Workspace").get_by_role("link")
    expect(links).to_have_text(WORKSPACE_LEVEL)
    for link in links.all():
        expect(link).to_have_attribute("href", re.compile(f"w/{state_id}/settings/[a-z-]+/$"))
    expect(nav.get_by_role("link", name="Plan & Billing")).to_have_attribute("aria-current", "page")


@pytest.mark.claim("settings.header.back-link")
@each_member_state
def test_header_links_back_to_the_workspace(
    shared_page: SharedPage, fixture_set: FixtureSet, site_url: str, state_id: str
) -> None:
    name = fixture_set.states[state_id].workspace.name
    page = shared_page(billing_url(state_id))
    link = page.get_by_role("banner").get_by_role("link", name=f"Back to {name}")
    assert link.evaluate("link => link.href") == site_url + home_url(state_id)


def test_back_link_returns_to_the_workspace(ui_page: Page, fixture_set: FixtureSet) -> None:
    state_id = MEMBER_STATE_IDS[0]
    name = fixture_set.states[state_id].workspace.name
    ui_page.goto(billing_url(state_id))
    ui_page.get_by_role("banner").get_by_role("link", name=f"Back to {name}").click()
    expect(ui_page).to_have_url(re.compile(re.escape(home_url(state_id)) + "$"))
    expect(ui_page.get_by_role("heading", name="Research", level=1)).to_be_visible()
