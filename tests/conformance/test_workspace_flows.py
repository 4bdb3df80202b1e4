"""Doc claims of Workspaces and Account Settings about its actions, checked by doing them:
Add workspace, Make default workspace, the Account page's details and an ownership transfer,
for every role that may, on the states they concern. What a page shows after an action is
what Python renders for the state the action leads to."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from prototype.pages.workspaces import NEW_ID, done_message
from prototype.states.membership import viewer_of
from prototype.states.workspace_actions import update_details
from prototype.states.workspace_details import slug_from_name
from prototype.states.workspace_input import FORM_MESSAGES
from tests.expected import (
    FIXTURE_SET,
    MEMBER_STATE_IDS,
    ROLE_NAMES,
    SHARED_STATE_IDS,
    Person,
    home_url,
    role_views,
    settings_url,
)
from tests.flows_ui import status
from tests.ui import SWITCHER_GROUPS, open_workspace_list, switcher
from tests.workspace_ui import (
    DETAIL_LABELS,
    NEW_WORKSPACE_LABELS,
    NOT_DEFAULT,
    OWNER_STATE,
    default_badge,
    default_status,
    expected_details,
    make_default_button,
    member,
    open_add_workspace,
    others,
    shown_details,
)

pytestmark = pytest.mark.conformance
USER = FIXTURE_SET.user
ACCOUNT_VIEWS = [
    pytest.param(state_id, as_role, person, id=f"{state_id}-as-{as_role or 'you'}")
    for state_id in MEMBER_STATE_IDS
    for as_role, person in role_views(state_id)
]
OWNED = [s for s in MEMBER_STATE_IDS if role_views(s)[0][1].role == "owner"]
"""The states whose workspace the user owns."""
NEW_DETAILS = {
    "name": "Orbit Labs",
    "unique_url": "orbit-labs",
    "description": "Research on orbits.",
    "website": "orbit.example/team",
    "team_size": "12",
}


@pytest.mark.claim("workspaces.create.path")
@pytest.mark.claim("workspaces.create.fields")
@pytest.mark.claim("workspaces.create.owner-and-switch")
@pytest.mark.claim("settings.areas.workspaces")
@pytest.mark.parametrize("state_id", [NOT_DEFAULT, *SHARED_STATE_IDS])
def test_add_workspace_makes_the_user_its_owner_and_switches_into_it(
    flow_tab: Page, state_id: str
) -> None:
    """From any workspace: the form's Name, Unique URL (filled in from the name as it is typed,
    then edited) and optional Description; the new workspace opens, the user its Owner, and
    every switcher lists it under My Workspaces."""
    page = flow_tab
    page.goto(home_url(state_id))
    dialog = open_add_workspace(page)
    fields = {
        key: dialog.get_by_label(label, exact=True) for key, label in NEW_WORKSPACE_LABELS.items()
    }
    expect(fields["name"]).to_be_focused()
    typed = ""
    for word in ("Orbit", " Labs", " Zürich"):
        fields["name"].press_sequentially(word)
        typed += word
        expect(fields["unique_url"]).to_have_value(slug_from_name(typed))
    fields["unique_url"].fill("orbit-zurich")
    fields["name"].press("End")
    fields["name"].press_sequentially(" 2")
    expect(fields["unique_url"]).to_have_value("orbit-zurich")
    expect(fields["description"]).to_have_value("")
    dialog.get_by_role("button", name="Create workspace").click()

    name = "Orbit Labs Zürich 2"
    expect(page).to_have_url(re.compile(re.escape(f"w/{NEW_ID}/") + "$"))
    expect(status(page)).to_have_text(done_message("created", name=name))
    expect(switcher(page)).to_contain_text(name)
    mine = open_workspace_list(page).get_by_role("list", name=SWITCHER_GROUPS["my_workspaces"])
    expect(mine.get_by_role("link", name=name, exact=True)).to_have_attribute(
        "aria-current", "true"
    )

    page.goto(settings_url(NEW_ID, "members"))
    row = page.get_by_role("row").filter(has_text=USER.email)
    expect(row).to_contain_text(ROLE_NAMES["owner"])
    page.goto(settings_url(NEW_ID, "account"))
    details = page.get_by_role("region", name="Workspace details")
    expect(details.get_by_label("Unique URL", exact=True)).to_have_value("orbit-zurich")
    expect(page.get_by_role("button", name="Transfer ownership")).to_be_visible()

    page.goto(home_url(MEMBER_STATE_IDS[0]))
    mine = open_workspace_list(page).get_by_role("list", name=SWITCHER_GROUPS["my_workspaces"])
    expect(mine.get_by_role("link", name=name, exact=True)).to_be_visible()


@pytest.mark.claim("workspaces.create.fields")
def test_the_unique_url_is_letters_numbers_and_hyphens_only(flow_tab: Page) -> None:
    """What the Unique URL refuses is said beside it, as Python says it."""
    page = flow_tab
    page.goto(home_url(NOT_DEFAULT))
    dialog = open_add_workspace(page)
    url = dialog.get_by_label("Unique URL", exact=True)
    dialog.get_by_label("Name", exact=True).fill("東京")
    for typed, key in [
        ("", "unique-url-from-name"),
        ("orbit labs", "unique-url-chars"),
        ("orbit_labs", "unique-url-chars"),
        ("-orbit", "unique-url-chars"),
        ("o" * 64, "unique-url-long"),
        ("acme-research", "unique-url-taken"),
    ]:
        url.fill(typed)
        expect(url).to_have_attribute("aria-invalid", "true")
        expect(url).to_have_accessible_description(re.compile(re.escape(FORM_MESSAGES[key])))
    url.fill("tokyo-2")
    expect(url).not_to_have_attribute("aria-invalid", "true")
    page.keyboard.press("Escape")


@pytest.mark.claim("workspaces.default.where")
@pytest.mark.claim("workspaces.default.opens")
@pytest.mark.claim("settings.areas.workspaces")
@pytest.mark.parametrize("where", ["switcher", "account"])
def test_make_default_workspace_in_the_switcher_or_on_the_account_page(
    flow_tab: Page, where: str
) -> None:
    """Set from either place, the workspace is marked Default in every switcher and is the one
    **Open Perspective** opens; cleared, none is."""
    page = flow_tab
    name = FIXTURE_SET.states[NOT_DEFAULT].workspace.name
    page.goto(
        home_url(NOT_DEFAULT) if where == "switcher" else settings_url(NOT_DEFAULT, "account")
    )
    button = make_default_button(page, where)
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(status(page)).to_have_text(done_message("default-set", name=name))

    page.goto(home_url(OWNER_STATE))
    marked = open_workspace_list(page).get_by_role("listitem").filter(has=default_badge(page))
    expect(marked).to_have_count(1)
    expect(marked).to_contain_text(name)
    page.goto("prototype/")
    page.get_by_role("link", name=name, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(home_url(NOT_DEFAULT)) + "$"))

    button = make_default_button(page, "switcher")
    expect(button).to_have_attribute("aria-pressed", "true")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(status(page)).to_have_text(done_message("default-cleared", name=name))
    page.goto("prototype/")
    expect(page.locator('[data-field="opens-by-default"]')).to_have_text(
        "Open Perspective: you have no default workspace.", use_inner_text=True
    )


@pytest.mark.claim("workspaces.default.any-member")
@pytest.mark.parametrize(("state_id", "as_role", "person"), ACCOUNT_VIEWS)
def test_any_member_sets_or_clears_their_default(
    flow_tab: Page, state_id: str, as_role: str | None, person: Person
) -> None:
    """Every role: the Account page's **Make default workspace** sets the workspace as the
    member's default and clears it, and the choice holds on the page's next visit."""
    page = flow_tab
    url = settings_url(state_id, "account", as_role)
    page.goto(url)
    was = as_role is None and state_id == FIXTURE_SET.default_workspace
    section = page.get_by_role("region", name="Default workspace")
    button = section.get_by_role("button", name="Make default workspace")
    expect(section).to_contain_text(default_status(was))
    button.click()
    expect(section).to_contain_text(default_status(not was))
    page.goto(url)
    expect(button).to_have_attribute("aria-pressed", str(not was).lower())
    button.click()
    expect(section).to_contain_text(default_status(was))
    expect(button).to_have_attribute("aria-pressed", str(was).lower())


@pytest.mark.claim("workspaces.default.any-member")
@pytest.mark.parametrize("state_id", SHARED_STATE_IDS)
def test_a_workspace_only_shared_is_not_offered_as_a_default(ui_page: Page, state_id: str) -> None:
    ui_page.goto(home_url(state_id))
    switcher(ui_page).click()
    panel = ui_page.locator("#workspace-switcher")
    expect(panel.get_by_role("link", name="Manage workspace")).to_be_visible()
    expect(panel.get_by_role("button", name="Make default workspace")).to_have_count(0)


@pytest.mark.claim("workspaces.details.path")
@pytest.mark.parametrize("state_id", MEMBER_STATE_IDS)
def test_workspace_details_are_on_the_account_page(ui_page: Page, state_id: str) -> None:
    ui_page.goto(home_url(state_id))
    switcher(ui_page).click()
    ui_page.locator("#workspace-switcher").get_by_role("link", name="Manage workspace").click()
    nav = ui_page.get_by_role("navigation", name="Settings")
    nav.get_by_role("link", name="Account", exact=True).click()
    expect(ui_page.get_by_role("heading", name="Account", level=1)).to_be_visible()
    viewer = viewer_of(FIXTURE_SET.states[state_id], USER)
    assert viewer is not None
    expected = expected_details(state_id, FIXTURE_SET.states[state_id], viewer)
    assert shown_details(ui_page) == expected
    assert list(expected) == list(DETAIL_LABELS.values())


@pytest.mark.claim("workspaces.details.owner-fields")
@pytest.mark.claim("settings.areas.workspaces")
@pytest.mark.parametrize(("state_id", "as_role", "person"), ACCOUNT_VIEWS)
def test_the_owner_changes_the_details_and_others_read_them(
    flow_tab: Page, state_id: str, as_role: str | None, person: Person
) -> None:
    """The Owner changes all five fields and saves with Enter: the page shows the workspace as
    Python saves it, and so does the Account page as each other role reads it. Others have no
    field to change."""
    page = flow_tab
    state = FIXTURE_SET.states[state_id]
    viewer = member(person)
    page.goto(settings_url(state_id, "account", as_role))
    details = page.get_by_role("region", name="Workspace details")
    if viewer.role != "owner":
        expect(details.get_by_role("textbox")).to_have_count(0)
        assert shown_details(page) == expected_details(state_id, state, viewer)
        return
    for key, label in DETAIL_LABELS.items():
        details.get_by_label(label, exact=True).fill(NEW_DETAILS[key])
    details.get_by_label("Team size", exact=True).press("Enter")
    after = update_details(state, viewer, NEW_DETAILS, others(state_id), USER, FIXTURE_SET.today)
    expect(status(page)).to_contain_text("Saved the workspace details.")
    assert shown_details(page) == expected_details(state_id, after, viewer)
    expect(page).to_have_title(re.compile("Orbit Labs"))
    for other_role, other in role_views(state_id):
        if other_role != as_role:
            page.goto(settings_url(state_id, "account", other_role))
            expect(page.get_by_role("region", name="Workspace details")).to_be_visible()
            assert shown_details(page) == expected_details(state_id, after, member(other))


@pytest.mark.claim("workspaces.details.website-scheme")
@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("orbit.example", "https://orbit.example"),
        ("www.orbit.example/team?x=1", "https://www.orbit.example/team?x=1"),
        ("http://orbit.example", "http://orbit.example"),
        ("https://orbit.example", "https://orbit.example"),
        ("orbit", None),
        ("ftp://orbit.example", None),
    ],
)
def test_a_website_without_a_scheme_is_saved_with_https(
    flow_tab: Page, typed: str, saved: str | None
) -> None:
    page = flow_tab
    page.goto(settings_url(OWNER_STATE, "account"))
    website = page.get_by_label("Website", exact=True)
    website.fill(typed)
    website.press("Enter")
    if saved is None:
        expect(website).to_have_attribute("aria-invalid", "true")
        expect(website).to_have_accessible_description(FORM_MESSAGES["website-invalid"])
        return
    expect(status(page)).to_have_text(done_message("saved"))
    expect(website).to_have_value(saved)
    page.goto(settings_url(OWNER_STATE, "account", "admin"))
    expect(page.get_by_role("region", name="Workspace details")).to_contain_text(saved)


@pytest.mark.claim("workspaces.details.url-moves")
def test_the_settings_page_moves_to_the_new_unique_url(flow_tab: Page) -> None:
    """The page's address in Perspective (the prototype bar says it) follows the new Unique
    URL as it is saved; the live region says where the page now is."""
    page = flow_tab
    page.goto(settings_url(OWNER_STATE, "account"))
    address = page.get_by_role("complementary", name="Prototype").locator(
        '[data-field="product-address"]'
    )
    old = FIXTURE_SET.states[OWNER_STATE].workspace.unique_url
    expect(address).to_have_text(f"Address in Perspective: /{old}/settings/account/")
    url = page.get_by_label("Unique URL", exact=True)
    url.fill("acme-2026")
    url.press("Enter")
    expect(address).to_have_text("Address in Perspective: /acme-2026/settings/account/")
    expect(status(page)).to_have_text(done_message("moved", address="/acme-2026/settings/account/"))
    page.reload()
    expect(address).to_have_text("Address in Perspective: /acme-2026/settings/account/")


@pytest.mark.claim("workspaces.transfer.email")
@pytest.mark.claim("workspaces.transfer.owner-only")
@pytest.mark.claim("settings.areas.workspaces")
@pytest.mark.parametrize("state_id", OWNED)
def test_the_owner_starts_a_transfer_with_the_new_owners_email(
    flow_tab: Page, state_id: str
) -> None:
    page = flow_tab
    page.goto(settings_url(state_id, "account"))
    danger = page.get_by_role("region", name="Danger Zone")
    button = danger.get_by_role("button", name="Transfer ownership")
    button.click()
    dialog = page.get_by_role("dialog", name="Transfer ownership")
    email = dialog.get_by_label("New owner's email address")
    email.fill(USER.email)
    email.press("Enter")
    expect(email).to_have_accessible_description(FORM_MESSAGES["email-owner"])
    email.fill("new.owner@example.com")
    email.press("Enter")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()
    expect(status(page)).to_have_text(done_message("transfer", email="new.owner@example.com"))
    expect(danger).to_contain_text(
        "The transfer of ownership to new.owner@example.com has started."
    )
