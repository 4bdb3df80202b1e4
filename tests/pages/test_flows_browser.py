"""The flows in a real browser, beyond the doc claims: a changed state across the tab's pages and
Reset, no flash of the fixture, the card dialog's errors, Escape and Cancel, deep links, the
live region, and a purchase past the largest credit figure."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, Route, expect

from prototype.pages.build import SITE_PATH
from prototype.pages.dialog_links import ADD_WORKSPACE, unavailable_message
from prototype.pages.manifest import dialog_links
from prototype.pages.render import views_of
from prototype.states.card_input import CARD_MESSAGES
from tests.conftest import Watched
from tests.expected import (
    CARD_CASES,
    CARD_FORM_FIELDS,
    FIXTURE_SET,
    MEMBER_STATE_IDS,
    billing_url,
    each_member_state,
    home_url,
    members_url,
    role_views,
    settings_url,
)
from tests.flows_ui import card_fields, fill_card, region, status
from tests.ui import switcher

CANCELED = "pro-canceled"
FLEX = "flex-team"
VIEWS = {view.state_id: view for view in views_of(FIXTURE_SET)}
ADMIN_STATE = next(s for s in MEMBER_STATE_IDS if role_views(s)[0][1].role == "admin")
"""A state whose workspace the user is an Admin of: Transfer ownership is the Owner's."""
VIEWED_AS_MEMBER = next(s for s in MEMBER_STATE_IDS if "member" in dict(role_views(s)))
"""A state whose Members page can be seen as a Member, who invites nobody."""
NOT_OFFERED = {
    "no-such-dialog": (billing_url(FLEX), "bogus"),
    "not-a-dialog": (billing_url(FLEX), "main"),
    "not-for-an-admin": (settings_url(ADMIN_STATE, "account"), "transfer-ownership"),
    "not-for-a-member": (members_url(VIEWED_AS_MEMBER, "member"), "invite-member"),
    "markup-and-bidi": (home_url(FLEX), "<img src=x onerror=alert(1)>\u202eevil"),
}
"""Links to a dialog the page does not offer: the page, and the id the link asks for."""
HOME_DIALOGS = {
    "plan": ("pro-tier-renewing", VIEWS["pro-tier-renewing"].plan_dialog),
    "add-workspace": (FLEX, ADD_WORKSPACE),
}
"""Dialogs a link opens on a home page, where their buttons are in the closed switcher."""


def bar(page: Page) -> Any:
    return page.get_by_role("complementary", name="Prototype")


def resume(page: Page) -> None:
    region(page, "Current Plan").get_by_role("button", name="Resume plan").click()
    dialog = page.get_by_role("dialog", name="Resume Pro Subscription")
    dialog.get_by_role("button", name="Resume plan").click()
    expect(status(page)).to_contain_text("Pro Subscription resumed")


def test_a_changed_state_holds_across_the_tabs_pages_until_reset(flow_tab: Page) -> None:
    page = flow_tab
    page.goto(billing_url(CANCELED))
    expect(bar(page).get_by_role("button", name="Reset")).to_be_hidden()
    resume(page)

    page.goto(f"{home_url(CANCELED)}settings/members/")
    expect(bar(page)).to_contain_text("Changed in this tab")
    page.goto(home_url(CANCELED))
    switcher(page).click()
    page.get_by_role("button", name="Plans and credits", exact=True).click()
    expect(page.get_by_role("dialog", name="Change plan")).to_be_visible()
    page.keyboard.press("Escape")

    page.goto(billing_url(CANCELED))
    plan = region(page, "Current Plan")
    expect(plan.get_by_role("button")).to_have_text(["Change plan"])
    expect(plan).not_to_contain_text("Active until")
    expect(region(page, "Available Credits")).to_contain_text("Renews on June 30, 2026")

    fresh = page.context.new_page()
    fresh.goto(page.url)
    expect(region(fresh, "Current Plan").get_by_role("button")).to_have_text(["Resume plan"])
    expect(bar(fresh).get_by_role("button", name="Reset")).to_be_hidden()
    fresh.close()

    bar(page).get_by_role("button", name="Reset", exact=True).click()
    expect(region(page, "Current Plan").get_by_role("button")).to_have_text(["Resume plan"])
    expect(region(page, "Current Plan")).to_contain_text("Active until June 30, 2026")
    expect(bar(page).get_by_role("button", name="Reset")).to_be_hidden()
    assert page.evaluate("sessionStorage.length") == 0


def test_invoices_stay_as_they_were(flow_tab: Page) -> None:
    page = flow_tab
    page.goto(billing_url("long-history-eur"))
    invoices = region(page, "Invoices").inner_text()
    region(page, "Payment Method").get_by_role("button", name="Change Payment Method").click()
    dialog = page.get_by_role("dialog", name="Change Payment Method")
    fill_card(dialog, card_fields("4242424242424242"))
    dialog.get_by_role("button", name="Save card").click()
    expect(region(page, "Payment Method")).to_contain_text("Visa ending in 4242")
    assert region(page, "Invoices").inner_text() == invoices


def test_a_changed_state_is_hidden_until_its_parts_are_swapped_in(flow_tab: Page) -> None:
    """No flash of the fixture state: the page stays hidden while flows.json is on its way."""
    page = flow_tab
    page.goto(billing_url(CANCELED))
    resume(page)
    held: list[Route] = []
    page.route("**/flows.json", lambda route: held.append(route))
    page.goto(billing_url(CANCELED), wait_until="domcontentloaded")
    html = page.locator("html")
    expect(html).to_have_class("flows-pending")
    assert page.evaluate("getComputedStyle(document.body).visibility") == "hidden"
    assert len(held) == 1
    held[0].continue_()
    expect(html).not_to_have_class("flows-pending")
    expect(region(page, "Current Plan").get_by_role("button")).to_have_text(["Change plan"])
    page.unroute("**/flows.json")


def card_errors(page: Page) -> dict[str, str]:
    """Each field the dialog marks invalid, with the text beside it."""
    dialog = page.get_by_role("dialog", name=re.compile("Payment Method$"))
    found = {}
    for field, label in CARD_FORM_FIELDS.items():
        box = dialog.get_by_role("textbox", name=label)
        if box.get_attribute("aria-invalid") == "true":
            error_id = str(box.get_attribute("aria-describedby")).split()[0]
            found[field] = str(dialog.locator(f"#{error_id}").text_content())
    return found


def test_the_card_dialog_refuses_what_card_input_refuses(flow_tab: Page) -> None:
    """Each case of the shared table: the same fields refused as Python's CardInput refuses
    them, each with its message beside it (described by it), the first one focused."""
    page = flow_tab
    page.goto(billing_url(FLEX))
    button = region(page, "Payment Method").get_by_role("button", name="Change Payment Method")
    for case, (fields, expected) in CARD_CASES.items():
        button.click()
        dialog = page.get_by_role("dialog", name="Change Payment Method")
        fill_card(dialog, fields)
        dialog.get_by_role("button", name="Save card").click()
        if not expected:
            expect(dialog).to_be_hidden()
            expect(status(page)).to_contain_text("as the payment method")
            continue
        messages = {field: CARD_MESSAGES[key] for field, key in expected.items()}
        first = dialog.get_by_role("textbox", name=CARD_FORM_FIELDS[next(iter(expected))])
        expect(first).to_be_focused()
        assert card_errors(page) == messages, case
        for field, message in messages.items():
            box = dialog.get_by_role("textbox", name=CARD_FORM_FIELDS[field])
            expect(box).to_have_accessible_description(re.compile(re.escape(message)))
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()


@pytest.mark.parametrize("close", ["Escape", "Cancel"])
def test_escape_and_cancel_discard_what_was_typed(flow_tab: Page, close: str) -> None:
    page = flow_tab
    page.goto(billing_url(FLEX))
    button = region(page, "Payment Method").get_by_role("button", name="Change Payment Method")
    button.click()
    dialog = page.get_by_role("dialog", name="Change Payment Method")
    fill_card(dialog, {**card_fields("4242424242424242"), "expiry": "01/20"})
    dialog.get_by_role("button", name="Save card").click()
    expect(dialog.get_by_text(CARD_MESSAGES["expiry-past"])).to_be_visible()
    if close == "Escape":
        page.keyboard.press("Escape")
    else:
        dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()
    expect(status(page)).to_have_text("")
    button.click()
    for label in CARD_FORM_FIELDS.values():
        expect(dialog.get_by_role("textbox", name=label)).to_have_value("")
    expect(dialog.locator("[aria-invalid]")).to_have_count(0)
    expect(dialog.get_by_text(CARD_MESSAGES["expiry-past"])).to_have_count(0)
    page.keyboard.press("Escape")

    plans = region(page, "Current Plan").get_by_role("button", name="Choose a plan")
    plans.click()
    dialog = page.get_by_role("dialog", name="Plans and credits")
    dialog.get_by_role("radio", name="Scale").check()
    page.keyboard.press("Escape")
    expect(plans).to_be_focused()
    plans.click()
    expect(dialog.get_by_role("radio", name="1,000 credits", exact=True)).to_be_checked()
    page.keyboard.press("Escape")
    assert page.evaluate("sessionStorage.length") == 0


@each_member_state
def test_every_dialog_opens_from_its_url(ui_page: Page, state_id: str) -> None:
    """``?dialog=<id>`` opens the dialog on load; closing it gives the focus to its button."""
    for link in dialog_links(VIEWS[state_id], FIXTURE_SET.user, SITE_PATH):
        ui_page.goto(link["url"])
        dialog = ui_page.get_by_role("dialog", name=link["title"], exact=True)
        expect(dialog).to_be_visible()
        ui_page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
        if link["id"] == ADD_WORKSPACE:  # its button is in the closed switcher
            expect(switcher(ui_page)).to_be_focused()
        else:
            expect(ui_page.locator(f'main [data-dialog="{link["id"]}"]').first).to_be_focused()


@pytest.mark.parametrize("close", ["Escape", "Cancel"])
@pytest.mark.parametrize(
    ("state_id", "dialog_id"), list(HOME_DIALOGS.values()), ids=list(HOME_DIALOGS)
)
def test_a_dialog_linked_on_a_home_page_gives_the_focus_to_the_switcher(
    ui_page: Page, state_id: str, dialog_id: str, close: str
) -> None:
    """Closed, it gives the focus to the control that leads back to it: the switcher's button."""
    ui_page.goto(f"{home_url(state_id)}?dialog={dialog_id}")
    dialog = ui_page.get_by_role("dialog")  # the open one
    expect(dialog).to_be_visible()
    if close == "Escape":
        ui_page.keyboard.press("Escape")
    else:
        dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    expect(switcher(ui_page)).to_be_focused()


@pytest.mark.parametrize(("url", "dialog_id"), list(NOT_OFFERED.values()), ids=list(NOT_OFFERED))
def test_a_link_to_a_dialog_the_page_does_not_offer_says_so(
    ui_page: Page, watched: Watched, url: str, dialog_id: str
) -> None:
    """Nothing opens; the live region names the dialog asked for, as text."""
    ui_page.goto(f"{url}?dialog={quote(dialog_id)}")
    expect(status(ui_page)).to_have_text(unavailable_message(dialog_id))
    expect(status(ui_page).locator("bdi")).to_have_text(dialog_id)
    expect(ui_page.get_by_role("dialog")).to_have_count(0)
    expect(ui_page.locator("img[src='x']")).to_have_count(0)
    watched.assert_quiet()


def test_a_link_to_a_dialog_the_changed_state_no_longer_offers_says_so(flow_tab: Page) -> None:
    page = flow_tab
    page.goto(billing_url(CANCELED))
    resume(page)
    page.goto(f"{billing_url(CANCELED)}?dialog=resume-plan")
    expect(status(page)).to_have_text(unavailable_message("resume-plan"))
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_a_dialog_url_opens_it_in_a_changed_state(flow_tab: Page) -> None:
    page = flow_tab
    page.goto(billing_url(CANCELED))
    resume(page)
    page.goto(f"{billing_url(CANCELED)}?dialog=change-plan")
    expect(page.get_by_role("dialog", name="Change plan")).to_be_visible()
    page.keyboard.press("Escape")


def test_the_state_index_lists_every_dialog_url(ui_page: Page) -> None:
    """Each state's row lists its dialogs' links; Add workspace, on every home page, once."""
    ui_page.goto("prototype/")
    add = ui_page.get_by_role("link", name="open it", exact=True)
    expect(add).to_have_attribute("href", f"w/{next(iter(VIEWS))}/?dialog=add-workspace")
    for state_id, view in VIEWS.items():
        row = ui_page.locator(f"#state-{state_id}")
        links = row.get_by_role("link", name=re.compile(" dialog: "))
        expected = [
            link["url"].removeprefix(SITE_PATH)
            for link in dialog_links(view, FIXTURE_SET.user, SITE_PATH)
            if link["id"] != "add-workspace"
        ]
        expect(links).to_have_count(len(expected))
        assert [links.nth(i).get_attribute("href") for i in range(len(expected))] == expected


def test_the_live_region_covers_nothing_and_clears_on_the_next_action(flow_tab: Page) -> None:
    page = flow_tab
    page.goto(billing_url(FLEX))
    live = status(page)
    expect(live).to_have_attribute("role", "status")
    assert live.evaluate("e => getComputedStyle(e).position") == "static"
    region(page, "Available Credits").get_by_role("button", name="Add credits").click()
    page.get_by_role("dialog", name="Plans and credits").get_by_role(
        "button", name="Confirm"
    ).click()
    expect(live).to_have_text("Added 1,000 credits.")
    box, main = live.bounding_box(), page.get_by_role("main").bounding_box()
    assert box is not None
    assert main is not None
    assert box["y"] + box["height"] <= main["y"]
    region(page, "Payment Method").get_by_role("button").click()
    expect(live).to_have_text("")
    page.keyboard.press("Escape")


def test_a_purchase_past_the_largest_credit_figure_is_refused(flow_tab: Page) -> None:
    """The browser holds purchases to Python's largest credit figure (here made small)."""
    page = flow_tab
    state = FIXTURE_SET.states[FLEX]

    def smaller_limit(route: Route) -> None:
        data = route.fetch().json()
        data["max_credits"] = state.credits.total + 1500
        route.fulfill(json=data)

    page.route("**/flows.json", smaller_limit)
    page.goto(billing_url(FLEX))
    add_credits = region(page, "Available Credits").get_by_role("button", name="Add credits")
    add_credits.click()
    dialog = page.get_by_role("dialog", name="Plans and credits")
    dialog.get_by_role("radio", name="5,000 credits", exact=True).check()
    dialog.get_by_role("button", name="Confirm").click()
    packs = dialog.get_by_role("group", name="Add credits")
    expect(packs).to_have_attribute("aria-invalid", "true")
    expect(packs).to_have_accessible_description(re.compile("The total would pass"))
    expect(dialog.get_by_role("radio", name="5,000 credits", exact=True)).to_be_focused()
    dialog.get_by_role("radio", name="1,000 credits", exact=True).check()
    dialog.get_by_role("button", name="Confirm").click()
    expect(dialog).to_be_hidden()
    expect(region(page, "Available Credits")).to_contain_text("5,200 of 11,000 credits left")
    page.unroute("**/flows.json")
