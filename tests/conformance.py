"""pytest plugin: records which claims each test checked and writes the conformance report.

Tests name the documented claims they check with ``@pytest.mark.claim("<id>")``. At the end
of a run that checked any claim, ``reports/conformance.json`` gets every claim's status, the
states it was checked on, its tests and its evidence screenshot (``reports/evidence/``).
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

import pytest

from prototype.claims import load_registry
from prototype.conformance import Outcome, TestOutcome, build_report, write_report
from tests.expected import ROOT

REGISTRY = ROOT / "docs" / "claims.yaml"
REPORTS = ROOT / "reports"
REPORT = REPORTS / "conformance.json"
EVIDENCE = REPORTS / "evidence"

_results = pytest.StashKey[dict[str, list[TestOutcome]]]()


def claims_of(item: pytest.Item) -> list[str]:
    """The claim ids a test is marked with."""
    return [str(mark.args[0]) for mark in item.iter_markers("claim")]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "claim(id): the test checks the documented claim <id> of docs/claims.yaml"
    )
    config.stash[_results] = {}


def _outcome(report: pytest.TestReport) -> Outcome:
    if report.skipped:
        return "xfailed" if hasattr(report, "wasxfail") else "skipped"
    return "failed" if report.failed else "passed"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    claims = claims_of(item)
    ends_here = report.when == "call" or (report.when == "setup" and not report.passed)
    if claims and ends_here:
        callspec = getattr(item, "callspec", None)
        state = callspec.params.get("state_id") if callspec else None
        outcome = TestOutcome(item.nodeid, state, _outcome(report))
        for claim in claims:
            item.config.stash[_results].setdefault(claim, []).append(outcome)
    return report


def pytest_sessionfinish(session: pytest.Session) -> None:
    results = session.config.stash[_results]
    if not results:
        return
    registry = load_registry(REGISTRY)
    evidence = {
        claim.id: f"evidence/{claim.id}.png"
        for claim in registry.claims
        if (EVIDENCE / f"{claim.id}.png").exists()
    }
    write_report(build_report(registry, ROOT / "docs", results, evidence), REPORT)


def evidence_path(claim_id: str) -> Path:
    """Where a claim's evidence screenshot is written during the run."""
    return EVIDENCE / f"{claim_id}.png"
