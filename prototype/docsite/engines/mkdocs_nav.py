"""The navigation tree in MkDocs' (and ProperDocs') form: its own pages, sections and links."""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Sequence

from markupsafe import escape
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from prototype.docsite.navigation import NavItem, NavLink, NavPage, NavSection, reading_parts


def _items(
    tree: Sequence[NavItem], pages: dict[str, Page], sections: dict[str, Section]
) -> list[StructureItem]:
    """MkDocs items for ``tree``; ``sections`` collects each section by its folder."""
    items: list[StructureItem] = []
    for entry in tree:
        if isinstance(entry, NavPage) and entry.src_uri in pages:
            page = pages[entry.src_uri]
            page.title = escape(entry.title)  # the theme prints navigation labels unescaped
            items.append(page)
        elif isinstance(entry, NavSection):
            section = Section(escape(entry.title), _items(entry.children, pages, sections))
            for child in section.children:
                child.parent = section
            sections[entry.folder] = section
            items.append(section)
        elif isinstance(entry, NavLink):
            items.append(Link(escape(entry.title), entry.url))
    return items


def apply_navigation(nav: Navigation, tree: Sequence[NavItem]) -> Navigation:
    """Give ``nav`` the tree's items and reading orders, each linked on its own (the guide's
    last page leads nowhere further); hidden pages get no previous or next."""
    pages = {page.file.src_uri: page for page in nav.pages}
    sections: dict[str, Section] = {}
    nav.items = _items(tree, pages, sections)
    for item in nav.items:
        item.parent = None
    parts = [[pages[uri] for uri in part if uri in pages] for part in reading_parts(tree)]
    ordered = [page for part in parts for page in part]
    for page in nav.pages:
        if page not in ordered:
            page.parent = sections.get(posixpath.dirname(page.file.src_uri))
            page.previous_page = page.next_page = None
    for part in filter(None, parts):
        for previous, following in itertools.pairwise(part):
            previous.next_page, following.previous_page = following, previous
        part[0].previous_page = part[-1].next_page = None
    nav.pages = ordered
    return nav
