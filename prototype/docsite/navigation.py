"""Navigation from front matter, computed once for every engine: order, labels, hidden pages.

Siblings sort by ``nav_order`` then title (index pages first), ``nav_display: false`` leaves a
page out, and ``nav_title`` is the label. The tree follows the docs folders; each engine gets it
in the form it reads (see :mod:`prototype.docsite.engines`). The review section, when a build
has it, holds the prototype's link and has a reading order of its own: the guide's previous and
next links never lead into it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeGuard

from prototype.docsite.review import REVIEW_DIR
from prototype.docsource.frontmatter import DocPage
from prototype.pages.build import SITE_PATH


@dataclass(frozen=True)
class NavPage:
    """A page in the navigation: its label and its path in the docs."""

    title: str
    src_uri: str

    @property
    def is_index(self) -> bool:
        return posixpath.basename(self.src_uri) == "index.md"


@dataclass(frozen=True)
class NavSection:
    """A docs folder: its label and its entries, the index page (if any) first."""

    title: str
    folder: str
    """Its path in the docs, e.g. ``guide/settings``."""
    children: tuple[NavItem, ...]

    @property
    def index(self) -> NavPage | None:
        """The page that stands for the section: its ``index.md``, when shown."""
        first = self.children[0] if self.children else None
        return first if isinstance(first, NavPage) and first.is_index else None


@dataclass(frozen=True)
class NavLink:
    """A link out of the docs pages, such as the prototype's."""

    title: str
    url: str
    """Relative to the site root."""


NavItem = NavPage | NavSection | NavLink
PROTOTYPE_LINK = NavLink("Settings prototype", f"{SITE_PATH}index.html")


def page_label(src_uri: str, doc: DocPage) -> str:
    """The label the navigation shows for a page."""
    front = doc.front_matter
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    name = stem.replace("-", " ").replace("_", " ")
    return front.nav_title or front.title or doc.h1_title or name.capitalize()


def folder_label(folder: str) -> str:
    """A section's label without an index page: its folder's name, as MkDocs writes it."""
    title = posixpath.basename(folder).replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def _nav_order(item: NavItem, pages: Mapping[str, DocPage]) -> int | None:
    """A page's ``nav_order``; a section's is its index page's or, with none, its first entry's."""
    if isinstance(item, NavPage):
        return pages[item.src_uri].front_matter.nav_order
    if isinstance(item, NavSection) and item.children:
        return _nav_order(item.index or item.children[0], pages)
    return None


def _sort_key(item: NavItem, pages: Mapping[str, DocPage]) -> tuple[int, bool, int, str]:
    """Index pages first; then by ``nav_order``; then by label."""
    is_index = isinstance(item, NavPage) and item.is_index
    order = _nav_order(item, pages)
    return (0 if is_index else 1, order is None, order or 0, item.title.casefold())


def _arrange(folder: str, pages: Mapping[str, DocPage]) -> list[NavItem]:
    """The shown entries of ``folder`` ("" for the docs root), sorted."""
    items: list[NavItem] = []
    subfolders: set[str] = set()
    for src_uri, doc in pages.items():
        parent = posixpath.dirname(src_uri)
        if parent == folder:
            if doc.front_matter.nav_display:
                items.append(NavPage(page_label(src_uri, doc), src_uri))
        elif folder == "" or parent.startswith(f"{folder}/"):
            subfolders.add(parent.removeprefix(f"{folder}/" if folder else "").split("/")[0])
    for name in sorted(subfolders):
        path = posixpath.join(folder, name)
        children = _arrange(path, pages)
        if children:
            section = NavSection(folder_label(path), path, tuple(children))
            title = section.index.title if section.index else section.title
            items.append(NavSection(title, path, section.children))
    return sorted(items, key=lambda item: _sort_key(item, pages))


def nav_tree(pages: Mapping[str, DocPage]) -> list[NavItem]:
    """The docs pages as the navigation shows them, from their front matter."""
    return _arrange("", pages)


def _with_prototype(section: NavSection) -> NavSection:
    """The review section with the prototype's link after its index page."""
    at = 1 if section.index else 0
    children = (*section.children[:at], PROTOTYPE_LINK, *section.children[at:])
    return NavSection(section.title, section.folder, children)


def is_review(item: NavItem) -> TypeGuard[NavSection]:
    """Whether a top-level entry is the review section."""
    return isinstance(item, NavSection) and item.folder == REVIEW_DIR


def site_navigation(pages: Mapping[str, DocPage]) -> list[NavItem]:
    """The whole navigation: the docs pages, the review section (when the build has one) with
    the prototype's link in it."""
    return [_with_prototype(item) if is_review(item) else item for item in nav_tree(pages)]


def reading_order(items: Sequence[NavItem]) -> Iterator[str]:
    """The pages in the order previous and next links follow them."""
    for item in items:
        if isinstance(item, NavPage):
            yield item.src_uri
        elif isinstance(item, NavSection):
            yield from reading_order(item.children)


def reading_parts(items: Sequence[NavItem]) -> list[list[str]]:
    """The reading orders that previous and next links follow, each on its own: the guide's,
    then the review section's (when there is one)."""
    guide = list(reading_order([item for item in items if not is_review(item)]))
    review = list(reading_order([item for item in items if is_review(item)]))
    return [part for part in (guide, review) if part]
