"""pytest plugin: records which claims each test checked and writes the conformance report.

Tests name the documented claims they check with ``@pytest.mark.claim("<id>")``. At the end
of a run that checked any claim, ``reports/conformance.json`` gets every claim's status, the
states it was checked on, its tests and its evidence screenshot (``reports/evidence/``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from pathlib import Path

import pytest

from prototype.conformance.base import LAST_RUN, base_of, record
from prototype.conformance.changes import Selection, quotes_of, select
from prototype.conformance.registry import Registry, load_registry
from prototype.conformance.report import (
    EVIDENCE_DIR,
    REGISTRY_FILE,
    REPORT_FILE,
    Outcome,
    TestOutcome,
    build_report,
    carried_over,
    read_report,
    write_report,
)

INPUTS_FILE = Path("reports") / "conformance-inputs.json"
"""What the last run checked: every input file's SHA-256, and the registry's quotes."""

_results = pytest.StashKey[dict[str, list[TestOutcome]]]()


def claims_of(item: pytest.Item) -> list[str]:
    """The claim ids a test is marked with."""
    return [str(mark.args[0]) for mark in item.iter_markers("claim")]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--changed",
        nargs="?",
        const=LAST_RUN,
        default=None,
        metavar="REF",
        help="check only the claims a change can affect: since the last recorded run, or since "
        "the git ref REF (--changed=origin/main)",
    )
    parser.addini(
        "conformance_report",
        "where the conformance report is written, relative to the root",
        default=REPORT_FILE.as_posix(),
    )
    parser.addini(
        "conformance_docs",
        "the docs folder holding the claims registry, relative to the root",
        default="docs",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "claim(id): the test checks the documented claim <id> of docs/claims.yaml"
    )
    config.addinivalue_line(
        "markers", "conformance: part of the conformance run (claims, report, screenshots)"
    )
    config.stash[_results] = {}


def _outcome(report: pytest.TestReport) -> Outcome:
    if report.skipped:
        return "xfailed" if hasattr(report, "wasxfail") else "skipped"
    return "failed" if report.failed else "passed"


_registry = pytest.StashKey[Registry]()
_selection = pytest.StashKey[Selection]()
_run = pytest.StashKey[str]()


def _docs(config: pytest.Config) -> Path:
    return config.rootpath / str(config.getini("conformance_docs"))


def registry_of(config: pytest.Config) -> Registry:
    """The claims registry, read once per run."""
    if _registry not in config.stash:
        config.stash[_registry] = load_registry(_docs(config) / REGISTRY_FILE)
    return config.stash[_registry]


def _claims_pictured(item: pytest.Item, registry: Registry) -> list[str] | None:
    """For a picture of a page (a test with ``state_id`` and ``kind``), the claims whose
    evidence it takes; ``None`` for any other test."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    if "kind" not in params or "state_id" not in params:
        return None
    where = (params["state_id"], params["kind"])
    return [c.id for c in registry.claims if (c.evidence_state, c.shown_on) == where]


def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """With ``--changed``: keep the checks of the claims and states the change can affect."""
    base = config.getoption("--changed")
    if base is None:
        return
    root, registry = config.rootpath, registry_of(config)
    found = base_of(str(base), root, root / INPUTS_FILE)
    selection = (
        Selection(everything=True, reasons=(found.problem,))
        if found.problem
        else select(found.changed, found.quotes, registry, _docs(config))
    )
    config.stash[_selection] = selection
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        claims = claims_of(item) or _claims_pictured(item, registry)
        if claims is None or selection.chooses(claims, params.get("state_id")):
            kept.append(item)
        else:
            dropped.append(item)
    items[:] = kept
    config.hook.pytest_deselected(items=dropped)
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"--changed: {len(kept)} checks chosen, {len(dropped)} left out")
        for reason in selection.reasons or ("nothing the checks read changed",):
            reporter.write_line(f"  {reason}")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test that names a claim the registry does not have fails before it runs."""
    claims = claims_of(item)
    if not claims:
        return
    known = {claim.id for claim in registry_of(item.config).claims}
    unknown = sorted(set(claims) - known)
    if unknown:
        pytest.fail(f"no such claim in docs/{REGISTRY_FILE}: {', '.join(unknown)}", pytrace=False)


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
    root = session.config.rootpath
    docs = _docs(session.config)
    registry = registry_of(session.config)
    evidence = {
        claim.id: (EVIDENCE_DIR / f"{claim.id}.png").as_posix()
        for claim in registry.claims
        if (root / EVIDENCE_DIR / f"{claim.id}.png").exists()
    }
    report = build_report(registry, docs, results, evidence)
    path = root / str(session.config.getini("conformance_report"))
    # To the microsecond: two runs a second apart (a changed-only run takes less) stay apart.
    run = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    selection = session.config.stash.get(_selection, None)
    changed_only = selection is not None and not selection.everything
    report = carried_over(report, read_report(path) if changed_only else None, set(results), run)
    write_report(report, path)
    record(root / INPUTS_FILE, root, quotes_of(registry))
