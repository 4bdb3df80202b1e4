"""The docs on a phone: every heading keeps its permalink on the line of its last word."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.site_html import DOC_PAGES

REVIEW_URLS = ["review/", "review/gallery/", "review/conformance/"]
WIDTHS = [320, 390]
"""A small phone, and the phone width reviewers named."""
LONE_PERMALINKS = """() => [...document.querySelectorAll("article :is(h1, h2, h3, h4)")]
  .filter(heading => heading.querySelector(".headerlink"))
  .filter(heading => {
    const link = heading.querySelector(".headerlink");
    const text = document.createRange();
    text.setStart(heading, 0);
    text.setEndBefore(link);
    const lines = [...text.getClientRects()].filter(rect => rect.width > 0);
    return link.getBoundingClientRect().top >= lines[lines.length - 1].bottom - 1;
  })
  .map(heading => heading.textContent.trim())"""
"""The headings whose permalink sits on a line below the heading's text."""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", [*DOC_PAGES.values(), *REVIEW_URLS])
def test_heading_permalinks_stay_on_the_headings_line(ui_page: Page, url: str, width: int) -> None:
    before = ui_page.viewport_size
    ui_page.set_viewport_size({"width": width, "height": 844})
    try:
        ui_page.goto(url or "./")
        assert ui_page.locator("article .headerlink").count() > 0
        assert ui_page.evaluate(LONE_PERMALINKS) == []
    finally:
        if before:
            ui_page.set_viewport_size(before)
