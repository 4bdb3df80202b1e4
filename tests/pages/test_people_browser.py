"""The people actions in a real browser, beyond the doc claims: the invite form checks what
Python's rules check (generated input), a changed state across the tab's pages and Reset, each
view's own membership (and the note on what the other views changed) and the workspace's one
model, no flash, Escape and Cancel, deep links into a changed state, and addresses shown as
typed."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Locator, Page, Route, expect

from prototype.pages.members_view import members_view, person_key, viewers_by_role
from prototype.pages.people_pages import other_views_note, view_label
from prototype.states.actions import ActionError
from prototype.states.invite_input import ADDRESS, INVITE_MESSAGES
from prototype.states.membership_actions import invite, taken_addresses
from prototype.states.models import Role
from prototype.states.workspace_settings import current_model
from tests.expected import FIXTURE_SET, billing_url, home_url, members_url, settings_url
from tests.flows_ui import status
from tests.people_ui import (
    INVITEE,
    READ_ROWS,
    PeopleCase,
    do_by_mouse,
    membership_cases,
    model_cases,
    part,
    reset,
    text_of,
)

STATE = "pro-tier-renewing"
USER, TODAY = FIXTURE_SET.user, FIXTURE_SET.today
OWNER = viewers_by_role(FIXTURE_SET.states[STATE], USER)["owner"]
INVITE = PeopleCase("members", STATE, None, "invite", "", "member")
REMOVE, ADMIN_INVITES = (
    next(c for c in membership_cases(STATE) if (c.as_role, c.action) == view)
    for view in [(None, "remove-member"), ("admin", "invite")]
)
OWNER_ROWS = members_view(FIXTURE_SET.states[STATE], USER, OWNER).rows
A_MEMBER = next(r for r in OWNER_ROWS if r.role == "member")
PROMOTE = PeopleCase("members", STATE, None, "change-role", A_MEMBER.key, "admin")
"""The reviewer's changes as the Owner: a member removed, another made an Admin."""
TAKEN = sorted(taken_addresses(FIXTURE_SET.states[STATE], USER))
TYPED = st.one_of(
    st.from_regex(ADDRESS, fullmatch=True),
    st.sampled_from(TAKEN).map(str.upper),
    st.lists(st.from_regex(ADDRESS, fullmatch=True), min_size=2, max_size=2).map(" ; ".join),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=30),
    st.builds("{}@{}".format, st.text(max_size=8), st.text(max_size=8)),
    st.from_regex(ADDRESS, fullmatch=True).map(lambda a: f" \t{a} "),
)
"""What people type: addresses, taken ones in capitals, two at once, any text, anything around
an @, an address with blanks around it. No control characters: an input drops newlines."""


def rows(page: Page) -> list[str]:
    """Each row's key, in page order, once the page shows them (a tab with changed rows keeps
    the page hidden until they are in)."""
    expect(page.locator("[data-people-rows]")).to_be_visible()
    keys: list[str] = page.locator("[data-people-rows] > tr").evaluate_all(
        "rows => rows.map(row => row.dataset.row)"
    )
    return keys


def fixture_rows(as_role: Role | None) -> str:
    """The text of the Members rows of the fixture, as the view's member sees them."""
    state = FIXTURE_SET.states[STATE]
    shown = members_view(state, USER, viewers_by_role(state, USER)[as_role or OWNER.role]).rows
    return text_of("".join(part("settings/members_parts.html", "person_row", r) for r in shown))


def shown_rows(page: Page) -> str:
    """The text of the page's Members rows, once the page shows them."""
    expect(page.locator("[data-people-rows]")).to_be_visible()
    text: str = page.evaluate(READ_ROWS)["rows"]
    return text


def others_note(page: Page, *as_roles: Role | None) -> Locator:
    """The prototype bar's note that the views of ``as_roles`` hold changes not shown here."""
    labels = [view_label(role, OWNER.role) for role in as_roles]
    bar = page.get_by_role("complementary", name="Prototype")
    return bar.get_by_text(other_views_note(labels), exact=True)


@settings(
    max_examples=4,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.tuples(TYPED, st.sampled_from(["Admin", "Member"])), min_size=4, max_size=8))
def test_the_invite_form_refuses_what_the_rules_refuse(
    flow_tab: Page, typed: list[tuple[str, str]]
) -> None:
    """One after the other, generated input: an address the rules accept is added, its row
    keyed and showing the address as typed; anything else is refused with the rules' message
    beside the field (invalid, described by it, focused), and nothing else changes. Nothing
    the input holds breaks the form or the page."""
    page = flow_tab
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(members_url(STATE))
    page.evaluate("sessionStorage.clear()")  # what an earlier example added
    page.reload()
    state = FIXTURE_SET.states[STATE]
    add = page.get_by_role("button", name="Add New Member", exact=True)
    dialog = page.get_by_role("dialog", name="Add New Member")
    field = dialog.get_by_role("textbox", name="Email address")
    for text, role in typed:
        add.click()
        field.fill(text)
        dialog.get_by_role("radio", name=role, exact=True).check()
        dialog.get_by_role("button", name="Send invitation", exact=True).click()
        try:
            state = invite(state, USER, OWNER, text, role.lower(), TODAY)  # type: ignore[arg-type]
        except ActionError as refused:
            reason = str(refused)
            expect(field).to_have_accessible_description(re.compile(f"^{re.escape(reason)}"))
            expect(field).to_have_attribute("aria-invalid", "true")
            expect(field).to_be_focused()
            page.keyboard.press("Escape")
            expect(dialog).to_be_hidden()
            assert reason in INVITE_MESSAGES.values()
            continue
        expect(dialog).to_be_hidden()
        added = state.invitations[-1]
        last = page.locator("[data-people-rows] > tr").last
        expect(last).to_have_attribute("data-row", person_key("invitation", added.email))
        expect(last.locator("td").nth(1).locator("bdi")).to_have_text(added.email)
        assert rows(page) == [row.key for row in members_view(state, USER, OWNER).rows]
    assert errors == []


def test_a_changed_membership_holds_across_the_tabs_pages_until_reset(flow_tab: Page) -> None:
    """Each view keeps its own membership; the fixture shows in a new tab; Reset in place."""
    page = flow_tab
    page.goto(members_url(STATE))
    do_by_mouse(page, INVITE)
    expect(status(page)).to_contain_text(f"Invited {INVITEE}")
    changed = rows(page)

    page.goto(billing_url(STATE))
    page.goto(members_url(STATE))
    assert rows(page) == changed
    expect(page.get_by_text("Changed in this tab")).to_be_visible()
    page.goto(members_url(STATE, "admin"))
    assert INVITEE.lower() not in " ".join(rows(page))
    expect(page.get_by_text("Changed in this tab")).to_be_hidden()

    fresh = page.context.new_page()
    fresh.goto(page.url.replace("as-admin/", ""))
    assert len(rows(fresh)) == len(changed) - 1
    fresh.close()

    page.goto(members_url(STATE))
    reset(page)
    assert len(rows(page)) == len(changed) - 1
    assert page.evaluate("sessionStorage.length") == 0


def test_reset_in_one_members_view_forgets_what_every_view_changed(flow_tab: Page) -> None:
    """As the Owner, a member removed and another promoted: the Admin view shows its own copy,
    the fixture, and names the Owner's view as holding changes; a change there too; Reset in
    the Owner's view: both views show the fixture again, with neither note."""
    page = flow_tab
    changed = page.get_by_text("Changed in this tab")
    page.goto(members_url(STATE))
    for case in (REMOVE, PROMOTE):
        expect(do_by_mouse(page, case)).to_be_hidden()
    owners = shown_rows(page)
    assert owners != fixture_rows(None)

    page.goto(members_url(STATE, "admin"))
    assert shown_rows(page) == fixture_rows("admin")
    expect(changed).to_be_hidden()
    expect(others_note(page, None)).to_be_visible()
    expect(do_by_mouse(page, ADMIN_INVITES, "admin.invite@example.org")).to_be_hidden()
    expect(changed).to_be_visible()
    expect(others_note(page, None)).to_be_visible()

    page.goto(members_url(STATE))
    assert shown_rows(page) == owners
    expect(changed).to_be_visible()
    expect(others_note(page, "admin")).to_be_visible()
    reset(page)
    for as_role in (None, "admin"):
        if as_role:
            page.goto(members_url(STATE, as_role))
        assert shown_rows(page) == fixture_rows(as_role)
        expect(changed).to_be_hidden()
        expect(page.locator("[data-people-others]")).to_be_hidden()
    assert page.evaluate("sessionStorage.length") == 0


def test_reset_in_a_view_that_changed_nothing_forgets_the_other_views(flow_tab: Page) -> None:
    """The note's own Reset, in a view that holds no changes: the Owner's are forgotten too."""
    page = flow_tab
    page.goto(members_url(STATE))
    expect(do_by_mouse(page, INVITE)).to_be_hidden()
    page.goto(members_url(STATE, "member"))
    expect(others_note(page, None)).to_be_visible()
    reset(page)
    expect(others_note(page, None)).to_be_hidden()
    page.goto(members_url(STATE))
    assert shown_rows(page) == fixture_rows(None)
    expect(page.get_by_text("Changed in this tab")).to_be_hidden()
    assert page.evaluate("sessionStorage.length") == 0


def test_the_model_an_owner_picks_is_the_one_every_view_reads(flow_tab: Page) -> None:
    page = flow_tab
    case = next(c for c in model_cases() if (c.state_id, c.as_role) == (STATE, None))
    page.goto(case.url)
    do_by_mouse(page, case)
    expect(status(page)).to_have_text(f"The text interviewer model is now {case.choice}.")
    member_view = settings_url(STATE, "model", "member")
    page.goto(member_view)
    section = page.get_by_role("region", name="Text interviewer model")
    expect(section.locator('[data-field="model"]')).to_have_text(case.choice)
    expect(section).to_contain_text("Owners and Admins pick the model.")
    reset(page)
    models = FIXTURE_SET.catalogue.interviewer_models
    expected = current_model(FIXTURE_SET.states[STATE], models)
    expect(section.locator('[data-field="model"]')).to_have_text(expected)


def test_a_changed_page_is_hidden_until_its_rows_are_in(flow_tab: Page) -> None:
    page = flow_tab
    page.goto(members_url(STATE))
    expect(do_by_mouse(page, INVITE)).to_be_hidden()
    held: list[Route] = []
    page.route("**/actions.json", lambda route: held.append(route))
    page.goto(members_url(STATE), wait_until="domcontentloaded")
    html = page.locator("html")
    expect(html).to_have_class("people-pending")
    assert page.evaluate("getComputedStyle(document.body).visibility") == "hidden"
    assert len(held) == 1
    held[0].continue_()
    expect(html).not_to_have_class("people-pending")
    expect(page.locator("[data-people-rows] > tr").last).to_contain_text(INVITEE)
    page.unroute("**/actions.json")


def test_escape_and_cancel_discard_what_was_typed(flow_tab: Page) -> None:
    page = flow_tab
    page.goto(members_url(STATE))
    add = page.get_by_role("button", name="Add New Member", exact=True)
    dialog = page.get_by_role("dialog", name="Add New Member")
    field = dialog.get_by_role("textbox", name="Email address")
    for close in ("Escape", "Cancel"):
        add.click()
        field.fill("not an address")
        dialog.get_by_role("radio", name="Admin").check()
        dialog.get_by_role("button", name="Send invitation").click()
        expect(field).to_have_attribute("aria-invalid", "true")
        if close == "Escape":
            page.keyboard.press("Escape")
        else:
            dialog.get_by_role("button", name="Cancel").click()
        expect(dialog).to_be_hidden()
        expect(add).to_be_focused()
        add.click()
        expect(field).to_have_value("")
        expect(field).not_to_have_attribute("aria-invalid", "true")
        expect(dialog.get_by_role("radio", name="Member")).to_be_checked()
        page.keyboard.press("Escape")
    assert page.evaluate("sessionStorage.length") == 0


def test_a_dialog_url_opens_a_dialog_of_a_changed_state(flow_tab: Page) -> None:
    page = flow_tab
    page.goto(members_url(STATE))
    expect(do_by_mouse(page, INVITE)).to_be_hidden()
    key = person_key("invitation", INVITEE)
    page.goto(f"{members_url(STATE)}?dialog=remove-{key}")
    dialog = page.get_by_role("dialog", name="Remove invitation")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(f"Withdraw the invitation to {INVITEE}.")
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text(f"Removed the invitation to {INVITEE}.")
    expect(page.get_by_text("Changed in this tab")).to_be_hidden()


def test_an_address_shows_as_typed(flow_tab: Page) -> None:
    """Characters HTML gives a meaning to are text in the row, its buttons and its dialogs."""
    page = flow_tab
    typed = "a&b'{c}~d@x.example"
    page.goto(members_url(STATE))
    do_by_mouse(page, INVITE, typed)
    expect(status(page)).to_contain_text(f"Invited {typed}")
    row = page.locator("[data-people-rows] > tr").last
    expect(row.locator("td").nth(1).locator("bdi")).to_have_text(typed)
    expect(row.get_by_role("button", name=f"Remove {typed}", exact=True)).to_be_visible()
    row.get_by_role("button", name=re.compile("^Resend")).click()
    expect(page.get_by_role("dialog", name="Resend invitation")).to_contain_text(typed)
    page.keyboard.press("Escape")


def test_integrations_changed_on_one_page_show_on_the_next_visit(flow_tab: Page) -> None:
    page = flow_tab
    page.goto(settings_url(STATE, "integrations"))
    hubspot = page.locator('[data-integration="hubspot"]')
    expect(hubspot).to_contain_text("Not connected")
    hubspot.get_by_role("button", name="Connect HubSpot").click()
    page.get_by_role("dialog", name="Connect HubSpot").get_by_role("button", name="Connect").click()
    expect(status(page)).to_have_text("HubSpot is connected.")
    page.goto(home_url(STATE))
    page.goto(settings_url(STATE, "integrations"))
    expect(hubspot.locator('[data-field="integration-status"]')).to_have_text("Connected")
    expect(hubspot.get_by_role("button", name="Disconnect HubSpot")).to_be_visible()
    reset(page)
    expect(hubspot).to_contain_text("Not connected")
