"""The GitHub Actions workflow users adopt: it builds strictly, runs conformance, keeps reports."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.expected import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "docs.yml"


@pytest.fixture(scope="module")
def jobs() -> dict[str, Any]:
    workflow: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return dict(workflow["jobs"])


@pytest.fixture(scope="module")
def steps(jobs: dict[str, Any]) -> list[dict[str, Any]]:
    """The MkDocs job's steps."""
    return list(jobs["conformance"]["steps"])


def commands(steps: list[dict[str, Any]]) -> list[str]:
    return [line.strip() for step in steps for line in str(step.get("run", "")).splitlines()]


@pytest.mark.parametrize(
    "command",
    [
        'python -m pip install --editable ".[test]"',
        "python -m playwright install --with-deps chromium",
        "python -m mkdocs build --strict",
        "python -m pytest -m conformance",
    ],
)
def test_workflow_runs(steps: list[dict[str, Any]], command: str) -> None:
    assert command in commands(steps)


def test_browser_installed_before_tests_run(steps: list[dict[str, Any]]) -> None:
    ran = commands(steps)
    install = ran.index("python -m playwright install --with-deps chromium")
    assert install < ran.index("python -m pytest -m conformance")


def test_reports_and_traces_are_uploaded(steps: list[dict[str, Any]]) -> None:
    uploads = [step for step in steps if str(step.get("uses", "")).startswith("actions/upload-")]
    paths = "\n".join(str(step["with"]["path"]) for step in uploads)
    assert "reports/" in paths
    assert "test-results/" in paths
    assert all(step.get("if") in {"always()", "failure()"} for step in uploads)


ZENSICAL_CONFORMANCE = "python -m pytest -m conformance --site-engine zensical"


def test_a_job_of_its_own_runs_the_conformance_suite_on_the_zensical_build(
    jobs: dict[str, Any],
) -> None:
    ran = commands(jobs["conformance-zensical"]["steps"])
    assert 'python -m pip install --editable ".[test,engines]"' in ran
    assert "python -m prototype.docsite.build --engine zensical" in ran
    conformance = [line for line in ran if line.startswith(ZENSICAL_CONFORMANCE)]
    assert conformance
    install = ran.index("python -m playwright install --with-deps chromium")
    assert install < ran.index(conformance[0])


def test_a_job_compares_the_engines_builds(jobs: dict[str, Any]) -> None:
    ran = commands(jobs["engine-parity"]["steps"])
    assert 'python -m pip install --editable ".[test,engines]"' in ran
    assert [line for line in ran if line.startswith("python -m pytest -m engines")]
