"""The address the Add New Member dialog accepts: one HTML email address with a dot in its
domain, nobody's already, each refusal with its message."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prototype.states.invite_input import (
    ADDRESS,
    BLANKS,
    EMAIL_MAX,
    INVITE_MESSAGES,
    address_key,
    address_problem,
    trimmed,
)
from prototype.states.models import EMAIL

TAKEN = {"ada@example.com": "member", "ben@example.com": "invited"}
CASES = {
    "": "missing",
    " \t ": "missing",
    "ada@example.com": "member",
    " ADA@Example.COM\t": "member",
    "Ben@example.com": "invited",
    "cy@example.com": None,
    "first.last+tag@sub.example.co": None,
    "o'neil@example.com": None,
    "cy@example.com, dee@example.com": "several",
    "cy@example.com dee@example.com": "several",
    "cy@example.com;dee@example.com": "several",
    "cy@example": "invalid",
    "cy example.com": "invalid",
    "cy@@example.com": "invalid",
    "cy@exa_mple.com": "invalid",
    "cy@-example.com": "invalid",
    "cy@example.com.": "invalid",
    "zoë@example.com": "invalid",
    "cy@exämple.com": "invalid",
    "\u00a0cy@example.com": "invalid",
    '"cy"@example.com': "invalid",
    f"{'a' * 64}@{'b' * 63}.{'c' * 63}.{'d' * 63}.com": "too-long",
}
"""Typed text → why it is refused (a key of INVITE_MESSAGES), or None when it is accepted."""


@pytest.mark.parametrize(("typed", "problem"), CASES.items(), ids=list(map(repr, CASES)))
def test_each_address_is_accepted_or_refused_for_its_reason(
    typed: str, problem: str | None
) -> None:
    assert address_problem(typed, TAKEN) == problem  # type: ignore[arg-type]


def test_every_reason_has_a_message_and_every_message_a_case() -> None:
    assert set(INVITE_MESSAGES) == {p for p in CASES.values() if p}
    assert all(message.endswith(".") for message in INVITE_MESSAGES.values())


def test_letter_case_does_not_tell_addresses_apart() -> None:
    assert address_key("Ada@Example.COM") == address_key("ada@example.com")


@given(st.from_regex(ADDRESS, fullmatch=True), st.sampled_from(["", " ", "\t", "\n "]))
def test_every_accepted_address_is_one_a_fixture_holds(address: str, blank: str) -> None:
    typed = blank + address + blank
    problem = address_problem(typed, {})
    assert problem in (None, "too-long")
    if problem is None:
        assert trimmed(typed) == address
        assert EMAIL.fullmatch(address)
        assert len(address) <= EMAIL_MAX


@given(st.text())
def test_any_text_is_accepted_or_refused_with_a_message(typed: str) -> None:
    problem = address_problem(typed, TAKEN)  # type: ignore[arg-type]
    assert problem is None or problem in INVITE_MESSAGES
    if problem is None:
        assert re.fullmatch(ADDRESS, trimmed(typed))
        assert trimmed(typed).isascii()


def test_the_patterns_mean_the_same_in_a_browser() -> None:
    """No class or escape whose meaning differs between Python's re and JavaScript's RegExp."""
    assert ADDRESS.isascii()
    assert not re.search(r"\\[sSwWdDbB]|\(\?[<P!=]|\\Z|\\A|[$^](?![^\[]*\])", ADDRESS)
    assert set(BLANKS) == set(" \t\n\f\r")
