"""What the workspace forms accept: Add workspace, the Account page's details, and the new
owner's email address of an ownership transfer.

Each check takes the fields as typed and gives either the values to save or, for each refused
field, the message the form shows beside it. The browser runs the same checks
(``assets/workspace_rules.js``) on the rules and messages exported from here; the tests hold
the two together on generated input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from prototype.states.models import (
    DESCRIPTION_MAX,
    EMAIL,
    EMAIL_MAX,
    TEAM_SIZE_MAX,
    WEBSITE_MAX,
    WORKSPACE_NAME_MAX,
    Workspace,
    is_visible,
)
from prototype.states.workspace_details import (
    SLUG_MESSAGES,
    slug_from_name,
    slug_problem_key,
    website_with_scheme,
)

FORM_MESSAGES: dict[str, str] = {
    "name-missing": "Enter a name.",
    "name-long": f"Use at most {WORKSPACE_NAME_MAX} characters.",
    "name-control": "Remove the control characters (such as tabs) from the name.",
    "name-taken": "Another workspace already has this name: choose another.",
    **{f"unique-url-{key}": message for key, message in SLUG_MESSAGES.items()},
    "unique-url-from-name": (
        "This name has none of the letters A to Z or digits 0 to 9 that a Unique URL is made "
        "of: type one."
    ),
    "unique-url-taken": "Another workspace already has this Unique URL: choose another.",
    "description-long": f"Use at most {DESCRIPTION_MAX} characters.",
    "description-control": "Remove the control characters (such as tabs) from the description.",
    "website-invalid": "Enter a web address, such as example.com.",
    "website-long": f"Use at most {WEBSITE_MAX:,} characters, https:// included.",
    "team-size": f"Enter a whole number from 1 to {TEAM_SIZE_MAX:,}.",
    "email-invalid": "Enter an email address, such as name@example.com.",
    "email-owner": "Enter the new owner's email address: this one is the Owner's.",
}
"""Each way a field can be wrong, and what the form says beside that field."""
NEW_WORKSPACE_FIELDS = ("name", "unique_url", "description")
"""The Add workspace form's fields, in its order."""
DETAIL_FIELDS = (*NEW_WORKSPACE_FIELDS, "website", "team_size")
"""The Account page's fields, in its order."""
TRANSFER_FIELDS = ("email",)
"""The ownership transfer's one field."""
_DIGITS = re.compile("[0-9]+")


@dataclass(frozen=True)
class Taken:
    """The names and Unique URLs other workspaces have: each tells workspaces apart."""

    names: frozenset[str] = frozenset()
    unique_urls: frozenset[str] = frozenset()
    """Lower case: a Unique URL is taken whatever its case."""


def taken_by(workspaces: Iterable[Workspace]) -> Taken:
    """What ``workspaces`` have taken."""
    listed = list(workspaces)
    return Taken(
        frozenset(w.name for w in listed),
        frozenset(str(w.unique_url).lower() for w in listed),
    )


@dataclass(frozen=True)
class FormResult:
    """A form's fields checked: the values to save, or each refused field's message."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether every field was accepted."""
        return not self.errors


def _text_problem(text: str, prefix: str, longest: int) -> str | None:
    """Why a name or description (stripped, not empty) cannot be saved, as a message key."""
    if len(text) > longest:
        return f"{prefix}-long"
    if any(unicodedata.category(char) == "Cc" for char in text):
        return f"{prefix}-control"
    return None


def check_name(typed: str, taken: Taken) -> tuple[str | None, str | None]:
    """The name to save, or the message key of why not: blank, too long, control characters,
    another workspace's."""
    name = typed.strip()
    if not any(map(is_visible, name)):
        return None, "name-missing"
    problem = _text_problem(name, "name", WORKSPACE_NAME_MAX)
    if problem is None and name in taken.names:
        problem = "name-taken"
    return (None, problem) if problem else (name, None)


def check_unique_url(typed: str, name: str, taken: Taken) -> tuple[str | None, str | None]:
    """The Unique URL to save, or the message key of why not. Left empty beside a name that
    has no Latin letter or digit, the form says the name cannot make one."""
    slug = typed.strip()
    problem = slug_problem_key(slug)
    if problem == "missing" and name.strip() and not slug_from_name(name):
        return None, "unique-url-from-name"
    if problem:
        return None, f"unique-url-{problem}"
    if slug.lower() in taken.unique_urls:
        return None, "unique-url-taken"
    return slug, None


def check_description(typed: str) -> tuple[str | None, str | None]:
    """The description to save (``None`` when nothing visible was typed), or why not."""
    description = typed.strip()
    if not any(map(is_visible, description)):
        return None, None
    problem = _text_problem(description, "description", DESCRIPTION_MAX)
    return (None, problem) if problem else (description, None)


def check_website(typed: str) -> tuple[str | None, str | None]:
    """The website as saved (``https://`` added when it has no scheme; ``None`` when left
    empty), or why not."""
    if not typed.strip():
        return None, None
    website = website_with_scheme(typed)
    if website is None:
        return None, "website-invalid"
    if len(website) > WEBSITE_MAX:
        return None, "website-long"
    return website, None


def check_team_size(typed: str) -> tuple[int | None, str | None]:
    """The team size (``None`` when left empty), or why not: digits only, 1 to the largest."""
    text = typed.strip()
    if not text:
        return None, None
    if not _DIGITS.fullmatch(text) or not 1 <= int(text) <= TEAM_SIZE_MAX:
        return None, "team-size"
    return int(text), None


def check_email(typed: str, owner_email: str) -> tuple[str | None, str | None]:
    """The new owner's email address, or why not: not an address, or the Owner's own."""
    email = typed.strip()
    if len(email) > EMAIL_MAX or not EMAIL.fullmatch(email):
        return None, "email-invalid"
    if email.lower() == owner_email.lower():
        return None, "email-owner"
    return email, None


def _result(checked: dict[str, tuple[Any, str | None]]) -> FormResult:
    errors = {name: FORM_MESSAGES[key] for name, (_, key) in checked.items() if key}
    if errors:
        return FormResult(errors=errors)
    return FormResult(values={name: value for name, (value, _) in checked.items()})


def _typed(fields: Mapping[str, str], names: tuple[str, ...]) -> dict[str, str]:
    return {name: fields.get(name, "") for name in names}


def _workspace_checks(typed: Mapping[str, str], taken: Taken) -> dict[str, tuple[Any, str | None]]:
    """The checks of the fields both workspace forms have."""
    return {
        "name": check_name(typed["name"], taken),
        "unique_url": check_unique_url(typed["unique_url"], typed["name"], taken),
        "description": check_description(typed["description"]),
    }


def check_new_workspace(fields: Mapping[str, str], taken: Taken) -> FormResult:
    """The Add workspace form: a name, a Unique URL and an optional description."""
    return _result(_workspace_checks(_typed(fields, NEW_WORKSPACE_FIELDS), taken))


def check_details(fields: Mapping[str, str], taken: Taken) -> FormResult:
    """The Account page's form: the Add workspace fields, a website and a team size."""
    typed = _typed(fields, DETAIL_FIELDS)
    return _result(
        {
            **_workspace_checks(typed, taken),
            "website": check_website(typed["website"]),
            "team_size": check_team_size(typed["team_size"]),
        }
    )


def check_transfer(fields: Mapping[str, str], owner_email: str) -> FormResult:
    """The ownership transfer: the new owner's email address."""
    typed = _typed(fields, TRANSFER_FIELDS)
    return _result({"email": check_email(typed["email"], owner_email)})
