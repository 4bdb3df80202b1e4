"""Doc claims of the Plan and Billing page, checked in the browser on every state they concern.

Each test names its claim (``docs/claims.yaml``); states come from the fixtures, filtered by
the claim's condition, never copied per state.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from babel.numbers import format_currency, get_currency_precision
from playwright.sync_api import Locator, Page, expect

from prototype.states.fixtures import FixtureSet
from prototype.states.models import Workspace
from tests.expected import (
    MEMBER_STATE_IDS,
    PLAN_LABELS,
    billing_url,
    card_text,
    each_member_state,
    home_url,
    newest_first,
    shown_date,
    state_ids,
)
from tests.tabs import SharedPage
from tests.ui import SWITCHER_GROUPS, open_workspace_list

pytestmark = pytest.mark.conformance
flex_states = pytest.mark.parametrize("state_id", state_ids(lambda s: s.plan.type == "flex"))
pro_states = pytest.mark.parametrize("state_id", state_ids(lambda s: s.plan.type == "pro"))
with_invoices = pytest.mark.parametrize("state_id", state_ids(lambda s: bool(s.invoices)))


def region(page: Page, heading: str) -> Locator:
    """A section of the page, found by the heading that names it."""
    return page.get_by_role("region", name=heading, exact=True)


def url_ending(path: str) -> re.Pattern[str]:
    return re.compile(re.escape(path) + "$")


def follow_the_documented_path(page: Page, workspace: Workspace) -> None:
    """The docs' path from a page of ``workspace``: the switcher, which lists it as the current
    workspace in its group, **Manage workspace**, then **Plan & Billing**."""
    panel = open_workspace_list(page)
    expect(panel.get_by_role("heading")).to_have_text(list(SWITCHER_GROUPS.values()))
    group = panel.get_by_role("list", name=SWITCHER_GROUPS[workspace.group])
    current = group.get_by_role("link", name=workspace.name, exact=True)
    expect(current).to_have_attribute("aria-current", "true")
    expect(current).to_have_js_property("href", page.url)
    panel.get_by_role("link", name="Manage workspace", exact=True).click()
    settings = page.get_by_role("navigation", name="Settings")
    settings.get_by_role("link", name="Plan & Billing", exact=True).click()


def expect_billing_of(page: Page, state_id: str, workspace_name: str) -> None:
    """The page is Plan & Billing, with its four sections, for the workspace so named."""
    expect(page).to_have_url(url_ending(billing_url(state_id)))
    expect(page.get_by_role("heading", name="Plan & Billing", level=1)).to_be_visible()
    for heading in ("Current Plan", "Available Credits", "Payment Method", "Invoices"):
        expect(region(page, heading)).to_be_visible()
    expect(page.get_by_role("link", name=f"Back to {workspace_name}")).to_be_visible()


@pytest.mark.claim("billing.path")
@pytest.mark.claim("billing.workspace-level")
@each_member_state
def test_documented_path_leads_to_the_workspace_billing(
    ui_page: Page, hand_over: Callable[[Page], None], fixture_set: FixtureSet, state_id: str
) -> None:
    """From the workspace, the docs' path ends on that workspace's Plan & Billing page."""
    workspace = fixture_set.states[state_id].workspace
    ui_page.goto(home_url(state_id))
    follow_the_documented_path(ui_page, workspace)
    expect_billing_of(ui_page, state_id, workspace.name)
    hand_over(ui_page)


@pytest.mark.claim("billing.workspace-level")
def test_switching_workspace_switches_billing(ui_page: Page, fixture_set: FixtureSet) -> None:
    """Choose another workspace in the switcher, then the docs' path: its billing shows."""
    start, target = MEMBER_STATE_IDS[0], MEMBER_STATE_IDS[-1]
    workspace = fixture_set.states[target].workspace
    assert workspace.name != fixture_set.states[start].workspace.name
    ui_page.goto(home_url(start))
    panel = open_workspace_list(ui_page)
    group = panel.get_by_role("list", name=SWITCHER_GROUPS[workspace.group])
    group.get_by_role("link", name=workspace.name, exact=True).click()
    expect(ui_page).to_have_url(url_ending(home_url(target)))
    follow_the_documented_path(ui_page, workspace)
    expect_billing_of(ui_page, target, workspace.name)


@pytest.mark.claim("billing.workspace-level")
@each_member_state
def test_billing_page_belongs_to_its_workspace(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    state = fixture_set.states[state_id]
    page = shared_page(billing_url(state_id))
    expect(page.get_by_role("link", name=f"Back to {state.workspace.name}")).to_be_visible()
    expect(region(page, "Available Credits")).to_contain_text(
        f"{state.credits.balance:,} of {state.credits.total:,} credits left"
    )


@pytest.mark.claim("billing.current-plan.section")
@each_member_state
def test_current_plan_shows_the_plan(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    plan = fixture_set.states[state_id].plan
    section = region(shared_page(billing_url(state_id)), "Current Plan")
    expect(section).to_contain_text(PLAN_LABELS[plan.type])
    other = PLAN_LABELS["pro" if plan.type == "flex" else "flex"]
    expect(section.get_by_text(other)).to_have_count(0)


@pytest.mark.claim("billing.current-plan.flex-label")
@flex_states
def test_flex_workspaces_show_flex_credits(shared_page: SharedPage, state_id: str) -> None:
    section = region(shared_page(billing_url(state_id)), "Current Plan")
    expect(section.locator("strong", has_text="Flex Credits")).to_have_text("Flex Credits")


@pytest.mark.claim("billing.current-plan.pro-label")
@pro_states
def test_pro_workspaces_show_pro_subscription(shared_page: SharedPage, state_id: str) -> None:
    section = region(shared_page(billing_url(state_id)), "Current Plan")
    expect(section.locator("strong", has_text="Pro Subscription")).to_have_text("Pro Subscription")


@pytest.mark.claim("billing.current-plan.tier")
@pro_states
def test_tier_name_shown_when_attached(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    tier = fixture_set.states[state_id].plan.tier
    section = region(shared_page(billing_url(state_id)), "Current Plan")
    tier_label = section.locator('[data-field="tier"]')
    if tier:
        expect(tier_label).to_have_text(tier)
    else:
        expect(tier_label).to_have_count(0)


@pytest.mark.claim("billing.current-plan.active-until")
@each_member_state
def test_active_until_shown_when_the_plan_ends(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    active_until = fixture_set.states[state_id].plan.active_until
    section = region(shared_page(billing_url(state_id)), "Current Plan")
    label = section.locator("strong", has_text="Active until")
    if active_until:
        expect(label).to_have_text("Active until")
        expect(section).to_contain_text(f"Active until {shown_date(active_until)}")
    else:
        expect(label).to_have_count(0)


@pytest.mark.claim("billing.credits.section")
@each_member_state
def test_credits_balance_and_progress(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    credits = fixture_set.states[state_id].credits
    section = region(shared_page(billing_url(state_id)), "Available Credits")
    bar = section.get_by_role("progressbar", name="Credits left")
    expect(bar).to_have_attribute("value", str(credits.balance))
    expect(bar).to_have_attribute("max", str(credits.total or 1))
    expect(section).to_contain_text(f"{credits.balance:,} of {credits.total:,} credits left")


@pytest.mark.claim("billing.credits.renewal")
@each_member_state
def test_renewal_date_on_pro_only(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    plan = fixture_set.states[state_id].plan
    section = region(shared_page(billing_url(state_id)), "Available Credits")
    renewal = section.get_by_text(re.compile(r"^Renews on "))
    if plan.type == "pro" and plan.renews_on:
        expect(renewal).to_have_text(f"Renews on {shown_date(plan.renews_on)}")
    else:
        expect(renewal).to_have_count(0)


@pytest.mark.claim("billing.credits.add-credits")
@each_member_state
def test_add_credits_on_flex_only(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    is_flex = fixture_set.states[state_id].plan.type == "flex"
    section = region(shared_page(billing_url(state_id)), "Available Credits")
    expect(section.get_by_role("button", name="Add credits", exact=True)).to_have_count(
        1 if is_flex else 0
    )


@pytest.mark.claim("billing.payment.section")
@each_member_state
def test_payment_method_shown_if_one_exists(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    card = fixture_set.states[state_id].payment_method
    section = region(shared_page(billing_url(state_id)), "Payment Method")
    if card:
        expect(section.locator("p")).to_have_text(card_text(card))
    else:
        expect(section).not_to_contain_text("ending in")
        expect(section).to_contain_text("No payment method on file.")


@pytest.mark.claim("billing.invoices.section")
@each_member_state
def test_invoices_listed_newest_first(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    state = fixture_set.states[state_id]
    section = region(shared_page(billing_url(state_id)), "Invoices")
    table = section.get_by_role("table")
    if not state.invoices:
        expect(table).to_have_count(0)
        expect(section).to_contain_text("No invoices yet.")
        return
    links = table.locator("tbody").get_by_role("row").get_by_role("link")
    expect(links).to_have_text([re.compile(f"^{number}") for number in newest_first(state)])


@pytest.mark.claim("billing.invoices.columns")
@with_invoices
def test_invoice_rows_have_the_documented_columns(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    state = fixture_set.states[state_id]
    table = region(shared_page(billing_url(state_id)), "Invoices").get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_text(
        ["Date", "Invoice number", "Amount", "Payment method"]
    )
    newest = {invoice.number: invoice for invoice in state.invoices}[newest_first(state)[0]]
    major = newest.amount.minor_units / 10 ** get_currency_precision(newest.amount.currency)
    expect(table.locator("tbody").get_by_role("row").first.get_by_role("cell")).to_have_text(
        [
            shown_date(newest.date),
            re.compile(f"^{newest.number}"),
            format_currency(major, newest.amount.currency, locale="en_US"),
            card_text(newest.paid_with),
        ]
    )


@pytest.mark.claim("billing.invoices.new-tab")
@with_invoices
def test_invoice_number_opens_its_page_in_a_new_tab(
    shared_page: SharedPage, fixture_set: FixtureSet, state_id: str
) -> None:
    number = newest_first(fixture_set.states[state_id])[-1]
    page = shared_page(billing_url(state_id))
    link = region(page, "Invoices").get_by_role("link", name=re.compile(f"^{number}"))
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    with page.context.expect_page() as new_tab:
        link.click()
    invoice_page = new_tab.value
    expect(invoice_page).to_have_url(re.compile(f"/invoices/{number}/$"))
    heading = invoice_page.get_by_role("heading", name=f"Invoice {number}", level=1)
    expect(heading).to_be_visible()
    assert invoice_page.evaluate("window.opener") is None
    expect(page).to_have_url(url_ending(billing_url(state_id)))


@pytest.mark.claim("billing.not-managed")
@each_member_state
def test_no_seat_table_csv_export_or_seat_assignment(
    shared_page: SharedPage, state_id: str
) -> None:
    main = shared_page(billing_url(state_id)).get_by_role("main")
    expect(main.get_by_text(re.compile(r"\bseats?\b", re.I))).to_have_count(0)
    expect(main.get_by_text(re.compile(r"\b(CSV|export)\b", re.I))).to_have_count(0)
    expect(main.get_by_role("columnheader", name=re.compile("seat|role", re.I))).to_have_count(0)
    expect(main.get_by_role("combobox")).to_have_count(0)
    expect(main.get_by_text(re.compile(r"\b(Owner|Admin|Member)s?\b"))).to_have_count(0)


@pytest.mark.claim("billing.membership-separate")
def test_membership_is_managed_apart_from_billing(ui_page: Page) -> None:
    """Members is its own Settings page, pointing to Roles and Permissions."""
    ui_page.goto(billing_url(MEMBER_STATE_IDS[0]))
    settings = ui_page.get_by_role("navigation", name="Settings")
    settings.get_by_role("link", name="Members", exact=True).click()
    expect(ui_page.get_by_role("heading", name="Members", level=1)).to_be_visible()
    ui_page.get_by_role("main").get_by_role("link", name="Roles and Permissions").click()
    expect(ui_page.get_by_role("heading", name="Roles and Permissions", level=1)).to_be_visible()
