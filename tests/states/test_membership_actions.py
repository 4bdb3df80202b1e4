"""The Members page's actions as functions of a state, done by each role on each person: what
the docs let a role do completes, and nothing else does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prototype.states.actions import ActionError
from prototype.states.invite_input import ADDRESS, INVITE_MESSAGES
from prototype.states.membership_actions import (
    act_on,
    change_role,
    invite,
    remove_invitation,
    remove_member,
    resend,
    taken_addresses,
)
from prototype.states.models import Member, WorkspaceState
from tests.expected import (
    FIXTURE_SET,
    MANAGES,
    MEMBER_STATE_IDS,
    Person,
    people_of,
    role_views,
    row_actions,
)

USER, TODAY = FIXTURE_SET.user, FIXTURE_SET.today


def as_member(person: Person) -> Member:
    return Member(name=str(person.name), email=person.email, role=person.role)


def viewer_as(state_id: str, role: str) -> Member:
    """The member of ``role`` a reviewer views the state's Members page as."""
    return next(as_member(p) for _, p in role_views(state_id) if p.role == role)


VIEWS = [
    pytest.param(state_id, as_member(person), id=f"{state_id}-as-{person.role}")
    for state_id in MEMBER_STATE_IDS
    for _, person in role_views(state_id)
]
"""Every state a user belongs to, as a member of each role it has."""
each_view = pytest.mark.parametrize(("state_id", "viewer"), VIEWS)


def as_person(member: Member) -> Person:
    return Person(member.name, member.email, member.role, pending=False)


def valid(state: WorkspaceState, viewer: Member) -> WorkspaceState:
    """``state`` validated again as the viewer's fixture would be."""
    context = {"today": TODAY, "user_email": viewer.email}
    return WorkspaceState.model_validate(state.model_dump(), context=context)


def outcome(action: Callable[..., WorkspaceState], *args: object) -> WorkspaceState | None:
    """The state ``action(*args, TODAY)`` leads to, or ``None`` when it is refused with a
    reason."""
    try:
        return action(*args, TODAY)
    except ActionError as error:
        reason = str(error)
    assert reason
    return None


@each_view
def test_each_person_gets_exactly_what_the_viewers_role_allows(
    state_id: str, viewer: Member
) -> None:
    state = FIXTURE_SET.states[state_id]
    for person in people_of(state):
        allowed = row_actions(as_person(viewer), person)
        email = person.email
        if person.pending:
            resent = outcome(resend, state, USER, viewer, email)
            removed = outcome(remove_invitation, state, USER, viewer, email)
            assert (resent is not None, removed is not None) == ("Resend" in allowed,) * 2
            if resent and removed:
                [again] = [i for i in resent.invitations if i.email == email]
                assert (again.sent_on, again.role) == (TODAY, person.role)
                assert email not in {i.email for i in removed.invitations}
                assert len(removed.invitations) == len(state.invitations) - 1
            continue
        other = {"admin": "member", "member": "admin", "owner": "admin"}[person.role]
        moved = outcome(change_role, state, USER, viewer, email, other)
        same = outcome(change_role, state, USER, viewer, email, person.role)
        removed = outcome(remove_member, state, USER, viewer, email)
        assert (moved is not None, same, removed is not None) == (
            "Change role" in allowed,
            None,
            "Remove" in allowed,
        )
        if moved:
            assert [m.email for m in moved.members] == [m.email for m in state.members]
            assert next(m.role for m in moved.members if m.email == email) == other
            assert valid(moved, viewer) == moved
        if removed:
            assert email not in {m.email for m in removed.members}
            assert valid(removed, viewer) == removed


@each_view
@pytest.mark.parametrize("role", ["admin", "member"])
def test_invitations_go_out_as_the_roles_the_viewer_manages(
    state_id: str, viewer: Member, role: str
) -> None:
    state = FIXTURE_SET.states[state_id]
    after = outcome(invite, state, USER, viewer, " New.Person@Example.com ", role)
    assert (after is not None) == (role in MANAGES[viewer.role])
    if after:
        assert after.invitations[:-1] == state.invitations
        last = after.invitations[-1]
        assert (last.email, last.role, last.sent_on) == ("New.Person@Example.com", role, TODAY)
        assert after.members == state.members
        assert valid(after, viewer) == after


def test_a_member_invited_twice_or_already_in_is_refused_with_the_dialogs_message() -> None:
    state = FIXTURE_SET.states["pro-tier-renewing"]
    owner = viewer_as("pro-tier-renewing", "owner")
    member = state.members[1].email.upper()
    invited = state.invitations[0].email.title()
    for typed, reason in [(member, "member"), (invited, "invited"), ("a@b.co, c@d.co", "several")]:
        with pytest.raises(ActionError, match=INVITE_MESSAGES[reason]):
            invite(state, USER, owner, typed, "member", TODAY)


def test_nobody_acts_on_themselves_or_on_the_owner() -> None:
    state = FIXTURE_SET.states["flex-team"]
    owner = next(m for m in state.members if m.role == "owner")
    for _, person in role_views("flex-team"):
        viewer = as_member(person)
        for target in {viewer.email, owner.email}:
            with pytest.raises(ActionError):
                remove_member(state, USER, viewer, target, TODAY)
            with pytest.raises(ActionError):
                change_role(state, USER, viewer, target, "member", TODAY)


def test_only_a_member_acts() -> None:
    state = FIXTURE_SET.states["flex-team"]
    outsider = Member(name="Out Sider", email="out@example.com", role="owner")
    with pytest.raises(ActionError, match="not a member"):
        invite(state, USER, outsider, "new@example.com", "member", TODAY)


def test_a_personal_workspace_invites_without_listing_its_members() -> None:
    state_id = next(s for s in MEMBER_STATE_IDS if not FIXTURE_SET.states[s].members)
    state = FIXTURE_SET.states[state_id]
    me = viewer_as(state_id, "owner")
    after = invite(state, USER, me, "friend@example.com", "admin", TODAY)
    assert (after.members, [i.email for i in after.invitations]) == ([], ["friend@example.com"])
    with pytest.raises(ActionError, match=INVITE_MESSAGES["member"]):
        invite(state, USER, me, USER.email.upper(), "member", TODAY)


def test_an_invitation_is_dated_today_even_on_another_day() -> None:
    state = FIXTURE_SET.states["pro-tier-renewing"]
    owner = viewer_as("pro-tier-renewing", "owner")
    later = TODAY + dt.timedelta(days=3)
    assert (
        invite(state, USER, owner, "x@example.com", "admin", later).invitations[-1].sent_on == later
    )


TAKEN = st.sampled_from(sorted(taken_addresses(FIXTURE_SET.states["pro-tier-renewing"], USER)))
INVITE_INPUTS = st.one_of(
    st.from_regex(ADDRESS, fullmatch=True),
    TAKEN.map(str.upper),
    TAKEN,
    st.lists(st.from_regex(ADDRESS, fullmatch=True), min_size=2, max_size=3).map(", ".join),
    st.text(max_size=40),
    st.builds(lambda a, b: f"{a}@{b}", st.text(max_size=10), st.text(max_size=10)),
    st.builds(lambda a: f" \t{a}\n", st.from_regex(ADDRESS, fullmatch=True)),
)
"""What people type into Add New Member: addresses, taken ones in any case, lists of them,
anything at all, something around an @, addresses with blanks around them."""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(INVITE_INPUTS, st.sampled_from(["admin", "member"])), max_size=6))
def test_generated_invitations_are_added_or_refused_with_a_message(
    typed: list[tuple[str, str]],
) -> None:
    """One after the other: an address nobody has is added as Pending with its role, sent
    today; anything else is refused with one of the dialog's messages, and nothing changes."""
    state = FIXTURE_SET.states["pro-tier-renewing"]
    owner = viewer_as("pro-tier-renewing", "owner")
    for text, role in typed:
        after = outcome(invite, state, USER, owner, text, role)
        if after is None:
            with pytest.raises(ActionError) as refused:
                invite(state, USER, owner, text, role, TODAY)  # type: ignore[arg-type]
            assert str(refused.value) in INVITE_MESSAGES.values()
            continue
        added = after.invitations[-1]
        assert (added.email, added.role, added.sent_on) == (text.strip(" \t\n\f\r"), role, TODAY)
        assert after.invitations[:-1] == state.invitations
        state = after


@pytest.mark.parametrize(
    ("action", "role"), [("change-role", "owner"), ("invite", ""), ("transfer", "admin")]
)
def test_an_action_or_role_no_row_offers_is_refused(action: str, role: str) -> None:
    state = FIXTURE_SET.states["pro-tier-renewing"]
    owner = viewer_as("pro-tier-renewing", "owner")
    with pytest.raises(ActionError, match="does not take"):
        act_on(state, USER, owner, action, state.members[1].email, role, TODAY)
