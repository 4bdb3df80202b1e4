"""The prototype's layout at the sizes reviewers named: a 390-pixel phone and a 1280 by 800
window. The Settings sidebar folds on a phone, wide tables say they scroll, the states stack
with whole words, the profile button is in view, and disclosures close when the focus leaves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Locator, Page, ViewportSize, expect

from prototype.states.fixtures import FixtureSet
from tests.expected import MEMBER_STATE_IDS, billing_url, each_member_state, home_url, state_ids
from tests.ui import switcher

PHONE = ViewportSize(width=390, height=844)
DESKTOP = ViewportSize(width=1280, height=800)
WITH_INVOICES = state_ids(lambda state: bool(state.invoices))
BROKEN_WORDS = """cells => cells.flatMap(cell => {
  const text = cell.textContent;
  const found = [];
  for (const match of text.matchAll(/[\\p{Script=Latin}\\p{N}]+/gu)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let at = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const start = match.index - at;
      if (start >= 0 && start + match[0].length <= node.length) {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + match[0].length);
        const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
        if (lines.size > 1) found.push(match[0]);
        break;
      }
      at += node.length;
    }
  }
  return found;
})"""
"""The words of each element that the layout splits across lines."""


@contextmanager
def sized(page: Page, size: ViewportSize) -> Iterator[Page]:
    """The page at ``size``; the tab's size is restored afterwards."""
    before = page.viewport_size or DESKTOP
    page.set_viewport_size(size)
    try:
        yield page
    finally:
        page.set_viewport_size(before)


def in_first_screen(element: Locator, size: ViewportSize) -> bool:
    """Whether the element is drawn wholly inside the window before any scrolling."""
    box = element.bounding_box()
    assert box is not None, "not drawn"
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"] + 0.5
        and box["y"] + box["height"] <= size["height"] + 0.5
    )


# The Settings sidebar on a phone


@each_member_state
def test_settings_sidebar_folds_behind_a_button_on_a_phone(ui_page: Page, state_id: str) -> None:
    with sized(ui_page, PHONE) as page:
        page.goto(billing_url(state_id))
        heading = page.get_by_role("heading", name="Plan & Billing", level=1)
        assert in_first_screen(heading, PHONE)
        menu = page.get_by_role("button", name=re.compile("^Settings menu"))
        expect(menu).to_have_accessible_name("Settings menu Plan & Billing")
        expect(menu).to_have_attribute("aria-expanded", "false")
        nav = page.get_by_role("navigation", name="Settings")
        expect(nav).to_be_hidden()
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        expect(nav.get_by_role("link", name="Members")).to_be_visible()
        nav.get_by_role("link", name="Members").click()
        expect(page.get_by_role("heading", name="Members", level=1)).to_be_visible()
        expect(menu).to_have_accessible_name("Settings menu Members")


def test_settings_sidebar_stays_open_on_a_desktop(ui_page: Page) -> None:
    ui_page.goto(billing_url(MEMBER_STATE_IDS[0]))
    expect(ui_page.get_by_role("button", name=re.compile("^Settings menu"))).to_be_hidden()
    nav = ui_page.get_by_role("navigation", name="Settings")
    expect(nav.get_by_role("link", name="Plan & Billing")).to_be_visible()


# Wide tables


@pytest.mark.parametrize("state_id", WITH_INVOICES)
def test_invoice_table_says_it_scrolls_on_a_phone(ui_page: Page, state_id: str) -> None:
    hint = ui_page.get_by_text("Scroll sideways to see every column")
    region = ui_page.get_by_role("region", name="Invoice table")
    with sized(ui_page, PHONE) as page:
        page.goto(billing_url(state_id))
        region.scroll_into_view_if_needed()
        expect(hint).to_be_visible()
        hint_box, region_box = hint.bounding_box(), region.bounding_box()
        assert hint_box
        assert region_box
        assert hint_box["y"] + hint_box["height"] <= region_box["y"] + 0.5, "not above the table"
        assert region.evaluate("element => element.scrollWidth > element.clientWidth")
    expect(hint).to_be_hidden()  # the window is wide again: the table fits, nothing scrolls


@pytest.mark.parametrize("width", [PHONE["width"], 700, DESKTOP["width"]])
def test_state_index_keeps_words_whole(ui_page: Page, fixture_set: FixtureSet, width: int) -> None:
    with sized(ui_page, ViewportSize(width=width, height=PHONE["height"])) as page:
        page.goto("prototype/")
        cells = page.locator(".states tbody td, .states tbody th")
        assert cells.count() > 3 * len(fixture_set.states)
        assert cells.evaluate_all(BROKEN_WORDS) == []


def test_state_index_open_links_are_on_screen_on_a_phone(
    ui_page: Page, fixture_set: FixtureSet
) -> None:
    with sized(ui_page, PHONE) as page:
        page.goto("prototype/")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        for state_id in fixture_set.states:
            links = page.locator(f"#state-{state_id}").get_by_role("link")
            expect(links.filter(has_text="Plan & Billing")).to_have_count(1)
            for link in links.all():
                link.scroll_into_view_if_needed()
                box = link.bounding_box()
                assert box is not None
                assert box["x"] >= 0
                assert box["x"] + box["width"] <= PHONE["width"], link.text_content()
        expect(page.get_by_text("Scroll sideways to see every column")).to_be_hidden()


# The workspace page at 1280 by 800


@each_member_state
def test_profile_button_is_in_view_at_1280_by_800(
    ui_page: Page, fixture_set: FixtureSet, state_id: str
) -> None:
    ui_page.goto(home_url(state_id))
    profile = ui_page.get_by_role("button", name=fixture_set.user.name)
    assert in_first_screen(profile, DESKTOP)


# Disclosures and the focus


def test_focus_leaving_the_switcher_closes_it(ui_page: Page) -> None:
    ui_page.goto(home_url(MEMBER_STATE_IDS[0]))
    button = switcher(ui_page)
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    last = ui_page.get_by_role("button", name="Plans and credits")
    last.focus()
    ui_page.keyboard.press("Tab")
    research = ui_page.get_by_role("link", name="Research")
    expect(research).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(ui_page.locator("#workspace-switcher")).to_be_hidden()
    assert research.evaluate(
        """element => {
          const box = element.getBoundingClientRect();
          return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
            ?.closest("a") === element;
        }"""
    ), "the focused link is covered"


def test_focus_moving_back_into_the_switcher_keeps_it_open(ui_page: Page) -> None:
    ui_page.goto(home_url(MEMBER_STATE_IDS[0]))
    button = switcher(ui_page)
    button.click()
    ui_page.keyboard.press("Tab")
    expect(ui_page.get_by_role("button", name="Switch Workspace")).to_be_focused()
    ui_page.keyboard.press("Shift+Tab")
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "true")


def test_a_dialog_opened_from_the_switcher_keeps_it_open(ui_page: Page) -> None:
    ui_page.goto(home_url(MEMBER_STATE_IDS[0]))
    button = switcher(ui_page)
    button.click()
    opener = ui_page.get_by_role("button", name="Plans and credits")
    opener.click()
    dialog = ui_page.get_by_role("dialog", name="Plans and credits")
    expect(dialog).to_be_visible()
    ui_page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "true")


def test_focus_leaving_the_profile_menu_closes_it(ui_page: Page, fixture_set: FixtureSet) -> None:
    ui_page.goto(home_url(MEMBER_STATE_IDS[0]))
    profile = ui_page.get_by_role("button", name=fixture_set.user.name)
    profile.click()
    ui_page.get_by_role("link", name="MCP").focus()
    ui_page.get_by_role("link", name="Research").focus()
    expect(profile).to_have_attribute("aria-expanded", "false")
    expect(ui_page.get_by_role("link", name="MCP")).to_be_hidden()
