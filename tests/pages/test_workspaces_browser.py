"""The workspace actions in a real browser, beyond the doc claims: the forms' rules against
Python's on generated input, a changed tab across pages and Reset, no flash, Escape and
Cancel, a second added workspace, and the added workspace's pages in a tab that added none."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from playwright.sync_api import Browser, Locator, Page, Route, expect

from prototype.pages.dialog_links import ADD_WORKSPACE, unavailable_message
from prototype.pages.workspaces import NEW_EXAMPLE, NEW_ID, NO_WORKSPACE, done_message
from prototype.states.workspace_details import slug_from_name, website_with_scheme
from prototype.states.workspace_input import (
    FORM_MESSAGES,
    FormResult,
    Taken,
    check_details,
    check_new_workspace,
    check_transfer,
    check_unique_url,
    taken_by,
)
from tests.conftest import Watched
from tests.expected import FIXTURE_SET, billing_url, home_url, members_url, settings_url
from tests.flows_ui import status
from tests.people_ui import INVITEE
from tests.strategies import SEED
from tests.ui import SWITCHER_GROUPS, open_workspace_list, switcher
from tests.workspace_strategies import (
    detail_fields,
    emails,
    names,
    new_workspace_fields,
    websites,
)
from tests.workspace_ui import add_workspace, expect_no_workspace, open_add_workspace

OWNER_STATE = "pro-tier-renewing"
OWNER = FIXTURE_SET.user.email
ADDED_PAGES = {
    "home": home_url(NEW_ID),
    "billing": billing_url(NEW_ID),
    "account": settings_url(NEW_ID, "account"),
    "members": members_url(NEW_ID),
}
"""Pages of the added workspace, by kind."""
TAKEN = taken_by(state.workspace for state in FIXTURE_SET.states.values())
GENERATED = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LOAD_RULES = """async () => {
  const data = await (await fetch("../../workspaces.json")).json();
  window.rules = (await import("../../assets/workspace_rules.js")).rules(data);
}"""
"""Loads the browser's rules into the page, built from what workspaces.json exports."""
CHECK = """([kind, fields, taken, owner]) => {
  const sets = { names: new Set(taken.names), urls: new Set(taken.urls) };
  if (kind === "transfer") return window.rules.transfer(fields, owner);
  if (kind === "slug") return window.rules.slugFromName(fields);
  if (kind === "website") return window.rules.withScheme(fields);
  return window.rules[kind](fields, sets);
}"""
"""One check of the browser's rules: a form's fields, a name's Unique URL or a website."""


def as_browser_sees(result: FormResult) -> dict[str, Any]:
    return {"values": result.values, "errors": result.errors}


def taken_list(taken: Taken) -> dict[str, list[str]]:
    return {"names": sorted(taken.names), "urls": sorted(taken.unique_urls)}


@pytest.fixture
def rules_page(ui_page: Page) -> Callable[..., Any]:
    """The browser's workspace rules, called with a kind and the fields."""
    ui_page.goto(home_url(OWNER_STATE))
    ui_page.evaluate(LOAD_RULES)

    def check(kind: str, fields: Any, taken: Taken = TAKEN) -> Any:
        return ui_page.evaluate(CHECK, [kind, fields, taken_list(taken), OWNER])

    return check


def expect_hidden_until_workspaces_json(page: Page, url: str) -> None:
    """Open ``url`` holding back workspaces.json: the page stays hidden until it comes."""
    held: list[Route] = []
    page.route("**/workspaces.json", lambda route: held.append(route))
    with page.expect_request("**/workspaces.json"):
        page.goto(url, wait_until="domcontentloaded")
    html = page.locator("html")
    expect(html).to_have_class(re.compile("ws-pending"))
    assert page.evaluate("getComputedStyle(document.body).visibility") == "hidden"
    assert len(held) == 1
    held[0].continue_()
    expect(html).not_to_have_class(re.compile("ws-pending"))


def test_the_browsers_rules_are_pythons_on_generated_input(
    rules_page: Callable[..., Any],
) -> None:
    """Every name's Unique URL, every website as saved, and each form's outcome (the values it
    saves, or each refused field with its message): the same in the browser as in Python."""
    check = rules_page

    @seed(SEED)
    @GENERATED
    @given(
        names,
        websites,
        new_workspace_fields(),
        detail_fields,
        emails,
    )
    def same(
        name: str, website: str, new: dict[str, str], details: dict[str, str], email: str
    ) -> None:
        assert check("slug", name) == slug_from_name(name)
        assert check("website", website) == website_with_scheme(website)
        assert check("newWorkspace", new) == as_browser_sees(check_new_workspace(new, TAKEN))
        assert check("details", details) == as_browser_sees(check_details(details, TAKEN))
        transfer = {"email": email}
        assert check("transfer", transfer) == as_browser_sees(check_transfer(transfer, OWNER))

    same()


def test_the_unique_url_follows_generated_names_as_typed(flow_tab: Page) -> None:
    """The name typed into Add workspace fills in the Unique URL as Python makes it from the
    name the field holds, and any reason it cannot be one shows beside it."""
    page = flow_tab
    page.goto(home_url(OWNER_STATE))
    dialog = open_add_workspace(page)
    name_field = dialog.get_by_label("Name", exact=True)
    url = dialog.get_by_label("Unique URL", exact=True)
    error = dialog.locator('[data-error-for="unique_url"]')

    @seed(SEED)
    @settings(GENERATED, max_examples=40)
    @given(names.filter(bool))
    def follows(name: str) -> None:
        name_field.fill(name)
        held = name_field.input_value()  # a text field drops line breaks
        slug = slug_from_name(held)
        expect(url).to_have_value(slug)
        _, key = check_unique_url(slug, held, TAKEN)
        expect(error).to_have_text(FORM_MESSAGES[key] if key and held else "")

    follows()
    page.keyboard.press("Escape")


def test_a_changed_tab_shows_on_every_page_until_reset(flow_tab: Page) -> None:
    """A renamed workspace and a new default show on the tab's other pages, in switchers,
    headers, dialogs and titles; a new tab shows the fixtures; Reset brings them back in
    place."""
    page = flow_tab
    acme = FIXTURE_SET.states[OWNER_STATE].workspace
    page.goto(settings_url(OWNER_STATE, "account"))
    page.get_by_label("Name", exact=True).fill("Acme Renamed")
    page.get_by_label("Name", exact=True).press("Enter")
    expect(status(page)).to_have_text(done_message("saved"))

    page.goto(billing_url(OWNER_STATE))
    expect(page.get_by_role("link", name="Back to Acme Renamed")).to_be_visible()
    expect(page).to_have_title(re.compile("Acme Renamed"))
    bar = page.get_by_role("complementary", name="Prototype")
    expect(bar).to_contain_text("Changed in this tab")
    page.goto(home_url("flex-team"))
    mine = open_workspace_list(page).get_by_role("list", name=SWITCHER_GROUPS["my_workspaces"])
    expect(mine.get_by_role("link", name="Acme Renamed", exact=True)).to_be_visible()
    page.goto("prototype/")
    expect(page.get_by_role("cell", name="Acme Renamed", exact=True)).to_be_visible()

    fresh = page.context.new_page()
    fresh.goto(page.url.replace("prototype/", billing_url(OWNER_STATE)))
    expect(fresh.get_by_role("link", name=f"Back to {acme.name}")).to_be_visible()
    fresh.close()

    page.goto(home_url(OWNER_STATE))
    bar.get_by_role("button", name="Reset", exact=True).click()
    expect(switcher(page)).to_contain_text(acme.name)
    expect(page).to_have_title(re.compile(re.escape(acme.name)))
    expect(bar.get_by_role("button", name="Reset")).to_be_hidden()
    assert page.evaluate("sessionStorage.length") == 0


def test_a_changed_tab_is_hidden_until_its_changes_are_shown(flow_tab: Page) -> None:
    """No flash of the fixture: the page stays hidden while workspaces.json is on its way."""
    page = flow_tab
    page.goto(home_url("flex-team"))
    switcher(page).click()
    page.get_by_role("button", name="Make default workspace").click()
    expect(status(page)).to_contain_text("is now your default workspace")
    expect_hidden_until_workspaces_json(page, billing_url("flex-team"))
    page.unroute("**/workspaces.json")


@pytest.mark.parametrize("close", ["Escape", "Cancel"])
def test_escape_and_cancel_discard_what_was_typed(flow_tab: Page, close: str) -> None:
    """In Add workspace, Transfer ownership and the Account page's form: nothing is kept, the
    errors go, and a dialog gives the focus back to its button."""
    page = flow_tab

    def discard(dialog: Any) -> None:
        if close == "Escape":
            page.keyboard.press("Escape")
        else:
            dialog.get_by_role("button", name="Cancel").click()

    page.goto(settings_url(OWNER_STATE, "account"))
    button = page.get_by_role("button", name="Transfer ownership")
    button.click()
    dialog = page.get_by_role("dialog", name="Transfer ownership")
    email = dialog.get_by_label("New owner's email address")
    email.fill("not an address")
    email.press("Enter")
    expect(email).to_have_attribute("aria-invalid", "true")
    discard(dialog)
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()
    button.click()
    expect(email).to_have_value("")
    expect(dialog.locator("[aria-invalid]")).to_have_count(0)
    page.keyboard.press("Escape")

    details = page.get_by_role("region", name="Workspace details")
    website = details.get_by_label("Website", exact=True)
    saved = website.input_value()
    website.fill("nowhere")
    website.press("Enter")
    expect(website).to_have_attribute("aria-invalid", "true")
    if close == "Escape":
        website.press("Escape")
    else:
        details.get_by_role("button", name="Cancel").click()
    expect(website).to_have_value(saved)
    expect(details.locator("[aria-invalid]")).to_have_count(0)

    page.goto(home_url(OWNER_STATE))
    dialog = open_add_workspace(page)
    dialog.get_by_label("Name", exact=True).fill("Half typed")
    discard(dialog)
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Add workspace").click()
    expect(dialog.get_by_label("Name", exact=True)).to_have_value("")
    expect(dialog.get_by_label("Unique URL", exact=True)).to_have_value("")
    page.keyboard.press("Escape")
    assert page.evaluate("sessionStorage.length") == 0


def invite_in_the_added_workspace(page: Page) -> None:
    """As the added workspace's Owner, invite a Member: the invitation is listed."""
    page.goto(members_url(NEW_ID))
    page.get_by_role("button", name="Add New Member", exact=True).click()
    dialog = page.get_by_role("dialog", name="Add New Member", exact=True)
    dialog.get_by_role("textbox", name="Email address").fill(INVITEE)
    dialog.get_by_role("radio", name="Member", exact=True).check()
    dialog.get_by_role("button", name="Send invitation", exact=True).click()
    expect(page.locator("[data-people-rows]")).to_contain_text(INVITEE)


def test_a_second_added_workspace_replaces_the_first(flow_tab: Page) -> None:
    """A tab holds one added workspace: adding another replaces it, with what the tab changed
    in the first (its billing and its members)."""
    page = flow_tab
    for name in ("First Lab", "Second Lab"):
        page.goto(home_url(OWNER_STATE))
        dialog = open_add_workspace(page)
        dialog.get_by_label("Name", exact=True).fill(name)
        unique_url = dialog.get_by_label("Unique URL", exact=True)
        expect(unique_url).to_have_value(slug_from_name(name))  # filled in as it is typed
        dialog.get_by_label("Name", exact=True).press("Enter")
        expect(page).to_have_url(re.compile(re.escape(f"w/{NEW_ID}/") + "$"))
        expect(switcher(page)).to_contain_text(name)
        if name == "First Lab":
            page.goto(billing_url(NEW_ID))
            page.get_by_role("button", name="Add credits").click()
            page.get_by_role("dialog", name="Plans and credits").get_by_role(
                "button", name="Confirm"
            ).click()
            expect(status(page)).to_have_text("Added 1,000 credits.")
            invite_in_the_added_workspace(page)
    mine = open_workspace_list(page).get_by_role("list", name=SWITCHER_GROUPS["my_workspaces"])
    expect(mine.get_by_role("link", name="First Lab")).to_have_count(0)
    page.goto(billing_url(NEW_ID))
    credits = page.get_by_role("region", name="Available Credits")
    expect(credits).to_contain_text("0 of 0 credits left")
    page.goto(members_url(NEW_ID))
    expect(page.locator("[data-people-rows]")).not_to_contain_text(INVITEE)
    kept = json.loads(page.evaluate("JSON.stringify(Object.keys(sessionStorage))"))
    assert kept == ["prototype.workspaces"]


def test_an_added_workspace_can_be_the_default_and_its_name_is_text(
    flow_tab: Page, watched: Watched
) -> None:
    """A name typed as markup shows as typed on every page that names it, and runs nothing."""
    page = flow_tab
    name = "<img src=x onerror=alert(1)> {{ 7 * 7 }} $& $'"
    page.goto(home_url(OWNER_STATE))
    dialog = open_add_workspace(page)
    dialog.get_by_label("Name", exact=True).fill(name)
    dialog.get_by_role("button", name="Create workspace").click()
    expect(page).to_have_url(re.compile(re.escape(f"w/{NEW_ID}/") + "$"))
    switcher(page).click()
    page.get_by_role("button", name="Make default workspace").click()
    expect(status(page)).to_have_text(done_message("default-set", name=name))
    expect(page).to_have_title(f"{name} · Perspective prototype")
    page.goto("prototype/")
    page.get_by_role("link", name=name, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(f"w/{NEW_ID}/") + "$"))
    expect(page.locator("img[src='x']")).to_have_count(0)
    watched.assert_quiet()


def prototype_bar(page: Page) -> Locator:
    """The prototype bar, above every page."""
    return page.get_by_role("complementary", name="Prototype")


@pytest.mark.parametrize("url", list(ADDED_PAGES.values()), ids=list(ADDED_PAGES))
def test_an_added_workspaces_page_in_a_tab_that_added_none(ui_page: Page, url: str) -> None:
    """A new tab holds no added workspace: the page says so instead of showing the example."""
    fresh = ui_page.context.new_page()
    fresh.goto(url)
    expect_no_workspace(fresh)
    expect(prototype_bar(fresh).get_by_role("button", name="Reset")).to_be_hidden()


def test_a_tab_that_added_none_is_led_to_the_states_and_to_add_workspace(ui_page: Page) -> None:
    """Its links: the state index, and Add workspace open on a workspace's home page; a link
    to a dialog of the added workspace says, after that, that the page does not offer it."""
    fresh = ui_page.context.new_page()
    fresh.goto(f"{home_url(NEW_ID)}?dialog={ADD_WORKSPACE}")
    expect_no_workspace(fresh, f"{NO_WORKSPACE['said']} {unavailable_message(ADD_WORKSPACE)}")
    expect(fresh.get_by_role("dialog")).to_have_count(0)
    main = fresh.get_by_role("main")
    main.get_by_role("link", name=NO_WORKSPACE["add"], exact=True).click()
    expect(fresh.get_by_role("dialog", name="Add workspace")).to_be_visible()
    fresh.keyboard.press("Escape")
    expect(switcher(fresh)).to_be_focused()
    fresh.goto(billing_url(NEW_ID))
    notice = fresh.get_by_role("main").bounding_box()
    assert notice is not None
    assert notice["width"] > 600, "the notice takes the hidden sidebar's place too"
    fresh.get_by_role("main").get_by_role("link", name=NO_WORKSPACE["index"]).click()
    expect(fresh.get_by_role("heading", name="Settings prototype", level=1)).to_be_visible()


def test_an_added_workspaces_page_is_hidden_until_it_says_none_was_added(ui_page: Page) -> None:
    """No flash of the example workspace: hidden while workspaces.json is on its way."""
    fresh = ui_page.context.new_page()
    expect_hidden_until_workspaces_json(fresh, home_url(NEW_ID))
    expect_no_workspace(fresh)


@pytest.mark.parametrize("kind", ["home", "billing", "members"])
def test_reset_on_an_added_workspaces_page_forgets_it(flow_tab: Page, kind: str) -> None:
    """Reset forgets the added workspace and what the tab changed in it; the page stays, says
    no workspace was added, and has the focus on its content; no switcher lists it."""
    page = flow_tab
    add_workspace(page, home_url(OWNER_STATE), "Orbit Labs")
    page.goto(billing_url(NEW_ID))
    page.get_by_role("button", name="Add credits").click()
    page.get_by_role("dialog", name="Plans and credits").get_by_role(
        "button", name="Confirm"
    ).click()
    expect(status(page)).to_have_text("Added 1,000 credits.")
    page.goto(ADDED_PAGES[kind])
    expect(prototype_bar(page)).to_contain_text("Changed in this tab")
    prototype_bar(page).get_by_role("button", name="Reset", exact=True).click()
    expect_no_workspace(page)
    expect(page.get_by_role("main")).to_be_focused()
    expect(prototype_bar(page).get_by_role("button", name="Reset")).to_be_hidden()
    assert page.evaluate("sessionStorage.length") == 0
    page.goto(home_url(OWNER_STATE))
    mine = open_workspace_list(page).get_by_role("list", name=SWITCHER_GROUPS["my_workspaces"])
    for name in ("Orbit Labs", NEW_EXAMPLE["name"]):
        expect(mine.get_by_role("link", name=name)).to_have_count(0)


def test_without_javascript_an_added_workspaces_page_shows_as_rendered(
    browser: Browser, browser_context_args: dict[str, Any]
) -> None:
    """Nothing is hidden without JavaScript: the page shows the example it was rendered with."""
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    page.goto(home_url(NEW_ID))
    expect(page.get_by_role("heading", name="Research", level=1)).to_be_visible()
    expect(switcher(page)).to_contain_text(NEW_EXAMPLE["name"])
    expect(page.get_by_role("heading", name=NO_WORKSPACE["title"])).to_be_hidden()
    context.close()
