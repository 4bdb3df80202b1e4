"""The docs site as built by ``mkdocs build --strict``: what pages show, and how builds fail."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import SiteCopy
from tests.expected import DOCS
from tests.site_html import (
    DOC_PAGES,
    Element,
    article,
    built_page,
    heading_text,
    read_page,
    replace_in,
    search_entries,
    snapshot,
)

SITE_NAME = "Perspective Docs"
SEED_SHA256 = "4e037f3befba76a2d0c7f55e97cd4198e59a91705fb20de171b63215eb3fdb21"
"""SHA-256 of the product team's billing page, which docs/guide/settings/billing.md keeps
unchanged (pinned here: no test reads outside the repository)."""


def output(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout + done.stderr


def leftovers(root: Path) -> list[str]:
    """Build folders a finished build must not leave behind (``.site.staging``...)."""
    return sorted(path.name for path in root.iterdir() if path.name.startswith(".site."))


def front_matter(src_uri: str) -> dict[str, Any]:
    """A docs page's front matter, read with plain PyYAML."""
    text = (DOCS / src_uri).read_text(encoding="utf-8")
    _, block, _ = text.split("---\n", 2)
    data: dict[str, Any] = yaml.safe_load(block)
    return data


# Builds of a copy of the site


def test_strict_build_passes_without_warnings(site_copy: SiteCopy) -> None:
    done = site_copy.build()
    log = output(done)
    assert done.returncode == 0, log
    assert "WARNING" not in log
    assert "Traceback" not in log
    assert (site_copy.site / "index.html").is_file()
    assert leftovers(site_copy.root) == []


MALFORMED = [
    (
        "impossible-date.md",
        "date: 2026-02-30",
        "front matter 'date': '2026-02-30' is not a calendar date in the form YYYY-MM-DD",
    ),
    (
        "words-date.md",
        "date: May 8",
        "front matter 'date': 'May 8' is not a calendar date in the form YYYY-MM-DD",
    ),
    (
        "nav-order.md",
        "nav_order: second",
        "front matter 'nav_order': Input should be a valid integer (got 'second')",
    ),
    (
        "nav-display.md",
        "nav_display: maybe",
        "front matter 'nav_display': Input should be a valid boolean (got 'maybe')",
    ),
    (
        "yaml-error.md",
        "nav_title: Broken: here",
        "front matter: line 3, column 18: mapping values are not allowed here",
    ),
]
"""A page per malformed key: its name in ``docs/broken/``, the bad line, and the message."""


def test_malformed_front_matter_fails_naming_file_and_key(site_copy: SiteCopy) -> None:
    broken = site_copy.docs / "broken"
    broken.mkdir()
    for name, line, _ in MALFORMED:
        (broken / name).write_text(f"---\ntitle: Broken\n{line}\n---\n\n# Broken\n")
    done = site_copy.build()
    log = output(done)
    assert done.returncode != 0, log
    missing = [
        f"docs/broken/{name}: {message}"
        for name, _, message in MALFORMED
        if f"docs/broken/{name}: {message}" not in log
    ]
    assert not missing, f"messages missing from the build output:\n{log}"
    assert "Traceback" not in log
    assert not site_copy.site.exists(), "a failed build published a site"
    assert leftovers(site_copy.root) == []


def test_failed_build_keeps_the_previous_site(site_copy: SiteCopy, built_site: Path) -> None:
    site_copy.publish(built_site)
    before = snapshot(site_copy.site)
    replace_in(site_copy.docs / "index.md", "This site explains", "This changed site explains")
    replace_in(
        site_copy.docs / "guide/settings/billing.md", 'date: "2026-05-08"', 'date: "2026-02-30"'
    )
    second = site_copy.build()
    assert second.returncode != 0, output(second)
    assert "docs/guide/settings/billing.md: front matter 'date'" in output(second)
    assert snapshot(site_copy.site) == before
    assert leftovers(site_copy.root) == []


def test_link_to_a_missing_page_fails_naming_page_and_link(site_copy: SiteCopy) -> None:
    replace_in(
        site_copy.docs / "guide/settings/billing.md",
        "(/docs/guide/settings/permissions-roles)",
        "(/docs/guide/settings/no-such-page)",
    )
    done = site_copy.build()
    log = output(done)
    assert done.returncode != 0, log
    assert (
        "docs/guide/settings/billing.md: link '/docs/guide/settings/no-such-page' "
        "points to no page in docs/"
    ) in log
    assert "Traceback" not in log
    assert not site_copy.site.exists(), "a failed build published a site"
    assert leftovers(site_copy.root) == []


MISSING_ANCHOR_REPORTS = {
    "mkdocs": (
        "WARNING",
        "'guide/settings/permissions-roles.md'",
        "does not contain an anchor '#no-such-anchor'",
        "'guide/settings/workspaces.md'",
    ),
    "zensical": (
        "has no anchor",
        "docs/guide/settings/permissions-roles.md",
        "has no anchor 'no-such-anchor'",
        "guide/settings/workspaces/index.html",
    ),
}
"""The line that reports a missing anchor and what it names: MkDocs' own warning (ProperDocs
writes the same), or the link check that follows a Zensical build."""
MISSING_ANCHOR_REPORTS["properdocs"] = MISSING_ANCHOR_REPORTS["mkdocs"]


def test_link_to_a_missing_anchor_fails_the_strict_build(site_copy: SiteCopy) -> None:
    replace_in(
        site_copy.docs / "guide/settings/permissions-roles.md",
        "(/docs/guide/settings/workspaces#transfer-ownership)",
        "(/docs/guide/settings/workspaces#no-such-anchor)",
    )
    done = site_copy.build()
    log = output(done)
    assert done.returncode != 0, log
    marker, *named = MISSING_ANCHOR_REPORTS[site_copy.engine]
    [report] = [line for line in log.splitlines() if marker in line]
    assert [part for part in named if part not in report] == [], report
    assert "Traceback" not in log
    assert not site_copy.site.exists(), "a strict build that failed on a warning was published"
    assert leftovers(site_copy.root) == []


AUTHORED = """\
---
title: "Links & Dates"
description: "A page the tests add."
date: 2026-12-31
nav_order: 9
---

Read about [roles](/docs/guide/settings/permissions-roles "Roles and Permissions")
and [invoices][invoices].

[invoices]: /docs/guide/settings/billing#invoices

```md
[Example](/docs/guide/settings/nowhere)
```
"""


def test_page_with_title_only_and_every_link_form(site_copy: SiteCopy) -> None:
    (site_copy.docs / "guide/settings/links-and-dates.md").write_text(AUTHORED, encoding="utf-8")
    done = site_copy.build()
    log = output(done)
    assert done.returncode == 0, log
    assert "WARNING" not in log
    page = read_page(site_copy.site / "guide/settings/links-and-dates/index.html")
    assert page.find("title").text == f"Links & Dates - {SITE_NAME}"
    [h1] = page.find_all("h1")
    assert heading_text(h1) == "Links & Dates"
    content = article(page)
    after_h1 = content.element_children()[content.element_children().index(h1) + 1]
    assert (after_h1.tag, after_h1.classes) == ("p", {"page-updated"})
    assert after_h1.text == "Updated: December 31, 2026"
    links = {link.text: link.attrs for link in content.find_all("a") if link.text}
    assert links["roles"] == {"href": "../permissions-roles/", "title": "Roles and Permissions"}
    assert links["invoices"] == {"href": "../billing/#invoices"}
    assert content.find("code").text == "[Example](/docs/guide/settings/nowhere)"


# The project's site, built once per session


def test_billing_page_is_the_product_teams_seed() -> None:
    page = (DOCS / "guide/settings/billing.md").read_bytes()
    assert hashlib.sha256(page).hexdigest() == SEED_SHA256


@pytest.mark.parametrize("src_uri", DOC_PAGES)
def test_page_exists_and_is_built(built_site: Path, src_uri: str) -> None:
    assert (DOCS / src_uri).is_file()
    assert (built_site / DOC_PAGES[src_uri] / "index.html").is_file()


@pytest.mark.parametrize("src_uri", DOC_PAGES)
def test_front_matter_shapes_the_page(built_site: Path, src_uri: str) -> None:
    meta = front_matter(src_uri)
    page = built_page(built_site, src_uri)
    assert page.find("title").text == f"{meta['title']} - {SITE_NAME}"
    descriptions = [
        tag.attrs["content"]
        for tag in page.find_all("meta")
        if tag.attrs.get("name") == "description"
    ]
    assert descriptions == [meta["description"]]
    [h1] = page.find_all("h1")
    assert heading_text(h1) == meta["title"]
    updated = page.find_all("p", cls="page-updated")
    if "date" not in meta:
        assert updated == []
        return
    day = dt.date.fromisoformat(str(meta["date"]))
    content = article(page)
    following = content.element_children()[content.element_children().index(h1) + 1]
    assert updated == [following], "the Updated line must come right after the H1"
    assert following.text == f"Updated: {day:%B} {day.day}, {day.year}"
    assert following.find("time").attrs["datetime"] == day.isoformat()


def test_billing_page_shows_its_date(built_site: Path) -> None:
    page = built_page(built_site, "guide/settings/billing.md")
    [updated] = page.find_all("p", cls="page-updated")
    assert updated.text == "Updated: May 8, 2026"
    assert updated.find("time").attrs == {"datetime": "2026-05-08"}


def test_roles_page_has_the_roles_table(built_site: Path) -> None:
    [table] = article(built_page(built_site, "guide/settings/permissions-roles.md")).find_all(
        "table"
    )
    header = [cell.text for cell in table.find("thead").find_all("th")]
    assert header == ["Role", "What they can do", "What they cannot do"]
    rows = table.find("tbody").find_all("tr")
    assert [row.find("td").text for row in rows] == ["Owner", "Admin", "Member", "Pending"]
    assert all(len(row.find_all("td")) == 3 for row in rows)


def theme_config(page: Element) -> dict[str, Any]:
    """Material's settings for its scripts, from the page's ``__config`` block."""
    [script] = [tag for tag in page.find_all("script") if tag.attrs.get("id") == "__config"]
    config: dict[str, Any] = json.loads(script.text)
    return config


@pytest.mark.parametrize("feature", ["navigation.instant", "navigation.indexes", "toc.follow"])
def test_theme_feature_is_on(built_site: Path, feature: str) -> None:
    assert feature in theme_config(read_page(built_site / "index.html"))["features"]


def test_search_index_has_the_billing_page(built_site: Path, engine: str) -> None:
    entries = {doc["location"]: doc for doc in search_entries(built_site, engine)}
    assert entries["guide/settings/billing/"]["title"] == "Plan and Billing"
    assert "Flex Credits" in entries["guide/settings/billing/#current-plan"]["text"]
    assert set(DOC_PAGES.values()) <= set(entries)


def test_palette_has_light_and_dark_with_toggles(built_site: Path) -> None:
    page = read_page(built_site / "index.html")
    form = page.find("form", cls="md-header__option")
    options = form.find_all("input", cls="md-option")
    assert [option.attrs["data-md-color-scheme"] for option in options] == ["default", "slate"]
    toggles = {label.attrs["for"]: label.attrs["title"] for label in form.find_all("label")}
    ids = [option.attrs["id"] for option in options]
    assert toggles == {ids[1]: "Switch to dark mode", ids[0]: "Switch to light mode"}


def test_billing_page_has_a_table_of_contents(built_site: Path) -> None:
    page = built_page(built_site, "guide/settings/billing.md")
    tocs = page.find_all("nav", cls="md-nav--secondary")  # "Table of contents", "On this page"
    assert tocs, "no table of contents"
    h2s = article(page).find_all("h2")
    expected = [(heading_text(h2), f"#{h2.attrs['id']}") for h2 in h2s]
    for toc in tocs:  # Material renders it in the sidebar and again for small screens
        assert [(link.text, link.attrs["href"]) for link in toc.find_all("a")] == expected
    assert "Invoices" in [heading_text(h2) for h2 in h2s]


def test_sitemap_lists_the_pages_for_instant_navigation(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") >= len(DOC_PAGES)
