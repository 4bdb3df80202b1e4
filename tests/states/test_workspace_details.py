"""The Unique URL and website rules: examples, the patterns Python and the browser share, and
generated input (every name gives a valid Unique URL or a clear reason why not)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prototype.states.models import WEBSITE_MAX, Workspace
from prototype.states.workspace_details import (
    HOST_PATTERN,
    MAX_SLUG,
    SLUG_MESSAGES,
    WHITESPACE,
    WS,
    slug_from_name,
    slug_problem,
    slug_problem_key,
    website_with_scheme,
)
from prototype.states.workspace_input import FORM_MESSAGES, Taken, check_unique_url
from tests.workspace_strategies import names, typed_characters, unique_urls, websites


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Zürich Research", "zurich-research"),
        ("  Acme -- Product  Research!  ", "acme-product-research"),
        ("\uff26\uff55\uff4c\uff4c \uff57\uff49\uff44\uff54\uff48", "full-width"),
        ("Équipe ‮gnp.exe‬ 🚀", "equipe-gnp-exe"),
        ("東京", ""),
        ("W" * 70, "w" * MAX_SLUG),
        ("a" * 62 + " b", "a" * 62),
    ],
)
def test_the_unique_url_made_from_a_name(name: str, slug: str) -> None:
    assert slug_from_name(name) == slug


@pytest.mark.parametrize(
    ("slug", "key"),
    [
        ("acme-research", None),
        ("Acme-2026", None),
        ("", "missing"),
        ("a" * (MAX_SLUG + 1), "long"),
        ("-acme", "chars"),
        ("acme-", "chars"),
        ("acme--research", "chars"),
        ("acme research", "chars"),
        ("zürich", "chars"),
        ("acme_research", "chars"),
    ],
)
def test_a_unique_url_is_letters_numbers_and_single_hyphens(slug: str, key: str | None) -> None:
    assert slug_problem_key(slug) == key
    assert slug_problem(slug) == (SLUG_MESSAGES[key] if key else None)


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("acme.example", "https://acme.example"),
        ("  acme.example/path?q=1#top  ", "https://acme.example/path?q=1#top"),
        ("www.acme.example:8080", "https://www.acme.example:8080"),
        ("http://acme.example", "http://acme.example"),
        ("HTTPS://acme.example", "HTTPS://acme.example"),
        ("ftp://acme.example", None),
        ("mailto:maya@acme.example", None),
        ("acme", None),
        ("acme .example", None),
        ("https://", None),
        ("", None),
    ],
)
def test_a_website_is_saved_with_https_in_front_where_possible(
    typed: str, saved: str | None
) -> None:
    assert website_with_scheme(typed) == saved


def test_the_whitespace_is_pythons() -> None:
    """The character class the browser reads is exactly what Python's ``\\s`` and strip know."""
    every = [chr(code) for code in range(0x110000)]
    spelled = re.compile(f"[{WS}]")
    assert [c for c in every if bool(spelled.fullmatch(c)) != bool(re.fullmatch(r"\s", c))] == []
    assert set(WHITESPACE) == {c for c in every if c.isspace()}


@given(names)
def test_every_name_gives_a_valid_unique_url_or_a_clear_reason(name: str) -> None:
    slug = slug_from_name(name)
    if slug:
        assert slug_problem(slug) is None
        assert check_unique_url(slug, name, Taken()) == (slug, None)
    else:
        _, key = check_unique_url(slug, name, Taken())
        assert key in ("unique-url-from-name", "unique-url-missing")
        assert FORM_MESSAGES[str(key)]


@given(unique_urls)
def test_a_unique_url_the_rule_takes_is_one_a_workspace_takes(slug: str) -> None:
    if slug_problem(slug) is None:
        assert Workspace(name="Acme", kind="team", unique_url=slug).unique_url == slug


@given(websites | st.text(typed_characters))
def test_a_website_is_saved_once_and_as_the_model_takes_it(typed: str) -> None:
    """``https://`` is put in front once; what is saved is saved again unchanged, and a
    workspace holds it (within the longest website)."""
    saved = website_with_scheme(typed)
    if saved is None:
        return
    assert website_with_scheme(saved) == saved
    assert re.fullmatch(HOST_PATTERN, saved.partition("://")[2])
    if len(saved) <= WEBSITE_MAX:
        assert Workspace(name="Acme", kind="team", website=saved).website == saved
