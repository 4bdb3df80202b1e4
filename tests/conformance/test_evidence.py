"""Pictures from the run: a full page of each state for the docs, and evidence for each claim
cut from the page that shows it best."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest

from prototype.conformance.registry import Claim, load_registry
from prototype.conformance.report import EVIDENCE_DIR, REGISTRY_FILE, SCREENSHOTS_DIR
from tests.expected import MEMBER_STATE_IDS, ROOT, billing_url, home_url, settings_url
from tests.screenshots import crops, save_if_changed
from tests.tabs import SharedPage

pytestmark = pytest.mark.conformance
CLAIMS = load_registry(ROOT / "docs" / REGISTRY_FILE).claims
SETTINGS_KINDS = ["members", "account", "model", "integrations", "profile", "mcp", "connected-apps"]
URLS: dict[str, Callable[[str], str]] = {
    "billing": billing_url,
    "home": home_url,
    **{kind: functools.partial(settings_url, slug=kind) for kind in SETTINGS_KINDS},
}
"""Where each kind of page a claim is shown on lives."""
PAGES = sorted(
    {(state_id, "billing") for state_id in MEMBER_STATE_IDS}
    | {(claim.evidence_state, claim.shown_on) for claim in CLAIMS}
)
"""Every state's Plan & Billing page, and each page a claim's evidence is taken on."""
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
        save_if_changed(png, ROOT / "docs" / SCREENSHOTS_DIR / f"{state_id}.png")
    claims = claims_shown_on(state_id, kind)
    boxes = page.evaluate(VISIBLE_BOXES, [claim.about for claim in claims])
    unseen = [claim.id for claim, box in zip(claims, boxes, strict=True) if box is None]
    assert unseen == [], f"claims with nothing visible to picture on {page.url}"
    for claim, piece in zip(claims, crops(png, boxes), strict=True):
        save_if_changed(piece, ROOT / EVIDENCE_DIR / f"{claim.id}.png")


def test_every_claim_has_a_picture() -> None:
    shown = {(state_id, kind) for state_id, kind in PAGES}
    assert [c.id for c in CLAIMS if (c.evidence_state, c.shown_on) not in shown] == []
