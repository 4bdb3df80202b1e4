"""Dates and money as the product shows them, in US English."""

from __future__ import annotations

import datetime as dt

import pytest

from prototype.states.formatting import (
    count,
    count_grouping,
    currencies_in_use,
    is_known_currency,
    long_date,
    money,
)
from prototype.states.models import MAX_MINOR_UNITS


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 5, 8), "May 8, 2026"),
        (dt.date(2026, 5, 20), "May 20, 2026"),
        (dt.date(2024, 2, 29), "February 29, 2024"),
        (dt.date(2025, 12, 31), "December 31, 2025"),
    ],
)
def test_long_date(day: dt.date, expected: str) -> None:
    assert long_date(day) == expected


@pytest.mark.parametrize(
    ("minor_units", "currency", "expected"),
    [
        (123450, "USD", "$1,234.50"),
        (123450, "EUR", "€1,234.50"),
        (49900, "USD", "$499.00"),
        (5, "USD", "$0.05"),
        (150000, "JPY", "¥150,000"),
        (1, "JPY", "¥1"),
        (0, "USD", "$0.00"),
        (0, "EUR", "€0.00"),
        (0, "JPY", "¥0"),
        (MAX_MINOR_UNITS, "USD", "$1,000,000,000.00"),
    ],
)
def test_money(minor_units: int, currency: str, expected: str) -> None:
    assert money(minor_units, currency) == expected


@pytest.mark.parametrize("code", ["USD", "EUR", "JPY", "GBP", "XAF", "XOF", "XCD", "XPF", "ZWG"])
def test_known_currency(code: str) -> None:
    assert is_known_currency(code)


@pytest.mark.parametrize("code", ["XYZ", "usd", "Usd", "", "US", "USDD"])
def test_unknown_currency(code: str) -> None:
    assert not is_known_currency(code)


@pytest.mark.parametrize(
    "code",
    [
        *["XXX", "XTS"],  # no currency; the code for tests
        *["XAU", "XAG", "XPT", "XPD"],  # metals
        *["XDR", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA"],  # units of account
        *["HRK", "SLL", "ZWL", "DEM", "VEF", "CUC"],  # withdrawn
    ],
)
def test_a_code_that_is_not_money_in_use_is_not_known(code: str) -> None:
    assert not is_known_currency(code)


def test_every_currency_in_use_can_be_shown() -> None:
    for code in currencies_in_use():
        assert money(100, code)


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0, "0"), (950, "950"), (1000, "1,000"), (12500, "12,500"), (10**9, "1,000,000,000")],
)
def test_count(number: int, expected: str) -> None:
    assert count(number) == expected


def test_count_grouping_is_what_count_applies() -> None:
    assert count_grouping() == {"symbol": ",", "sizes": [3, 3]}
