"""The docs' Markdown extension, run by Python-Markdown as every engine runs it."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
from markdown.preprocessors import Preprocessor

from prototype.docsite.docs_markdown import DocsExtension, locate
from prototype.docsite.engines import zensical
from prototype.docsite.page_context import PageContext, announce
from prototype.docsource.frontmatter import DocPage, parse_page

BILLING = "guide/settings/billing.md"
PAGES = {
    "index.md": parse_page("index.md", "---\ntitle: Home\n---\n\n# Home\n"),
    "guide/settings/permissions-roles.md": parse_page("roles", "# Roles and Permissions\n"),
    BILLING: parse_page(BILLING, '---\ntitle: "Plan & Billing"\ndate: 2026-05-08\n---\n'),
}
UPDATED = '<p class="page-updated">Updated: <time datetime="2026-05-08">May 8, 2026</time></p>'


def render(text: str, **extension_configs: Any) -> str:
    """``text`` rendered with the site's extensions, as ``mkdocs.yml`` lists them."""
    return markdown.markdown(
        text,
        extensions=["tables", "attr_list", "toc", DocsExtension()],
        extension_configs={"toc": {"permalink": True}, **extension_configs},
    )


@pytest.fixture
def billing() -> Iterator[None]:
    """The billing page announced, as the MkDocs hooks announce it before rendering."""
    announce(PageContext(BILLING, PAGES))
    yield
    announce(None)


@pytest.mark.usefixtures("billing")
def test_site_absolute_links_become_links_to_the_pages() -> None:
    html = render("[Roles](/docs/guide/settings/permissions-roles#invite) and [home](/docs)")
    assert '<a href="permissions-roles.md#invite">Roles</a>' in html
    assert '<a href="../../index.md">home</a>' in html


@pytest.mark.usefixtures("billing")
def test_a_page_without_an_h1_gets_its_title_and_updated_line_first() -> None:
    html = render("Some text.\n\n## Invoices\n")
    assert html.startswith(f"<h1>Plan &amp; Billing</h1>{UPDATED}<p>Some text.</p>")


@pytest.mark.usefixtures("billing")
def test_the_updated_line_follows_the_pages_own_h1_and_headings_keep_their_text() -> None:
    html = render("# Plan and Billing\n\n## Invoices\n\n[TOC]\n")
    h1 = '<h1 id="plan-and-billing">Plan and Billing<a class="headerlink"'
    assert html.startswith(h1)
    assert html.count(UPDATED) == 1
    assert html.index(UPDATED) == html.index("</h1>") + len("</h1>")
    assert '<a href="#invoices">Invoices</a>' in html, "the table of contents' labels are plain"


def test_text_outside_a_docs_page_is_left_alone() -> None:
    text = "[Roles](/docs/guide/settings/permissions-roles)\n"
    assert render(text) == '<p><a href="/docs/guide/settings/permissions-roles">Roles</a></p>'


class _RenderingContext(Preprocessor):
    """What Zensical registers on each conversion: the page and the configuration."""

    def __init__(self, md: markdown.Markdown, path: str) -> None:
        super().__init__(md)
        self.page = SimpleNamespace(path=path, url="", meta={})
        self.config: dict[str, Any] = {}

    def run(self, lines: list[str]) -> list[str]:
        return lines


def zensical_markdown(path: str) -> markdown.Markdown:
    md = markdown.Markdown(extensions=[DocsExtension()])
    md.preprocessors.register(_RenderingContext(md, path), zensical.RENDERING_CONTEXT, 0)
    return md


def test_the_page_zensical_renders_is_found_while_a_build_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    md = zensical_markdown(BILLING)
    assert locate(md) is None, "outside a build, Zensical's context names no docs page"
    monkeypatch.setitem(zensical._building, "pages", PAGES)
    assert locate(md) == PageContext(BILLING, PAGES)
    html = md.convert("[Roles](/docs/guide/settings/permissions-roles)")
    assert html.startswith(f"<h1>Plan &amp; Billing</h1>{UPDATED}")
    assert '<a href="permissions-roles.md">Roles</a>' in html


def test_an_announced_page_comes_before_zensicals(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(zensical._building, "pages", PAGES)
    announce(PageContext("index.md", PAGES))
    try:
        assert locate(zensical_markdown(BILLING)) == PageContext("index.md", PAGES)
    finally:
        announce(None)


def test_title_falls_back_to_the_h1_then_the_file_name() -> None:
    pages: dict[str, DocPage] = {"guide/no-title.md": parse_page("x", "Text only.\n")}
    announce(PageContext("guide/no-title.md", pages))
    try:
        assert render("Text only.\n").startswith("<h1>No title</h1><p>Text only.</p>")
    finally:
        announce(None)
