"""The rules of a workspace's details: its Unique URL (the slug) and its website.

One place for both: the fixtures are validated with them, the Account page and the Add
workspace form follow them, and the tests check the form against them on generated input.
The patterns are regular expression sources that Python and the browser read alike
(``/…/u`` in JavaScript): whitespace is spelled out as the characters Python's
:meth:`str.isspace` knows, where ``\\s`` would differ between the two.
"""

from __future__ import annotations

import re
import unicodedata

WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character Python counts as whitespace (:meth:`str.strip` strips these), spelled out:
finding them among all of Unicode took a tenth of a second at every start. The tests check the
list against :meth:`str.isspace`."""
WS = "".join(f"\\u{ord(char):04x}" for char in WHITESPACE)
"""The whitespace characters as the body of a regular expression's character class."""
SLUG_PATTERN = "[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
"""A Unique URL: letters, numbers and single hyphens, no hyphen at either end."""
NOT_SLUG_PATTERN = "[^a-z0-9]+"
"""What a name's lower-case letters and digits are separated by, in making a Unique URL."""
SCHEME_PATTERN = "[A-Za-z][A-Za-z0-9+.-]*://"
"""A web address's scheme and its ``://``, at the start of what was typed."""
ADDED_SCHEME = "https://"
"""What a website saved without a scheme gets in front."""
HOST_PATTERN = f"[^{WS}/:?#@]+\\.[^{WS}/:?#@]+(?::[0-9]{{1,5}})?(?:[/?#][^{WS}]*)?"
"""What follows the scheme: a host with a dot, maybe a port, maybe a path; no spaces."""
MAX_SLUG = 63
"""The longest Unique URL, as a web address part may be."""
SLUG_MESSAGES = {
    "missing": "Enter a Unique URL.",
    "long": f"Use at most {MAX_SLUG} characters.",
    "chars": (
        "Use only the letters A to Z, the digits 0 to 9 and single hyphens, with no hyphen at "
        "either end."
    ),
}
"""Why a Unique URL is refused, by key, as the forms say it."""
_SLUG = re.compile(SLUG_PATTERN)
_NOT_SLUG = re.compile(NOT_SLUG_PATTERN)
_SCHEME = re.compile(SCHEME_PATTERN)
_HOST = re.compile(HOST_PATTERN)


def slug_from_name(name: str) -> str:
    """The Unique URL the form fills in from a name: accents dropped, lower case, every run of
    other characters one hyphen (``"Zürich Research"`` → ``zurich-research``); empty when the
    name has no Latin letter or digit to make one from."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", plain.lower()).strip("-")[:MAX_SLUG].rstrip("-")


def slug_problem_key(slug: str) -> str | None:
    """Why ``slug`` cannot be a Unique URL, as a key of :data:`SLUG_MESSAGES`; ``None`` when it
    can."""
    if not slug:
        return "missing"
    if len(slug) > MAX_SLUG:
        return "long"
    if not _SLUG.fullmatch(slug):
        return "chars"
    return None


def slug_problem(slug: str) -> str | None:
    """Why ``slug`` cannot be a Unique URL, or ``None`` when it can."""
    key = slug_problem_key(slug)
    return SLUG_MESSAGES[key] if key else None


def website_with_scheme(website: str) -> str | None:
    """A website as it is saved: ``https://`` put in front when it has no scheme; ``None`` when it
    cannot be a web address even so (no dot in the host, spaces)."""
    text = website.strip()
    address = text if _SCHEME.match(text) else f"{ADDED_SCHEME}{text}"
    scheme, _, rest = address.partition("://")
    if scheme.lower() not in {"http", "https"} or not _HOST.fullmatch(rest):
        return None
    return address
