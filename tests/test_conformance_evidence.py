"""Pictures from the run: evidence for each claim, and a full page of each state for the docs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from prototype.claims import load_registry
from prototype.conformance import EVIDENCE_DIR, REGISTRY_FILE, SCREENSHOTS_DIR
from tests.expected import ROOT, STATE_IDS, billing_url, home_url
from tests.screenshots import save_if_changed

pytestmark = pytest.mark.conformance

SharedPage = Callable[[str], Page]
CLAIMS = {claim.id: claim for claim in load_registry(ROOT / "docs" / REGISTRY_FILE).claims}


@pytest.mark.parametrize("claim_id", CLAIMS)
def test_evidence_screenshot(shared_page: SharedPage, claim_id: str) -> None:
    """The part of the page a claim is about, on the state chosen to show it."""
    claim = CLAIMS[claim_id]
    assert claim.evidence_state in STATE_IDS, f"{claim.id}: no state {claim.evidence_state}"
    url = (billing_url if claim.shown_on == "billing" else home_url)(claim.evidence_state)
    element = shared_page(url).locator(claim.about).first
    expect(element).to_be_visible()
    png = element.screenshot(animations="disabled", caret="hide")
    save_if_changed(png, ROOT / EVIDENCE_DIR / f"{claim.id}.png")


@pytest.mark.parametrize("state_id", STATE_IDS)
def test_full_page_screenshot(shared_page: SharedPage, state_id: str) -> None:
    """The Plan & Billing page of each state, for the gallery and the reviewers' index."""
    page = shared_page(billing_url(state_id))
    png = page.screenshot(full_page=True, animations="disabled", caret="hide")
    path = ROOT / "docs" / SCREENSHOTS_DIR / f"{state_id}.png"
    save_if_changed(png, path)
    assert path.read_bytes()
