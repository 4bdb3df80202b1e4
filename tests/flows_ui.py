"""Doing the prototype's flows in a browser as a reviewer does: by mouse or by keyboard alone.

Each documented action starts from its button on the Plan & Billing page, goes through its
dialog and ends with the dialog closed and the page showing the new state. What the page must
then show comes from Python: the action applied to the fixture state
(``prototype.states.actions``), rendered by the page's own templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect

from prototype.pages.flows import macros
from prototype.pages.reach import done_message
from prototype.pages.render import environment
from prototype.pages.views import billing_view
from prototype.states.actions import ActionId, Choice, apply
from prototype.states.card_input import SECURITY_CODE_LENGTHS, CardInput
from prototype.states.models import WorkspaceState
from tests.expected import CARD_FORM_FIELDS, FIXTURE_SET
from tests.site_html import parse_html

CATALOGUE = FIXTURE_SET.catalogue
TODAY = FIXTURE_SET.today
SECTION = macros(environment(), "settings/billing_parts.html")
"""The page's section macros, compiled once."""
SECTION_PARTS = {
    "Current Plan": "current_plan_section",
    "Available Credits": "credits_section",
    "Payment Method": "payment_section",
}
"""The regions an action can change, and the macro that renders each."""


@dataclass(frozen=True)
class Flow:
    """Where an action starts and the dialog it goes through."""

    region: str
    """The region holding its button."""
    button: str
    dialog: str
    primary: str
    """The dialog's button that does the action."""


def flow_of(state: WorkspaceState, action: ActionId) -> Flow:
    """The documented button and dialog of ``action`` on the state's Plan & Billing page."""
    if action == "resume":
        return Flow("Current Plan", "Resume plan", "Resume Pro Subscription", "Resume plan")
    if action == "change-tier":
        return Flow("Current Plan", "Change plan", "Change plan", "Confirm")
    if action == "move-to-pro":
        return Flow("Current Plan", "Choose a plan", "Plans and credits", "Confirm")
    if action == "buy-credits":
        return Flow("Available Credits", "Add credits", "Plans and credits", "Confirm")
    label = "Change Payment Method" if state.payment_method else "Add Payment Method"
    return Flow("Payment Method", label, label, "Save card")


def card_fields(number: str) -> dict[str, str]:
    """The card dialog filled in with a test card, as a reviewer types it."""
    brand = next(card.brand for card in CATALOGUE.test_cards if card.number == number)
    return {
        "name": "Maya Okafor",
        "number": number,
        "expiry": f"{TODAY.month:02d}/{(TODAY.year + 2) % 100:02d}",
        "security_code": "1234"[: SECURITY_CODE_LENGTHS[brand]],
    }


def a_changing_choice(state: WorkspaceState, action: ActionId) -> Choice:
    """The catalogue's first choice that changes what the page shows."""
    if action == "resume":
        return None
    if action in ("change-tier", "move-to-pro"):
        return next(tier for tier in CATALOGUE.tiers if tier != state.plan.tier)
    if action == "buy-credits":
        return CATALOGUE.credit_packs[0]
    shown = state.payment_method.last4 if state.payment_method else None
    number = next(card.number for card in CATALOGUE.test_cards if card.number[-4:] != shown)
    context = {"today": TODAY, "test_numbers": CATALOGUE.test_numbers}
    return CardInput.model_validate(card_fields(number), context=context)


def choice_label(choice: Choice) -> str:
    """The radio that picks ``choice``, as the dialog labels it."""
    return f"{choice:,} credits" if isinstance(choice, int) else str(choice)


@dataclass(frozen=True)
class Expected:
    """What the page must show once the action is done."""

    state: WorkspaceState
    announced: str
    sections: dict[str, str]
    """Each region an action can change, by heading: its text as Python renders it."""


def sections_of(state_id: str, state: WorkspaceState) -> dict[str, str]:
    """The text of each region an action can change, as Python renders it for ``state``."""
    view = billing_view(state_id, state)
    return {
        heading: parse_html(
            SECTION(macro, view, view.figures)
            if macro == "credits_section"
            else SECTION(macro, view)
        ).text
        for heading, macro in SECTION_PARTS.items()
    }


def expected_after(
    state_id: str, before: WorkspaceState, action: ActionId, choice: Choice
) -> Expected:
    """The state ``action`` leads to, what is announced, and its regions' text."""
    after = apply(before, action, choice, TODAY)
    return Expected(after, done_message(action, before, after), sections_of(state_id, after))


def region(page: Page, heading: str) -> Locator:
    """A section of the page, found by the heading that names it."""
    return page.get_by_role("region", name=heading, exact=True)


def shown_sections(page: Page) -> dict[str, str]:
    """The text of each region an action can change, whitespace collapsed."""
    return {
        heading: " ".join(str(region(page, heading).text_content()).split())
        for heading in SECTION_PARTS
    }


def status(page: Page) -> Locator:
    """The prototype's polite live region."""
    return page.get_by_role("complementary", name="Prototype").get_by_role("status")


def fill_card(dialog: Locator, fields: dict[str, str]) -> None:
    for field, label in CARD_FORM_FIELDS.items():
        dialog.get_by_role("textbox", name=label).fill(fields[field])


def open_by_mouse(page: Page, state: WorkspaceState, action: ActionId) -> Locator:
    """Click the action's button; returns its dialog, open."""
    flow = flow_of(state, action)
    region(page, flow.region).get_by_role("button", name=flow.button, exact=True).click()
    dialog = page.get_by_role("dialog", name=flow.dialog)
    expect(dialog).to_be_visible()
    return dialog


def do_by_mouse(page: Page, state: WorkspaceState, action: ActionId, choice: Choice) -> Locator:
    """Click the action's button, pick ``choice`` in its dialog, click its primary button;
    returns the dialog."""
    dialog = open_by_mouse(page, state, action)
    finish_by_mouse(dialog, state, action, choice)
    return dialog


def finish_by_mouse(
    dialog: Locator, state: WorkspaceState, action: ActionId, choice: Choice
) -> None:
    """In the action's open dialog, pick ``choice`` and click the primary button."""
    flow = flow_of(state, action)
    if isinstance(choice, CardInput):
        fill_card(dialog, card_fields(choice.number))
    elif choice is not None:
        dialog.get_by_role("radio", name=choice_label(choice), exact=True).check()
    dialog.get_by_role("button", name=flow.primary, exact=True).click()


def tab_to(page: Page, target: Locator, limit: int = 40) -> None:
    """Press Tab until ``target`` has the focus, at most ``limit`` times."""
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(target).to_be_focused()


def arrow_to(page: Page, radio: Locator, limit: int = 12) -> None:
    """Press the down arrow in a radio group until ``radio`` is checked."""
    for _ in range(limit):
        if radio.is_checked():
            break
        page.keyboard.press("ArrowDown")
    expect(radio).to_be_checked()
    expect(radio).to_be_focused()


def do_by_keyboard(page: Page, state: WorkspaceState, action: ActionId, choice: Choice) -> Locator:
    """Tab to the action's button, Enter; arrows or typing in its dialog; Enter to submit."""
    flow = flow_of(state, action)
    button = region(page, flow.region).get_by_role("button", name=flow.button, exact=True)
    tab_to(page, button)
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=flow.dialog)
    expect(dialog).to_be_visible()
    if isinstance(choice, CardInput):
        fields = card_fields(choice.number)
        for number, (field, label) in enumerate(CARD_FORM_FIELDS.items()):
            if number:
                page.keyboard.press("Tab")
            expect(dialog.get_by_role("textbox", name=label)).to_be_focused()
            page.keyboard.type(fields[field])
    elif choice is not None:
        arrow_to(page, dialog.get_by_role("radio", name=choice_label(choice), exact=True))
    else:
        expect(dialog.get_by_role("button", name=flow.primary, exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    return dialog


def clear_changes(page: Page) -> None:
    """Forget every state an action changed in the tab (sessionStorage is per tab)."""
    if page.url.startswith("http"):
        page.evaluate("sessionStorage.clear()")
