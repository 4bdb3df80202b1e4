"""Navigation order from front matter: ``nav_order``, ``nav_display`` and ``nav_title``."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from markupsafe import escape
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from prototype.docsource.frontmatter import DocPage


def _title(page: Page, doc: DocPage) -> str:
    """The label the navigation shows for ``page``, as HTML: the theme prints it unescaped."""
    front = doc.front_matter
    name = page.file.name.replace("-", " ").replace("_", " ")
    return escape(front.nav_title or front.title or doc.h1_title or name.capitalize())


def _index_page(item: StructureItem) -> Page | None:
    """The page a navigation item stands for: a page, or a section's index page."""
    if isinstance(item, Page):
        return item
    if isinstance(item, Section) and item.children:
        first = item.children[0]
        if isinstance(first, Page) and first.file.name == "index":
            return first
    return None


def _nav_order(item: StructureItem, docs: Mapping[str, DocPage]) -> int | None:
    """A page's ``nav_order``; a section's is its index page's or, with none, its first child's."""
    page = _index_page(item)
    if page is not None:
        doc = docs.get(page.file.src_uri)
        return doc.front_matter.nav_order if doc else None
    if isinstance(item, Section) and item.children:
        return _nav_order(item.children[0], docs)
    return None


def _sort_key(item: StructureItem, docs: Mapping[str, DocPage]) -> tuple[int, int, int, str]:
    """Index pages first; then by ``nav_order``; then by the title :func:`_arrange` gave it."""
    is_index = isinstance(item, Page) and item.file.name == "index"
    order = _nav_order(item, docs)
    return (0 if is_index else 1, order is None, order or 0, (item.title or "").casefold())


def _arrange(items: list[StructureItem], docs: Mapping[str, DocPage]) -> list[StructureItem]:
    kept = []
    for item in items:
        if isinstance(item, Page):
            doc = docs.get(item.file.src_uri)
            if doc and not doc.front_matter.nav_display:
                continue
            if doc:
                item.title = _title(item, doc)
        elif isinstance(item, Section):
            item.children = _arrange(item.children, docs)
            index = _index_page(item)
            index_doc = docs.get(index.file.src_uri) if index else None
            if index and index_doc:
                item.title = _title(index, index_doc)
        kept.append(item)
    return sorted(kept, key=lambda item: _sort_key(item, docs))


def _pages_in_order(items: list[StructureItem]) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages.extend(_pages_in_order(item.children))
    return pages


def arrange_navigation(nav: Navigation, docs: Mapping[str, DocPage]) -> Navigation:
    """Order siblings by ``nav_order`` then title, hide ``nav_display: false`` pages."""
    nav.items = _arrange(nav.items, docs)
    pages = _pages_in_order(nav.items)
    for page in nav.pages:
        if page not in pages:
            page.previous_page = page.next_page = None
    for previous, following in itertools.pairwise(pages):
        previous.next_page, following.previous_page = following, previous
    if pages:
        pages[0].previous_page = pages[-1].next_page = None
    nav.pages = pages
    return nav
