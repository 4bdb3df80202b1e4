"""The conformance report: each claim's status from a test run, as JSON and as docs text."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from prototype.conformance.registry import (
    Claim,
    NotTestable,
    Registry,
    Sentence,
    claimed_sentences,
    locate,
    quoted_text,
)
from prototype.outputs.jsontext import json_text

Status = Literal["verified", "failing", "expected to fail", "not testable", "not run"]
Outcome = Literal["passed", "failed", "xfailed", "skipped"]
REPORT_VERSION = 1
REGISTRY_FILE = "claims.yaml"
"""The claims registry, in the docs folder beside the pages it quotes."""
REPORT_FILE = Path("reports") / "conformance.json"
"""The last run's report, relative to the project root."""
EVIDENCE_DIR = Path("reports") / "evidence"
"""Evidence screenshots, one ``<claim id>.png`` each, relative to the project root."""
NOT_CHECKED = "not checked yet"
"""A claim's status in the prototype when no test run has reported on it."""
SCREENSHOTS_DIR = "assets/screenshots"
"""Full-page screenshots of each state, ``<state id>.png``, in the docs folder."""


@dataclass(frozen=True)
class TestOutcome:
    """How one test that names a claim ended, and on which state."""

    __test__ = False  # not a test class, whatever pytest makes of the name

    test: str
    state: str | None
    outcome: Outcome


def docs_url(page: str, anchor: str = "") -> str:
    """A docs page's URL relative to the site root: ``guide/settings/billing/#invoices``."""
    stem = page.removesuffix(".md")
    is_index = stem == "index" or stem.endswith("/index")
    path = stem.removesuffix("index") if is_index else f"{stem}/"
    return path + (f"#{anchor}" if anchor else "")


def status_of(outcomes: Iterable[TestOutcome]) -> Status:
    """A claim fails if any of its tests fails; it is verified when every test passed."""
    kinds = {outcome.outcome for outcome in outcomes}
    if not kinds or kinds == {"skipped"}:
        return "not run"
    if "failed" in kinds:
        return "failing"
    if "xfailed" in kinds:
        return "expected to fail"
    return "verified"


def _where(claim: Claim | NotTestable, found: list[Sentence]) -> tuple[str, str]:
    """The section a claimed sentence stands in now, and its anchor; empty when it is gone."""
    sentence = locate(claim, found)
    section = sentence.section if sentence else ""
    return section, sentence.anchor if sentence else ""


def build_report(
    registry: Registry,
    docs_dir: Path,
    results: Mapping[str, list[TestOutcome]],
    evidence: Mapping[str, str],
) -> dict[str, Any]:
    """The report: every claim with its status, states, tests and evidence; every not-testable
    sentence with its reason."""
    found = claimed_sentences(registry, docs_dir)
    claims: list[dict[str, Any]] = []
    for claim in registry.claims:
        outcomes = results.get(claim.id, [])
        section, anchor = _where(claim, found)
        claims.append(
            {
                "id": claim.id,
                "page": claim.page,
                "section": section,
                "url": docs_url(claim.page, anchor),
                "quote": claim.quote,
                "text": quoted_text(claim),
                "about": claim.about,
                "status": status_of(outcomes),
                "states": sorted({o.state for o in outcomes if o.state}),
                "tests": [vars(outcome) for outcome in outcomes],
                "evidence": evidence.get(claim.id),
            }
        )
    not_testable: list[dict[str, Any]] = []
    for item in registry.not_testable:
        section, anchor = _where(item, found)
        not_testable.append(
            {
                "page": item.page,
                "section": section,
                "url": docs_url(item.page, anchor),
                "text": quoted_text(item),
                "status": "not testable",
                "reason": item.reason,
            }
        )
    counts = Counter(str(entry["status"]) for entry in [*claims, *not_testable])
    return {
        "version": REPORT_VERSION,
        "summary": dict(sorted(counts.items())),
        "claims": claims,
        "not_testable": not_testable,
    }


def carried_over(
    fresh: Mapping[str, Any], previous: Mapping[str, Any] | None, checked: set[str], run: str
) -> dict[str, Any]:
    """A changed-only run's report: the claims it checked with their new results, every other
    claim with its last result and the run that result came from; the summary recounted."""
    before = {claim["id"]: claim for claim in (previous or {}).get("claims", [])}
    claims = []
    for claim in fresh["claims"]:
        old = before.get(claim["id"])
        if claim["id"] in checked or old is None:
            claims.append({**claim, "run": run})
        else:
            kept = {key: old.get(key, claim[key]) for key in ("status", "states", "tests")}
            claims.append({**claim, **kept, "run": old.get("run")})
    counts = Counter(str(entry["status"]) for entry in [*claims, *fresh["not_testable"]])
    return {**fresh, "summary": dict(sorted(counts.items())), "claims": claims, "run": run}


def write_report(report: Mapping[str, Any], path: Path) -> None:
    """Write the report as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json_text(report), encoding="utf-8")


def read_report(path: Path) -> dict[str, Any] | None:
    """The last report, or ``None`` when there is none (or it is unreadable)."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(report, dict) or report.get("version") != REPORT_VERSION:
        return None
    return report


def overlay(
    registry: Registry, docs_dir: Path, report: Mapping[str, Any] | None
) -> list[dict[str, Any]]:
    """What "Show doc claims" shows in the prototype: text, status from the last report (or
    :data:`NOT_CHECKED`, without one or when it does not name the claim), the states it was
    checked on, its place in the docs, and the element it is about."""
    reported = {claim["id"]: claim for claim in (report or {}).get("claims", [])}
    found = claimed_sentences(registry, docs_dir)
    return [
        {
            "id": claim.id,
            "text": quoted_text(claim),
            "status": str(reported.get(claim.id, {}).get("status", NOT_CHECKED)),
            "states": list(reported.get(claim.id, {}).get("states", [])),
            "url": docs_url(claim.page, _where(claim, found)[1]),
            "about": claim.about,
        }
        for claim in registry.claims
    ]
