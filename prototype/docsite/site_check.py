"""The built site's links, checked after any engine: every relative link and anchor of a docs page.

MkDocs checks links as it builds; an engine that checks less (Zensical does not see the links
the docs' Markdown extension writes) gets the same promise from this check of its output.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from prototype.inputs.errors import InputError

_UNCHECKED_SCHEMES = ("http:", "https:", "mailto:", "data:", "javascript:", "tel:")


class _Links(HTMLParser):
    """A page's ``href`` and ``src`` values, and the ids and link names it answers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.links.extend(values[name] for name in ("href", "src") if name in values)
        if "id" in values:
            self.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.anchors.add(values["name"])


@functools.cache
def _read(path: Path) -> _Links:
    parsed = _Links()
    parsed.feed(path.read_text(encoding="utf-8"))
    parsed.close()
    return parsed


def built_path(src_uri: str) -> str:
    """Where a docs page is built, with directory URLs: ``guide/a.md`` → ``guide/a/index.html``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def _problem(site: Path, page: str, url: str) -> str | None:
    """Why ``url`` on ``page`` leads nowhere, or ``None`` when it resolves."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if target == ".." or target.startswith("../"):
        return f"link '{url}' leads out of the site"
    if path.endswith("/"):
        target = posixpath.join(target, "index.html")
    file = site / target
    if file.is_dir():
        target, file = posixpath.join(target, "index.html"), file / "index.html"
    if not file.is_file():
        return f"link '{url}' leads to no file ({target})"
    anchor = unquote(parts.fragment)
    if anchor and target.endswith(".html") and anchor not in _read(file).anchors:
        return f"link '{url}': {target} has no anchor '{anchor}'"
    return None


def check_built_links(site: Path, pages: Iterable[str]) -> None:
    """Check the built HTML of each docs page (paths in the docs); all problems raised at once."""
    _read.cache_clear()
    problems: list[str] = []
    for src_uri in pages:
        page = built_path(src_uri)
        for url in dict.fromkeys(_read(site / page).links):
            lowered = url.strip().lower()
            if not lowered or lowered == "#" or lowered.startswith((*_UNCHECKED_SCHEMES, "/")):
                continue
            problem = _problem(site, page, url)
            if problem:
                problems.append(f"docs/{src_uri} (built as {page}): {problem}")
    if problems:
        raise InputError(problems)
