"""Pictures from the run: the gallery's pictures of each state (its Plan & Billing page at
desktop and phone width, and each of its dialogs open), and evidence for each claim cut from the
page that shows it best. Each is written only when its pixels change."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, ViewportSize

from prototype.conformance.pictures import DESKTOP, PHONE, desktop_name, dialog_name, phone_name
from prototype.conformance.registry import Claim, load_registry
from prototype.conformance.report import EVIDENCE_DIR, REGISTRY_FILE, SCREENSHOTS_DIR
from tests.expected import (
    MEMBER_STATE_IDS,
    ROOT,
    STATE_IDS,
    billing_url,
    each_state,
    home_url,
    settings_url,
)
from tests.screenshots import crops, save_if_changed
from tests.tabs import SharedPage

pytestmark = pytest.mark.conformance
GALLERY = ROOT / "docs" / SCREENSHOTS_DIR
CLAIMS = load_registry(ROOT / "docs" / REGISTRY_FILE).claims
SETTINGS_KINDS = ["members", "account", "model", "integrations", "profile", "mcp", "connected-apps"]
URLS: dict[str, Callable[[str], str]] = {
    "billing": billing_url,
    "home": home_url,
    **{kind: functools.partial(settings_url, slug=kind) for kind in SETTINGS_KINDS},
}
"""Where each kind of page a claim is shown on lives."""
PAGES = sorted(
    {(state_id, "billing") for state_id in STATE_IDS}
    | {(claim.evidence_state, claim.shown_on) for claim in CLAIMS}
)
"""Every state's Plan & Billing page (a workspace shared with the user shows that the user is
not a member), and each page a claim's evidence is taken on."""
VISIBLE_BOXES = """selectors => selectors.map(selector => {
  const element = document.querySelector(selector);
  const seen = element && element.checkVisibility({ visibilityProperty: true });
  const box = seen && element.getBoundingClientRect();
  if (!box || !box.width || !box.height) return null;
  return [box.left + window.scrollX, box.top + window.scrollY, box.width, box.height];
})"""
"""For each selector, the page box of the first element it matches, or null if none is seen."""


def claims_shown_on(state_id: str, kind: str) -> list[Claim]:
    return [c for c in CLAIMS if (c.evidence_state, c.shown_on) == (state_id, kind)]


@pytest.mark.parametrize(("state_id", "kind"), PAGES)
def test_page_pictures(shared_page: SharedPage, state_id: str, kind: str) -> None:
    """A full-page picture; the Plan & Billing one goes to the gallery and the reviewers'
    index, and each claim shown on this page gets the part of it the claim is about."""
    page = shared_page(URLS[kind](state_id))
    page.mouse.move(-1, -1)  # no hover left by an earlier test's click
    png = page.screenshot(full_page=True, animations="disabled", caret="hide")
    if kind == "billing":
        save_if_changed(png, GALLERY / desktop_name(state_id))
    claims = claims_shown_on(state_id, kind)
    boxes = page.evaluate(VISIBLE_BOXES, [claim.about for claim in claims])
    unseen = [claim.id for claim, box in zip(claims, boxes, strict=True) if box is None]
    assert unseen == [], f"claims with nothing visible to picture on {page.url}"
    for claim, piece in zip(claims, crops(png, boxes), strict=True):
        save_if_changed(piece, ROOT / EVIDENCE_DIR / f"{claim.id}.png")


OPEN_DIALOG = """dialog => {
  window.scrollTo(0, 0);
  dialog.showModal();
  document.activeElement.blur();
  const box = dialog.getBoundingClientRect();
  return { x: box.x, y: box.y, width: box.width, height: box.height };
}"""
"""Open a dialog as its button does, over the top of the page (its corners show what is behind
it), without a focus ring that only a keyboard user would see; the dialog's box in the window.
The prototype's CSS stops animations and nothing has the focus to show a caret, so the pictures
need neither of Playwright's slower options."""
SETTLED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
"""Two frames later: what a resize set off (the table hints' resize observers) has been drawn."""


def resized(page: Page, size: ViewportSize) -> None:
    """The page at ``size``, with everything the resize set off drawn."""
    page.set_viewport_size(size)
    page.evaluate(SETTLED)


@each_state
def test_gallery_pictures(shared_page: SharedPage, state_id: str) -> None:
    """Each dialog of the state's Plan & Billing page open, then the page at phone width."""
    page = shared_page(billing_url(state_id))
    page.mouse.move(-1, -1)
    dialogs = page.locator("dialog")
    ids = dialogs.evaluate_all("dialogs => dialogs.map(dialog => dialog.id)")
    assert ids or state_id not in MEMBER_STATE_IDS, "no dialog on the Plan & Billing page"
    for dialog_id in ids:
        dialog = page.locator(f"dialog#{dialog_id}")
        box = dialog.evaluate(OPEN_DIALOG)
        try:
            png = page.screenshot(clip=box)
        finally:
            dialog.evaluate("dialog => dialog.close()")
        save_if_changed(png, GALLERY / dialog_name(state_id, dialog_id))
    before = page.viewport_size or ViewportSize(width=DESKTOP.width, height=DESKTOP.height)
    resized(page, ViewportSize(width=PHONE.width, height=PHONE.height))
    try:
        png = page.screenshot(full_page=True)
    finally:
        resized(page, before)
    save_if_changed(png, GALLERY / phone_name(state_id))


def test_every_claim_has_a_picture() -> None:
    shown = {(state_id, kind) for state_id, kind in PAGES}
    assert [c.id for c in CLAIMS if (c.evidence_state, c.shown_on) not in shown] == []
