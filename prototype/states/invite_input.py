"""What the Add New Member dialog accepts as the address to invite, checked as the browser
checks it.

The browser runs the same checks on the same exported patterns (``people-flows.js``), so both
must mean the same thing in Python's ``re`` and in JavaScript: every pattern here is ASCII,
with no ``\\s``, ``\\w`` or anchors (Python uses ``fullmatch``, the browser ``^(?:...)$``). An
address is a valid email address as HTML defines one, with a dot in its domain as the fixtures'
:data:`~prototype.states.models.EMAIL` requires, so every address accepted here is one a
fixture could hold. Only ASCII passes, so comparing addresses needs no more than lowercasing
ASCII letters, which the browser does exactly as Python's ``casefold`` does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

EMAIL_MAX = 254
"""The longest email address a fixture may hold."""
BLANKS = " \t\n\f\r"
"""What is trimmed from both ends of the typed address: ASCII whitespace, as HTML has it."""
SEPARATORS = ",; \t\n\f\r"
"""What separates addresses in a list of them."""
ADDRESS = (
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)
"""HTML's valid email address, with at least one dot in the domain."""
INVITE_MESSAGES: dict[str, str] = {
    "missing": "Enter the email address of the person to invite.",
    "several": "Each invitation is for a single email address: enter one.",
    "invalid": "Enter an email address such as name@example.com.",
    "too-long": f"An email address has at most {EMAIL_MAX} characters.",
    "member": "This person is already a member of the workspace.",
    "invited": "This person already has a pending invitation: resend it instead.",
}
"""Each way the address can be refused, and what the dialog says beside the field."""
Taken = Literal["member", "invited"]
"""Why an address cannot be invited: its owner belongs to the workspace, or is invited."""

_ADDRESS = re.compile(ADDRESS)


def trimmed(typed: str) -> str:
    """The typed address without the ASCII whitespace around it."""
    return typed.strip(BLANKS)


def address_key(email: str) -> str:
    """What tells two addresses apart: letter case does not (as the fixtures have it)."""
    return email.casefold()


def address_problem(typed: str, taken: Mapping[str, Taken]) -> str | None:
    """Why the dialog refuses ``typed`` (a key of :data:`INVITE_MESSAGES`), or ``None``.
    ``taken`` maps the :func:`address_key` of each member's and invitee's address to which
    they are."""
    email = trimmed(typed)
    if not email:
        return "missing"
    if any(char in SEPARATORS for char in email) and email.count("@") > 1:
        return "several"
    if not _ADDRESS.fullmatch(email):
        return "invalid"
    if len(email) > EMAIL_MAX:
        return "too-long"
    return taken.get(address_key(email))
