"""Doc claims of the Settings overview checked by doing: Owners and Admins pick the text
interviewer model, every member connects and disconnects integrations, the user revokes a
connected app.

Each action is done from its button on every state and role view it applies to; the page then
reads as Python renders the state the rules lead to, says what was done, and **Reset** brings
the fixture back in place. A connected app revoked on one workspace's page is gone from every
workspace's, as the apps are the user's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.expected import FIXTURE_SET, MEMBER_STATE_IDS, settings_url
from tests.flows_ui import status
from tests.people_ui import (
    READ_ROWS,
    PeopleCase,
    app_cases,
    do_by_mouse,
    expected_rows,
    integration_cases,
    model_cases,
    reset,
    text_of,
)
from tests.tabs import SharedPage

pytestmark = pytest.mark.conformance

ROLE_CLAIMS = {
    "owner": "roles.table.owner",
    "admin": "roles.table.admin",
    "member": "roles.table.member",
}
PAGE_CLAIMS = {
    "model": "settings.areas.model",
    "integrations": "settings.areas.integrations",
    "connected-apps": "settings.areas.connected-apps",
}


def cases() -> Iterator[Any]:
    """Model picks (Owners and Admins: their role's row of the table), integrations (every
    member: the Member row's "manages the workspace's integrations" where the user is one),
    and revoking each app."""
    every: list[PeopleCase] = [
        *model_cases(),
        *integration_cases(),
        *app_cases(MEMBER_STATE_IDS[0]),
    ]
    for case in every:
        claims = [PAGE_CLAIMS[case.page]]
        if case.page != "connected-apps" and (case.page == "model" or case.viewer.role == "member"):
            claims.append(ROLE_CLAIMS[case.viewer.role])
        yield pytest.param(
            case,
            id=f"{case.page}-{case.id}-{case.key}",
            marks=[pytest.mark.claim(claim) for claim in claims],
        )


def focus_after(case: PeopleCase) -> str:
    return "H2" if case.action == "revoke" else case.key


@pytest.mark.parametrize("case", list(cases()))
def test_settings_action_completes(shared_page: SharedPage, case: PeopleCase) -> None:
    page = shared_page(case.url)
    html, said, _ = expected_rows(case)
    before = page.evaluate(READ_ROWS)

    do_by_mouse(page, case)

    expect(status(page)).to_have_text(said)
    shown = page.evaluate(READ_ROWS)
    assert shown["rows"] == text_of(html)
    assert (shown["focused"], shown["reset"], shown["kept"]) == (focus_after(case), True, 1)

    reset(page)
    undone = page.evaluate(READ_ROWS)
    assert (undone["rows"], undone["kept"]) == (before["rows"], 0)


@pytest.mark.claim("settings.areas.connected-apps")
def test_revoked_apps_are_gone_on_every_workspace_until_reset(flow_tab: Page) -> None:
    """Revoke every app: the page says none is connected, on another workspace's page too."""
    page = flow_tab
    first, other = MEMBER_STATE_IDS[0], MEMBER_STATE_IDS[-1]
    page.goto(settings_url(first, "connected-apps"))
    for case in app_cases(first):
        do_by_mouse(page, case)
        expect(status(page)).to_contain_text(f"Revoked {case.row_name}")
    region = page.get_by_role("region", name="OAuth apps connected to your account")
    expect(region.get_by_role("listitem")).to_have_count(0)
    expect(region).to_contain_text("No apps are connected to your account.")
    page.goto(settings_url(other, "connected-apps"))
    expect(region.get_by_role("listitem")).to_have_count(0)
    reset(page)
    expect(region.get_by_role("listitem")).to_have_count(len(FIXTURE_SET.user.connected_apps))
    expect(region.get_by_text("No apps are connected")).to_be_hidden()
