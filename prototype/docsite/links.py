"""Site-absolute ``/docs/...`` links, the way the product's pages link, turned into page links.

A link such as ``/docs/guide/settings/permissions-roles#invite-a-member`` becomes the relative
link to ``guide/settings/permissions-roles.md`` with its anchor, so the page resolves under any
base path (including ``mkdocs serve``) and MkDocs validates the page and the anchor.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Mapping

from prototype.docsource.markdown_code import outside_code
from prototype.inputs.errors import InputError, shown

SITE_PREFIX = "/docs"

_INLINE_TARGET = re.compile(r"(?P<lead>\]\(\s*<?)(?P<target>/docs(?:[/#][^)\s>]*)?)(?=[\s>)])")
_REFERENCE_TARGET = re.compile(
    r"^(?P<lead> {0,3}\[[^\]]+\]:\s*<?)(?P<target>/docs(?:[/#]\S*?)?)(?=>?(?:\s|$))", re.M
)


def page_for(path: str, pages: Collection[str]) -> str | None:
    """The Markdown page a site path such as ``guide/settings/billing`` names, if any."""
    path = path.strip("/")
    if path.endswith(".md"):
        candidates = [path]
    elif not path:
        candidates = ["index.md"]
    else:
        candidates = [f"{path}.md", f"{path}/index.md"]
    return next((candidate for candidate in candidates if candidate in pages), None)


def resolve(target: str, page: str, pages: Collection[str]) -> str:
    """The relative Markdown link from ``page`` for the site-absolute ``target``."""
    path, hash_mark, anchor = target.removeprefix(SITE_PREFIX).partition("#")
    found = page_for(path, pages)
    if found is None:
        raise InputError([f"docs/{page}: link {shown(target)} points to no page in docs/"])
    relative = posixpath.relpath(found, posixpath.dirname(page) or ".")
    return relative + hash_mark + anchor


def rewrite_links(markdown: str, page: str, pages: Collection[str]) -> str:
    """Rewrite every site-absolute link outside code; all broken links raised at once."""
    problems: list[str] = []

    def replace(match: re.Match[str]) -> str:
        try:
            return match.group("lead") + resolve(match.group("target"), page, pages)
        except InputError as error:
            problems.extend(error.problems)
            return match.group(0)

    def rewrite(text: str) -> str:
        return _REFERENCE_TARGET.sub(replace, _INLINE_TARGET.sub(replace, text))

    rewritten = outside_code(markdown, rewrite)
    if problems:
        raise InputError(problems)
    return rewritten


def check_links(texts: Mapping[str, str], pages: Collection[str]) -> None:
    """Check every page's site-absolute links before a build; all broken links raised at once.

    ``texts`` maps each page's path in the docs to its Markdown.
    """
    problems: list[str] = []
    for page, markdown in texts.items():
        try:
            rewrite_links(markdown, page, pages)
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
