"""The Members page's content for each viewer: rows in order, labels, dates and actions."""

from __future__ import annotations

from prototype.pages.members_view import members_view, viewers_by_role
from prototype.states.fixtures import FixtureSet
from prototype.states.membership import viewer_of
from tests.expected import MEMBER_STATE_IDS, people_of, role_views, row_actions, shown_date

ACTION_LABELS = {"change": "Change role", "resend": "Resend", "remove": "Remove"}


def test_rows_are_members_in_the_workspaces_order_then_invitations(
    fixture_set: FixtureSet,
) -> None:
    """The order a role change or an invitation keeps: nobody moves but who is added, last."""
    for state_id in MEMBER_STATE_IDS:
        state = fixture_set.states[state_id]
        viewer = viewer_of(state, fixture_set.user)
        assert viewer is not None
        rows = members_view(state, fixture_set.user, viewer).rows
        assert [r.email for r in rows] == [p.email for p in people_of(state)]
        assert [r.pending for r in rows] == sorted(r.pending for r in rows)
        assert len({r.key for r in rows}) == len(rows)
        for row in rows:
            invitation = next((i for i in state.invitations if i.email == row.email), None)
            assert row.sent_text == (shown_date(invitation.sent_on) if invitation else None)


def test_actions_agree_with_the_docs_rules_for_every_view(fixture_set: FixtureSet) -> None:
    for state_id in MEMBER_STATE_IDS:
        state = fixture_set.states[state_id]
        views = viewers_by_role(state, fixture_set.user)
        for as_role, person in role_views(state_id):
            mine = viewer_of(state, fixture_set.user)
            viewer = next((m for r, m in views.items() if r == as_role), mine)
            assert viewer is not None
            assert viewer.email == person.email
            page = members_view(state, fixture_set.user, viewer)
            for row in page.rows:
                shown = (["Change role"] if row.actions.change_role_to else []) + [
                    label
                    for flag, label in [
                        (row.actions.resend, "Resend"),
                        (row.actions.remove, "Remove"),
                    ]
                    if flag
                ]
                target = next(p for p in people_of(state) if p.email == row.email)
                assert shown == row_actions(person, target), (state_id, as_role, row.email)


def test_each_role_of_a_workspace_has_one_viewer(fixture_set: FixtureSet) -> None:
    state = fixture_set.states["pro-tier-renewing"]
    views = viewers_by_role(state, fixture_set.user)
    assert list(views) == ["owner", "admin", "member"]
    assert views["owner"].email == fixture_set.user.email
