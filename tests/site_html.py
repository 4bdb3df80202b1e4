"""Reading the built docs site with the standard library: an element tree and a link checker."""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from tests.expected import MOUNT

VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
EXTERNAL_SCHEMES = ("http:", "https:", "mailto:", "data:", "javascript:")
"""Links the checker leaves alone: other sites, mail, inline data and scripts."""
URL_ATTRIBUTES = ("href", "src")
_BASE = "http://site.invalid/"
"""A stand-in origin to resolve a page's relative links against its path in the site."""

SEARCH_INDEXES = {
    "mkdocs": ("search/search_index.json", "docs"),
    "properdocs": ("search/search_index.json", "docs"),
    "zensical": ("search.json", "items"),
}
"""Where each engine's theme keeps its search index, and the key of its entries."""

DOC_PAGES = {
    "index.md": "",
    "guide/settings/index.md": "guide/settings/",
    "guide/settings/workspaces.md": "guide/settings/workspaces/",
    "guide/settings/permissions-roles.md": "guide/settings/permissions-roles/",
    "guide/settings/billing.md": "guide/settings/billing/",
}
"""Every docs page and the URL it is built at, relative to the site root."""


@dataclass(eq=False, repr=False)
class Element:
    """One HTML element: its tag, attributes and children (elements and text)."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def __repr__(self) -> str:
        attrs = "".join(f' {name}="{value}"' for name, value in self.attrs.items())
        return f"<{self.tag}{attrs}>"

    def iter(self) -> Iterator[Element]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def find_all(self, tag: str | None = None, *, cls: str | None = None) -> list[Element]:
        """Elements inside (or equal to) this one with the tag and class, in document order."""
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag) and (cls is None or cls in element.classes)
        ]

    def find(self, tag: str | None = None, *, cls: str | None = None) -> Element:
        """The first element :meth:`find_all` would give; an AssertionError when there is none."""
        found = self.find_all(tag, cls=cls)
        assert found, f"no <{tag or '*'}> with class {cls!r}"
        return found[0]

    @property
    def text(self) -> str:
        """The text inside, whitespace collapsed."""
        parts: list[str] = []

        def collect(element: Element) -> None:
            for child in element.children:
                if isinstance(child, str):
                    parts.append(child)
                else:
                    collect(child)

        collect(self)
        return " ".join("".join(parts).split())

    def element_children(self) -> list[Element]:
        """Child elements, without the text between them."""
        return [child for child in self.children if isinstance(child, Element)]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        open_tags = [element.tag for element in self.stack]
        if tag in open_tags[1:]:
            del self.stack[len(open_tags) - 1 - open_tags[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Element:
    """The document's element tree (unclosed elements close with their parent)."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


@functools.cache
def read_page(path: Path) -> Element:
    """A built page's tree, parsed once per test session."""
    return parse_html(path.read_text(encoding="utf-8"))


def built_page(site: Path, src_uri: str) -> Element:
    """The built HTML of a docs page, e.g. ``built_page(site, "guide/settings/billing.md")``."""
    return read_page(site / DOC_PAGES[src_uri] / "index.html")


def article(page: Element) -> Element:
    """The page's own content, without the theme's header, navigation and footer."""
    return page.find("article", cls="md-content__inner")


def heading_text(heading: Element) -> str:
    """A heading's text without its permalink (the ``¶`` link MkDocs' toc adds)."""
    return Element(
        heading.tag,
        heading.attrs,
        [
            child
            for child in heading.children
            if not (isinstance(child, Element) and "headerlink" in child.classes)
        ],
    ).text


def primary_nav_links(page: Element) -> list[tuple[str, str]]:
    """``(label, href)`` of each link in the site navigation, without the table of contents."""
    nav = page.find("nav", cls="md-nav--primary")
    toc_links = {
        id(link) for toc in nav.find_all("nav", cls="md-nav--secondary") for link in toc.iter()
    }
    return [
        (link.text, link.attrs["href"])
        for link in nav.find_all("a", cls="md-nav__link")
        if id(link) not in toc_links
    ]


def site_path(page: str, url: str) -> tuple[str, str]:
    """The file a ``url`` on ``page`` (a path in the site) opens, and its fragment.

    Links from the server root are read as the site is served in the tests, under ``MOUNT``.
    """
    parts = urlsplit(urljoin(_BASE + page, url))
    path = unquote(parts.path).removeprefix(MOUNT).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path, unquote(parts.fragment)


def anchors(page: Element) -> set[str]:
    """The fragments a page answers to: every ``id``, and ``name`` on links."""
    found = {element.attrs["id"] for element in page.iter() if "id" in element.attrs}
    return found | {link.attrs["name"] for link in page.find_all("a") if "name" in link.attrs}


def is_checked(url: str) -> bool:
    """Whether the checker follows ``url``: a relative link, not external and not bare ``#``."""
    lowered = url.strip().lower()
    return bool(lowered) and lowered != "#" and not lowered.startswith((*EXTERNAL_SCHEMES, "//"))


def page_links(page: Element) -> Iterator[str]:
    """Every ``href`` and ``src`` value on the page."""
    for element in page.iter():
        for attribute in URL_ATTRIBUTES:
            if attribute in element.attrs:
                yield element.attrs[attribute]


def html_files(site: Path) -> list[str]:
    """Every HTML file in the built site, as a path in the site."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def broken_links(site: Path) -> list[str]:
    """``page -> link: reason`` for each internal link whose file or anchor is missing.

    A link from the server root (``/assets/...``) is taken from the site's root; whether pages
    use such links at all is a separate check.
    """
    problems: list[str] = []
    for page in html_files(site):
        for url in page_links(read_page(site / page)):
            if not is_checked(url):
                continue
            path, fragment = site_path(page, url)
            target = site / path
            if target.is_dir():
                path, target = f"{path}/index.html", target / "index.html"
            if not target.is_file():
                problems.append(f"{page} -> {url}: no file {path}")
            elif fragment and path.endswith(".html") and fragment not in anchors(read_page(target)):
                problems.append(f"{page} -> {url}: no id or name {fragment!r} in {path}")
    return problems


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file; a LookupError (not a failed assert) if it is absent."""
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise LookupError(f"{old!r} is not in {path}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SITE_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>/docs[^)\s]*)\)")


def site_absolute_links(markdown: str) -> list[tuple[str, str]]:
    """``(text, target)`` of each inline ``/docs/...`` link outside fenced code."""
    found: list[tuple[str, str]] = []
    fence = ""
    for line in markdown.splitlines():
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1).startswith(fence):
                fence = ""
        elif opening:
            fence = opening.group(1)
        else:
            found.extend((match["text"], match["target"]) for match in _SITE_LINK.finditer(line))
    return found


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by relative path, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def search_entries(site: Path, engine: str) -> list[dict[str, Any]]:
    """The entries of a built site's search index (``location``, ``title``, ``text``...)."""
    path, key = SEARCH_INDEXES[engine]
    entries: list[dict[str, Any]] = json.loads((site / path).read_text(encoding="utf-8"))[key]
    return entries


def assets_of(html: str) -> tuple[list[str], list[str]]:
    """The stylesheets and the scripts a page loads."""
    elements = list(parse_html(html).iter())
    stylesheets = [
        e.attrs["href"] for e in elements if e.tag == "link" and e.attrs.get("rel") == "stylesheet"
    ]
    scripts = [e.attrs["src"] for e in elements if e.tag == "script" and "src" in e.attrs]
    return stylesheets, scripts


def page_weight(root: Path, path: str, html: str) -> int:
    """Bytes of the page at ``path`` under ``root``: its HTML plus the CSS and JS it loads."""
    stylesheets, scripts = assets_of(html)
    loaded = [
        root / posixpath.normpath(posixpath.join(posixpath.dirname(path), url))
        for url in stylesheets + scripts
    ]
    return len(html.encode("utf-8")) + sum(asset.stat().st_size for asset in loaded)
