"""The docs pages' front matter: the keys the product's docs use, checked before a build."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from prototype.docsource.markdown_code import without_code
from prototype.inputs.errors import InputError, describe_validation_error
from prototype.inputs.fields import IsoDate
from prototype.inputs.yamlfile import load_yaml

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_OPENING = re.compile(r"\A---[ \t]*(?:\n|\Z)")
"""The ``---`` line that opens front matter, whether or not a closing one follows."""
ATX_HEADING = re.compile(r"^ {0,3}(?P<level>#{1,6})[ \t]+(?P<text>.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
"""An ATX heading line (``## Title``): its level (the ``#`` marks) and its text."""


class FrontMatter(BaseModel):
    """The keys a docs page may set; keys the theme reads (``hide``, ``icon``...) pass through."""

    model_config = ConfigDict(extra="allow", frozen=True, use_attribute_docstrings=True)

    title: str | None = None
    """The page title: the H1 when the page has none of its own, and the browser title."""
    nav_title: str | None = None
    """A shorter label for the navigation; the page keeps ``title``."""
    description: str | None = None
    """The page's meta description."""
    date: IsoDate | None = None
    """When the page was last updated, ``YYYY-MM-DD``; shown as ``Updated: May 8, 2026``."""
    nav_order: int | None = Field(default=None, strict=True)
    """Position among sibling pages; pages without it come after, by title."""
    nav_display: bool = Field(default=True, strict=True)
    """``false`` keeps the page out of the navigation; it is still built and linkable."""
    tags: list[str] = Field(default_factory=list)
    """Topic tags."""


THEME_KEYS = frozenset(
    {
        "hide",
        "icon",
        "status",
        "subtitle",
        "template",
        "search",
        "comments",
        "social",
        "authors",
        "categories",
        "draft",
        "links",
        "pin",
        "readtime",
        "slug",
    }
)
"""Front matter keys MkDocs and Material read (on any page, then on blog posts): they pass
through, and are never taken for a misspelt key of the project's."""


def misspelt_keys(source: str, data: dict[Any, Any]) -> list[str]:
    """A problem for each key that is neither the project's nor the theme's but close to one of
    the project's (``nav_ordr``, ``titel``); other keys pass through."""
    known = list(FrontMatter.model_fields)
    problems = []
    for key in data:
        if not isinstance(key, str) or key in known or key in THEME_KEYS:
            continue
        close = difflib.get_close_matches(key.casefold(), known, n=1)
        if close:
            problems.append(
                f"{source}: front matter '{key}': unknown key; did you mean '{close[0]}'?"
            )
    return problems


class DocPage(BaseModel):
    """A docs page's front matter and the title it shows."""

    model_config = ConfigDict(frozen=True)

    front_matter: FrontMatter
    h1_title: str | None
    """The text of the page's own H1, if it has one."""


def split_page(source: str, text: str) -> tuple[dict[Any, Any], str]:
    """A page's front matter, parsed (empty without one), and the Markdown after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        if _OPENING.match(text):
            raise InputError([f"{source}: line 1: front matter opened with --- is never closed"])
        return {}, text
    data = load_yaml(match.group("yaml") or "", f"{source}: front matter", first_line=2)
    data = {} if data is None else data
    if not isinstance(data, dict):
        raise InputError([f"{source}: front matter: expected key: value pairs"])
    return data, text[match.end() :]


def parse_page(source: str, text: str) -> DocPage:
    """Split and validate a page's front matter; ``source`` names the file in errors."""
    data, body = split_page(source, text)
    problems = misspelt_keys(source, data)
    try:
        front_matter = FrontMatter.model_validate(data)
    except ValidationError as error:
        label = "front matter '{path}'"
        raise InputError(problems + describe_validation_error(source, error, label)) from None
    if problems:
        raise InputError(problems)
    headings = ATX_HEADING.finditer(without_code(body))
    h1 = next((heading for heading in headings if heading.group("level") == "#"), None)
    return DocPage(
        front_matter=front_matter,
        h1_title=h1.group("text") if h1 else None,
    )


def read_markdown(path: Path) -> str:
    """A docs page's text, as MkDocs reads it (UTF-8, a byte-order mark dropped)."""
    return path.read_text(encoding="utf-8-sig")


def read_pages(docs_dir: Path) -> dict[str, DocPage]:
    """Every Markdown page under ``docs_dir`` by its path there; all problems raised at once."""
    pages: dict[str, DocPage] = {}
    problems: list[str] = []
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        try:
            pages[src_uri] = parse_page(f"docs/{src_uri}", read_markdown(path))
        except InputError as error:
            problems.extend(error.problems)
        except (OSError, UnicodeDecodeError) as error:
            problems.append(f"docs/{src_uri}: cannot be read: {error}")
    if problems:
        raise InputError(problems)
    return pages


def last_updated(doc: DocPage, site: Iterable[DocPage]) -> dt.date:
    """When a page was last updated: its ``date``, or (without one) the newest date in the site,
    so the same sources give the same site whatever day it is built."""
    if doc.front_matter.date:
        return doc.front_matter.date
    dates = [page.front_matter.date for page in site if page.front_matter.date]
    return max(dates, default=dt.date(1970, 1, 1))
