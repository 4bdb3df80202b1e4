"""The same sources built with MkDocs, ProperDocs and Zensical: a reader meets the same site.

The page set, the navigation (labels, order, targets) and the previous and next links, the
titles, headings and Updated lines, the tables of contents, the meta descriptions, the pages'
text, links and anchors, and every file the build adds (the prototype, screenshots, evidence,
the project's CSS and JS) byte for byte. What a theme cannot avoid is listed here with its
reason: :data:`THEME_DIFFERENCES`, :data:`NEIGHBOUR_DIFFERENCES`, :data:`TOC_LABELS` and
:data:`SKIP_LINK_TARGET`.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from prototype.docsite.build import DEFAULT_ENGINE, ENGINES
from tests.conftest import build_command, mkdocs_env
from tests.expected import ROOT
from tests.site_html import (
    Element,
    anchors,
    article,
    broken_links,
    heading_text,
    html_files,
    page_links,
    primary_nav_links,
    read_page,
    site_path,
    snapshot,
)

MISSING = [engine for engine in ENGINES if importlib.util.find_spec(engine) is None]
pytestmark = [
    pytest.mark.engines,
    pytest.mark.skipif(
        bool(MISSING),
        reason=f"{' and '.join(MISSING)} not installed: the engines extra is optional; "
        "python3 dev.py build --engine zensical installs it (or pip install -e '.[engines]')",
    ),
]
OTHERS = [engine for engine in ENGINES if engine != DEFAULT_ENGINE]

THEME_DIFFERENCES = {
    "assets/javascripts/*": "each theme ships its own script bundles (Material's also has lunr)",
    "assets/stylesheets/*": "each theme ships its own styles (Zensical: classic/ and modern/)",
    "search/search_index.json": "Material's search index; Zensical writes search.json instead",
    "search.json": "Zensical's search index, in its own format",
    "sitemap.xml": "MkDocs dates each URL (lastmod, from front matter); Zensical writes no dates",
    "sitemap.xml.gz": "MkDocs also writes a compressed sitemap; Zensical does not",
}
"""Files that differ by engine, and why: all are the theme's or the engine's own."""
NEIGHBOUR_DIFFERENCES: dict[str, dict[str, dict[str, str]]] = {}
"""Previous and next links an engine may have apart from MkDocs' (engine → page → rel → target):
none. Zensical would chain the navigation's links and the guide into the review section; the
build rewrites its links to the reading orders MkDocs follows
(:mod:`prototype.docsite.engines.neighbours`)."""
TOC_LABELS = {"mkdocs": "Table of contents", "properdocs": "Table of contents"}
"""How each theme names the table of contents to screen readers; Zensical's own words are "On
this page". The entries are the same."""
TOC_LABELS["zensical"] = "On this page"
SKIP_LINK_TARGET = "__skip"
"""Zensical puts the skip link's target (``<a id="__skip">``) inside the article; Material
puts it before. The same link works in both."""


def theme_file(path: str) -> bool:
    """Whether ``path`` is a file :data:`THEME_DIFFERENCES` lists."""
    return any(fnmatch.fnmatch(path, pattern) for pattern in THEME_DIFFERENCES)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The project's site built by each engine, all three at once."""
    root = tmp_path_factory.mktemp("engines")
    running = {
        engine: subprocess.Popen(
            build_command(engine, "--site-dir", str(root / engine)),
            cwd=ROOT,
            env=mkdocs_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for engine in ENGINES
    }
    for engine, process in running.items():
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, f"{engine}:\n{errors}"
    return {engine: root / engine for engine in ENGINES}


def docs_pages(site: Path) -> list[str]:
    """The built docs pages (paths in the site), the prototype's pages left out."""
    return [page for page in html_files(site) if not page.startswith("prototype/")]


def each_page(sites: dict[str, Path], read: Callable[[Element, str], Any]) -> Iterator[Any]:
    """For every docs page: the page, what ``read`` finds on it by MkDocs, and by the others."""
    for page in docs_pages(sites[DEFAULT_ENGINE]):
        found = {engine: read(read_page(sites[engine] / page), page) for engine in ENGINES}
        yield page, found[DEFAULT_ENGINE], {engine: found[engine] for engine in OTHERS}


def assert_same(sites: dict[str, Path], read: Callable[[Element, str], Any]) -> None:
    """Every engine's docs pages show what MkDocs' show, as ``read`` reads them."""
    differences = [
        f"{page}: {engine} has {found!r}, mkdocs {expected!r}"
        for page, expected, others in each_page(sites, read)
        for engine, found in others.items()
        if found != expected
    ]
    assert differences == []


def test_same_pages(sites: dict[str, Path]) -> None:
    pages = {engine: html_files(site) for engine, site in sites.items()}
    assert len(pages[DEFAULT_ENGINE]) > 100
    for engine in OTHERS:
        assert pages[engine] == pages[DEFAULT_ENGINE], engine


def test_same_files_apart_from_the_theme_byte_for_byte(sites: dict[str, Path]) -> None:
    """The prototype, screenshots, evidence, the project's CSS and JS: as the build added them."""
    files = {
        engine: {
            path: content
            for path, content in snapshot(site).items()
            if not path.endswith(".html") or path.startswith("prototype/")
        }
        for engine, site in sites.items()
    }
    expected = {path: data for path, data in files[DEFAULT_ENGINE].items() if not theme_file(path)}
    assert len([path for path in expected if path.startswith("prototype/")]) > 100
    for engine in OTHERS:
        found = {path: data for path, data in files[engine].items() if not theme_file(path)}
        assert sorted(found) == sorted(expected), engine
        assert [path for path in expected if found[path] != expected[path]] == [], engine


def test_theme_differences_are_only_the_listed_files(sites: dict[str, Path]) -> None:
    """Each listed difference is there in some engine's build, so the list stays true."""
    paths = {path for site in sites.values() for path in snapshot(site)}
    unused = [
        pattern
        for pattern in THEME_DIFFERENCES
        if not any(fnmatch.fnmatch(path, pattern) for path in paths)
    ]
    assert unused == []


def test_same_navigation(sites: dict[str, Path]) -> None:
    def navigation(page: Element, path: str) -> list[tuple[str, str]]:
        return [(label, site_path(path, href)[0]) for label, href in primary_nav_links(page)]

    assert_same(sites, navigation)


def test_same_previous_and_next(sites: dict[str, Path]) -> None:
    def neighbours(page: Element, path: str) -> dict[str, str]:
        return {
            link.attrs["rel"]: site_path(path, link.attrs["href"])[0]
            for link in page.find_all("link")
            if link.attrs.get("rel") in ("prev", "next")
        }

    differences = [
        f"{page}: {engine} has {found!r}, mkdocs {expected!r}"
        for page, expected, others in each_page(sites, neighbours)
        for engine, found in others.items()
        if found != {**expected, **NEIGHBOUR_DIFFERENCES.get(engine, {}).get(page, {})}
    ]
    assert differences == []


def test_same_titles_headings_and_updated_lines(sites: dict[str, Path]) -> None:
    def heading(page: Element, path: str) -> tuple[str, list[str], list[str]]:
        return (
            page.find("title").text,
            [heading_text(h1) for h1 in page.find_all("h1")],
            [line.text for line in page.find_all("p", cls="page-updated")],
        )

    assert_same(sites, heading)


def test_same_tables_of_contents(sites: dict[str, Path]) -> None:
    def tocs(page: Element, path: str) -> list[list[tuple[str, tuple[str, str]]]]:
        navs = page.find_all("nav", cls="md-nav--secondary")
        return [
            [(a.text, site_path(path, a.attrs["href"])) for a in nav.find_all("a")] for nav in navs
        ]

    assert_same(sites, tocs)
    for engine, site in sites.items():
        page = read_page(site / "guide/settings/billing/index.html")
        labels = {nav.attrs["aria-label"] for nav in page.find_all("nav", cls="md-nav--secondary")}
        assert labels == {TOC_LABELS[engine]}, engine


def test_same_meta_descriptions(sites: dict[str, Path]) -> None:
    def descriptions(page: Element, path: str) -> list[str]:
        metas = page.find_all("meta")
        return [meta.attrs["content"] for meta in metas if meta.attrs.get("name") == "description"]

    assert_same(sites, descriptions)


def test_same_text_links_and_anchors_in_each_page(sites: dict[str, Path]) -> None:
    def content(page: Element, path: str) -> tuple[str, list[tuple[str, str]], set[str]]:
        body = article(page)
        links = [site_path(path, url) for url in page_links(body)]
        return body.text, links, anchors(body) - {SKIP_LINK_TARGET}

    assert_same(sites, content)


@pytest.mark.parametrize("engine", ENGINES)
def test_every_internal_link_and_anchor_resolves(sites: dict[str, Path], engine: str) -> None:
    assert broken_links(sites[engine]) == []
