"""What the docs site adds to the writers' pages, gathered before a build writes anything.

The front matter of every page and, in a review build, the review section: the rendered
prototype, the review pages (landing page, gallery, conformance report) and the evidence
screenshots, read, validated and rendered here, so a bad page or fixture fails the build before
the last good site is touched. A public build adds nothing and leaves the gallery's pictures
out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from prototype.conformance.pictures import gallery_pictures
from prototype.conformance.registry import (
    Registry,
    adrift,
    evidence_state_problems,
    load_registry,
)
from prototype.conformance.report import (
    EVIDENCE_DIR,
    REGISTRY_FILE,
    REPORT_FILE,
    SCREENSHOTS_DIR,
    overlay,
    read_report,
)
from prototype.docsite.generated_pages import conformance_page, gallery_page, review_page
from prototype.docsite.links import check_links
from prototype.docsite.review import CONFORMANCE_PAGE, GALLERY_PAGE, REVIEW_INDEX
from prototype.docsource.frontmatter import DocPage, parse_page, read_markdown, read_pages
from prototype.inputs.errors import InputError
from prototype.pages.build import DOCS_URL, ReviewAids, prototype_files
from prototype.states.fixtures import FixtureSet, load_fixture_set


@dataclass(frozen=True)
class SiteContent:
    """Everything a build adds to the docs, and what it leaves out of them."""

    pages: dict[str, DocPage]
    """Front matter and H1 of every page by its path in the docs, generated pages included."""
    prototype: dict[str, bytes]
    """The rendered prototype: path under ``prototype/`` → content."""
    generated: dict[str, str]
    """Pages written by the build: path in the docs → Markdown."""
    evidence: list[Path]
    """Evidence screenshots of the last conformance run."""
    left_out: frozenset[str] = field(default_factory=frozenset)
    """Files of the docs folder the build leaves out, by their path there."""
    adrift: dict[str, list[str]] = field(default_factory=dict)
    """Claims whose quoted sentences a page no longer holds, by page: notes for writers."""


def checked_registry(docs: Path, fixture_set: FixtureSet) -> Registry:
    """The claims registry, checked against the pages and the fixture states."""
    source = f"docs/{REGISTRY_FILE}"
    registry = load_registry(docs / REGISTRY_FILE, source)
    problems = evidence_state_problems(registry, fixture_set.states, source)
    if problems:
        raise InputError(problems)
    return registry


def _checked(docs: Path, pages: dict[str, DocPage], generated: dict[str, str]) -> None:
    """Add the generated pages to ``pages`` and check every page's ``/docs/...`` links."""
    for src_uri, markdown in generated.items():
        pages[src_uri] = parse_page(f"docs/{src_uri} (generated)", markdown)
    texts = {uri: generated.get(uri) or read_markdown(docs / uri) for uri in pages}
    check_links(texts, pages)


def gather(docs: Path, project: Path, *, public: bool = False) -> SiteContent:
    """Read, check and render everything; raises :class:`~prototype.inputs.errors.InputError` on
    bad input (front matter, ``/docs/...`` links, fixtures, the claims registry).

    ``docs`` is the docs folder; ``project`` holds ``fixtures/`` and ``reports/``. A ``public``
    build reads only the pages: the review section is not part of it.
    """
    pages = read_pages(docs)
    if public:
        _checked(docs, pages, {})
        shots = (docs / SCREENSHOTS_DIR).rglob("*")
        left_out = {path.relative_to(docs).as_posix() for path in shots if path.is_file()}
        return SiteContent(pages, {}, {}, [], frozenset(left_out))
    fixture_set = load_fixture_set(project / "fixtures")
    report = read_report(project / REPORT_FILE)
    evidence = sorted((project / EVIDENCE_DIR).glob("*.png"))
    pictures = gallery_pictures(docs / SCREENSHOTS_DIR, fixture_set.states)
    registry = checked_registry(docs, fixture_set)
    aids = ReviewAids(
        claims=overlay(registry, docs, report),
        screenshots={
            state: f"{DOCS_URL}{SCREENSHOTS_DIR}/{shots.desktop}"
            for state, shots in pictures.items()
            if shots.desktop
        },
    )
    generated = {
        REVIEW_INDEX: review_page(report),
        GALLERY_PAGE: gallery_page(fixture_set, pictures),
        CONFORMANCE_PAGE: conformance_page(report, {path.stem for path in evidence}),
    }
    _checked(docs, pages, generated)
    return SiteContent(
        pages=pages,
        prototype=dict(prototype_files(fixture_set, DOCS_URL, aids)),
        generated=generated,
        evidence=evidence,
        adrift=adrift(registry, docs),
    )
