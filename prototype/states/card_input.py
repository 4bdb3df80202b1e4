"""What the payment method dialog accepts, checked as a real card form checks it.

Only a payment provider's test card numbers are accepted (the catalogue lists them), so nothing
typed into the prototype is ever a real card. Validation reads "today" and the accepted numbers
from the validation context: ``{"today": date, "test_numbers": {number, ...}}``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import Field, ValidationInfo, field_validator

from prototype.states.models import CardBrand, StrictModel

CARD_MESSAGES: dict[str, str] = {
    "name": "Enter the name on the card.",
    "number-missing": "Enter the card number.",
    "number-invalid": "This card number is not valid: check its digits.",
    "number-not-test": "Test mode: use one of the test card numbers listed above.",
    "expiry-format": "Enter the expiry date as MM/YY.",
    "expiry-past": "This card has expired: its expiry is before this month.",
    "csc-3": "Enter the 3-digit security code.",
    "csc-4": "Enter the 4-digit security code (American Express).",
    "csc-any": "Enter the 3- or 4-digit security code.",
}
"""Each way a field can be wrong, and what the dialog says beside that field."""
NAME_MAX = 120
"""The longest name on a card the dialog takes."""
SECURITY_CODE_LENGTHS: dict[CardBrand, int] = {"visa": 3, "mastercard": 3, "amex": 4, "discover": 3}
"""Digits of the security code per card network."""

_SEPARATORS = re.compile(r"[ -]")
_EXPIRY = re.compile(r" *([0-9]{1,2}) */ *([0-9]{2}) *")


def luhn_valid(digits: str) -> bool:
    """Whether a card number passes the Luhn checksum that every card number carries."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def brand_of_number(digits: str) -> CardBrand | None:
    """The card network a number belongs to, read from its first digits (its IIN)."""
    if digits.startswith("4"):
        return "visa"
    if digits[:2] in ("34", "37"):
        return "amex"
    if 51 <= int(digits[:2] or 0) <= 55 or 2221 <= int(digits[:4] or 0) <= 2720:
        return "mastercard"
    if digits.startswith(("6011", "65")) or 644 <= int(digits[:3] or 0) <= 649:
        return "discover"
    return None


def card_digits(number: str) -> str:
    """A card number as typed, without the spaces and hyphens people group it with."""
    return _SEPARATORS.sub("", number)


def _context(info: ValidationInfo) -> dict[str, Any]:
    return info.context if isinstance(info.context, dict) else {}


class CardInput(StrictModel):
    """The payment method dialog's four fields, as typed."""

    name: str = Field(max_length=NAME_MAX)
    """The name on the card."""
    number: str
    """The card number; spaces and hyphens allowed, kept as digits only."""
    expiry: str
    """The expiry month, ``MM/YY``; kept as written with two-digit month."""
    security_code: str
    """The security code: 4 digits for American Express, 3 for the others."""

    @field_validator("name")
    @classmethod
    def _named(cls, name: str) -> str:
        if not name.strip():
            raise ValueError(CARD_MESSAGES["name"])
        return name.strip()

    @field_validator("number")
    @classmethod
    def _test_card(cls, number: str, info: ValidationInfo) -> str:
        digits = card_digits(number)
        if not digits:
            raise ValueError(CARD_MESSAGES["number-missing"])
        if not re.fullmatch(r"[0-9]{12,19}", digits) or not luhn_valid(digits):
            raise ValueError(CARD_MESSAGES["number-invalid"])
        if digits not in _context(info).get("test_numbers", ()):
            raise ValueError(CARD_MESSAGES["number-not-test"])
        return digits

    @field_validator("expiry")
    @classmethod
    def _not_expired(cls, expiry: str, info: ValidationInfo) -> str:
        match = _EXPIRY.fullmatch(expiry)
        if not match or not 1 <= int(match[1]) <= 12:
            raise ValueError(CARD_MESSAGES["expiry-format"])
        month, year = int(match[1]), 2000 + int(match[2])
        today = _context(info).get("today")
        if isinstance(today, dt.date) and (year, month) < (today.year, today.month):
            raise ValueError(CARD_MESSAGES["expiry-past"])
        return f"{month:02d}/{match[2]}"

    @field_validator("security_code")
    @classmethod
    def _code_length(cls, code: str, info: ValidationInfo) -> str:
        number = info.data.get("number")
        brand = brand_of_number(number) if isinstance(number, str) else None
        if brand is None:
            if not re.fullmatch(r"[0-9]{3,4}", code):
                raise ValueError(CARD_MESSAGES["csc-any"])
            return code
        length = SECURITY_CODE_LENGTHS[brand]
        if not re.fullmatch(f"[0-9]{{{length}}}", code):
            raise ValueError(CARD_MESSAGES[f"csc-{length}"])
        return code

    @property
    def brand(self) -> CardBrand:
        """The card network of the number."""
        brand = brand_of_number(self.number)
        if brand is None:  # a test card the catalogue accepted always has one
            raise ValueError(f"no card network starts with {self.number[:4]}")
        return brand

    @property
    def exp_month(self) -> int:
        """The expiry month, 1 to 12."""
        return int(self.expiry[:2])

    @property
    def exp_year(self) -> int:
        """The expiry year, four digits."""
        return 2000 + int(self.expiry[3:])
