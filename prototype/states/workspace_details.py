"""The rules of a workspace's details: its Unique URL (the slug) and its website.

One place for both: the fixtures are validated with them, the Account page and the Add
workspace form follow them, and the tests check the form against them on generated input.
"""

from __future__ import annotations

import re
import unicodedata

SLUG = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
"""A Unique URL: letters, numbers and hyphens only, no hyphen at either end or twice in a row."""
MAX_SLUG = 63
"""The longest Unique URL, as a web address part may be."""
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_HOST = re.compile(r"^[^\s/:?#@]+\.[^\s/:?#@]+(?::[0-9]{1,5})?(?:[/?#]\S*)?$")


def slug_from_name(name: str) -> str:
    """The Unique URL the form fills in from a name: accents dropped, lower case, every run of
    other characters one hyphen (``"Zürich Research"`` → ``zurich-research``); empty when the
    name has no Latin letter or digit to make one from."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", plain.lower()).strip("-")[:MAX_SLUG].rstrip("-")


def slug_problem(slug: str) -> str | None:
    """Why ``slug`` cannot be a Unique URL, or ``None`` when it can."""
    if not slug:
        return "Enter a Unique URL."
    if len(slug) > MAX_SLUG:
        return f"Use at most {MAX_SLUG} characters."
    if not SLUG.fullmatch(slug):
        return "Use only letters, numbers and hyphens, with no hyphen at either end."
    return None


def website_with_scheme(website: str) -> str | None:
    """A website as it is saved: ``https://`` put in front when it has no scheme; ``None`` when it
    cannot be a web address even so (no dot in the host, spaces)."""
    text = website.strip()
    address = text if _SCHEME.match(text) else f"https://{text}"
    scheme, _, rest = address.partition("://")
    if scheme.lower() not in {"http", "https"} or not _HOST.match(rest):
        return None
    return address
