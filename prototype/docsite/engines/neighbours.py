"""Previous and next links that follow the navigation's reading orders, for Zensical.

Zensical links every page and link of its navigation in one chain: the guide's last page would
lead on into the review section, and the prototype's link would sit between review pages.
MkDocs takes the chains from the hooks (:func:`prototype.docsite.navigation.reading_parts`);
for Zensical, this rewrites each built page's ``<link rel="prev|next">`` and footer links to
match, dropping the ones that cross from one reading order into another.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from prototype.docsite.navigation import NavItem, NavPage, NavSection, reading_parts
from prototype.docsite.site_check import built_path

_HEAD_LINK = re.compile(r'[ \t]*<link rel="(?P<rel>prev|next)" href="(?P<href>[^"]*)">\n?')
_FOOTER_LINK = re.compile(
    r'[ \t]*<a href="(?P<href>[^"]*)" class="md-footer__link md-footer__link--(?P<rel>prev|next)"'
    r' aria-label="(?P<direction>[^":]*): [^"]*">.*?</a>\n?',
    re.S,
)
_TITLE = re.compile(r'(<div class="md-ellipsis">\s*)(.*?)(\s*</div>)', re.S)

Neighbours = dict[str, NavPage | None]
"""``prev`` and ``next``: the page each leads to, or ``None``."""


def _pages(items: Sequence[NavItem]) -> Iterator[NavPage]:
    for item in items:
        if isinstance(item, NavPage):
            yield item
        elif isinstance(item, NavSection):
            yield from _pages(item.children)


def neighbours(tree: Sequence[NavItem]) -> dict[str, Neighbours]:
    """Each page's previous and next page in its reading order, by its path in the docs."""
    by_uri = {page.src_uri: page for page in _pages(tree)}
    found: dict[str, Neighbours] = {}
    for part in reading_parts(tree):
        pages = [None, *(by_uri[uri] for uri in part), None]
        for previous, page, following in zip(pages, pages[1:], pages[2:], strict=False):
            if page is not None:
                found[page.src_uri] = {"prev": previous, "next": following}
    return found


def _url(page: str, target: str) -> str:
    """The directory URL of the built file ``target`` from the built file ``page``."""
    path = posixpath.relpath(posixpath.dirname(target) or ".", posixpath.dirname(page) or ".")
    return "./" if path == "." else f"{path}/"


def _leads_to(page: str, href: str) -> str:
    """The built file a link on ``page`` leads to."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return target if target.endswith(".html") else posixpath.join(target, "index.html")


def relinked(text: str, page: str, wanted: Neighbours) -> str:
    """A built page's HTML with its previous and next links leading where ``wanted`` says."""

    def moved(match: re.Match[str]) -> tuple[str, str] | str:
        """The link's new title and address; or what it stays as (itself, or nothing)."""
        target = wanted.get(match["rel"])
        if target is None:
            return ""
        href = _url(page, built_path(target.src_uri))
        if _leads_to(page, match["href"]) == _leads_to(page, href):
            return match[0]
        return target.title, href

    def head(match: re.Match[str]) -> str:
        found = moved(match)
        if isinstance(found, str):
            return found
        return match[0].replace(f'href="{match["href"]}"', f'href="{found[1]}"', 1)

    def footer(match: re.Match[str]) -> str:
        found = moved(match)
        if isinstance(found, str):
            return found
        title = html.escape(found[0])
        link = match[0].replace(f'href="{match["href"]}"', f'href="{found[1]}"', 1)
        label = re.sub(r'aria-label="[^"]*"', f'aria-label="{match["direction"]}: {title}"', link)
        return _TITLE.sub(lambda found: f"{found[1]}{title}{found[3]}", label, count=1)

    return _FOOTER_LINK.sub(footer, _HEAD_LINK.sub(head, text))


def follow_reading_parts(site: Path, tree: Sequence[NavItem], src_uris: Sequence[str]) -> None:
    """Rewrite the previous and next links of each built docs page in ``site``."""
    chains = neighbours(tree)
    for src_uri, page in zip(src_uris, map(built_path, src_uris), strict=True):
        file = site / page
        text = file.read_text(encoding="utf-8")
        wanted = chains.get(src_uri, {"prev": None, "next": None})
        new = relinked(text, page, wanted)
        if new != text:
            file.write_text(new, encoding="utf-8")
