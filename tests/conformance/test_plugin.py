"""tests/conformance_plugin.py: an inner pytest run writes the conformance report."""

from __future__ import annotations

import json
import shutil
from typing import Any

import pytest

from prototype.conformance.registry import load_registry
from tests.expected import ROOT

REPORT = "out/report.json"
INNER_ARGS = ("-p", "no:cacheprovider", "-p", "no:playwright", "-p", "no:hypothesispytest")
"""The inner runs use none of these plugins; Hypothesis's would import it for its summary."""
CLAIM_IDS = [claim.id for claim in load_registry(ROOT / "docs" / "claims.yaml").claims]
INNER_TESTS = """
import pytest


@pytest.fixture
def broken():
    raise RuntimeError("setup fails")


@pytest.mark.claim("billing.path")
def test_path_one():
    pass


@pytest.mark.claim("billing.path")
def test_path_two():
    pass


@pytest.mark.claim("billing.current-plan.tier")
def test_tier():
    assert False


@pytest.mark.claim("billing.credits.renewal")
@pytest.mark.xfail(strict=True, reason="not built yet")
def test_renewal():
    assert False


@pytest.mark.claim("billing.invoices.section")
@pytest.mark.parametrize("state_id", ["b", "a"])
def test_section(state_id):
    pass


@pytest.mark.claim("billing.invoices.section")
def test_section_once_more():
    pass


@pytest.mark.claim("billing.workspace-level")
@pytest.mark.skip(reason="not today")
def test_skipped():
    pass


@pytest.mark.claim("billing.payment.section")
def test_setup_error(broken):
    pass


@pytest.mark.claim("billing.payment.dialog")
@pytest.mark.claim("billing.invoices.new-tab")
def test_two_claims():
    pass


def test_no_claim():
    pass
"""
STATUSES = {
    "billing.path": "verified",
    "billing.current-plan.tier": "failing",
    "billing.credits.renewal": "expected to fail",
    "billing.invoices.section": "verified",
    "billing.workspace-level": "not run",
    "billing.payment.section": "failing",
    "billing.payment.dialog": "verified",
    "billing.invoices.new-tab": "verified",
}


@pytest.fixture
def inner(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A project with the plugin, a copy of the docs, and its own ini."""
    pytester.syspathinsert(ROOT)
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # for the inner run's subprocess
    shutil.copytree(ROOT / "docs", pytester.path / "docs", ignore=shutil.ignore_patterns("assets"))
    pytester.makeconftest('pytest_plugins = ["tests.conformance_plugin"]')
    pytester.makeini(
        f"""
        [pytest]
        addopts = --strict-markers
        conformance_report = {REPORT}
        conformance_docs = docs
        """
    )
    return pytester


def run(pytester: pytest.Pytester) -> pytest.RunResult:
    """The inner run, in this process: the plugin as the conformance run loads it."""
    return pytester.runpytest_inprocess(*INNER_ARGS)


def read(pytester: pytest.Pytester) -> dict[str, Any]:
    report: dict[str, Any] = json.loads((pytester.path / REPORT).read_text(encoding="utf-8"))
    return report


def claims_of(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {claim["id"]: claim for claim in report["claims"]}


@pytest.fixture
def report(inner: pytest.Pytester) -> dict[str, Any]:
    """The report of the inner run of ``INNER_TESTS``, with evidence for ``billing.path``."""
    inner.makepyfile(test_inner=INNER_TESTS)
    evidence = inner.path / "reports" / "evidence" / "billing.path.png"
    evidence.parent.mkdir(parents=True)
    evidence.write_bytes(b"\x89PNG")
    result = run(inner)
    result.assert_outcomes(passed=7, failed=1, xfailed=1, skipped=1, errors=1)
    return read(inner)


def test_report_has_each_claims_status(report: dict[str, Any]) -> None:
    statuses = {claim["id"]: claim["status"] for claim in report["claims"]}
    assert statuses == {claim_id: STATUSES.get(claim_id, "not run") for claim_id in CLAIM_IDS}
    assert report["summary"]["verified"] == 4
    assert report["summary"]["failing"] == 2


def test_report_has_states_tests_and_evidence(report: dict[str, Any]) -> None:
    claims = claims_of(report)
    section = claims["billing.invoices.section"]
    assert section["states"] == ["a", "b"]
    assert section["tests"] == [
        {"test": "test_inner.py::test_section[b]", "state": "b", "outcome": "passed"},
        {"test": "test_inner.py::test_section[a]", "state": "a", "outcome": "passed"},
        {"test": "test_inner.py::test_section_once_more", "state": None, "outcome": "passed"},
    ]
    assert [test["outcome"] for test in claims["billing.path"]["tests"]] == ["passed", "passed"]
    assert claims["billing.credits.renewal"]["tests"] == [
        {"test": "test_inner.py::test_renewal", "state": None, "outcome": "xfailed"}
    ]
    assert claims["billing.workspace-level"]["tests"] == [
        {"test": "test_inner.py::test_skipped", "state": None, "outcome": "skipped"}
    ]
    assert claims["billing.payment.section"]["tests"] == [
        {"test": "test_inner.py::test_setup_error", "state": None, "outcome": "failed"}
    ]
    assert claims["billing.invoices.section"]["url"] == "guide/settings/billing/#invoices"
    evidence = {claim["id"]: claim["evidence"] for claim in report["claims"] if claim["evidence"]}
    assert evidence == {"billing.path": "reports/evidence/billing.path.png"}


def test_a_run_without_claims_writes_no_report(inner: pytest.Pytester) -> None:
    inner.makepyfile(
        test_inner="""
        def test_no_claim():
            pass
        """
    )
    run(inner).assert_outcomes(passed=1)
    assert not (inner.path / "out").exists()


def test_a_strict_xfail_that_passes_fails_its_claim(inner: pytest.Pytester) -> None:
    inner.makepyfile(
        test_inner="""
        import pytest

        @pytest.mark.claim("billing.credits.renewal")
        @pytest.mark.xfail(strict=True, reason="not built yet")
        def test_renewal():
            pass
        """
    )
    run(inner).assert_outcomes(failed=1)
    assert claims_of(read(inner))["billing.credits.renewal"]["status"] == "failing"


CHANGED_TESTS = """
import pytest

@pytest.mark.claim("billing.path")
@pytest.mark.parametrize("state_id", ["one", "two"])
def test_path(state_id):
    pass

@pytest.mark.claim("billing.current-plan.tier")
@pytest.mark.parametrize("state_id", ["one", "two"])
def test_tier(state_id):
    pass

def test_registry_check():
    pass
"""


@pytest.fixture
def recorded(inner: pytest.Pytester) -> pytest.Pytester:
    """An inner project with two states' fixtures, after a full run that recorded its inputs."""
    inner.makepyfile(test_inner=CHANGED_TESTS)
    for state in ("one", "two"):
        (inner.path / "fixtures").mkdir(exist_ok=True)
        (inner.path / "fixtures" / f"{state}.yaml").write_text("title: x\n", encoding="utf-8")
    run(inner).assert_outcomes(passed=5)
    return inner


def run_changed(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_inprocess(*INNER_ARGS, *args)


def test_changed_after_a_fixture_edit_runs_that_states_checks(recorded: pytest.Pytester) -> None:
    first = claims_of(read(recorded))
    (recorded.path / "fixtures" / "two.yaml").write_text("title: y\n", encoding="utf-8")
    result = run_changed(recorded, "--changed", "-v")
    result.assert_outcomes(passed=3, deselected=2)
    result.stdout.fnmatch_lines(["*state two: fixtures/two.yaml changed*"])
    assert "[two]" in result.stdout.str()
    assert not [line for line in result.stdout.lines if "[one] PASSED" in line]
    report = claims_of(read(recorded))
    assert report["billing.path"]["run"] != first["billing.path"]["run"]
    assert report["billing.workspace-level"]["run"] == first["billing.workspace-level"]["run"]


def test_changed_after_a_sentence_edit_runs_that_claims_checks(recorded: pytest.Pytester) -> None:
    page = recorded.path / "docs" / "guide" / "settings" / "billing.md"
    old = "The Pro tier name when a tier is attached."
    new = "The Pro tier's name, when a tier is attached."
    page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    registry = recorded.path / "docs" / "claims.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    result = run_changed(recorded, "--changed")
    result.assert_outcomes(passed=3, deselected=2)
    result.stdout.fnmatch_lines(
        ["*claim billing.current-plan.tier: its quoted sentence was edited*"]
    )
    report = claims_of(read(recorded))
    assert report["billing.current-plan.tier"]["status"] == "verified"
    assert report["billing.path"]["status"] == "verified"  # kept from the full run


def test_changed_after_a_template_edit_runs_everything(recorded: pytest.Pytester) -> None:
    template = recorded.path / "prototype" / "pages" / "templates" / "settings" / "billing.html"
    template.parent.mkdir(parents=True)
    template.write_text("<h1>Plan &amp; Billing</h1>\n", encoding="utf-8")
    result = run_changed(recorded, "--changed")
    result.assert_outcomes(passed=5)
    result.stdout.fnmatch_lines(
        ["*everything: prototype/pages/templates/settings/billing.html changed*"]
    )


def test_changed_with_nothing_changed_keeps_only_the_checks_of_no_claim(
    recorded: pytest.Pytester,
) -> None:
    result = run_changed(recorded, "--changed")
    result.assert_outcomes(passed=1, deselected=4)
    result.stdout.fnmatch_lines(["*nothing the checks read changed*"])


def test_changed_without_a_recorded_run_runs_everything(inner: pytest.Pytester) -> None:
    inner.makepyfile(test_inner=CHANGED_TESTS)
    result = run_changed(inner, "--changed")
    result.assert_outcomes(passed=5)
    result.stdout.fnmatch_lines(["*everything: no recorded run to compare with*"])
