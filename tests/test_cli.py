"""``python -m prototype``: success says so and exits 0; bad input is one line a problem, exit 1."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from prototype.cli import main
from prototype.states.schema import schema_files
from tests.expected import FIXTURES, ROOT, STATE_IDS
from tests.site_html import snapshot


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m prototype ARGS`` in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-m", "prototype", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding a copy of ``fixtures/``, to run the CLI in and break."""
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    return tmp_path


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_validate_succeeds() -> None:
    done = run("validate", cwd=ROOT)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"{len(STATE_IDS)} states valid in fixtures\n"


def test_schema_check_succeeds() -> None:
    done = run("schema", "--check", cwd=ROOT)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_validate_reports_each_problem_on_one_line(project: Path) -> None:
    fixtures = project / "fixtures"
    replace_in(fixtures / "flex-team.yaml", "plan: {type: flex}", "plan: {type: flex, tier: Max}")
    replace_in(fixtures / "flex-team.yaml", "balance: 4200", "balance: 40000")
    replace_in(fixtures / "pro-no-tier.yaml", "currency: USD", "currency: usd")
    done = run("validate", cwd=project)
    assert (done.returncode, done.stdout) == (1, "")
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "fixtures/flex-team.yaml: plan.tier: a Flex workspace has no tier; only Pro plans do",
        "fixtures/flex-team.yaml: credits.total: the total (10000) is less than the balance "
        "(40000)",
        "fixtures/pro-no-tier.yaml: invoices[0].amount.currency: String should match pattern "
        "'^[A-Z]{3}$' (got 'usd')",
        "fixtures/pro-no-tier.yaml: invoices[1].amount.currency: String should match pattern "
        "'^[A-Z]{3}$' (got 'usd')",
        "4 problem(s)",
    ]


def test_failed_build_leaves_the_previous_output_untouched(project: Path) -> None:
    first = run("build", "out", cwd=project)
    assert (first.returncode, first.stderr) == (0, "")
    assert re.fullmatch(rf"built {len(STATE_IDS)} states into out in \d+\.\d\ds\n", first.stdout)
    before = snapshot(project / "out")
    assert "index.html" in before

    (project / "fixtures" / "flex-team.yaml").write_text("plan: type: flex\n", encoding="utf-8")
    second = run("build", "out", cwd=project)
    assert (second.returncode, second.stdout) == (1, "")
    assert "Traceback" not in second.stderr
    assert second.stderr.splitlines() == [
        "fixtures/flex-team.yaml: line 1, column 11: mapping values are not allowed here",
        "1 problem(s); nothing was written",
    ]
    assert snapshot(project / "out") == before
    assert sorted(path.name for path in project.iterdir()) == ["fixtures", "out"]


def test_schema_check_fails_on_a_stale_schema_and_schema_rewrites_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixtures = project / "fixtures"
    stale = fixtures / "set.schema.json"
    stale.write_text("{}\n", encoding="utf-8")

    assert main(["--fixtures", str(fixtures), "schema", "--check"]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"{stale}: out of date; run: python -m prototype schema\n"
    assert stale.read_text(encoding="utf-8") == "{}\n"

    assert main(["--fixtures", str(fixtures), "schema"]) == 0
    assert capsys.readouterr().out == f"wrote {stale}\n"
    assert {name: (fixtures / name).read_text(encoding="utf-8") for name in schema_files()} == (
        schema_files()
    )


def test_build_into_the_working_folder_is_refused_without_a_traceback(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["build", "."]) == 1
    assert len(capsys.readouterr().err.splitlines()) >= 1
    assert sorted(path.name for path in project.iterdir()) == ["fixtures"]
