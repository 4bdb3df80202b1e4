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
    reading_parts,
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
PROTOTYPE = ("Settings prototype", "prototype/index.html")
REVIEW = [
    ("For reviewers", "review/index.html"),
    PROTOTYPE,
    ("Prototype gallery", "review/gallery/index.html"),
    ("Conformance", "review/conformance/index.html"),
]
"""The review section the build writes (its index page has nav_order 90): after the guide,
whose section sorts by the nav_order of its first page, with the prototype after its index."""
NAV = [*GUIDE, *REVIEW]
"""The site navigation's links in order: label and the file each opens."""
READING_PARTS = [[path for _, path in GUIDE], [path for _, path in REVIEW if path != PROTOTYPE[1]]]
"""The pages in reading order, as the previous and next links follow them: the guide's, and
the review section's apart from them."""
REVIEW_PAGES = {
    "review/index.md": "review/",
    "review/gallery.md": "review/gallery/",
    "review/conformance.md": "review/conformance/",
}
"""The review section's pages and the URLs they are built at."""
BUILT_PAGES = {**DOC_PAGES, **REVIEW_PAGES}


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


def test_a_folder_of_hidden_pages_is_left_out_and_without_a_review_section_no_prototype() -> None:
    docs = pages(index="title: Home\n", drafts__one="title: One\nnav_display: false\n")
    assert site_navigation(docs) == [NavPage("Home", "index.md")]


def test_the_prototype_comes_after_the_review_sections_index_page() -> None:
    docs = pages(
        index="title: Home\n",
        review__index="title: For reviewers\nnav_order: 90\n",
        review__gallery="title: Gallery\nnav_order: 1\n",
        about="title: About\nnav_order: 5\n",
    )
    review = NavSection(
        "For reviewers",
        "review",
        (
            NavPage("For reviewers", "review/index.md"),
            PROTOTYPE_LINK,
            NavPage("Gallery", "review/gallery.md"),
        ),
    )
    tree = site_navigation(docs)
    assert tree == [NavPage("Home", "index.md"), NavPage("About", "about.md"), review]
    assert PROTOTYPE_LINK.url == "prototype/index.html"
    assert reading_parts(tree) == [
        ["index.md", "about.md"],
        ["review/index.md", "review/gallery.md"],
    ]


def page_file(src_uri: str) -> str:
    """The built file of a docs page, as a path in the site."""
    return f"{BUILT_PAGES[src_uri]}index.html"


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


@pytest.mark.parametrize("src_uri", BUILT_PAGES)
def test_navigation_order_on_every_page(built_site: Path, src_uri: str) -> None:
    page = read_page(built_site / page_file(src_uri))
    assert nav_targets(page, page_file(src_uri)) == NAV


@pytest.mark.parametrize("src_uri", BUILT_PAGES)
def test_previous_and_next_follow_the_navigation_within_guide_or_review(
    built_site: Path, src_uri: str
) -> None:
    path = page_file(src_uri)
    [order] = [part for part in READING_PARTS if path in part]
    index = order.index(path)
    expected = (
        order[index - 1] if index > 0 else None,
        order[index + 1] if index + 1 < len(order) else None,
    )
    assert neighbours(read_page(built_site / path), path) == expected


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
    expected = [*GUIDE, *unordered, *REVIEW]
    for path in [*READING_PARTS[0], *READING_PARTS[1], *(path for _, path in unordered), hidden]:
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
