"""Where each people page keeps a changed state: per view for membership, per workspace for the
model and integrations, once for the user's connected apps; what Reset forgets, and how a
Members view names the other views holding changes."""

from __future__ import annotations

import pytest

from prototype.pages.people_pages import (
    PEOPLE_PAGES,
    other_views,
    other_views_note,
    people_key,
    reset_scope,
)
from tests.expected import MEMBER_STATE_IDS

STATE = MEMBER_STATE_IDS[0]


@pytest.mark.parametrize(
    ("slug", "as_role", "key"),
    [
        ("members", None, f"w/{STATE}/members/you"),
        ("members", "admin", f"w/{STATE}/members/admin"),
        ("model", None, f"w/{STATE}/model"),
        ("model", "member", f"w/{STATE}/model"),
        ("integrations", None, f"w/{STATE}/integrations"),
        ("connected-apps", None, "connected-apps"),
    ],
)
def test_each_page_keeps_its_changes_under_its_key(
    slug: str, as_role: str | None, key: str
) -> None:
    assert slug in PEOPLE_PAGES
    assert people_key(STATE, slug, as_role) == key


def test_other_workspaces_keep_their_own() -> None:
    other = MEMBER_STATE_IDS[1]
    for slug in ("members", "model", "integrations"):
        assert people_key(STATE, slug, None) != people_key(other, slug, None)
    assert people_key(STATE, "connected-apps", None) == people_key(other, "connected-apps", None)


def test_reset_on_a_members_view_forgets_every_view_of_the_workspace() -> None:
    scope = reset_scope(STATE, "members")
    for as_role in (None, "owner", "admin", "member"):
        assert people_key(STATE, "members", as_role).startswith(scope)
    assert not people_key(MEMBER_STATE_IDS[1], "members", None).startswith(scope)
    for slug in ("model", "integrations", "connected-apps"):
        assert reset_scope(STATE, slug) == people_key(STATE, slug, None)


def test_a_view_names_each_set_of_the_other_views_that_may_hold_changes() -> None:
    labels = {"you": "Owner (you)", "admin": "Admin", "member": "Member"}
    found = other_views(labels, "admin")
    assert found.views == ("you", "member")
    assert found.notes == {
        "you": other_views_note(["Owner (you)"]),
        "member": other_views_note(["Member"]),
        "you member": other_views_note(["Owner (you)", "Member"]),
    }
    assert "as Owner (you) and as Member are not shown here" in found.notes["you member"]
