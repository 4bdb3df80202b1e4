"""Hypothesis strategies for what people type into the workspace forms: Add workspace, the
Account page's details and the new owner's email address.

Drawn characters are any a page can hold (no lone surrogates) except those Python's Unicode
database has not assigned yet: the browser's may be newer, and know them as marks.
"""

from __future__ import annotations

import string

from hypothesis import strategies as st

from prototype.states.models import TEAM_SIZE_MAX
from prototype.states.workspace_details import MAX_SLUG, WHITESPACE, slug_from_name
from tests.strategies import TRICKY_NAMES

typed_characters = st.characters(codec="utf-8", exclude_categories=["Cs", "Cn"])
"""Any character a person could type or paste."""
spaces = st.text(st.sampled_from(WHITESPACE), max_size=2)
"""Whitespace around what is typed, as Python's str.strip knows it."""
words = st.text(string.ascii_letters + string.digits + " -_.&'", min_size=1, max_size=40)


def padded(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``inner`` with whitespace around it, sometimes."""
    return st.builds(lambda a, text, b: a + text + b, spaces, inner, spaces)


names = padded(
    st.sampled_from(TRICKY_NAMES)
    | words
    | st.text(typed_characters, max_size=30)
    | st.text(typed_characters, min_size=195, max_size=205)
    | st.sampled_from(
        [
            "",
            "\u200b",
            "\uff26\uff55\uff4c\uff4c \uff57\uff49\uff44\uff54\uff48",
            "ǅemal Ærø ß",
            "a\tb",
            "-",
            "東京",
        ]
    )
)
"""Workspace names: usual, hard to show, blank, too long, with control characters."""
unique_urls = padded(
    st.from_regex(r"\A[A-Za-z0-9]{1,12}(-{1,2}[A-Za-z0-9]{1,12}){0,3}-?\Z")
    | st.text(string.ascii_lowercase + "-", max_size=MAX_SLUG + 3)
    | st.text(typed_characters, max_size=12)
)
"""Unique URLs: valid ones, hyphens where they may not be, too long, other characters."""
descriptions = padded(st.text(typed_characters, max_size=20) | words) | st.text(
    string.ascii_letters, min_size=498, max_size=502
)
"""Descriptions: empty, blank, usual, too long."""
hosts = st.from_regex(
    r"\A[a-z0-9-]{1,10}(\.[a-z]{2,6}){0,2}(:[0-9]{1,6})?(/[a-z0-9?#=&/.-]{0,10})?\Z"
)
websites = (
    padded(
        st.builds(
            lambda scheme, host: scheme + host,
            st.sampled_from(["", "", "http://", "https://", "HTTPS://", "ftp://", "mailto:", "//"]),
            hosts,
        )
    )
    | st.text(typed_characters, max_size=20)
    | st.builds(lambda n: "example.com/" + "a" * n, st.integers(1980, 1995))
)
"""Websites: with and without a scheme, other schemes, no dot, spaces, too long."""
team_sizes = padded(
    st.integers(-5, TEAM_SIZE_MAX + 5).map(str)
    | st.sampled_from(["", "0", "007", "1e3", "12.0", "+5", "١٢", "10000000000000000000000"])
    | st.text(typed_characters, max_size=6)
)
"""Team sizes as typed: in range or not, leading zeros, other digits, words."""
emails = padded(
    st.emails().map(str)
    | st.sampled_from(["", "maya.okafor@example.com", "MAYA.OKAFOR@EXAMPLE.COM", "a@b", "a b@c.d"])
    | st.text(typed_characters, max_size=20)
)
"""Email addresses: valid ones, the Owner's own, not addresses."""


@st.composite
def new_workspace_fields(draw: st.DrawFn) -> dict[str, str]:
    """The Add workspace form: its Unique URL often as filled in from the name."""
    name = draw(names)
    url = draw(st.sampled_from([slug_from_name(name), ""]) | unique_urls)
    return {"name": name, "unique_url": url, "description": draw(descriptions)}


detail_fields = st.fixed_dictionaries(
    {
        "name": names,
        "unique_url": unique_urls,
        "description": descriptions,
        "website": websites | st.just(""),
        "team_size": team_sizes,
    }
)
