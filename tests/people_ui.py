"""Doing the people actions in a browser as a reviewer does, by mouse or by keyboard alone, and
what the page must show after each: the rules' own action on the fixture state
(``prototype.states.*_actions``), rendered by the page's own templates.

A :class:`PeopleCase` is one action on one row of one page as one viewer: membership on the
Members page, the model, an integration, a connected app.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect

from prototype.pages.flows import macros
from prototype.pages.members_flows import done_message as membership_done
from prototype.pages.members_view import members_view, viewers_by_role
from prototype.pages.render import environment
from prototype.pages.settings_views import (
    INTEGRATIONS,
    app_row,
    integration_rows,
    model_view,
)
from prototype.states.membership_actions import act_on
from prototype.states.models import Member, User, WorkspaceState
from prototype.states.user_actions import revoke_app
from prototype.states.workspace_settings import connect, current_model, disconnect, pick_model
from tests.expected import (
    FIXTURE_SET,
    MEMBER_STATE_IDS,
    Person,
    people_of,
    role_views,
    row_actions,
    settings_url,
)
from tests.flows_ui import arrow_to, tab_to
from tests.site_html import parse_html

USER, TODAY = FIXTURE_SET.user, FIXTURE_SET.today
MODELS = FIXTURE_SET.catalogue.interviewer_models
INVITEE = "New.Teammate@Example.org"
"""Who the tests invite, typed as people type addresses: its case is kept."""
MEMBERSHIP = ["invite", "resend", "remove-invitation", "change-role", "remove-member"]


@functools.cache
def _parts(template: str) -> object:
    return macros(environment(), template)


def part(template: str, name: str, *args: object) -> str:
    """The HTML of one of a template's macros, as the page renders it."""
    call = _parts(template)
    assert callable(call)
    html: str = call(name, *args)
    return html


@dataclass(frozen=True)
class PeopleCase:
    """One people action on one page, as one viewer, on the first row that offers it."""

    page: str
    """The Settings page's slug."""
    state_id: str
    as_role: str | None
    """The role the page is viewed as, ``None`` for the signed-in user's own view."""
    action: str
    key: str
    """The row's ``data-row``; empty for an invitation, which adds one."""
    choice: str = ""

    @property
    def url(self) -> str:
        return settings_url(self.state_id, self.page, self.as_role)

    @property
    def state(self) -> WorkspaceState:
        return FIXTURE_SET.states[self.state_id]

    @property
    def viewer(self) -> Member:
        views = viewers_by_role(self.state, USER)
        mine = next(m for m in views.values() if m.email == USER.email)
        return views[self.as_role] if self.as_role else mine  # type: ignore[index]

    @property
    def id(self) -> str:
        return f"{self.state_id}-as-{self.as_role or 'you'}-{self.action}"

    def opener(self, page: Page) -> Locator:
        """The button that opens the action's dialog."""
        if self.action == "invite":
            return page.get_by_role("button", name="Add New Member", exact=True)
        if self.action == "pick-model":
            return page.get_by_role("button", name="Change model", exact=True)
        row = page.locator(f'[data-people-rows] [data-row="{self.key}"]')
        label = {"remove-member": "Remove", "remove-invitation": "Remove"}.get(self.action)
        name = re.compile(f"^{label or self.action.replace('-', ' ').capitalize()}\\b")
        return row.get_by_role("button", name=name)

    @property
    def dialog(self) -> str:
        """The dialog's name."""
        if self.action in ("connect", "disconnect"):
            return f"{self.action.capitalize()} {INTEGRATIONS[self.key]}"  # type: ignore[index]
        if self.action == "revoke":
            return f"Revoke {self.row_name}"
        return {
            "invite": "Add New Member",
            "resend": "Resend invitation",
            "remove-invitation": "Remove invitation",
            "change-role": "Change role",
            "remove-member": "Remove member",
            "pick-model": "Change model",
        }[self.action]

    @property
    def primary(self) -> str:
        """The dialog's button that does the action."""
        return {
            "invite": "Send invitation",
            "pick-model": "Save model",
            "connect": "Connect",
            "disconnect": "Disconnect",
            "revoke": "Revoke access",
        }.get(self.action, self.dialog)

    @property
    def radio(self) -> str | None:
        """The label of the radio the choice is, if the dialog has radios."""
        if self.action in ("invite", "change-role"):
            return {"admin": "Admin", "member": "Member"}[self.choice]
        return self.choice if self.action == "pick-model" else None

    @property
    def row_name(self) -> str:
        return next(a.name for a in USER.connected_apps if app_row(a).key == self.key)


def membership_after(case: PeopleCase) -> tuple[WorkspaceState, str]:
    """The rules' state after a membership case, and what is announced."""
    state, viewer = case.state, case.viewer
    if case.action == "invite":
        after = act_on(state, USER, viewer, "invite", INVITEE, case.choice, TODAY)
        row = members_view(after, USER, viewer).rows[-1]
        return after, membership_done("invite", row)
    row = next(r for r in members_view(state, USER, viewer).rows if r.key == case.key)
    after = act_on(state, USER, viewer, case.action, row.email, case.choice, TODAY)
    return after, membership_done(case.action, row, case.choice)


def expected_rows(case: PeopleCase) -> tuple[str, str, WorkspaceState | User]:
    """What the page's rows read after the case as Python renders them, what is announced, and
    the state (or, for connected apps, the user) the rules lead to."""
    if case.page == "members":
        after, said = membership_after(case)
        rows = members_view(after, USER, case.viewer).rows
        html = "".join(part("settings/members_parts.html", "person_row", r) for r in rows)
        return html, said, after
    if case.page == "model":
        after = pick_model(case.state, case.viewer, case.choice, MODELS, TODAY)
        model = model_view(after, case.viewer, MODELS)
        html = part("settings/workspace_parts.html", "model_section", model)
        return html, f"The text interviewer model is now {case.choice}.", after
    if case.page == "integrations":
        do = connect if case.action == "connect" else disconnect
        after = do(case.state, case.viewer, case.key, TODAY)  # type: ignore[arg-type]
        html = "".join(
            part("settings/workspace_parts.html", "integration_row", r)
            for r in integration_rows(after.workspace, case.viewer)
        )
        label = INTEGRATIONS[case.key]  # type: ignore[index]
        return html, f"{label} is {case.action}ed.", after
    user = revoke_app(USER, case.row_name)
    html = "".join(
        part("settings/apps_parts.html", "app_row", app_row(a)) for a in user.connected_apps
    )
    return html, f"Revoked {case.row_name}: it no longer reaches your account.", user


def text_of(html: str) -> str:
    return " ".join(parse_html(html).text.split())


READ_ROWS = """() => ({
  rows: document.querySelector("[data-people-rows]").textContent.split(/\\s+/).join(" ").trim(),
  buttons: [...document.querySelectorAll("[data-people-rows] [data-row]")].map(row =>
    [row.dataset.row, [...row.querySelectorAll("button")].map(b => b.textContent)]),
  focused: document.activeElement.closest("[data-row]")?.dataset.row
    ?? document.activeElement.dataset.field ?? document.activeElement.getAttribute("aria-label")
    ?? document.activeElement.tagName,
  reset: document.querySelector("[data-flows-reset]").checkVisibility(),
  kept: sessionStorage.length,
})"""
"""The page's rows (text, and each row's buttons), the focus and the prototype bar, read in one
call."""


def open_by_mouse(page: Page, case: PeopleCase) -> Locator:
    """Click the action's button: its dialog, open."""
    case.opener(page).click()
    dialog = page.get_by_role("dialog", name=case.dialog, exact=True)
    expect(dialog).to_be_visible()
    return dialog


def do_by_mouse(page: Page, case: PeopleCase, typed: str = INVITEE) -> Locator:
    """Click the action's button, choose in its dialog, click its primary button."""
    return finish_by_mouse(open_by_mouse(page, case), case, typed)


def finish_by_mouse(dialog: Locator, case: PeopleCase, typed: str = INVITEE) -> Locator:
    """In the action's open dialog: fill in, choose, click the primary button."""
    if case.action == "invite":
        dialog.get_by_role("textbox", name="Email address").fill(typed)
    if case.radio:
        dialog.get_by_role("radio", name=case.radio, exact=True).check()
    dialog.get_by_role("button", name=case.primary, exact=True).click()
    return dialog


def open_by_keyboard(page: Page, case: PeopleCase) -> Locator:
    """Tab to the action's button, Enter: its dialog, open."""
    tab_to(page, case.opener(page))
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=case.dialog, exact=True)
    expect(dialog).to_be_visible()
    return dialog


def do_by_keyboard(page: Page, case: PeopleCase, typed: str = INVITEE) -> Locator:
    """Tab to the action's button, Enter; type, arrows; Enter to submit."""
    return finish_by_keyboard(page, open_by_keyboard(page, case), case, typed)


def finish_by_keyboard(
    page: Page, dialog: Locator, case: PeopleCase, typed: str = INVITEE
) -> Locator:
    """In the action's open dialog: type, arrows; Enter to submit."""
    if case.action == "invite":
        expect(dialog.get_by_role("textbox", name="Email address")).to_be_focused()
        page.keyboard.type(typed)
        page.keyboard.press("Tab")
    if case.radio:
        arrow_to(page, dialog.get_by_role("radio", name=case.radio, exact=True))
    else:
        expect(dialog.get_by_role("button", name=case.primary, exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    return dialog


def reset(page: Page) -> None:
    """**Reset** in the prototype bar: the fixture state again, in place."""
    bar = page.get_by_role("complementary", name="Prototype")
    button = bar.get_by_role("button", name="Reset", exact=True)
    button.click()
    expect(button).to_be_hidden()


def membership_cases(state_id: str) -> Iterator[PeopleCase]:
    """Each Members page action each view of the state offers, on the first row offering it;
    an invitation as the first role the viewer may invite."""
    state = FIXTURE_SET.states[state_id]
    for as_role, person in role_views(state_id):
        viewer = viewers_by_role(state, USER)[person.role]  # type: ignore[index]
        rows = members_view(state, USER, viewer).rows
        if viewer.role != "member":
            first = "admin" if viewer.role == "owner" else "member"
            yield PeopleCase("members", state_id, as_role, "invite", "", first)
        for action in MEMBERSHIP[1:]:
            for row in rows:
                labels = row_actions(person, _person(row.email, state))
                if _offers(action, row.pending, labels):
                    choice = {"admin": "member", "member": "admin"}.get(row.role, "")
                    yield PeopleCase(
                        "members",
                        state_id,
                        as_role,
                        action,
                        row.key,
                        choice if action == "change-role" else "",
                    )
                    break


def _person(email: str, state: WorkspaceState) -> Person:
    return next(p for p in people_of(state) if p.email == email)


def _offers(action: str, pending: bool, labels: list[str]) -> bool:
    if action in ("resend", "remove-invitation"):
        return pending and "Resend" in labels
    if action == "change-role":
        return not pending and "Change role" in labels
    return not pending and "Remove" in labels


def model_cases() -> Iterator[PeopleCase]:
    """Picking another model, as each view of each state whose role picks it."""
    for state_id in MEMBER_STATE_IDS:
        state = FIXTURE_SET.states[state_id]
        other = next(m for m in MODELS if m != current_model(state, MODELS))
        for as_role, person in role_views(state_id):
            if person.role != "member":
                yield PeopleCase("model", state_id, as_role, "pick-model", "model", other)


def integration_cases() -> Iterator[PeopleCase]:
    """Connecting the first integration not connected, and disconnecting the first connected,
    on each state's Integrations page (as the user, whatever their role)."""
    for state_id in MEMBER_STATE_IDS:
        connected = FIXTURE_SET.states[state_id].workspace.integrations
        off = next((key for key in INTEGRATIONS if key not in connected), None)
        on = next((key for key in INTEGRATIONS if key in connected), None)
        if off:
            yield PeopleCase("integrations", state_id, None, "connect", off)
        if on:
            yield PeopleCase("integrations", state_id, None, "disconnect", on)


def app_cases(state_id: str) -> Iterator[PeopleCase]:
    """Revoking each of the user's apps, on one state's Connected Apps page."""
    for app in USER.connected_apps:
        yield PeopleCase("connected-apps", state_id, None, "revoke", app_row(app).key)
