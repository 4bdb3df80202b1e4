"""Doc claims: each behavioural sentence of the claimed docs sections, tied to browser tests.

The registry (``docs/claims.yaml``) quotes the docs: a claim quotes the sentence(s) it is about,
and every other sentence of a claimed section is listed as not testable, with a reason. When
the docs change, :func:`drift` says which claim to review, with the old and the new text.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from markdown.extensions.toc import slugify
from pydantic import BeforeValidator, Field, ValidationError

from prototype.docsource.frontmatter import ATX_HEADING, FRONT_MATTER, read_markdown
from prototype.docsource.markdown_code import without_fenced_code
from prototype.inputs.errors import InputError, describe_validation_error
from prototype.inputs.yamlfile import load_yaml_file
from prototype.states.models import StrictModel

INTRO = ""
"""The section name of the text between a page's H1 and its first H2."""

_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?P<mark>=+|-+)[ \t]*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])[ \t]+(?P<text>.+)$")
_TABLE_ROW = re.compile(r"^ {0,3}\|.*\|[ \t]*$")
_TABLE_DELIMITER = re.compile(r"^ {0,3}\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*\[`])")


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def plain(markdown: str) -> str:
    """Markdown as readers see it: no ``**``, and link text without its target."""
    return _LINK.sub(r"\1", _BOLD.sub(r"\1", markdown))


def quoted_text(entry: Claim | NotTestable) -> str:
    """What a claim or not-testable entry quotes, as readers see it, in one line."""
    return " ".join(plain(part) for part in entry.quote)


def _as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


Quote = Annotated[list[str], BeforeValidator(_as_list), Field(min_length=1)]
"""One sentence, or several (a list's lead-in and its items), exactly as the docs write them."""


class Claim(StrictModel):
    """A documented behaviour that browser tests check."""

    id: str = Field(pattern=r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
    """Stable id; tests name it with ``@pytest.mark.claim("<id>")``."""
    page: str
    """The docs page, relative to ``docs/``."""
    quote: Quote
    """The sentence(s) claimed, verbatim from the page (Markdown included)."""
    about: str
    """CSS selector of the element(s) on prototype pages the claim is about."""
    shown_on: Literal[
        "home",
        "billing",
        "members",
        "account",
        "model",
        "integrations",
        "profile",
        "mcp",
        "connected-apps",
    ] = "billing"
    """The prototype page that shows the claim best (for evidence screenshots)."""
    evidence_state: str
    """The state whose page the evidence screenshot is taken on."""


class NotTestable(StrictModel):
    """A sentence of a claimed section that no browser test can check, and why."""

    page: str
    """The docs page, relative to ``docs/``."""
    quote: Quote
    """The sentence(s), verbatim from the page."""
    reason: str = Field(min_length=10)
    """Why the prototype cannot show it."""


class ClaimedPage(StrictModel):
    """A docs page and the sections of it whose every sentence is accounted for."""

    path: str
    """The page, relative to ``docs/``."""
    sections: list[str]
    """H2 headings whose sentences are claimed; ``""`` is the text before the first H2."""


class Registry(StrictModel):
    """``docs/claims.yaml``."""

    pages: list[ClaimedPage]
    """The claimed pages and sections."""
    claims: list[Claim]
    """Every claim."""
    not_testable: list[NotTestable]
    """Every sentence of a claimed section that is not a claim."""


@dataclass(frozen=True)
class Sentence:
    """One sentence (or list item) of a docs section."""

    page: str
    section: str
    text: str

    @property
    def anchor(self) -> str:
        """The section's anchor on the built page (none for the intro)."""
        return slugify(plain(self.section), "-") if self.section else ""


def load_registry(path: Path, source: str | None = None) -> Registry:
    """Read and validate the registry against the pages beside it; problems are reported with
    the file (``source``, else the path) and the entry."""
    source = source or path.as_posix()
    try:
        registry = Registry.model_validate(load_yaml_file(path, source))
    except ValidationError as error:
        raise InputError(describe_validation_error(source, error)) from None
    uses = Counter(claim.id for claim in registry.claims)
    twice = sorted(claim_id for claim_id, count in uses.items() if count > 1)
    if twice:
        raise InputError([f"{source}: claims: id used more than once: {', '.join(twice)}"])
    problems = page_problems(registry, path.parent, source)
    if problems:
        raise InputError(problems)
    return registry


def _entries(registry: Registry) -> list[tuple[str, Claim | NotTestable]]:
    """Each claim and not-testable sentence, labelled as problems name it."""
    return [
        *((f"claims[{i}] (id {claim.id})", claim) for i, claim in enumerate(registry.claims)),
        *((f"not_testable[{i}]", item) for i, item in enumerate(registry.not_testable)),
    ]


def _section_name(section: str) -> str:
    """How a problem names a claimed section that is not on its page."""
    return f"section '{section}' with sentences" if section else "sentences before its first H2"


def _missing_sections(claimed: ClaimedPage, label: str, docs_dir: Path, source: str) -> list[str]:
    """A problem for each claimed section of the page that has no sentences on it."""
    present = {s.section for s in sentences(read_markdown(docs_dir / claimed.path), claimed.path)}
    return [
        f"{source}: {label}.sections[{index}]: {claimed.path} has no {_section_name(section)}"
        for index, section in enumerate(claimed.sections)
        if section not in present
    ]


def page_problems(registry: Registry, docs_dir: Path, source: str) -> list[str]:
    """Every page the registry names that is not a page in ``docs_dir``, every claimed section
    a page does not have, and every entry on a page that ``pages`` does not list."""
    existing = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")}
    problems: list[str] = []
    for index, claimed in enumerate(registry.pages):
        if claimed.path not in existing:
            problems.append(f"{source}: pages[{index}]: page '{claimed.path}' does not exist")
        else:
            problems += _missing_sections(claimed, f"pages[{index}]", docs_dir, source)
    listed = {claimed.path for claimed in registry.pages}
    for label, entry in _entries(registry):
        if entry.page not in existing:
            problems.append(f"{source}: {label}: page '{entry.page}' does not exist")
        elif entry.page not in listed:
            problems.append(f"{source}: {label}: page '{entry.page}' is not listed under pages")
    return problems


def evidence_state_problems(registry: Registry, states: Collection[str], source: str) -> list[str]:
    """A problem for each claim whose ``evidence_state`` is not one of ``states``."""
    known = ", ".join(sorted(states))
    return [
        f"{source}: claims[{index}] (id {claim.id}): evidence_state '{claim.evidence_state}' "
        f"is not a workspace state; the states are: {known}"
        for index, claim in enumerate(registry.claims)
        if claim.evidence_state not in states
    ]


def sentences(markdown: str, page: str) -> list[Sentence]:
    """Split a page into sentences, by section: paragraphs by sentence, each list item and each
    table row whole.

    Fenced code is skipped; ATX (``## X``) and setext (``X`` over ``---``) headings start
    sections; lines that continue a paragraph or a list item join it.
    """
    match = FRONT_MATTER.match(markdown)
    body = without_fenced_code(markdown[match.end() :] if match else markdown)
    found: list[Sentence] = []
    section = INTRO
    block: list[str] = []
    is_item = False

    def flush() -> None:
        text = " ".join(block).strip()
        block.clear()
        parts = [text] if is_item else _SENTENCE_END.split(text)
        found.extend(Sentence(page, section, part) for part in parts if part)

    table: list[str] = []
    for line in body.splitlines():
        if _TABLE_ROW.match(line):
            flush()
            table.append(line.strip())
            continue
        if table:
            found.extend(Sentence(page, section, row) for row in table_rows(table))
            table.clear()
        heading = ATX_HEADING.match(line)
        underline = _SETEXT_UNDERLINE.match(line)
        item = _LIST_ITEM.match(line)
        if underline and block and not is_item:
            if underline.group("mark").startswith("-"):
                section = " ".join(block).strip()
            block.clear()
        elif heading or underline or item or not line.strip():
            flush()
            is_item = bool(item)
            if heading and len(heading.group("level")) == 2:
                section = heading.group("text")
            elif item:
                block.append(item.group("text"))
        else:
            block.append(line.strip())
    flush()
    found.extend(Sentence(page, section, row) for row in table_rows(table))
    return found


def table_rows(lines: list[str]) -> list[str]:
    """A pipe table's body rows, each one unit as written; the header row names columns and the
    delimiter row draws the table, so neither says anything."""
    if len(lines) > 1 and _TABLE_DELIMITER.match(lines[1]):
        return lines[2:]
    return lines


def claimed_sentences(registry: Registry, docs_dir: Path) -> list[Sentence]:
    """Every sentence of every claimed section, in page order."""
    found: list[Sentence] = []
    for claimed in registry.pages:
        text = read_markdown(docs_dir / claimed.path)
        found.extend(s for s in sentences(text, claimed.path) if s.section in claimed.sections)
    return found


def locate(claim: Claim | NotTestable, found: list[Sentence]) -> Sentence | None:
    """Where the first sentence a claim quotes stands in the docs now, if it still does."""
    return next((s for s in found if s.page == claim.page and s.text == claim.quote[0]), None)


def adrift(registry: Registry, docs_dir: Path) -> dict[str, list[str]]:
    """The claims whose quoted sentences a page no longer holds, by page (relative to ``docs/``)."""
    found = {(s.page, s.text) for s in claimed_sentences(registry, docs_dir)}
    by_page: dict[str, list[str]] = {}
    for claim in registry.claims:
        if any((claim.page, quoted) not in found for quoted in claim.quote):
            by_page.setdefault(claim.page, []).append(claim.id)
    return by_page


def drift(registry: Registry, docs_dir: Path) -> list[str]:
    """Every way the docs and the registry disagree; empty when each sentence is accounted for."""
    found = claimed_sentences(registry, docs_dir)
    texts = {(s.page, s.text) for s in found}
    accounted: set[tuple[str, str]] = set()
    problems: list[str] = []
    entries: list[tuple[str, Claim | NotTestable]] = [
        *((f"claim {claim.id}", claim) for claim in registry.claims),
        *((f"not-testable sentence on {item.page}", item) for item in registry.not_testable),
    ]
    for label, entry in entries:
        for quoted in entry.quote:
            key = (entry.page, quoted)
            accounted.add(key)
            if key in texts:
                continue
            candidates = [s.text for s in found if s.page == entry.page]
            closest = difflib.get_close_matches(quoted, candidates, n=1, cutoff=0.6)
            new = closest[0] if closest else "(no such sentence any more)"
            problems.append(f"docs changed: review {label}\n  old: {quoted}\n  new: {new}")
    for sentence in found:
        if (sentence.page, sentence.text) not in accounted:
            where = sentence.section or "the introduction"
            problems.append(
                f"docs changed: docs/{sentence.page} ({where}) has a sentence that is neither "
                f"claimed nor listed as not testable:\n  new: {sentence.text}"
            )
    return problems
