"""The example catalogue: the tiers, credit packs, test cards and text interviewer models a
reviewer can pick in flows.

``fixtures/_catalogue.yaml`` holds it. It is example data for the prototype, not product facts:
every screen that offers these choices says so. Test cards follow a payment provider's test
mode: well-known numbers that pass the card checksum and charge nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Annotated, Literal, TypeVar

from pydantic import Field, ValidationError, ValidationInfo, field_validator

from prototype.inputs.errors import shown
from prototype.states.card_input import brand_of_number, luhn_valid
from prototype.states.models import MAX_CREDITS, CardBrand, Credits, Plan, StrictModel, Workspace

T = TypeVar("T", bound=Hashable)

CreditPack = Annotated[int, Field(strict=True, ge=1, le=MAX_CREDITS)]
"""Credits a purchase adds."""


def _each_accepted(names: Sequence[str], build: Callable[[str], object], what: str) -> None:
    """Refuse the first of ``names`` that ``build`` (a model holding it) refuses, by index."""
    for index, name in enumerate(names):
        try:
            build(name)
        except ValidationError as error:
            reason = error.errors(include_url=False)[0]["msg"].removeprefix("Value error, ")
            raise ValueError(f"[{index}] {shown(name)} is not {what}: {reason}") from None


def _listed_once(values: Sequence[T], what: str) -> Sequence[T]:
    seen: dict[T, int] = {}
    for index, value in enumerate(values):
        if value in seen:
            raise ValueError(f"{what} {value!r} is listed twice ([{seen[value]}] and [{index}])")
        seen[value] = index
    return values


class ProviderTestCard(StrictModel):
    """A payment provider's test card number, which the payment method dialog accepts."""

    number: str = Field(pattern=r"^[0-9]{12,19}$")
    """The card number, digits only, as the provider publishes it."""
    brand: CardBrand
    """The card network; the number's first digits must belong to it."""

    @field_validator("number")
    @classmethod
    def _checksum(cls, number: str) -> str:
        if not luhn_valid(number):
            raise ValueError("the number fails the card checksum (Luhn); no card has it")
        return number

    @field_validator("brand")
    @classmethod
    def _brand_of_number(cls, brand: CardBrand, info: ValidationInfo) -> CardBrand:
        number = info.data.get("number")
        if isinstance(number, str) and brand_of_number(number) != brand:
            found = brand_of_number(number) or "no network"
            raise ValueError(f"{number} is a {found} number, not {brand}")
        return brand


class NewWorkspaceExample(StrictModel):
    """What a workspace made with **Add workspace** starts with that the docs do not say."""

    kind: Literal["personal", "team"] = "team"
    """A personal workspace or a team workspace."""
    plan: Plan
    """The plan it starts on."""
    credits: Credits
    """The credits it starts with."""


class Catalogue(StrictModel):
    """``fixtures/_catalogue.yaml``: example choices for the flows, shown as example data."""

    tiers: list[str] = Field(min_length=1, max_length=12)
    """Pro tier names a reviewer can choose, first the default."""
    credit_packs: list[CreditPack] = Field(min_length=1, max_length=12)
    """Credits a Flex workspace can buy at once, first the default."""
    test_cards: list[ProviderTestCard] = Field(min_length=1, max_length=12)
    """Test card numbers the payment method dialog accepts, first the default."""
    new_workspace: NewWorkspaceExample
    """The plan and credits of a workspace made with **Add workspace**: example data."""
    interviewer_models: list[str] = Field(min_length=1, max_length=12)
    """Text interviewer models a workspace can use, first the default (when a fixture names
    none)."""

    @field_validator("tiers")
    @classmethod
    def _tiers(cls, tiers: list[str]) -> list[str]:
        _each_accepted(
            tiers,
            lambda tier: Plan(type="pro", tier=tier, status="active"),
            "a tier name a plan can have",
        )
        return list(_listed_once(tiers, "the tier"))

    @field_validator("credit_packs")
    @classmethod
    def _packs(cls, packs: list[int]) -> list[int]:
        return list(_listed_once(packs, "the pack of"))

    @field_validator("test_cards")
    @classmethod
    def _cards(cls, cards: list[ProviderTestCard]) -> list[ProviderTestCard]:
        _listed_once([card.number for card in cards], "the test card")
        return cards

    @field_validator("interviewer_models")
    @classmethod
    def _models(cls, models: list[str]) -> list[str]:
        _each_accepted(
            models,
            lambda model: Workspace(name="Example", kind="team", interviewer_model=model),
            "a model name a workspace can have",
        )
        return list(_listed_once(models, "the model"))

    @property
    def test_numbers(self) -> frozenset[str]:
        """The card numbers the payment method dialog accepts."""
        return frozenset(card.number for card in self.test_cards)
