"""How dates, money and counts read in the product (US English, as the product shows them)."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import Any

from babel import Locale
from babel.core import get_global
from babel.dates import format_date
from babel.numbers import (
    format_currency,
    format_decimal,
    get_currency_precision,
    get_group_symbol,
)

LOCALE = "en_US"


def long_date(day: dt.date) -> str:
    """``May 8, 2026``: the product's way of showing a date."""
    return str(format_date(day, format="long", locale=LOCALE))


@functools.cache
def currencies_in_use() -> frozenset[str]:
    """The ISO 4217 codes of money in use: legal tender in some territory, with no end date in
    Babel's data. Not withdrawn ones (``SLL``), nor codes that are not money (``XXX``, ``XAU``)."""
    return frozenset(
        code
        for entries in get_global("territory_currencies").values()
        for code, _start, end, tender in entries
        if tender and end is None
    )


def is_known_currency(code: str) -> bool:
    """Whether ``code`` is the ISO 4217 code of a currency in use (:func:`currencies_in_use`)."""
    return code in currencies_in_use()


def money(minor_units: int, currency: str) -> str:
    """Format an amount stored in minor units: ``money(123450, "EUR") == "€1,234.50"``."""
    major = Decimal(minor_units).scaleb(-get_currency_precision(currency))
    return str(format_currency(major, currency, locale=LOCALE))


def count(number: int) -> str:
    """A whole number such as a credit figure, with grouping: ``12,500``."""
    return str(format_decimal(number, locale=LOCALE))


def count_grouping() -> dict[str, Any]:
    """How :func:`count` groups digits, as data for the browser: the group symbol, and the size
    of the first group (from the right) and of every group after it, as Babel applies them."""
    primary, secondary = Locale.parse(LOCALE).decimal_formats[None].grouping
    return {"symbol": str(get_group_symbol(locale=LOCALE)), "sizes": [primary, secondary]}
