"""The prototype's "Show doc claims" switch: off by default, notes from claims.json, undone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import ConsoleMessage, Locator, Page, Route, expect

from tests.expected import billing_url, home_url

STATE = "pro-canceled"
CLAIM = "billing.current-plan.active-until"
STORAGE_KEY = "prototype.showClaims"

RENDERED_CLAIMS = """claims => claims
  .filter(claim => !claim.states.length || claim.states.includes(document.body.dataset.state))
  .filter(claim => [...document.querySelectorAll(claim.about)]
    .some(element => element.getClientRects().length > 0))
  .map(claim => claim.id)"""
"""The ids of the claims that concern this page's state (as the last run checked them) and
have a rendered element on it."""


@pytest.fixture
def tab(ui_page: Page) -> Iterator[Page]:
    """The shared tab with an empty sessionStorage, before and after the test."""
    ui_page.goto("prototype/")
    ui_page.evaluate("sessionStorage.clear()")
    yield ui_page
    ui_page.evaluate("sessionStorage.clear()")


def claims_json(page: Page, site_url: str) -> list[dict[str, Any]]:
    """The built ``claims.json``, as the prototype serves it."""
    response = page.request.get(f"{site_url}prototype/claims.json")
    assert response.ok
    claims: list[dict[str, Any]] = response.json()["claims"]
    return claims


def serve_claims(page: Page, claims: list[dict[str, Any]]) -> None:
    """Answer the page's request for ``claims.json`` with ``claims``."""
    page.route("**/claims.json", lambda route: route.fulfill(json={"claims": claims}))


def claim_by_id(claims: list[dict[str, Any]], claim_id: str) -> dict[str, Any]:
    return next(claim for claim in claims if claim["id"] == claim_id)


def switch(page: Page) -> Locator:
    return page.get_by_role("switch", name="Show doc claims")


def note_of(page: Page, claim_id: str) -> Locator:
    return page.get_by_role("complementary", name=f"Doc claim {claim_id}")


def turn_on(page: Page) -> None:
    switch(page).click()
    expect(switch(page)).to_have_attribute("aria-checked", "true")
    expect(page.locator(".claim-note").first).to_be_visible()


@pytest.mark.parametrize("url", ["prototype/", home_url(STATE), billing_url(STATE)])
def test_claims_are_off_by_default(tab: Page, url: str) -> None:
    tab.goto(url)
    expect(switch(tab)).to_have_attribute("aria-checked", "false")
    expect(tab.locator(".claim-note")).to_have_count(0)
    expect(tab.locator(".claim-target, [data-claim-ids]")).to_have_count(0)


def test_turning_on_shows_a_note_for_each_claim_on_the_page(tab: Page, site_url: str) -> None:
    claims = claims_json(tab, site_url)
    tab.goto(billing_url(STATE))
    expected = tab.evaluate(RENDERED_CLAIMS, claims)
    assert CLAIM in expected
    turn_on(tab)

    shown = tab.evaluate(
        "() => [...document.querySelectorAll('[data-claim-ids]')]"
        ".flatMap(element => element.dataset.claimIds.split(' '))"
    )
    assert sorted(set(shown)) == sorted(expected)
    claim = claim_by_id(claims, CLAIM)
    target = tab.locator('[data-field="active-until"]')
    expect(target).to_have_class(re.compile(r"\bclaim-target\b"))
    expect(target).to_have_attribute("data-claim-ids", CLAIM)
    assert target.evaluate("element => element.nextElementSibling.className") == "claim-note"

    note = note_of(tab, CLAIM)
    expect(note).to_be_visible()
    expect(note.locator("q")).to_have_text(claim["text"])
    link = note.get_by_role("link", name="Read in the docs")
    href = link.evaluate("link => link.href")
    assert href == f"{site_url}{claim['url']}"
    # The anchor comes from the last conformance report; a first run has none yet.
    assert re.search(r"guide/settings/billing/(#current-plan)?$", href)
    assert link.get_attribute("target") is None
    assert tab.locator("[style]").count() == 0


def test_claims_on_one_element_share_a_note(tab: Page) -> None:
    action = '[data-field="plan-action"]'
    serve_claims(
        tab,
        [
            {
                "id": claim,
                "text": claim,
                "status": "verified",
                "states": [],
                "url": "",
                "about": action,
            }
            for claim in ("first.claim", "second.claim")
        ],
    )
    tab.goto(billing_url(STATE))
    turn_on(tab)
    expect(tab.locator(action)).to_have_attribute("data-claim-ids", "first.claim second.claim")
    note = note_of(tab, "first.claim")
    expect(note).to_have_count(1)
    expect(note.get_by_role("listitem")).to_have_count(2)
    expect(note_of(tab, "second.claim")).to_have_count(1)
    tab.unroute("**/claims.json")


def test_a_claim_checked_on_other_states_only_is_not_shown(tab: Page) -> None:
    about = '[data-field="plan-action"]'
    claims = [
        {
            "id": "here",
            "text": "here",
            "status": "verified",
            "states": [STATE],
            "url": "",
            "about": about,
        },
        {
            "id": "elsewhere",
            "text": "elsewhere",
            "status": "verified",
            "states": ["flex-team"],
            "url": "",
            "about": about,
        },
    ]
    serve_claims(tab, claims)
    tab.goto(billing_url(STATE))
    turn_on(tab)
    expect(tab.locator(about)).to_have_attribute("data-claim-ids", "here")
    expect(note_of(tab, "elsewhere")).to_have_count(0)
    tab.unroute("**/claims.json")


def test_hidden_elements_get_no_note(tab: Page) -> None:
    tab.goto(home_url("flex-team"))
    turn_on(tab)
    expect(tab.locator(".switcher__action.claim-target")).to_have_count(0)
    expect(note_of(tab, "billing.credits.add-credits")).to_have_count(0)


def test_statuses_come_from_claims_json(tab: Page, site_url: str) -> None:
    claims = claims_json(tab, site_url)
    tab.goto(billing_url(STATE))
    turn_on(tab)
    for claim_id in [CLAIM, "billing.invoices.columns"]:
        status = claim_by_id(claims, claim_id)["status"]
        badge = note_of(tab, claim_id).locator(".claim-status")
        expect(badge).to_have_text(status)
        expect(badge).to_have_class(f"claim-status claim-status--{status.replace(' ', '-')}")


STATUS_TARGETS = {
    "verified": '[data-field="plan"]',
    "failing": '[data-field="plan-action"]',
    "expected to fail": '[data-field="balance"]',
    "not run": '[data-field="card"]',
    "not checked yet": '[data-section="invoices"] h2',
}
"""An element of the billing page for a claim of each status to be about."""
BADGE_LOOK = """badge => {
  const style = getComputedStyle(badge);
  return [style.backgroundColor, style.color, style.borderStyle].join(" ");
}"""
LINK_LOOK = """link => {
  const style = getComputedStyle(link);
  return [style.display, style.color, style.textDecorationLine, style.fontWeight].join(" ");
}"""


def made_up_claim(claim_id: str, status: str, about: str) -> dict[str, Any]:
    return {
        "id": claim_id,
        "text": claim_id,
        "status": status,
        "states": [],
        "url": "",
        "about": about,
    }


def test_each_status_looks_its_own_and_not_checked_yet_is_no_failure(tab: Page) -> None:
    claims = [
        made_up_claim(f"claim.{index}", status, about)
        for index, (status, about) in enumerate(STATUS_TARGETS.items())
    ]
    serve_claims(tab, claims)
    try:
        tab.goto(billing_url(STATE))
        turn_on(tab)
        looks = {}
        for claim in claims:
            badge = note_of(tab, claim["id"]).locator(".claim-status")
            expect(badge).to_have_text(claim["status"])
            looks[claim["status"]] = badge.evaluate(BADGE_LOOK)
        assert len(set(looks.values())) == len(looks), looks
        assert "dashed" in looks["not checked yet"]
    finally:
        tab.unroute("**/claims.json")


def test_note_links_in_the_settings_sidebar_look_like_links(tab: Page) -> None:
    serve_claims(
        tab,
        [
            made_up_claim("in.sidebar", "verified", ".sidebar__nav ul:first-of-type"),
            made_up_claim("in.main", "verified", "main h1"),
        ],
    )
    try:
        tab.goto(billing_url(STATE))
        turn_on(tab)
        sidebar = note_of(tab, "in.sidebar").get_by_role("link", name="Read in the docs")
        main = note_of(tab, "in.main").get_by_role("link", name="Read in the docs")
        expect(sidebar).to_be_visible()
        assert sidebar.evaluate(LINK_LOOK) == main.evaluate(LINK_LOOK)
        assert "underline" in sidebar.evaluate(LINK_LOOK)
        menu_item = tab.get_by_role("navigation", name="Settings").get_by_role("link", name="MCP")
        assert sidebar.evaluate(LINK_LOOK) != menu_item.evaluate(LINK_LOOK)
    finally:
        tab.unroute("**/claims.json")


@pytest.mark.parametrize("url", [billing_url(STATE), home_url("flex-team"), "prototype/"])
def test_turning_off_restores_the_page_exactly(tab: Page, url: str) -> None:
    csp_errors: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            csp_errors.append(message.text)

    tab.on("console", record)
    tab.goto(url)
    before = tab.evaluate("document.body.innerHTML")
    switch(tab).click()
    expect(switch(tab)).to_have_attribute("aria-checked", "true")
    tab.wait_for_function("before => document.body.innerHTML !== before", arg=before)
    switch(tab).click()
    expect(switch(tab)).to_have_attribute("aria-checked", "false")
    assert tab.evaluate("document.body.innerHTML") == before
    tab.remove_listener("console", record)
    assert csp_errors == []


def test_the_choice_lasts_for_the_session(tab: Page) -> None:
    tab.goto(billing_url(STATE))
    turn_on(tab)
    assert tab.evaluate(f"sessionStorage.getItem('{STORAGE_KEY}')") == "1"

    tab.goto(billing_url("flex-team"))
    expect(switch(tab)).to_have_attribute("aria-checked", "true")
    expect(note_of(tab, "billing.credits.section")).to_be_visible()

    switch(tab).click()
    expect(switch(tab)).to_have_attribute("aria-checked", "false")
    expect(tab.locator(".claim-note")).to_have_count(0)
    assert tab.evaluate(f"sessionStorage.getItem('{STORAGE_KEY}')") is None
    tab.goto(home_url("flex-team"))
    expect(switch(tab)).to_have_attribute("aria-checked", "false")
    expect(tab.locator(".claim-note")).to_have_count(0)


def test_a_failed_fetch_says_so_and_turns_the_switch_off(tab: Page) -> None:
    def fail(route: Route) -> None:
        route.abort()

    tab.route("**/claims.json", fail)
    try:
        tab.goto(billing_url(STATE))
        switch(tab).click()
        status = tab.locator("[data-prototype-status]")
        expect(status).to_contain_text("Doc claims could not be loaded")
        expect(switch(tab)).to_have_attribute("aria-checked", "false")
        expect(tab.locator(".claim-note")).to_have_count(0)
        assert tab.evaluate(f"sessionStorage.getItem('{STORAGE_KEY}')") is None
    finally:
        tab.unroute("**/claims.json", fail)


def test_parts_an_action_swaps_in_are_outlined_again(tab: Page) -> None:
    """After Resume, the Active until note is gone with its element, and the new plan action
    carries the notes of the claims about it."""
    action = '[data-field="plan-action"]'
    serve_claims(
        tab,
        [
            {
                "id": claim,
                "text": claim,
                "status": "verified",
                "states": [],
                "url": "",
                "about": about,
            }
            for claim, about in (
                ("plan.claim", action),
                ("until.claim", '[data-field="active-until"]'),
            )
        ],
    )
    tab.goto(billing_url(STATE))
    turn_on(tab)
    expect(note_of(tab, "until.claim")).to_have_count(1)
    tab.locator(action).click()
    tab.get_by_role("dialog", name="Resume Pro Subscription").get_by_role(
        "button", name="Resume plan"
    ).click()
    expect(tab.locator(action)).to_have_text("Change plan")
    expect(tab.locator(action)).to_have_attribute("data-claim-ids", "plan.claim")
    expect(note_of(tab, "plan.claim")).to_have_count(1)
    expect(note_of(tab, "until.claim")).to_have_count(0)
    tab.unroute("**/claims.json")
