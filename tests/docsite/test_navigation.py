"""Navigation from front matter: the tree every engine gets, and the built HTML's order, labels
and hidden pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from prototype.docsite.navigation import (
    PROTOTYPE_LINK,
    NavPage,
    NavSection,
    folder_label,
    nav_tree,
    reading_order,
    site_navigation,
)
from prototype.docsource.frontmatter import DocPage, parse_page
from tests.conftest import SiteCopy
from tests.site_html import (
    DOC_PAGES,
    Element,
    built_page,
    heading_text,
    primary_nav_links,
    read_page,
    replace_in,
    site_path,
)

GUIDE = [
    ("Home", "index.html"),
    ("Settings", "guide/settings/index.html"),
    ("Workspaces and Account", "guide/settings/workspaces/index.html"),
    ("Roles and Permissions", "guide/settings/permissions-roles/index.html"),
    ("Plan and Billing", "guide/settings/billing/index.html"),
]
GENERATED = [
    ("Conformance", "conformance/index.html"),
    ("Prototype gallery", "prototype-gallery/index.html"),
]
"""Pages the build writes (nav_order 20 and 21): after the guide, whose section sorts by the
nav_order of its first page."""
PROTOTYPE = ("Plan & Billing prototype", "prototype/index.html")
NAV = [*GUIDE, *GENERATED, PROTOTYPE]
"""The site navigation's links in order: label and the file each opens."""
PAGE_ORDER = [path for _, path in NAV[:-1]]
"""The pages in reading order, as the previous and next links follow them."""


def pages(**front_matter: str) -> dict[str, DocPage]:
    """Pages by their path in the docs (``__`` for ``/``), each with the front matter given."""
    return {
        name.replace("__", "/") + ".md": parse_page(name, f"---\n{text}---\n")
        for name, text in front_matter.items()
    }


def test_tree_orders_by_nav_order_then_title_index_pages_first() -> None:
    tree = nav_tree(
        pages(
            index="title: Home\n",
            guide__settings__index="title: Settings\nnav_order: 1\n",
            guide__settings__b="title: Bravo\nnav_order: 2\n",
            guide__settings__a="title: Alpha\nnav_order: 3\n",
            guide__settings__zulu="title: zulu\n",
            guide__settings__yankee="title: Yankee\n",
            guide__settings__hidden="title: Hidden\nnav_order: 0\nnav_display: false\n",
            about="title: About\nnav_title: About us\nnav_order: 9\n",
        )
    )
    settings = NavSection(
        "Settings",
        "guide/settings",
        (
            NavPage("Settings", "guide/settings/index.md"),
            NavPage("Bravo", "guide/settings/b.md"),
            NavPage("Alpha", "guide/settings/a.md"),
            NavPage("Yankee", "guide/settings/yankee.md"),
            NavPage("zulu", "guide/settings/zulu.md"),
        ),
    )
    assert tree == [
        NavPage("Home", "index.md"),
        NavSection("Guide", "guide", (settings,)),
        NavPage("About us", "about.md"),
    ]
    assert list(reading_order(tree)) == [
        "index.md",
        "guide/settings/index.md",
        "guide/settings/b.md",
        "guide/settings/a.md",
        "guide/settings/yankee.md",
        "guide/settings/zulu.md",
        "about.md",
    ]


def test_labels_fall_back_to_the_h1_then_the_file_name() -> None:
    docs = {
        "with-h1.md": parse_page("with-h1.md", "# From the H1\n"),
        "plain_file-name.md": parse_page("plain_file-name.md", "Text.\n"),
        "More-Notes/index.md": parse_page("More-Notes/index.md", "Text.\n"),
        "faq/questions.md": parse_page("faq/questions.md", "Text.\n"),
    }
    assert nav_tree(docs) == [
        NavSection("Faq", "faq", (NavPage("Questions", "faq/questions.md"),)),
        NavPage("From the H1", "with-h1.md"),
        NavSection("Index", "More-Notes", (NavPage("Index", "More-Notes/index.md"),)),
        NavPage("Plain file name", "plain_file-name.md"),
    ]
    assert folder_label("guide/more-notes") == "More notes"
    assert folder_label("API-Docs") == "API Docs"


def test_a_folder_of_hidden_pages_is_left_out_and_the_prototype_comes_last() -> None:
    docs = pages(index="title: Home\n", drafts__one="title: One\nnav_display: false\n")
    assert site_navigation(docs) == [NavPage("Home", "index.md"), PROTOTYPE_LINK]
    assert PROTOTYPE_LINK.url == "prototype/index.html"


def page_file(src_uri: str) -> str:
    """The built file of a docs page, as a path in the site."""
    return f"{DOC_PAGES[src_uri]}index.html"


def nav_targets(page: Element, path: str) -> list[tuple[str, str]]:
    """The navigation of ``page`` (at ``path`` in the site): each label and the file it opens."""
    return [(label, site_path(path, href)[0]) for label, href in primary_nav_links(page)]


def neighbours(page: Element, path: str) -> tuple[str | None, str | None]:
    """The files the page's ``rel=prev`` and ``rel=next`` links open."""
    found: dict[str, str] = {}
    for link in page.find_all("link"):
        if link.attrs.get("rel") in ("prev", "next"):
            found[link.attrs["rel"]] = site_path(path, link.attrs["href"])[0]
    return found.get("prev"), found.get("next")


@pytest.mark.parametrize("src_uri", DOC_PAGES)
def test_navigation_order_on_every_page(built_site: Path, src_uri: str) -> None:
    assert nav_targets(built_page(built_site, src_uri), page_file(src_uri)) == NAV


@pytest.mark.parametrize("src_uri", DOC_PAGES)
def test_previous_and_next_follow_the_navigation(built_site: Path, src_uri: str) -> None:
    path = page_file(src_uri)
    index = PAGE_ORDER.index(path)
    expected = (
        PAGE_ORDER[index - 1] if index > 0 else None,
        PAGE_ORDER[index + 1] if index + 1 < len(PAGE_ORDER) else None,
    )
    assert neighbours(built_page(built_site, src_uri), path) == expected


def test_nav_title_is_only_the_navigation_label(built_site: Path) -> None:
    billing = built_page(built_site, "guide/settings/billing.md")
    workspaces = ("Workspaces and Account", page_file("guide/settings/workspaces.md"))
    assert workspaces in nav_targets(billing, page_file("guide/settings/billing.md"))
    page = built_page(built_site, "guide/settings/workspaces.md")
    assert page.find("title").text == "Workspaces and Account Settings - Perspective Docs"
    [h1] = page.find_all("h1")
    assert heading_text(h1) == "Workspaces and Account Settings"


def test_settings_section_links_to_its_index_page(built_site: Path) -> None:
    """``navigation.indexes``: the section's label is a link to ``guide/settings/``."""
    page = built_page(built_site, "index.md")
    assert ("Settings", "guide/settings/index.html") in nav_targets(page, "index.html")


def write_page(docs: Path, src_uri: str, front_matter: str, body: str = "") -> None:
    (docs / src_uri).write_text(f"---\n{front_matter}---\n\n{body}", encoding="utf-8")


def test_hidden_page_and_pages_without_nav_order(site_copy: SiteCopy) -> None:
    settings = site_copy.docs / "guide/settings"
    write_page(
        settings,
        "hidden.md",
        'title: "Hidden page"\nnav_display: false\nnav_order: 0\n',
        "Reached only by a link.\n",
    )
    write_page(
        settings,
        "a-zulu.md",
        'title: "Zulu"\n',
        "See [the hidden page](/docs/guide/settings/hidden).\n",
    )
    write_page(settings, "b-mike.md", 'title: "mike"\n')
    write_page(settings, "c-alpha.md", 'title: "Alpha"\n')
    done = site_copy.build()
    assert done.returncode == 0, done.stdout + done.stderr

    hidden = "guide/settings/hidden/index.html"
    unordered = [
        ("Alpha", "guide/settings/c-alpha/index.html"),
        ("mike", "guide/settings/b-mike/index.html"),
        ("Zulu", "guide/settings/a-zulu/index.html"),
    ]
    expected = [*GUIDE, *unordered, *GENERATED, PROTOTYPE]
    for path in [*PAGE_ORDER, *(path for _, path in unordered), hidden]:
        page = read_page(site_copy.site / path)
        assert nav_targets(page, path) == expected, path

    hidden_page = read_page(site_copy.site / hidden)
    assert [h1.text for h1 in hidden_page.find_all("h1")] == ["Hidden page"]
    assert neighbours(hidden_page, hidden) == (None, None)
    zulu = "guide/settings/a-zulu/index.html"
    [link] = [
        a for a in read_page(site_copy.site / zulu).find_all("a") if a.text == "the hidden page"
    ]
    assert site_path(zulu, link.attrs["href"])[0] == hidden
    billing = "guide/settings/billing/index.html"
    assert neighbours(read_page(site_copy.site / billing), billing)[1] == unordered[0][1]


def test_nav_title_of_a_section_index_page(site_copy: SiteCopy) -> None:
    replace_in(
        site_copy.docs / "guide/settings/index.md",
        'title: "Settings"\n',
        'title: "Settings"\nnav_title: "Settings overview"\n',
    )
    done = site_copy.build()
    assert done.returncode == 0, done.stdout + done.stderr
    page = read_page(site_copy.site / "index.html")
    assert ("Settings overview", "guide/settings/index.html") in nav_targets(page, "index.html")
