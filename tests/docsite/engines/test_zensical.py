"""The Zensical adapter: its configuration, with the navigation spelled out."""

from __future__ import annotations

from typing import Any

from prototype.docsite.engines.zensical import DOCS_MARKDOWN, nav_entries, zensical_config
from prototype.docsite.navigation import PROTOTYPE_LINK, NavItem, NavPage, NavSection

NAV: list[NavItem] = [
    NavPage("Home", "index.md"),
    NavSection(
        "Guide",
        "guide",
        (
            NavSection(
                "Settings",
                "guide/settings",
                (
                    NavPage("Settings", "guide/settings/index.md"),
                    NavPage("Plan and Billing", "guide/settings/billing.md"),
                ),
            ),
        ),
    ),
    PROTOTYPE_LINK,
]


def test_nav_entries_are_mkdocs_yml_nav() -> None:
    assert nav_entries(NAV) == [
        {"Home": "index.md"},
        {
            "Guide": [
                {
                    "Settings": [
                        {"Settings": "guide/settings/index.md"},
                        {"Plan and Billing": "guide/settings/billing.md"},
                    ]
                }
            ]
        },
        {"Settings prototype": "prototype/index.html"},
    ]


def test_config_drops_the_hooks_and_spells_out_the_navigation() -> None:
    project: dict[str, Any] = {
        "site_name": "Docs",
        "docs_dir": "documentation",
        "site_dir": "public",
        "hooks": ["prototype/docsite/mkdocs_hooks.py"],
        "theme": {"name": "material", "features": ["navigation.indexes"]},
        "markdown_extensions": ["tables", {"toc": {"permalink": True}}],
        "strict": True,
    }
    config = zensical_config(project, NAV, "docs", "site")
    assert config == {
        "site_name": "Docs",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "features": ["navigation.indexes"], "variant": "classic"},
        "markdown_extensions": ["tables", {"toc": {"permalink": True}}, DOCS_MARKDOWN],
        "strict": True,
        "nav": nav_entries(NAV),
    }
    assert "hooks" in project, "the project's settings are left as they were"


def test_config_keeps_the_extension_once_and_a_chosen_variant() -> None:
    project = {"theme": "material", "markdown_extensions": [DOCS_MARKDOWN]}
    config = zensical_config(project, [], "docs", "site")
    assert config["markdown_extensions"] == [DOCS_MARKDOWN]
    assert config["theme"] == {"name": "material", "variant": "classic"}
    modern = zensical_config({"theme": {"variant": "modern"}}, [], "docs", "site")
    assert modern["theme"] == {"variant": "modern"}
