"""Hostile docs input: bad pages and bad claims registries are refused, and front matter text
shows as written wherever the site puts it.

Each file in ``tests/hostile_pages/`` is a page with one thing wrong; added to a copy of the
site as ``docs/hostile.md``, it makes ``mkdocs build --strict`` exit 1 with one line naming the
file, the field (or the line) and the reason, without a traceback, and the previous ``site/``
stays byte for byte as it was. Each file in ``tests/hostile_claims/`` is a registry with one
thing wrong, put in place of ``docs/claims.yaml``, with the same outcome.

The corpora run in-process, through the check a build runs before it writes anything
(``content.gather``); one page and one registry go through the whole ``mkdocs build``.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from prototype.docsite.content import gather
from prototype.inputs.errors import InputError
from tests.conftest import SiteCopy, Watched, copy_site_sources
from tests.expected import MOUNT, STATE_IDS
from tests.serving import serve
from tests.site_html import (
    Element,
    heading_text,
    html_files,
    primary_nav_links,
    read_page,
    snapshot,
)

TESTS = Path(__file__).resolve().parents[1]
PAGES_CORPUS = TESTS / "hostile_pages"
CLAIMS_CORPUS = TESTS / "hostile_claims"
PAGE_SOURCE = "docs/hostile.md"
REGISTRY_SOURCE = "docs/claims.yaml"

BAD_PAGES: dict[str, tuple[str | None, str]] = {
    "unclosed-front-matter": ("line 1", "front matter opened with --- is never closed"),
    "misspelt-nav-order": ("front matter 'nav_ordr'", "unknown key; did you mean 'nav_order'?"),
    "misspelt-nav-title": ("front matter 'nav_tilte'", "unknown key; did you mean 'nav_title'?"),
    "misspelt-description": (
        "front matter 'descripton'",
        "unknown key; did you mean 'description'?",
    ),
    "misspelt-title": ("front matter 'titel'", "unknown key; did you mean 'title'?"),
    "impossible-date": (
        "front matter 'date'",
        "'2026-02-30' is not a calendar date in the form YYYY-MM-DD",
    ),
    "nav-order-in-words": (
        "front matter 'nav_order'",
        "Input should be a valid integer (got 'second')",
    ),
    "nav-display-maybe": (
        "front matter 'nav_display'",
        "Input should be a valid boolean (got 'maybe')",
    ),
    "title-as-list": ("front matter 'title'", "Input should be a valid string"),
    "yaml-syntax-error": ("front matter: line 3, column 18", "mapping values are not allowed here"),
    "front-matter-a-list": ("front matter", "expected key: value pairs"),
    "not-utf8": (None, "cannot be read: 'utf-8' codec can't decode byte 0xe9"),
    "link-to-no-page": (None, "link '/docs/guide/settings/nope' points to no page in docs/"),
}
"""Page (the file's name) → where (``front matter 'key'``, a line, or None for the whole file)
and a fragment of the reason."""

BAD_REGISTRIES: dict[str, tuple[str, str]] = {
    "page-missing-under-pages": ("pages[1]", "page 'guide/settings/nope.md' does not exist"),
    "page-missing-in-a-claim": (
        "claims[1] (id billing.nope)",
        "page 'guide/settings/nope.md' does not exist",
    ),
    "page-missing-in-not-testable": (
        "not_testable[0]",
        "page 'guide/settings/nope.md' does not exist",
    ),
    "page-outside-the-docs": (
        "claims[0] (id billing.invoices.section)",
        "page '../README.md' does not exist",
    ),
    "page-not-listed-under-pages": (
        "claims[0] (id billing.invoices.section)",
        "page 'guide/settings/workspaces.md' is not listed under pages",
    ),
    "section-not-on-the-page": (
        "pages[0].sections[1]",
        "guide/settings/billing.md has no section 'Credts' with sentences",
    ),
    "unknown-evidence-state": (
        "claims[0] (id billing.invoices.section)",
        f"evidence_state 'pro-nope' is not a workspace state; the states are: "
        f"{', '.join(STATE_IDS)}",
    ),
    "duplicate-claim-id": ("claims", "id used more than once: billing.invoices.section"),
    "claim-without-about": ("claims[0].about", "Field required"),
    "unknown-key": ("claims[0].colour", "Extra inputs are not permitted (got 'red')"),
    "bad-claim-id": ("claims[0].id", "String should match pattern"),
    "bad-shown-on": (
        "claims[0].shown_on",
        (
            "Input should be 'home', 'billing', 'members', 'account', 'model', "
            "'integrations', 'profile', 'mcp' or 'connected-apps' (got 'settings')"
        ),
    ),
    "short-reason": ("not_testable[0].reason", "at least 10 characters (got 'short')"),
    "syntax-error": ("line 10, column 19", "expected ',' or ']', but got ':'"),
    "a-list": ("(top level)", "Input should be a valid dictionary or instance of Registry"),
}
"""Registry (the file's name) → where (the entry or field, or a line) and a fragment of the
reason."""

_LOG_LEVEL = re.compile(r"^(?:ERROR|WARNING)\s+-\s+")


def problems_in(log: str, source: str) -> list[str]:
    """The lines of a build's output that name ``source``, without MkDocs' ``ERROR -`` prefix."""
    lines = (_LOG_LEVEL.sub("", line) for line in log.splitlines())
    return [line for line in lines if line.startswith(f"{source}: ")]


def assert_names(problems: list[str], source: str, where: str | None, fragment: str) -> None:
    """``problems`` hold one line about ``source``, naming ``where`` and the reason."""
    [problem] = [line for line in problems if line.startswith(f"{source}: ")]
    head = f"{source}: " if where is None else f"{source}: {where}: "
    assert problem.startswith(head), f"expected {head!r}..., got {problem!r}"
    assert fragment in problem.removeprefix(head), f"expected {fragment!r} in {problem!r}"


def assert_refused_before_writing(
    site_copy: SiteCopy, source: str, where: str | None, fragment: str
) -> None:
    """The check every build runs before it writes anything refuses the copy, naming the one
    problem."""
    with pytest.raises(InputError) as refused:
        gather(site_copy.docs, site_copy.root)
    assert_names(refused.value.problems, source, where, fragment)


def assert_refused(
    site_copy: SiteCopy, built_site: Path, source: str, where: str | None, fragment: str
) -> None:
    """A build of the copy, over a previous good site, exits 1 naming the one problem, without
    a traceback, and leaves that site and the copy's folder as they were."""
    site_copy.publish(built_site)
    before = snapshot(site_copy.site)
    done = site_copy.build()
    log = done.stdout + done.stderr
    assert done.returncode == 1, log
    assert "Traceback" not in log
    assert_names(problems_in(log, source), source, where, fragment)
    assert snapshot(site_copy.site) == before
    assert sorted(path.name for path in site_copy.root.iterdir()) == [
        "docs",
        "fixtures",
        "mkdocs.yml",
        "site",
    ]


def test_every_file_of_the_corpora_has_its_expectation() -> None:
    assert sorted(path.name for path in PAGES_CORPUS.iterdir()) == sorted(
        f"{case}.md" for case in BAD_PAGES
    )
    assert sorted(path.name for path in CLAIMS_CORPUS.iterdir()) == sorted(
        f"{case}.yaml" for case in BAD_REGISTRIES
    )


@pytest.mark.parametrize("case", BAD_PAGES)
def test_bad_page_is_refused(case: str, site_copy: SiteCopy) -> None:
    shutil.copyfile(PAGES_CORPUS / f"{case}.md", site_copy.docs / "hostile.md")
    assert_refused_before_writing(site_copy, PAGE_SOURCE, *BAD_PAGES[case])


@pytest.mark.parametrize("case", BAD_REGISTRIES)
def test_bad_claims_registry_is_refused(case: str, site_copy: SiteCopy) -> None:
    shutil.copyfile(CLAIMS_CORPUS / f"{case}.yaml", site_copy.docs / "claims.yaml")
    assert_refused_before_writing(site_copy, REGISTRY_SOURCE, *BAD_REGISTRIES[case])


def test_mkdocs_build_with_a_bad_page_keeps_the_previous_site(
    site_copy: SiteCopy, built_site: Path
) -> None:
    shutil.copyfile(PAGES_CORPUS / "misspelt-nav-order.md", site_copy.docs / "hostile.md")
    assert_refused(site_copy, built_site, PAGE_SOURCE, *BAD_PAGES["misspelt-nav-order"])


def test_mkdocs_build_with_a_bad_registry_keeps_the_previous_site(
    site_copy: SiteCopy, built_site: Path
) -> None:
    shutil.copyfile(CLAIMS_CORPUS / "syntax-error.yaml", site_copy.docs / "claims.yaml")
    assert_refused(site_copy, built_site, REGISTRY_SOURCE, *BAD_REGISTRIES["syntax-error"])


# Markup in front matter is text


SITE_NAME = "Perspective Docs"
TITLE = "Press <Tab> to continue <img src=x onerror=alert(1)> &amp; more"
NAV_TITLE = "<img src=x onerror=alert(2)> Press <Tab>, &amp;"
DESCRIPTION = '"><script>alert(3)</script> Press <Tab> &amp; more'
LABEL_ONLY = "</title><script>alert(4)</script> <Tab>"
MARKUP_PAGES = {
    "guide/settings/markup.md": (
        {"title": TITLE, "nav_title": NAV_TITLE, "description": DESCRIPTION, "nav_order": 5},
        "Text.\n",
    ),
    "guide/settings/markup-label.md": ({"nav_title": LABEL_ONLY, "nav_order": 6}, "Text.\n"),
}
"""Pages whose front matter is markup, by path in the docs: after Plan and Billing (4), one with
a title, navigation label and description, one with only a navigation label, which then is its
title too."""
MARKUP = "guide/settings/markup/index.html"
LABEL_PAGE = "guide/settings/markup-label/index.html"
BILLING = "guide/settings/billing/index.html"


@pytest.fixture(scope="module")
def markup_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site with the markup pages, built once."""
    copy = copy_site_sources(tmp_path_factory.mktemp("markup-docs"))
    for src_uri, (front_matter, body) in MARKUP_PAGES.items():
        text = f"---\n{yaml.safe_dump(front_matter, allow_unicode=True)}---\n\n{body}"
        (copy.docs / src_uri).write_text(text, encoding="utf-8")
    done = copy.build()
    assert done.returncode == 0, done.stdout + done.stderr
    return copy.site


def page_in(site: Path, path: str) -> Element:
    """The built page at ``path`` in ``site``."""
    return read_page(site / path)


def header_topic(page: Element) -> str:
    """The page title in the header, as the header shows it once scrolled."""
    return page.find_all("div", cls="md-header__topic")[1].text


def footer_link(page: Element, direction: str) -> Element:
    """The footer's link to the previous (``prev``) or next (``next``) page."""
    return page.find("a", cls=f"md-footer__link--{direction}")


def test_title_shows_as_written_in_title_header_and_h1(markup_site: Path) -> None:
    page = page_in(markup_site, MARKUP)
    assert page.find("title").text == f"{TITLE} - {SITE_NAME}"
    assert header_topic(page) == TITLE
    [h1] = page.find_all("h1")
    assert heading_text(h1) == TITLE


def test_description_stays_inside_its_attribute(markup_site: Path) -> None:
    page = page_in(markup_site, MARKUP)
    descriptions = [
        tag.attrs["content"]
        for tag in page.find_all("meta")
        if tag.attrs.get("name") == "description"
    ]
    assert descriptions == [DESCRIPTION]


@pytest.mark.parametrize("path", [MARKUP, LABEL_PAGE, BILLING, "index.html"])
def test_navigation_label_shows_as_written(markup_site: Path, path: str) -> None:
    labels = [label for label, _ in primary_nav_links(page_in(markup_site, path))]
    assert NAV_TITLE in labels
    assert LABEL_ONLY in labels


def test_footer_links_show_the_labels_as_written(markup_site: Path) -> None:
    billing_next = footer_link(page_in(markup_site, BILLING), "next")
    assert billing_next.find("div", cls="md-ellipsis").text == NAV_TITLE
    assert billing_next.attrs["aria-label"] == f"Next: {NAV_TITLE}"
    label_previous = footer_link(page_in(markup_site, LABEL_PAGE), "prev")
    assert label_previous.find("div", cls="md-ellipsis").text == NAV_TITLE
    markup_next = footer_link(page_in(markup_site, MARKUP), "next")
    assert markup_next.attrs["aria-label"] == f"Next: {LABEL_ONLY}"


def test_page_with_only_a_label_takes_it_as_its_title(markup_site: Path) -> None:
    page = page_in(markup_site, LABEL_PAGE)
    assert page.find("title").text == f"{LABEL_ONLY} - {SITE_NAME}"
    assert header_topic(page) == LABEL_ONLY
    [h1] = page.find_all("h1")
    assert heading_text(h1) == LABEL_ONLY


def test_search_index_titles_show_as_written(markup_site: Path) -> None:
    """Titles in the index are HTML, as MkDocs' own are: the search shows them unescaped."""
    index = json.loads((markup_site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {entry["location"]: entry["title"] for entry in index["docs"]}
    for location, written in [
        ("guide/settings/markup/", TITLE),
        ("guide/settings/markup-label/", LABEL_ONLY),
    ]:
        assert "<" not in titles[location]
        assert html.unescape(titles[location]) == written


def is_injected(element: Element) -> bool:
    """Whether an element can only have come from the markup in the front matter."""
    return (
        element.tag == "tab"
        or (element.tag == "img" and element.attrs.get("src") == "x")
        or any(name.startswith("on") for name in element.attrs)
        or (element.tag == "script" and "alert(" in element.text)
    )


def test_no_page_has_an_element_from_front_matter(markup_site: Path) -> None:
    injected = [
        f"{path}: {element!r}"
        for path in html_files(markup_site)
        for element in page_in(markup_site, path).iter()
        if is_injected(element)
    ]
    assert injected == []


@pytest.fixture(scope="module")
def markup_site_url(markup_site: Path) -> Iterator[str]:
    """The markup site on a local HTTP server, under ``MOUNT`` as it was built for."""
    with serve(markup_site, MOUNT) as url:
        yield url


def test_front_matter_markup_reads_as_written_in_the_browser(
    watched: Watched, markup_site_url: str
) -> None:
    page = watched.page
    page.goto(f"{markup_site_url}{MARKUP.removesuffix('index.html')}")
    assert page.title() == f"{TITLE} - {SITE_NAME}"
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator('meta[name="description"]')).to_have_attribute("content", DESCRIPTION)
    navigation = page.get_by_role("navigation", name="Navigation")
    expect(navigation.get_by_role("link", name=NAV_TITLE, exact=True)).to_have_count(1)
    expect(page.locator("img[src='x'], tab")).to_have_count(0)
    page.get_by_role("textbox", name="Search").press_sequentially("continue")
    result = page.locator(".md-search-result__article h1")
    expect(result.first).to_have_text(TITLE)
    page.goto(f"{markup_site_url}{LABEL_PAGE.removesuffix('index.html')}")
    assert page.title() == f"{LABEL_ONLY} - {SITE_NAME}"
    watched.assert_quiet()
