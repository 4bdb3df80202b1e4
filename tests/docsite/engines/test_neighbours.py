"""Zensical's previous and next links, rewritten to the reading orders MkDocs follows."""

from __future__ import annotations

from pathlib import Path

from prototype.docsite.engines.neighbours import follow_reading_parts, neighbours, relinked
from prototype.docsite.navigation import PROTOTYPE_LINK, NavItem, NavPage, NavSection

HOME = NavPage("Home", "index.md")
BILLING = NavPage("Plan & Billing", "guide/billing.md")
REVIEW = NavPage("For reviewers", "review/index.md")
GALLERY = NavPage("Prototype gallery", "review/gallery.md")
TREE: list[NavItem] = [
    HOME,
    NavSection("Guide", "guide", (BILLING,)),
    NavSection("For reviewers", "review", (REVIEW, PROTOTYPE_LINK, GALLERY)),
]


def page(prev: tuple[str, str] | None, following: tuple[str, str] | None) -> str:
    """A built page as Zensical writes its links: in the head, and in the footer."""
    head = "".join(
        f'        <link rel="{rel}" href="{link[0]}">\n'
        for rel, link in (("prev", prev), ("next", following))
        if link
    )
    footer = "".join(
        f'          <a href="{link[0]}" class="md-footer__link md-footer__link--{rel}"'
        f' aria-label="{word}: {link[1]}">\n'
        f'            <div class="md-footer__title">\n'
        f'              <span class="md-footer__direction">{word}</span>\n'
        f'              <div class="md-ellipsis">\n                {link[1]}\n'
        f"              </div>\n"
        f"            </div>\n          </a>\n"
        for rel, word, link in (("prev", "Previous", prev), ("next", "Next", following))
        if link
    )
    return f"<head>\n{head}</head>\n<footer>\n{footer}</footer>\n"


def test_each_reading_order_is_chained_on_its_own() -> None:
    assert neighbours(TREE) == {
        "index.md": {"prev": None, "next": BILLING},
        "guide/billing.md": {"prev": HOME, "next": None},
        "review/index.md": {"prev": None, "next": GALLERY},
        "review/gallery.md": {"prev": REVIEW, "next": None},
    }


def test_a_link_into_another_reading_order_is_dropped() -> None:
    built = page(("../../guide/", "Guide"), ("../../review/", "For reviewers"))
    wanted = {"prev": HOME, "next": None}
    assert relinked(built, "guide/billing/index.html", wanted) == page(("../../", "Home"), None)


def test_a_link_to_the_prototype_is_retargeted_to_the_next_page() -> None:
    built = page(("../guide/billing/", "Plan &amp; Billing"), ("../prototype/index.html", "Proto"))
    wanted = {"prev": None, "next": GALLERY}
    assert relinked(built, "review/index.html", wanted) == page(
        None, ("gallery/", "Prototype gallery")
    )


def test_links_already_right_are_left_as_they_are() -> None:
    built = page(None, ("guide/billing/", "Plan &amp; Billing"))
    assert relinked(built, "index.html", {"prev": None, "next": BILLING}) == built


def test_follow_reading_parts_rewrites_each_built_page(tmp_path: Path) -> None:
    files = {
        "index.html": page(None, ("guide/billing/", "Plan &amp; Billing")),
        "guide/billing/index.html": page(("../../", "Home"), ("../../review/", "For reviewers")),
        "review/index.html": page(
            ("../guide/billing/", "Plan &amp; Billing"), ("../prototype/index.html", "Proto")
        ),
        "review/gallery/index.html": page(("../../prototype/index.html", "Proto"), None),
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    follow_reading_parts(
        tmp_path, TREE, ["index.md", *(p.src_uri for p in (BILLING, REVIEW, GALLERY))]
    )
    found = {path: (tmp_path / path).read_text(encoding="utf-8") for path in files}
    assert found == {
        "index.html": files["index.html"],
        "guide/billing/index.html": page(("../../", "Home"), None),
        "review/index.html": page(None, ("gallery/", "Prototype gallery")),
        "review/gallery/index.html": page(("../", "For reviewers"), None),
    }
