"""Site-absolute ``/docs/...`` links become relative Markdown links; broken ones are all named."""

from __future__ import annotations

import pytest

from prototype.docsite.links import check_links, page_for, rewrite_links
from prototype.inputs.errors import InputError
from tests.site_html import DOC_PAGES

PAGES = sorted(DOC_PAGES)
"""The project's pages: ``index.md``, ``guide/settings/index.md``, ``.../billing.md``..."""
BILLING = "guide/settings/billing.md"


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("", "index.md"),
        ("/", "index.md"),
        ("guide/settings", "guide/settings/index.md"),
        ("guide/settings/", "guide/settings/index.md"),
        ("/guide/settings/billing", BILLING),
        ("guide/settings/billing.md", BILLING),
        ("guide/settings/nowhere", None),
        ("guide", None),
        ("guide/settings/billing.html", None),
    ],
)
def test_page_for(path: str, page: str | None) -> None:
    assert page_for(path, PAGES) == page


@pytest.mark.parametrize(
    ("page", "markdown", "expected"),
    [
        pytest.param(
            BILLING,
            "[Roles](/docs/guide/settings/permissions-roles)",
            "[Roles](permissions-roles.md)",
            id="sibling",
        ),
        pytest.param(
            "index.md",
            "[Settings](/docs/guide/settings) and [Billing](/docs/guide/settings/billing)",
            "[Settings](guide/settings/index.md) and [Billing](guide/settings/billing.md)",
            id="from the root page",
        ),
        pytest.param(
            BILLING,
            "[Home](/docs) or [home](/docs/)",
            "[Home](../../index.md) or [home](../../index.md)",
            id="to the root page",
        ),
        pytest.param(
            BILLING,
            "[Settings](/docs/guide/settings/)",
            "[Settings](index.md)",
            id="to the section index",
        ),
        pytest.param(
            "guide/settings/index.md",
            "[Billing](/docs/guide/settings/billing)",
            "[Billing](billing.md)",
            id="from the section index",
        ),
        pytest.param(
            "guide/settings/permissions-roles.md",
            "[Transfer](/docs/guide/settings/workspaces#transfer-ownership)",
            "[Transfer](workspaces.md#transfer-ownership)",
            id="anchor",
        ),
        pytest.param(
            BILLING, "[Top](/docs#top)", "[Top](../../index.md#top)", id="anchor on the root"
        ),
        pytest.param(
            BILLING,
            '[Billing](/docs/guide/settings/billing "Plan and Billing")',
            '[Billing](billing.md "Plan and Billing")',
            id="title",
        ),
        pytest.param(
            BILLING,
            "[Roles](</docs/guide/settings/permissions-roles> 'Roles')",
            "[Roles](<permissions-roles.md> 'Roles')",
            id="angle brackets",
        ),
        pytest.param(
            BILLING,
            "[Roles]( /docs/guide/settings/permissions-roles )",
            "[Roles]( permissions-roles.md )",
            id="spaces inside the parentheses",
        ),
        pytest.param(
            BILLING,
            "![Diagram](/docs/guide/settings/index.md)",
            "![Diagram](index.md)",
            id="image syntax, explicit .md",
        ),
        pytest.param(
            "index.md",
            "See [roles][r] and [billing].\n\n"
            "[r]: /docs/guide/settings/permissions-roles#workspace-roles\n"
            '   [billing]: </docs/guide/settings/billing> "Plan and Billing"\n',
            "See [roles][r] and [billing].\n\n"
            "[r]: guide/settings/permissions-roles.md#workspace-roles\n"
            '   [billing]: <guide/settings/billing.md> "Plan and Billing"\n',
            id="reference-style definitions",
        ),
    ],
)
def test_rewrites_site_absolute_links(page: str, markdown: str, expected: str) -> None:
    assert rewrite_links(markdown, page, PAGES) == expected


@pytest.mark.parametrize(
    "markdown",
    [
        "[Elsewhere](https://example.com/docs/guide/settings/billing)",
        "[Relative](billing.md) and [anchor](#credits)",
        "[Other root](/other/page) and [lookalike](/docsy/page)",
        "Plain text naming /docs/guide/settings/nowhere is not a link.",
        "    [indented reference]: /docs/nowhere (four spaces: code, not a definition)",
    ],
)
def test_leaves_other_links_alone(markdown: str) -> None:
    assert rewrite_links(markdown, BILLING, PAGES) == markdown


@pytest.mark.parametrize("fence", ["```", "~~~", "```md", "~~~ {.markdown}"])
def test_fenced_code_is_left_as_written(fence: str) -> None:
    closing = fence[:3]
    markdown = (
        "Before [Roles](/docs/guide/settings/permissions-roles).\n\n"
        f"{fence}\n"
        "[Roles](/docs/guide/settings/permissions-roles)\n"
        "[Missing](/docs/guide/settings/nowhere)\n"
        "[ref]: /docs/nowhere\n"
        f"{closing}\n\n"
        "After [Billing](/docs/guide/settings/billing).\n"
    )
    assert rewrite_links(markdown, BILLING, PAGES) == markdown.replace(
        "Before [Roles](/docs/guide/settings/permissions-roles)",
        "Before [Roles](permissions-roles.md)",
    ).replace("After [Billing](/docs/guide/settings/billing)", "After [Billing](billing.md)")


def test_every_broken_link_is_reported_together() -> None:
    markdown = (
        "[One](/docs/guide/settings/nowhere) and [fine](/docs/guide/settings/billing).\n"
        "[Two](/docs/guide/gone#anchor) and [three][t].\n\n"
        "```\n[Ignored](/docs/in/a/fence)\n```\n\n"
        "[t]: /docs/guide/settings/billing/extra\n"
    )
    with pytest.raises(InputError) as raised:
        rewrite_links(markdown, BILLING, PAGES)
    assert raised.value.problems == [
        f"docs/{BILLING}: link '/docs/guide/settings/nowhere' points to no page in docs/",
        f"docs/{BILLING}: link '/docs/guide/gone#anchor' points to no page in docs/",
        f"docs/{BILLING}: link '/docs/guide/settings/billing/extra' points to no page in docs/",
    ]


def test_anchors_are_kept_for_mkdocs_to_check() -> None:
    """The module checks pages; a missing anchor is the engine's to report, or the link check
    after a Zensical build's (see test_site_build)."""
    markdown = "[Gone](/docs/guide/settings/workspaces#no-such-anchor)"
    assert rewrite_links(markdown, BILLING, PAGES) == "[Gone](workspaces.md#no-such-anchor)"


def test_inline_code_is_left_as_written() -> None:
    markdown = "Write links as `[Roles](/docs/guide/settings/permissions-roles)`."
    assert rewrite_links(markdown, BILLING, PAGES) == markdown


def test_fenced_code_in_a_list_item_is_left_as_written() -> None:
    markdown = "1. Add a link:\n\n    ```md\n    [Example](/docs/guide/settings/billing)\n    ```\n"
    assert rewrite_links(markdown, BILLING, PAGES) == markdown


def test_check_links_names_every_broken_link_of_every_page() -> None:
    texts = {
        "index.md": "[Fine](/docs/guide/settings) and [gone](/docs/gone).",
        BILLING: "[Roles](/docs/guide/settings/permissions-roles#invite) [old](/docs/old#x)",
        "guide/settings/index.md": "No links here.",
    }
    with pytest.raises(InputError) as raised:
        check_links(texts, PAGES)
    assert raised.value.problems == [
        "docs/index.md: link '/docs/gone' points to no page in docs/",
        f"docs/{BILLING}: link '/docs/old#x' points to no page in docs/",
    ]


def test_check_links_passes_good_pages() -> None:
    text = "[Home](/docs) and [roles](/docs/guide/settings/permissions-roles)"
    check_links({BILLING: text}, PAGES)
