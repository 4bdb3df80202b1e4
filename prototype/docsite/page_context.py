"""Which page a Markdown conversion renders, so the docs' Markdown extension can place it.

An engine with hooks announces each page before rendering it (MkDocs and ProperDocs, through
``mkdocs_hooks.py``); Zensical runs no hooks, so its adapter reads the page from Zensical's own
rendering context (:func:`prototype.docsite.engines.zensical.page_context`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass

from markdown import Markdown

from prototype.docsource.frontmatter import DocPage


@dataclass(frozen=True)
class PageContext:
    """The page being rendered and the site's pages, by their paths in the docs."""

    src_uri: str
    pages: Mapping[str, DocPage]

    @property
    def doc(self) -> DocPage | None:
        return self.pages.get(self.src_uri)


Locator = Callable[[Markdown], PageContext | None]
"""An engine's way to tell the page from the Markdown instance rendering it."""

_announced: ContextVar[PageContext | None] = ContextVar("docs_page", default=None)


def announce(page: PageContext | None) -> None:
    """Tell the extension which page renders next (``None``: rendering is over)."""
    _announced.set(page)


def announced(md: Markdown) -> PageContext | None:
    """The page an engine's hooks announced."""
    return _announced.get()
