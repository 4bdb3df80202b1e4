"""The GitHub Actions workflow users adopt: the README's commands, tests before the review site,
the review site deployed with GitHub Pages from main, the public site built beside it."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from tests.expected import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "docs.yml"
README = ROOT / "README.md"
MAIN_ONLY = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
_FENCE = re.compile(r"^```[a-z]*\n(.*?)^```$", re.M | re.S)


@pytest.fixture(scope="module")
def jobs() -> dict[str, Any]:
    # PyYAML reads the key ``on`` as True; only the jobs matter here.
    workflow: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return dict(workflow["jobs"])


def steps_of(jobs: dict[str, Any], job: str) -> list[dict[str, Any]]:
    return list(jobs[job]["steps"])


def commands(steps: list[dict[str, Any]]) -> list[str]:
    return [line.strip() for step in steps for line in str(step.get("run", "")).splitlines()]


def readme_commands() -> set[str]:
    """Every line of the README's code blocks, without its comment."""
    blocks = _FENCE.findall(README.read_text(encoding="utf-8"))
    lines = (line.split("  #")[0].strip() for block in blocks for line in block.splitlines())
    return {line for line in lines if line}


def uses(steps: list[dict[str, Any]], action: str) -> list[dict[str, Any]]:
    """The steps that run ``action`` (``owner/name``, any version)."""
    return [step for step in steps if str(step.get("uses", "")).startswith(f"{action}@")]


def test_every_command_the_workflow_runs_is_one_the_readme_shows(jobs: dict[str, Any]) -> None:
    ran = {line for job in jobs for line in commands(steps_of(jobs, job)) if line}
    assert ran
    assert sorted(ran - readme_commands()) == []


def test_the_review_job_runs_the_tests_then_builds_the_review_site(jobs: dict[str, Any]) -> None:
    ran = commands(steps_of(jobs, "review"))
    assert ran.index("python3 dev.py test") < ran.index("python3 dev.py build")
    install = ran.index("python -m playwright install-deps chromium")
    assert install < ran.index("python3 dev.py test")
    review = steps_of(jobs, "review")
    [build] = [step for step in review if step.get("run") == "python3 dev.py build"]
    assert build["if"] == "${{ !cancelled() }}", "a failed run's results are a review site too"


def test_main_deploys_the_review_site_with_github_pages(jobs: dict[str, Any]) -> None:
    [upload] = uses(steps_of(jobs, "review"), "actions/upload-pages-artifact")
    assert upload["if"] == MAIN_ONLY
    assert upload["with"]["path"] == "site/"
    deploy = jobs["deploy"]
    assert deploy["needs"] == "review"
    assert deploy["if"] == MAIN_ONLY
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(deploy["steps"], "actions/deploy-pages")


def test_pull_requests_get_the_review_site_as_an_artifact(jobs: dict[str, Any]) -> None:
    sites = [
        step
        for step in uses(steps_of(jobs, "review"), "actions/upload-artifact")
        if step["with"]["path"] == "site/"
    ]
    [upload] = sites
    assert "github.event_name == 'pull_request'" in upload["if"]
    assert upload["with"]["name"] == "review-site"


def test_a_job_of_its_own_builds_the_public_site(jobs: dict[str, Any]) -> None:
    steps = steps_of(jobs, "public")
    assert commands(steps) == ["python3 dev.py build --public"]
    [upload] = uses(steps, "actions/upload-artifact")
    assert upload["with"] == {"name": "public-site", "path": "site/", "if-no-files-found": "error"}


def test_reports_and_traces_are_uploaded(jobs: dict[str, Any]) -> None:
    uploads = uses(steps_of(jobs, "review"), "actions/upload-artifact")
    paths = "\n".join(str(step["with"]["path"]) for step in uploads)
    assert "reports/" in paths
    assert "docs/assets/screenshots/" in paths
    assert "test-results/" in paths
    assert all(step.get("if") for step in uploads)


def test_only_the_deploy_job_may_write(jobs: dict[str, Any]) -> None:
    workflow: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    assert [job for job, spec in jobs.items() if "permissions" in spec] == ["deploy"]


def test_a_job_of_its_own_runs_the_conformance_suite_on_the_zensical_build(
    jobs: dict[str, Any],
) -> None:
    ran = commands(steps_of(jobs, "conformance-zensical"))
    install = ran.index("python -m playwright install-deps chromium")
    assert install < ran.index("python3 dev.py conformance --engine zensical")


def test_a_job_compares_the_engines_builds(jobs: dict[str, Any]) -> None:
    assert commands(steps_of(jobs, "engine-parity")) == [
        "python3 dev.py test -m engines --engine zensical"
    ]
