"""Thin adapters that hand the engine-neutral docs jobs to MkDocs, ProperDocs and Zensical."""

from __future__ import annotations

from prototype.docsite.engines.zensical import page_context as zensical_page
from prototype.docsite.page_context import Locator, announced

LOCATORS: tuple[Locator, ...] = (announced, zensical_page)
"""How the docs' Markdown extension learns the page it renders: the page the MkDocs or ProperDocs
hooks announced, else the page in Zensical's rendering context."""
