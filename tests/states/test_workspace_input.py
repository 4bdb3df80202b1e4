"""What the workspace forms accept: each field refused with its reason, values kept as the
pages need them, and no input, generated or not, that breaks a form."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prototype.states.models import Workspace, WorkspaceState
from prototype.states.workspace_input import (
    FORM_MESSAGES,
    FormResult,
    Taken,
    check_details,
    check_new_workspace,
    check_transfer,
    taken_by,
)
from tests.expected import FIXTURE_SET
from tests.workspace_strategies import detail_fields, emails, new_workspace_fields

TAKEN = taken_by(state.workspace for state in FIXTURE_SET.states.values())
OWNER = "maya.okafor@example.com"
GOOD = {
    "name": "Orbit Labs",
    "unique_url": "orbit-labs",
    "description": "",
    "website": "",
    "team_size": "",
}
DETAIL_CASES: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "all-good": ({}, {}),
    "blank-name": ({"name": "   "}, {"name": "name-missing"}),
    "invisible-name": ({"name": "\u200b\u2800"}, {"name": "name-missing"}),
    "long-name": ({"name": "N" * 201}, {"name": "name-long"}),
    "tab-in-name": ({"name": "Orbit\tLabs"}, {"name": "name-control"}),
    "taken-name": ({"name": "Acme Product Research"}, {"name": "name-taken"}),
    "no-url": ({"unique_url": ""}, {"unique_url": "unique-url-missing"}),
    "no-url-no-latin": (
        {"name": "東京", "unique_url": ""},
        {"unique_url": "unique-url-from-name"},
    ),
    "long-url": ({"unique_url": "u" * 64}, {"unique_url": "unique-url-long"}),
    "url-double-hyphen": ({"unique_url": "orbit--labs"}, {"unique_url": "unique-url-chars"}),
    "url-taken-any-case": ({"unique_url": "ACME-Research"}, {"unique_url": "unique-url-taken"}),
    "long-description": ({"description": "d" * 501}, {"description": "description-long"}),
    "bell-in-description": ({"description": "a\x07b"}, {"description": "description-control"}),
    "website-no-dot": ({"website": "orbit"}, {"website": "website-invalid"}),
    "website-ftp": ({"website": "ftp://orbit.example"}, {"website": "website-invalid"}),
    "website-too-long": ({"website": "orbit.example/" + "p" * 1980}, {"website": "website-long"}),
    "team-zero": ({"team_size": "0"}, {"team_size": "team-size"}),
    "team-words": ({"team_size": "twelve"}, {"team_size": "team-size"}),
    "team-arabic-digits": ({"team_size": "١٢"}, {"team_size": "team-size"}),
    "team-huge": ({"team_size": "1000001"}, {"team_size": "team-size"}),
    "everything-wrong": (
        {"name": "", "unique_url": "-", "website": "x", "team_size": "-1"},
        {
            "name": "name-missing",
            "unique_url": "unique-url-chars",
            "website": "website-invalid",
            "team_size": "team-size",
        },
    ),
}
"""The Account page's form: what is typed over :data:`GOOD`, and the fields refused with the
key of each one's message."""


@pytest.mark.parametrize("case", DETAIL_CASES)
def test_each_detail_is_refused_with_its_reason(case: str) -> None:
    typed, refused = DETAIL_CASES[case]
    result = check_details(GOOD | typed, TAKEN)
    assert result.errors == {field: FORM_MESSAGES[key] for field, key in refused.items()}
    assert result.ok == (not refused)


def test_details_are_kept_as_the_pages_show_them() -> None:
    typed = {
        "name": "  Orbit Labs ",
        "unique_url": " Orbit-Labs ",
        "description": " \u200b ",
        "website": " orbit.example/team ",
        "team_size": " 0012 ",
    }
    assert check_details(typed, TAKEN) == FormResult(
        values={
            "name": "Orbit Labs",
            "unique_url": "Orbit-Labs",
            "description": None,
            "website": "https://orbit.example/team",
            "team_size": 12,
        }
    )


def test_a_workspace_keeps_its_own_name_and_url() -> None:
    """A workspace's own name and Unique URL are not taken from it: only the others' are."""
    acme = FIXTURE_SET.states["pro-tier-renewing"].workspace
    others = taken_by(s.workspace for s in FIXTURE_SET.states.values() if s.workspace != acme)
    fields = GOOD | {"name": acme.name, "unique_url": str(acme.unique_url)}
    assert check_details(fields, others).ok
    assert not check_details(fields, TAKEN).ok


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("ada@example.com", None),
        ("  ada@example.com ", None),
        ("", "email-invalid"),
        ("ada", "email-invalid"),
        ("ada@example", "email-invalid"),
        ("ada lovelace@example.com", "email-invalid"),
        ("a" * 250 + "@b.co", "email-invalid"),
        (OWNER, "email-owner"),
        (OWNER.upper(), "email-owner"),
    ],
)
def test_a_transfer_goes_to_someone_elses_email_address(typed: str, key: str | None) -> None:
    result = check_transfer({"email": typed}, OWNER)
    assert result.errors == ({"email": FORM_MESSAGES[key]} if key else {})
    assert result.values == ({} if key else {"email": typed.strip()})


def test_add_workspace_takes_a_name_a_unique_url_and_maybe_a_description() -> None:
    result = check_new_workspace({"name": "Orbit", "unique_url": "orbit"}, Taken())
    assert result.values == {"name": "Orbit", "unique_url": "orbit", "description": None}
    assert check_new_workspace({}, Taken()).errors == {
        "name": FORM_MESSAGES["name-missing"],
        "unique_url": FORM_MESSAGES["unique-url-missing"],
    }


def accepted_workspace(values: dict[str, Any]) -> Workspace:
    return Workspace.model_validate({"kind": "team", **values})


@given(detail_fields)
def test_no_details_break_the_form(fields: dict[str, str]) -> None:
    """Any input is either saved, as a workspace holds it, or refused with the form's own
    messages only."""
    result = check_details(fields, TAKEN)
    assert set(result.errors.values()) <= set(FORM_MESSAGES.values())
    if result.ok:
        assert accepted_workspace(result.values).model_dump(include=set(result.values)) == (
            result.values
        )


@given(new_workspace_fields())
def test_no_new_workspace_breaks_the_form(fields: dict[str, str]) -> None:
    result = check_new_workspace(fields, TAKEN)
    assert set(result.errors.values()) <= set(FORM_MESSAGES.values())
    if result.ok:
        accepted_workspace(result.values)


@given(emails, st.sampled_from([OWNER, "MAYA.okafor@EXAMPLE.com"]))
def test_no_email_breaks_the_transfer(typed: str, owner: str) -> None:
    result = check_transfer({"email": typed}, owner)
    assert set(result.errors.values()) <= set(FORM_MESSAGES.values())
    if result.ok:
        state = FIXTURE_SET.states["pro-tier-renewing"]
        context = {"today": FIXTURE_SET.today, "user_email": FIXTURE_SET.user.email}
        data = state.model_dump() | {"transfer_to": result.values["email"]}
        WorkspaceState.model_validate(data, context=context)
