"""Zensical: the page it renders, and its configuration with the navigation spelled out.

Zensical reads ``mkdocs.yml`` but runs no hooks, so the build hands it a staged copy of the
docs (:mod:`prototype.docsite.staging`) and a configuration with an explicit ``nav``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from markdown import Markdown

from prototype.docsite.navigation import NavItem, NavLink, NavPage, NavSection
from prototype.docsite.page_context import PageContext
from prototype.docsource.frontmatter import DocPage

RENDERING_CONTEXT = "rendering_context"
"""The preprocessor through which Zensical tells Markdown extensions the page they render."""
DOCS_MARKDOWN = "prototype.docsite.docs_markdown"
THEME_VARIANT = "classic"
"""Material's look; Zensical's own ("modern") has other fonts and icons."""


_building: dict[str, Mapping[str, DocPage]] = {}
"""The site's pages while :func:`run_zensical` runs (under ``"pages"``); Zensical may render
pages on other threads, which a context variable would not reach."""


def page_context(md: Markdown) -> PageContext | None:
    """The page Zensical is rendering, from the context it registers on each conversion."""
    pages = _building.get("pages")
    if pages is None or RENDERING_CONTEXT not in md.preprocessors:
        return None
    page = getattr(md.preprocessors[RENDERING_CONTEXT], "page", None)
    return None if page is None else PageContext(str(page.path), pages)


def nav_entries(items: Sequence[NavItem]) -> list[dict[str, Any]]:
    """The navigation as ``nav`` in ``mkdocs.yml`` writes it."""
    entries: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, NavPage):
            entries.append({item.title: item.src_uri})
        elif isinstance(item, NavSection):
            entries.append({item.title: nav_entries(item.children)})
        elif isinstance(item, NavLink):
            entries.append({item.title: item.url})
    return entries


def zensical_config(
    project: Mapping[str, Any], nav: Sequence[NavItem], docs_dir: str, site_dir: str
) -> dict[str, Any]:
    """The project's settings for Zensical: no hooks, an explicit ``nav``, Material's look."""
    config = {key: value for key, value in project.items() if key != "hooks"}
    extensions = list(config.get("markdown_extensions", []))
    if DOCS_MARKDOWN not in extensions:
        extensions.append(DOCS_MARKDOWN)
    theme = config.get("theme", {})
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    config.update(
        docs_dir=docs_dir,
        site_dir=site_dir,
        nav=nav_entries(nav),
        markdown_extensions=extensions,
        theme={**theme, "variant": theme.get("variant", THEME_VARIANT)},
    )
    return config


class EngineFailed(Exception):
    """Zensical stopped: a strict build met a warning, or it refused the configuration."""


def run_zensical(config_file: Path, pages: Mapping[str, DocPage]) -> None:
    """A strict Zensical build of ``config_file``, whose docs hold ``pages``; Zensical writes its
    warnings to the terminal itself."""
    import zensical  # an optional engine: imported only to build with it

    _building["pages"] = pages
    try:
        zensical.build(str(config_file), {"clean": False, "strict": True})
    except Exception as error:  # Zensical's errors reach Python as plain exceptions
        raise EngineFailed(f"zensical: {error}") from None
    finally:
        _building.clear()
