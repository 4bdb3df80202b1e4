"""Where each people page keeps a changed state: per view for membership, per workspace for the
model and integrations, once for the user's connected apps."""

from __future__ import annotations

import pytest

from prototype.pages.people_pages import PEOPLE_PAGES, people_key
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
