"""Every link in the built site leads somewhere, also when the site is served under a sub path."""

from __future__ import annotations

import functools
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest

from tests.expected import DOCS, MOUNT
from tests.site_html import (
    DOC_PAGES,
    Element,
    anchors,
    article,
    broken_links,
    html_files,
    page_links,
    parse_html,
    read_page,
    site_absolute_links,
)

SITE_ROOT_LINKS_KNOWN = {"404.html"}
"""Pages allowed links from the server root: the 404 page is served at any missing URL, so
MkDocs writes its links from the path of ``site_url`` (the tests build for ``MOUNT``)."""

SOURCE_LINKS = [
    (src_uri, text, target)
    for src_uri in DOC_PAGES
    for text, target in site_absolute_links((DOCS / src_uri).read_text(encoding="utf-8"))
]
"""Every ``/docs/...`` link the pages' Markdown makes: the page, the link text and target."""


@functools.cache
def fetch(url: str) -> Element:
    """A page from the local test server (200 or an HTTPError), parsed once."""
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200, url
        html: bytes = response.read()
    return parse_html(html.decode("utf-8"))


def expected_url(site_url: str, target: str) -> str:
    """Where a site-absolute ``/docs/...`` target lives under the served site."""
    path, _, anchor = target.removeprefix("/docs").partition("#")
    path = path.strip("/")
    return site_url + (f"{path}/" if path else "") + (f"#{anchor}" if anchor else "")


def root_links(page: Element) -> list[str]:
    """Links that start at the server's root, which break when the site is not served there."""
    return [url for url in page_links(page) if url.startswith("/") and not url.startswith("//")]


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    pages = html_files(built_site)
    assert "prototype/index.html" in pages
    assert len([page for page in pages if page.startswith("prototype/")]) > 10
    problems = broken_links(built_site)
    assert not problems, "broken links (page -> link):\n" + "\n".join(problems)


def test_link_checker_reports_missing_files_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide/index.html").write_text('<h2 id="there">T</h2><a name="named"></a>')
    (tmp_path / "index.html").write_text(
        '<a href="guide/">ok</a> <a href="guide/#there">ok</a> <a href="guide#named">ok</a>'
        ' <a href="#">top</a> <a href="https://example.com/x">out</a> <a href="mailto:a@b.c">m</a>'
        ' <img src="data:image/png;base64,AA=="> <a href="javascript:void(0)">js</a>'
        ' <a href="guide/missing.html">gone</a> <a href="guide/#nowhere">no anchor</a>'
        ' <script src="assets/app.js"></script> <a href="#local">no local anchor</a>'
    )
    assert broken_links(tmp_path) == [
        "index.html -> guide/missing.html: no file guide/missing.html",
        "index.html -> guide/#nowhere: no id or name 'nowhere' in guide/index.html",
        "index.html -> assets/app.js: no file assets/app.js",
        "index.html -> #local: no id or name 'local' in index.html",
    ]


@pytest.mark.parametrize("page", sorted(set(DOC_PAGES.values())))
def test_docs_pages_link_relative_to_themselves(built_site: Path, page: str) -> None:
    assert root_links(read_page(built_site / page / "index.html")) == []


def test_no_page_links_from_the_server_root(built_site: Path) -> None:
    found = {
        page: links
        for page in html_files(built_site)
        if page not in SITE_ROOT_LINKS_KNOWN and (links := root_links(read_page(built_site / page)))
    }
    assert found == {}


def test_404_page_links_from_the_site_url_path(built_site: Path) -> None:
    links = root_links(read_page(built_site / "404.html"))
    assert links
    assert [link for link in links if not link.startswith(MOUNT)] == []


@pytest.mark.parametrize(
    ("src_uri", "text", "target"),
    [pytest.param(*link, id=f"{link[0]}:{link[2]}:{link[1]}") for link in SOURCE_LINKS],
)
def test_site_absolute_link_leads_to_its_page_when_served(
    site_url: str, src_uri: str, text: str, target: str
) -> None:
    page_url = site_url + DOC_PAGES[src_uri]
    hrefs = [
        link.attrs["href"] for link in article(fetch(page_url)).find_all("a") if link.text == text
    ]
    assert hrefs, f"no link {text!r} on {page_url}"
    assert not [href for href in hrefs if href.startswith("/")], hrefs
    wanted = expected_url(site_url, target)
    assert {urljoin(page_url, href) for href in hrefs} == {wanted}
    url, fragment = urldefrag(wanted)
    target_page = fetch(url)
    if fragment:
        assert fragment in anchors(target_page)


def test_source_links_reach_every_guide_page() -> None:
    """The links the served test follows cover every page but the home page."""
    targets = {expected_url("", target).partition("#")[0] for _, _, target in SOURCE_LINKS}
    assert targets == set(DOC_PAGES.values()) - {""}


def test_prototype_is_reachable_from_the_review_section_when_served(site_url: str) -> None:
    prototype = {f"{site_url}prototype/", f"{site_url}prototype/index.html"}
    review_url = f"{site_url}review/"
    review = fetch(review_url)
    [link] = [a for a in article(review).find_all("a") if a.text == "Settings prototype"]
    nav = [a for a in fetch(site_url).find_all("a") if a.text == "Settings prototype"]
    assert nav, "the navigation has no link to the prototype"
    for base, href in [
        (review_url, link.attrs["href"]),
        *((site_url, a.attrs["href"]) for a in nav),
    ]:
        assert urljoin(base, href) in prototype, href
        assert fetch(urljoin(base, href)).find_all("a"), href
