"""The prototype in a real browser, beyond the doc claims: index, switcher, links, requests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Request, expect

from prototype.states.fixtures import FixtureSet
from tests.expected import (
    MEMBER_STATE_IDS,
    billing_url,
    each_member_state,
    home_url,
)


def test_switcher_closes_on_escape_and_returns_focus(ui_page: Page) -> None:
    ui_page.goto(home_url(MEMBER_STATE_IDS[0]))
    switcher = ui_page.get_by_role("button", name=re.compile("Workspace switcher$"))
    switcher.click()
    expect(switcher).to_have_attribute("aria-expanded", "true")
    ui_page.get_by_role("link", name="Manage workspace").focus()
    ui_page.keyboard.press("Escape")
    expect(switcher).to_have_attribute("aria-expanded", "false")
    expect(ui_page.get_by_role("link", name="Manage workspace")).to_be_hidden()
    expect(switcher).to_be_focused()


@pytest.mark.parametrize(
    ("label", "docs_heading"),
    [
        ("Profile", "Settings"),
        ("MCP", "Settings"),
        ("Connected Apps", "Settings"),
        ("Integrations", "Settings"),
        ("Model", "Settings"),
        ("Account", "Workspaces and Account Settings"),
    ],
)
def test_other_settings_pages_point_to_their_docs(
    ui_page: Page, label: str, docs_heading: str
) -> None:
    ui_page.goto(billing_url(MEMBER_STATE_IDS[0]))
    ui_page.get_by_role("navigation", name="Settings").get_by_role("link", name=label).click()
    main = ui_page.get_by_role("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(label)
    note = main.locator(".prototype-note")
    expect(note).to_contain_text("Read about this page in")
    note.get_by_role("link", name=docs_heading, exact=True).click()
    expect(ui_page.get_by_role("heading", name=docs_heading, level=1)).to_be_visible()


@each_member_state
def test_no_request_leaves_the_site(ui_page: Page, site_url: str, state_id: str) -> None:
    requested: list[str] = []

    def record(request: Request) -> None:
        requested.append(request.url)

    ui_page.context.on("request", record)
    ui_page.goto(home_url(state_id))
    ui_page.get_by_role("button", name=re.compile("Workspace switcher$")).click()
    ui_page.goto(billing_url(state_id))
    for button in ui_page.get_by_role("main").get_by_role("button").all():
        button.click()
        ui_page.keyboard.press("Escape")
    ui_page.context.remove_listener("request", record)
    outside = [url for url in requested if not url.startswith(site_url)]
    assert requested
    assert outside == []


def test_reviewers_index_lists_every_state(ui_page: Page, fixture_set: FixtureSet) -> None:
    ui_page.goto("prototype/")
    rows = ui_page.get_by_role("table").locator("tbody").get_by_role("row")
    expect(rows).to_have_count(len(fixture_set.states))
    for state_id, state in fixture_set.states.items():
        row = ui_page.locator(f"#state-{state_id}")
        expect(row).to_contain_text(state.title)
        expect(row).to_contain_text(state.description)
        expect(row.get_by_role("link", name=re.compile("^Workspace"))).to_have_attribute(
            "href", f"w/{state_id}/"
        )
        expect(row.get_by_role("link", name=re.compile("^Plan & Billing"))).to_have_attribute(
            "href", f"w/{state_id}/settings/billing/"
        )


def test_docs_navigation_links_to_the_prototype(ui_page: Page) -> None:
    ui_page.goto("")
    ui_page.get_by_role("navigation", name="Navigation").get_by_role(
        "link", name="Settings prototype"
    ).click()
    expect(ui_page.get_by_role("heading", name="Settings prototype", level=1)).to_be_visible()
