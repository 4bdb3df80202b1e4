"""The Members page's ``actions.json`` for one viewer: every row an action leads to, and the
invitation template the browser fills with any address.

Every action is tried on every row with every choice; what
:mod:`prototype.states.membership_actions` refuses leads nowhere, so a row's transitions are
exactly what the viewer's role may do to it (the tests hold them to the row's buttons).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from prototype.pages.members_view import (
    KEY_PLACEHOLDER,
    PersonRow,
    members_view,
    template_row,
)
from prototype.pages.row_flows import Shown, Step, rows_data
from prototype.states.actions import ActionError
from prototype.states.invite_input import (
    ADDRESS,
    BLANKS,
    EMAIL_MAX,
    INVITE_MESSAGES,
    SEPARATORS,
    address_key,
)
from prototype.states.membership_actions import (
    INVITED_ROLES,
    ROLE_NAMES,
    act_on,
    with_article,
)
from prototype.states.models import Member, User, WorkspaceState

SAMPLE_ADDRESS = "invitee@example.invalid"
"""The address the template invitation is made with; the browser puts the typed one in."""
EMAIL_PLACEHOLDER = "@email@"
"""What an announcement about a template row holds in place of the address."""
Macro = Callable[..., str]
ROW_ACTIONS = {
    True: [("resend", ""), ("remove-invitation", "")],
    False: [("change-role", "admin"), ("change-role", "member"), ("remove-member", "")],
}
"""What can be tried on a pending invitation's row, and on a member's: action and choice."""


def invite_form() -> dict[str, Any]:
    """What the browser checks the typed address with: the patterns and messages of
    :mod:`prototype.states.invite_input`."""
    return {
        "blanks": BLANKS,
        "separators": SEPARATORS,
        "address": ADDRESS,
        "max": EMAIL_MAX,
        "messages": INVITE_MESSAGES,
    }


def done_message(action: str, row: PersonRow, role: str = "") -> str:
    """What the live region says once ``action`` is done to ``row``."""
    who = row.name or row.email
    if action == "invite":
        return f"Invited {row.email} as {with_article(row.role_label)}: they show as Pending."
    if action == "resend":
        return f"Sent the invitation to {row.email} again (no email leaves this prototype)."
    if action == "remove-invitation":
        return f"Removed the invitation to {row.email}."
    if action == "change-role":
        return f"{who} is now {with_article(ROLE_NAMES[role])}."
    return f"Removed {who} from the workspace."


@dataclass(frozen=True)
class MembersPage:
    """The Members table's rows as ``viewer`` sees them, in any state of the workspace."""

    user: User
    viewer: Member
    today: dt.date
    row_macro: Macro
    dialogs_macro: Macro

    def _rows(self, state: WorkspaceState) -> dict[str, PersonRow]:
        return {row.key: row for row in members_view(state, self.user, self.viewer).rows}

    def rows(self, state: WorkspaceState) -> list[str]:
        """Every row's key, members first, in the workspace's order."""
        return list(self._rows(state))

    def variant(self, state: WorkspaceState, key: str) -> str:
        """A member by address and role, an invitation by address, role and date, the template
        by role and date."""
        row = self._rows(state)[key]
        if row.email == SAMPLE_ADDRESS:
            return f"n:{row.role}:{row.sent_text}"
        if row.pending:
            return f"i:{address_key(row.email)}:{row.role}:{row.sent_text}"
        return f"m:{address_key(row.email)}:{row.role}"

    def shown(self, state: WorkspaceState, key: str) -> Shown:
        """A row: a template when it is the sample invitation."""
        row = self._rows(state)[key]
        taken = {"key": address_key(row.email), "as": "invited" if row.pending else "member"}
        if row.email == SAMPLE_ADDRESS:
            row, taken = template_row(row), {"as": "invited"}
        return Shown(row.key, self.row_macro(row), self.dialogs_macro(row), taken)

    def steps(self, state: WorkspaceState, key: str) -> Iterator[Step[WorkspaceState]]:
        """Every action on the row, with every role for a role change; refused ones left out."""
        row = self._rows(state)[key]
        for action, choice in ROW_ACTIONS[row.pending]:
            try:
                after = act_on(state, self.user, self.viewer, action, row.email, choice, self.today)
            except ActionError:
                continue
            done = done_message(action, row, choice).replace(SAMPLE_ADDRESS, EMAIL_PLACEHOLDER)
            yield Step(action, choice, after, done)

    def invites(
        self, state: WorkspaceState, address: str = SAMPLE_ADDRESS
    ) -> Iterator[Step[WorkspaceState]]:
        """Inviting ``address`` (the template's sample) as each role; the roles the viewer may
        not invite as are refused and left out."""
        for role in INVITED_ROLES:
            try:
                after = act_on(state, self.user, self.viewer, "invite", address, role, self.today)
            except ActionError:
                continue
            row = self._rows(after)[self.rows(after)[-1]]
            done = done_message("invite", row).replace(SAMPLE_ADDRESS, EMAIL_PLACEHOLDER)
            yield Step("invite", role, after, done)


def first_steps(
    page: MembersPage, state: WorkspaceState, invitee: str
) -> dict[str, Step[WorkspaceState]]:
    """Each action the page offers, done on the first row that offers it with its first
    choice; an invitation to ``invitee``."""
    found: dict[str, Step[WorkspaceState]] = {}
    for key in page.rows(state):
        for step in page.steps(state, key):
            found.setdefault(step.action, step)
    for step in page.invites(state, invitee):
        found.setdefault(step.action, step)
    return found


def members_data(page: MembersPage, state: WorkspaceState) -> dict[str, Any]:
    """The content of the Members page's ``actions.json`` for the page's viewer."""
    return rows_data(
        page,
        state,
        page.invites(state),
        placeholders={"key": KEY_PLACEHOLDER, "email": EMAIL_PLACEHOLDER},
        invite_form=invite_form(),
    )
