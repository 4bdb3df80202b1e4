"""The payment method dialog's input: refused as a real card form refuses it, field by field."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from prototype.states.card_input import (
    CARD_MESSAGES,
    CardInput,
    brand_of_number,
    card_digits,
    luhn_valid,
)
from tests.expected import CARD_CASES, FIXTURE_SET

CONTEXT = {"today": FIXTURE_SET.today, "test_numbers": FIXTURE_SET.catalogue.test_numbers}


def refusals(fields: dict[str, str]) -> dict[str, str]:
    """Each refused field with its message; empty when the input is accepted."""
    try:
        CardInput.model_validate(fields, context=CONTEXT)
    except ValidationError as error:
        return {
            str(problem["loc"][0]): problem["msg"].removeprefix("Value error, ")
            for problem in error.errors(include_url=False)
        }
    return {}


@pytest.mark.parametrize("case", CARD_CASES)
def test_each_field_is_refused_with_its_reason(case: str) -> None:
    fields, expected = CARD_CASES[case]
    assert refusals(fields) == {field: CARD_MESSAGES[key] for field, key in expected.items()}


def test_an_accepted_card_is_kept_as_the_page_needs_it() -> None:
    card = CardInput.model_validate(CARD_CASES["amex-later"][0], context=CONTEXT)
    assert (card.name, card.number, card.expiry) == ("Ada", "378282246310005", "01/30")
    assert (card.brand, card.exp_month, card.exp_year) == ("amex", 1, 2030)


def test_a_name_longer_than_the_field_is_refused() -> None:
    fields = {**CARD_CASES["visa"][0], "name": "M" * 121}
    assert list(refusals(fields)) == ["name"]


def test_without_a_list_of_test_cards_every_number_is_refused() -> None:
    with pytest.raises(ValidationError, match=CARD_MESSAGES["number-not-test"]):
        CardInput.model_validate(CARD_CASES["visa"][0], context={"today": FIXTURE_SET.today})


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("4242424242424242", True),
        ("378282246310005", True),
        ("6011111111111117", True),
        ("79927398713", True),
        ("4242424242424241", False),
        ("79927398710", False),
    ],
)
def test_luhn(number: str, valid: bool) -> None:
    assert luhn_valid(number) is valid


@pytest.mark.parametrize(
    ("number", "brand"),
    [
        ("4242424242424242", "visa"),
        ("5555555555554444", "mastercard"),
        ("2223003122003222", "mastercard"),
        ("378282246310005", "amex"),
        ("371449635398431", "amex"),
        ("6011111111111117", "discover"),
        ("6445644564456445", "discover"),
        ("3566002020360505", None),
        ("", None),
    ],
)
def test_brand_of_number(number: str, brand: str | None) -> None:
    assert brand_of_number(number) == brand


def test_card_digits_drop_spaces_and_hyphens() -> None:
    assert card_digits("4242 4242-4242 4242") == "4242424242424242"
