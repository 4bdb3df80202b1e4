"""The docs' Python-Markdown extension: ``/docs/...`` links, and each page's H1 and Updated line.

Every engine runs it from ``markdown_extensions``. It asks each engine's locator in turn which
page it is rendering (:data:`prototype.docsite.engines.LOCATORS`); text rendered outside a docs
page passes through unchanged.
"""

from __future__ import annotations

import weakref
import xml.etree.ElementTree as ET
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from prototype.docsite.engines import LOCATORS
from prototype.docsite.heading import with_heading
from prototype.docsite.links import rewrite_links
from prototype.docsite.navigation import page_label
from prototype.docsite.page_context import PageContext

_whole_documents: weakref.WeakSet[Markdown] = weakref.WeakSet()
"""Conversions whose tree is done, so the postprocessors now run on the whole page: the ``toc``
extension also runs them over each heading's text while it works."""


def locate(md: Markdown) -> PageContext | None:
    """The docs page ``md`` is rendering, if an engine says."""
    return next((page for locator in LOCATORS if (page := locator(md)) is not None), None)


class _SiteLinks(Preprocessor):
    """Turns ``/docs/...`` links into relative links to the pages' Markdown files."""

    def run(self, lines: list[str]) -> list[str]:
        page = locate(self.md)
        if page is None:
            return lines
        return rewrite_links("\n".join(lines), page.src_uri, page.pages.keys()).split("\n")


class _TreeDone(Treeprocessor):
    """Marks the conversion's tree as done; registered to run last."""

    def run(self, root: ET.Element) -> None:
        _whole_documents.add(self.md)


class _PageHeading(Postprocessor):
    """One H1 per page (its own, or its title), followed by its Updated line."""

    def run(self, text: str) -> str:
        if self.md not in _whole_documents:
            return text
        _whole_documents.discard(self.md)
        page = locate(self.md)
        doc = page.doc if page else None
        if page is None or doc is None:
            return text
        title = doc.front_matter.title or doc.h1_title or page_label(page.src_uri, doc)
        return with_heading(text, doc, title)


class DocsExtension(Extension):
    """Site-absolute links, the page heading and its Updated line, for any engine."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_SiteLinks(md), "docs_site_links", 25)
        md.treeprocessors.register(_TreeDone(md), "docs_tree_done", -1000)
        md.postprocessors.register(_PageHeading(md), "docs_page_heading", 0)


def makeExtension(**kwargs: Any) -> DocsExtension:
    """The extension, as ``markdown_extensions: [prototype.docsite.docs_markdown]`` loads it."""
    return DocsExtension(**kwargs)
