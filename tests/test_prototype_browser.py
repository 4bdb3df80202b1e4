"""The prototype in a real browser: the documented path, each section, dialogs and links."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from babel.numbers import format_currency, get_currency_precision
from playwright.sync_api import Locator, Page, expect

from prototype.fixtures import FixtureSet
from tests.expected import (
    PLAN_LABELS,
    STATE_IDS,
    billing_url,
    home_url,
    newest_first,
    shown_date,
    state_ids,
)

ReadPage = Callable[[str], Page]
each_state = pytest.mark.parametrize("state_id", STATE_IDS)


def region(page: Page, heading: str) -> Locator:
    """A section of the page, found by the heading that names it."""
    return page.get_by_role("region", name=heading, exact=True)


@each_state
def test_documented_path_reaches_plan_and_billing(page: Page, state_id: str) -> None:
    """Switcher, **Manage workspace**, then **Plan & Billing**, as the docs say."""
    page.goto(home_url(state_id))
    page.get_by_role("button", name=re.compile("Switch workspace")).click()
    page.get_by_role("link", name="Manage workspace", exact=True).click()
    expect(page.get_by_role("navigation", name="Settings")).to_be_visible()
    page.get_by_role("navigation", name="Settings").get_by_role(
        "link", name="Plan & Billing", exact=True
    ).click()
    expect(page).to_have_url(re.compile(re.escape(billing_url(state_id)) + "$"))
    expect(page.get_by_role("heading", name="Plan & Billing", level=1)).to_be_visible()


@each_state
def test_current_plan(open_for_reading: ReadPage, fixture_set: FixtureSet, state_id: str) -> None:
    plan = fixture_set.states[state_id].plan
    section = region(open_for_reading(billing_url(state_id)), "Current Plan")
    expect(section.locator("strong", has_text=PLAN_LABELS[plan.type])).to_have_text(
        PLAN_LABELS[plan.type]
    )
    other = PLAN_LABELS["pro" if plan.type == "flex" else "flex"]
    expect(section.get_by_text(other)).to_have_count(0)
    if plan.tier:
        expect(section.get_by_text(plan.tier, exact=True)).to_be_visible()
    active_until = section.locator("strong", has_text="Active until")
    if plan.active_until:
        expect(active_until).to_have_text("Active until")
        expect(section).to_contain_text(f"Active until {shown_date(plan.active_until)}")
    else:
        expect(active_until).to_have_count(0)


@each_state
def test_plan_action_opens_its_flow(page: Page, fixture_set: FixtureSet, state_id: str) -> None:
    """Flex: the plan selection flow. Pro: change the plan, or resume a canceled one."""
    plan = fixture_set.states[state_id].plan
    page.goto(billing_url(state_id))
    if plan.type == "flex":
        label, dialog_name = "Choose a plan", "Plans and credits"
    elif plan.status == "canceled":
        label, dialog_name = "Resume plan", "Resume Pro Subscription"
    else:
        label, dialog_name = "Change plan", "Plans and credits"
    action = region(page, "Current Plan").get_by_role("button", name=label, exact=True)
    action.click()
    dialog = page.get_by_role("dialog", name=dialog_name)
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(action).to_be_focused()


@each_state
def test_available_credits(
    open_for_reading: ReadPage, fixture_set: FixtureSet, state_id: str
) -> None:
    state = fixture_set.states[state_id]
    section = region(open_for_reading(billing_url(state_id)), "Available Credits")
    bar = section.get_by_role("progressbar", name="Credits left")
    expect(bar).to_have_attribute("value", str(state.credits.balance))
    expect(bar).to_have_attribute("max", str(state.credits.total or 1))
    expect(section).to_contain_text(
        f"{state.credits.balance:,} of {state.credits.total:,} credits left"
    )
    renewal = section.get_by_text(re.compile(r"^Renews on "))
    if state.plan.renews_on:
        expect(renewal).to_have_text(f"Renews on {shown_date(state.plan.renews_on)}")
    else:
        expect(renewal).to_have_count(0)
    add_credits = section.get_by_role("button", name="Add credits", exact=True)
    expect(add_credits).to_have_count(1 if state.plan.type == "flex" else 0)


@pytest.mark.parametrize("state_id", state_ids(lambda state: state.plan.type == "flex"))
def test_add_credits_opens_the_switchers_purchase_flow(page: Page, state_id: str) -> None:
    """**Add credits** and the switcher's entry open one and the same dialog."""
    page.goto(home_url(state_id))
    page.get_by_role("button", name=re.compile("Switch workspace")).click()
    page.get_by_role("button", name="Plans and credits", exact=True).click()
    from_switcher = page.get_by_role("dialog", name="Plans and credits")
    expect(from_switcher).to_be_visible()
    switcher_dialog = from_switcher.evaluate("d => [d.id, d.dataset.flow, d.outerHTML]")

    page.goto(billing_url(state_id))
    add_credits = page.get_by_role("button", name="Add credits", exact=True)
    add_credits.click()
    from_billing = page.get_by_role("dialog", name="Plans and credits")
    expect(from_billing).to_be_visible()
    assert from_billing.evaluate("d => [d.id, d.dataset.flow, d.outerHTML]") == switcher_dialog
    page.keyboard.press("Escape")
    expect(add_credits).to_be_focused()


@each_state
def test_payment_method(open_for_reading: ReadPage, fixture_set: FixtureSet, state_id: str) -> None:
    card = fixture_set.states[state_id].payment_method
    section = region(open_for_reading(billing_url(state_id)), "Payment Method")
    brand = {
        "visa": "Visa",
        "mastercard": "Mastercard",
        "amex": "American Express",
        "discover": "Discover",
    }
    if card:
        expect(section).to_contain_text(f"{brand[card.brand]} ending in {card.last4}")
        expect(section).to_contain_text(f"Expires {card.exp_month:02d}/{card.exp_year}")
    else:
        expect(section).not_to_contain_text("ending in")
    label = "Change Payment Method" if card else "Add Payment Method"
    expect(section.get_by_role("button", name=label, exact=True)).to_be_visible()
    other = "Add Payment Method" if card else "Change Payment Method"
    expect(section.get_by_role("button", name=other, exact=True)).to_have_count(0)


@each_state
def test_payment_method_dialog(page: Page, fixture_set: FixtureSet, state_id: str) -> None:
    card = fixture_set.states[state_id].payment_method
    label = "Change Payment Method" if card else "Add Payment Method"
    page.goto(billing_url(state_id))
    button = region(page, "Payment Method").get_by_role("button", name=label, exact=True)
    button.click()
    dialog = page.get_by_role("dialog", name=label)
    expect(dialog).to_be_visible()
    for field in ("Name on card", "Card number", "Expiry (MM/YY)", "Security code"):
        expect(dialog.get_by_role("textbox", name=field)).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()


@each_state
def test_invoices_table(open_for_reading: ReadPage, fixture_set: FixtureSet, state_id: str) -> None:
    state = fixture_set.states[state_id]
    section = region(open_for_reading(billing_url(state_id)), "Invoices")
    table = section.get_by_role("table")
    if not state.invoices:
        expect(table).to_have_count(0)
        expect(section).to_contain_text("No invoices yet.")
        return
    expect(table.get_by_role("columnheader")).to_have_text(
        ["Date", "Invoice number", "Amount", "Payment method"]
    )
    rows = table.locator("tbody").get_by_role("row")
    expect(rows).to_have_count(len(state.invoices))
    links = rows.get_by_role("link")
    expect(links).to_have_text([re.compile(f"^{n}") for n in newest_first(state)])
    by_number = {invoice.number: invoice for invoice in state.invoices}
    first = by_number[newest_first(state)[0]]
    major = first.amount.minor_units / 10 ** get_currency_precision(first.amount.currency)
    expect(rows.first.get_by_role("cell")).to_have_text(
        [
            shown_date(first.date),
            re.compile(f"^{first.number}"),
            format_currency(major, first.amount.currency, locale="en_US"),
            re.compile(f"ending in {first.paid_with.last4}$"),
        ]
    )
    for link in links.all():
        expect(link).to_have_attribute("target", "_blank")
        expect(link).to_have_attribute("rel", "noopener noreferrer")


@pytest.mark.parametrize("state_id", state_ids(lambda state: bool(state.invoices)))
def test_invoice_link_opens_its_page_in_a_new_tab(
    page: Page, fixture_set: FixtureSet, state_id: str
) -> None:
    state = fixture_set.states[state_id]
    number = newest_first(state)[-1]
    page.goto(billing_url(state_id))
    with page.context.expect_page() as new_tab:
        region(page, "Invoices").get_by_role("link", name=re.compile(f"^{number}")).click()
    invoice_page = new_tab.value
    invoice_page.wait_for_load_state()
    expect(invoice_page).to_have_url(re.compile(f"/invoices/{number}/$"))
    expect(invoice_page.get_by_role("heading", name=f"Invoice {number}", level=1)).to_be_visible()
    assert invoice_page.evaluate("window.opener") is None
    expect(page).to_have_url(re.compile(re.escape(billing_url(state_id)) + "$"))


@each_state
def test_nothing_about_seats_exports_or_role_assignment(
    open_for_reading: ReadPage, state_id: str
) -> None:
    """No seat table, CSV export or role-based seat assignment, in any state."""
    page = open_for_reading(billing_url(state_id))
    main = page.get_by_role("main")
    expect(main.get_by_text(re.compile(r"\bseats?\b", re.I))).to_have_count(0)
    expect(main.get_by_text(re.compile(r"\b(CSV|export)\b", re.I))).to_have_count(0)
    expect(main.get_by_role("columnheader", name=re.compile("seat|role", re.I))).to_have_count(0)
    expect(main.get_by_role("combobox")).to_have_count(0)
    expect(main.get_by_text(re.compile(r"\b(Owner|Admin|Member)\b"))).to_have_count(0)


@each_state
def test_switching_workspace_moves_between_states(
    page: Page, fixture_set: FixtureSet, state_id: str
) -> None:
    """Every state is a workspace in the switcher; choosing it opens that workspace."""
    start = STATE_IDS[0] if state_id != STATE_IDS[0] else STATE_IDS[1]
    name = fixture_set.states[state_id].workspace.name
    page.goto(home_url(start))
    switcher = page.get_by_role("button", name=re.compile("Switch workspace"))
    switcher.click()
    panel = page.locator("#workspace-switcher")
    expect(panel.get_by_role("heading", name="My Workspaces")).to_be_visible()
    expect(panel.get_by_role("heading", name="Shared with Me")).to_be_visible()
    panel.get_by_role("link", name=name, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(home_url(state_id)) + "$"))
    expect(page.get_by_role("button", name=re.compile("Switch workspace"))).to_contain_text(name)


def test_switcher_closes_on_escape_and_returns_focus(page: Page) -> None:
    page.goto(home_url(STATE_IDS[0]))
    switcher = page.get_by_role("button", name=re.compile("Switch workspace"))
    switcher.click()
    expect(switcher).to_have_attribute("aria-expanded", "true")
    page.get_by_role("link", name="Manage workspace").focus()
    page.keyboard.press("Escape")
    expect(switcher).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("link", name="Manage workspace")).to_be_hidden()
    expect(switcher).to_be_focused()


@each_state
def test_settings_sidebar_and_link_back(
    open_for_reading: ReadPage, fixture_set: FixtureSet, state_id: str
) -> None:
    page = open_for_reading(billing_url(state_id))
    nav = page.get_by_role("navigation", name="Settings")
    expect(nav.get_by_role("list", name="User").get_by_role("link")).to_have_text(
        ["Profile", "MCP", "Connected Apps"]
    )
    expect(nav.get_by_role("list", name="Workspace").get_by_role("link")).to_have_text(
        ["Integrations", "Members", "Plan & Billing", "Model", "Account"]
    )
    expect(nav.get_by_role("link", name="Plan & Billing")).to_have_attribute("aria-current", "page")
    name = fixture_set.states[state_id].workspace.name
    back = page.get_by_role("link", name=f"Back to {name}")
    expect(back).to_have_attribute("href", re.compile(r"^(\.\./)+w/" + state_id + "/$"))


@pytest.mark.parametrize(
    ("label", "docs_heading"),
    [
        ("Profile", "Settings"),
        ("MCP", "Settings"),
        ("Connected Apps", "Settings"),
        ("Integrations", "Settings"),
        ("Members", "Roles and Permissions"),
        ("Model", "Settings"),
        ("Account", "Workspaces and Account Settings"),
    ],
)
def test_other_settings_pages_point_to_their_docs(
    page: Page, label: str, docs_heading: str
) -> None:
    page.goto(billing_url(STATE_IDS[0]))
    page.get_by_role("navigation", name="Settings").get_by_role("link", name=label).click()
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(label)
    expect(main).to_contain_text("outside this prototype")
    main.get_by_role("link", name=docs_heading, exact=True).click()
    expect(page.get_by_role("heading", name=docs_heading, level=1)).to_be_visible()


@each_state
def test_no_request_leaves_the_site(page: Page, site_url: str, state_id: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(home_url(state_id))
    page.get_by_role("button", name=re.compile("Switch workspace")).click()
    page.goto(billing_url(state_id))
    for button in page.get_by_role("main").get_by_role("button").all():
        button.click()
        page.keyboard.press("Escape")
    outside = [url for url in requested if not url.startswith(site_url)]
    assert requested
    assert outside == []


def test_reviewers_index_lists_every_state(page: Page, fixture_set: FixtureSet) -> None:
    page.goto("prototype/")
    rows = page.get_by_role("table").locator("tbody").get_by_role("row")
    expect(rows).to_have_count(len(fixture_set.states))
    for state_id, state in fixture_set.states.items():
        row = page.locator(f"#state-{state_id}")
        expect(row).to_contain_text(state.title)
        expect(row).to_contain_text(state.description)
        expect(row.get_by_role("link", name=re.compile("^Workspace"))).to_have_attribute(
            "href", f"w/{state_id}/"
        )
        expect(row.get_by_role("link", name=re.compile("^Plan & Billing"))).to_have_attribute(
            "href", f"w/{state_id}/settings/billing/"
        )


def test_docs_navigation_links_to_the_prototype(page: Page) -> None:
    page.goto("")
    page.get_by_role("navigation", name="Navigation").get_by_role(
        "link", name="Plan & Billing prototype"
    ).click()
    expect(page.get_by_role("heading", name="Plan & Billing prototype", level=1)).to_be_visible()
