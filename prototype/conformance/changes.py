"""Which claims a change can affect: the changed-only conformance run's choice, with its reasons.

A claim is chosen when its quoted sentence was edited (the registry's quote changed, or the docs
no longer hold it), and every claim on a state is chosen when that state's fixture changed.
Anything the pages are made from (code, templates, styles, scripts, shared fixtures, settings)
can change every page, so it chooses everything.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from prototype.conformance.registry import Registry, claimed_sentences

WATCHED = ("docs", "fixtures", "prototype", "tests", "mkdocs.yml", "pyproject.toml")
"""What a conformance run's result depends on, relative to the project's root."""
WHOLE_RUN = (
    "prototype/",
    "tests/",
    "docs/stylesheets/",
    "docs/javascripts/",
    "fixtures/_",
    "mkdocs.yml",
    "pyproject.toml",
)
"""Changes under these make every page possibly different: the whole run is chosen."""
NOT_INPUTS = ("tests/hostile_", "docs/assets/")
"""Files that no conformance check reads (the hostile corpora, the run's own pictures)."""


@dataclass(frozen=True)
class Selection:
    """The claims and states a changed-only run checks, and why each was chosen."""

    everything: bool = False
    claims: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()
    reasons: tuple[str, ...] = field(default_factory=tuple)

    def chooses(self, claims: Iterable[str], state: str | None) -> bool:
        """Whether a check of ``claims`` on ``state`` is part of the run."""
        return self.everything or bool(self.claims & set(claims)) or state in self.states


def fingerprints(root: Path) -> dict[str, str]:
    """The SHA-256 of every file a conformance run depends on, by path from ``root``."""
    found: dict[str, str] = {}
    for top in WATCHED:
        start = root / top
        paths = [start] if start.is_file() else sorted(start.rglob("*"))
        for path in paths:
            relative = path.relative_to(root).as_posix()
            if path.is_file() and "__pycache__" not in relative:
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def changed_files(before: Mapping[str, str], now: Mapping[str, str]) -> list[str]:
    """The paths added, removed or edited between two :func:`fingerprints`."""
    return sorted(path for path in before.keys() | now.keys() if before.get(path) != now.get(path))


Quotes = Mapping[str, tuple[str, tuple[str, ...]]]
"""Each claim's page and quoted sentences, by claim id."""


def quotes_of(registry: Registry) -> dict[str, tuple[str, tuple[str, ...]]]:
    """What each claim of ``registry`` quotes, and from which page."""
    return {claim.id: (claim.page, tuple(claim.quote)) for claim in registry.claims}


def select(
    changed: Iterable[str],
    before: Quotes | None,
    now: Registry,
    docs_dir: Path,
) -> Selection:
    """The run a change calls for: ``changed`` are paths from the root, ``before`` the claims'
    quotes at the last run (or the base), ``now`` today's registry, ``docs_dir`` its docs."""
    paths = [path for path in changed if not path.startswith(NOT_INPUTS)]
    whole = [path for path in paths if path.startswith(WHOLE_RUN)]
    if whole:
        return Selection(everything=True, reasons=tuple(f"everything: {p} changed" for p in whole))
    reasons: list[str] = []
    states: set[str] = set()
    for path in paths:
        if path.startswith("fixtures/") and path.endswith(".yaml"):
            state = posixpath.splitext(posixpath.basename(path))[0]
            states.add(state)
            reasons.append(f"state {state}: {path} changed")
    claims: set[str] = set()
    if any(path.startswith("docs/") for path in paths):
        old = dict(before or {})
        present = {(s.page, s.text) for s in claimed_sentences(now, docs_dir)}
        for claim in now.claims:
            if claim.id not in old:
                claims.add(claim.id)
                reasons.append(f"claim {claim.id}: new in the registry")
            elif old[claim.id] != (claim.page, tuple(claim.quote)):
                claims.add(claim.id)
                reasons.append(f"claim {claim.id}: its quoted sentence was edited")
            elif any((claim.page, quoted) not in present for quoted in claim.quote):
                claims.add(claim.id)
                reasons.append(f"claim {claim.id}: its sentence changed on {claim.page}")
    return Selection(claims=frozenset(claims), states=frozenset(states), reasons=tuple(reasons))
