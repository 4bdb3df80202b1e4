"""The docs in a browser, on a phone and on a desktop: headings keep their permalink on their
line, and the gallery's pictures open full size, side by side on a desktop and readable on a
phone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Locator, Page, ViewportSize, expect

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


@contextmanager
def width_of(page: Page, width: int) -> Iterator[Page]:
    """The page ``width`` pixels wide, 844 high; the tab's size is restored afterwards."""
    before = page.viewport_size
    page.set_viewport_size(ViewportSize(width=width, height=844))
    try:
        yield page
    finally:
        if before:
            page.set_viewport_size(before)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", [*DOC_PAGES.values(), *REVIEW_URLS])
def test_heading_permalinks_stay_on_the_headings_line(ui_page: Page, url: str, width: int) -> None:
    with width_of(ui_page, width) as page:
        page.goto(url or "./")
        assert page.locator("article .headerlink").count() > 0
        assert page.evaluate(LONE_PERMALINKS) == []


def gallery_pictures(page: Page) -> Locator:
    return page.locator("article img.gallery__shot")


def test_gallery_pictures_open_full_size(ui_page: Page) -> None:
    ui_page.goto("review/gallery/")
    pictures = gallery_pictures(ui_page)
    assert pictures.count() > 0
    for picture in pictures.all():
        src = picture.evaluate("img => img.src")
        assert picture.evaluate("img => img.closest('a')?.href") == src


def test_a_states_pictures_sit_side_by_side_on_a_desktop(ui_page: Page) -> None:
    ui_page.goto("review/gallery/")
    desktop = gallery_pictures(ui_page).and_(ui_page.locator(".gallery__shot--desktop")).first
    row = desktop.locator("xpath=ancestor::p[1]")
    phone = row.locator(".gallery__shot--phone")
    desktop.scroll_into_view_if_needed()
    expect(phone).to_be_visible()
    desktop_box, phone_box = desktop.bounding_box(), phone.bounding_box()
    assert desktop_box
    assert phone_box
    assert abs(desktop_box["y"] - phone_box["y"]) < 1
    assert phone_box["x"] > desktop_box["x"] + desktop_box["width"]


def test_phone_pictures_are_readable_on_a_phone(ui_page: Page) -> None:
    with width_of(ui_page, 390) as page:
        page.goto("review/gallery/")
        phone = page.locator(".gallery__shot--phone").first
        phone.scroll_into_view_if_needed()
        expect(phone).to_be_visible()
        shown, natural = phone.evaluate(
            "img => img.decode().then(() => [img.getBoundingClientRect().width, img.naturalWidth])"
        )
        assert natural == 390
        assert shown >= 0.85 * natural, "shrunk below a readable size"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
