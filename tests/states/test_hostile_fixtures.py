"""Hostile fixtures: each file in ``tests/hostile_fixtures/`` is a complete workspace state with
one thing wrong. Added to a copy of the project's fixtures as ``fixtures/hostile.yaml`` (with its
own suffix, or as a symbolic link, when that is what is wrong), it makes ``validate`` and
``build`` exit 1 with one short line naming the file, the field (or the line and column) and the
reason, without a traceback, and a failed ``build`` leaves OUT as it was.

The corpus runs in-process (``prototype.cli.main``); one subprocess run and one ``mkdocs build``
check the same end to end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from prototype.cli import main
from prototype.pages.build import build
from prototype.states.fixtures import load_fixture_set
from tests.conftest import SiteCopy
from tests.expected import FIXTURE_SET, FIXTURES

CORPUS = Path(__file__).resolve().parents[1] / "hostile_fixtures"
SOURCE = "fixtures/hostile.yaml"
"""How a problem must name the bad file, run from the folder holding ``fixtures/``."""
LINKED = {"symbolic-link"}
"""Cases installed as a symbolic link to a copy in ``fixtures/linked/``, which is not read."""
MAX_LINE = 300
"""The longest a problem's line may be, however long the value it names."""

EXPECTED: dict[str, tuple[str | None, str]] = {
    "syntax-error": ("line 9, column 15", "mapping values are not allowed here"),
    "wrong-type-balance": ("credits.balance", "Input should be a valid integer (got 'lots')"),
    "unknown-key": ("colour", "Extra inputs are not permitted (got 'red')"),
    "unknown-nested-key": ("workspace.colour", "Extra inputs are not permitted (got 'red')"),
    "flex-with-tier": ("plan.tier", "a Flex workspace has no tier"),
    "flex-with-renewal": ("plan.renews_on", "a Flex workspace has no renews_on"),
    "flex-with-active-until": ("plan.active_until", "a Flex workspace has no Active until date"),
    "canceled-with-renewal": ("plan.renews_on", "a canceled subscription does not renew"),
    "canceled-without-end-date": ("plan.active_until", "needs the date it is active until"),
    "negative-balance": ("credits.balance", "greater than or equal to 0 (got -1)"),
    "balance-over-total": ("credits.total", "the total (500) is less than the balance (501)"),
    "duplicate-invoice-numbers": ("invoices", "invoice number HF-0002 is used twice"),
    "invoice-without-number": ("invoices[1].number", "Field required"),
    "invoice-without-date": ("invoices[1].date", "Field required"),
    "invoice-without-amount": ("invoices[1].amount", "Field required"),
    "empty": (None, "the file is empty"),
    "only-a-comment": (None, "the file is empty"),
    "a-list": (None, "expected fields (key: value), got list"),
    "huge-number": ("credits.balance", "less than or equal to 1000000000"),
    "huge-number-in-money": (
        "invoices[0].amount.minor_units",
        "less than or equal to 100000000000",
    ),
    "february-30": ("invoices[0].date", "'2026-02-30' is not a calendar date"),
    "date-and-time": ("plan.renews_on", "'2026-06-01T10:00:00Z' is not a calendar date"),
    "unknown-currency": (
        "invoices[0].amount.currency",
        "'XYZ' is not the ISO 4217 code of a currency in use",
    ),
    "no-currency": (
        "invoices[0].amount.currency",
        "'XXX' is not the ISO 4217 code of a currency in use",
    ),
    "lowercase-currency": ("invoices[0].amount.currency", "should match pattern '^[A-Z]{3}$'"),
    "bad-card-digits": ("payment_method.last4", "should match pattern '^[0-9]{4}$' (got '42a2')"),
    "month-13": ("payment_method.exp_month", "less than or equal to 12 (got 13)"),
    "duplicate-key": ("line 3, column 1", "the key 'title' appears twice"),
    "tab-indentation": ("line 6, column 1", "found character '\\t' that cannot start any token"),
    "not-utf8": (None, "cannot be read: 'utf-8' codec can't decode byte 0xe9"),
    "boolean-as-number": ("credits.balance", "Input should be a valid integer (got True)"),
    "true-as-number": ("payment_method.exp_year", "Input should be a valid integer (got True)"),
    "quoted-number": ("credits.total", "Input should be a valid integer (got '500')"),
    "fraction-as-number": ("credits.balance", "Input should be a valid integer (got 350.5)"),
    "currency-read-as-boolean": ("invoices[0].amount.currency", "valid string (got False)"),
    "unquoted-card-digits": ("payment_method.last4", "Input should be a valid string"),
    "python-tag": ("line 2, column 8", "the tag '!!python/object/apply:os.system' is not allowed"),
    "binary-tag": (
        "line 9, column 9",
        "the tag '!!binary' is not allowed; write the value without it",
    ),
    "blank-name": ("workspace.name", "is blank: it has no visible character (only U+0020)"),
    "zero-width-name": (
        "workspace.name",
        "is blank: it has no visible character (only U+200B, U+2060, U+FEFF)",
    ),
    "null-name": ("workspace.name", "Input should be a valid string"),
    "name-over-200": ("workspace.name", "String should have at most 200 characters"),
    "name-of-another-workspace": (
        "workspace.name",
        "'Field Research Team' is already the name of the workspace in fixtures/flex-team.yaml",
    ),
    "renewal-in-the-past": ("plan.renews_on", "2026-05-01 is not after today (2026-05-20)"),
    "control-character": ("line 2, column 15", "special characters are not allowed"),
    "escaped-control-character": ("plan.tier", "contains control characters (U+0000)"),
    "number-over-4300-digits": ("line 13, column 12", "digits"),
    "deeply-nested": ("line 2, column 57", "nested more than 50 levels deep"),
    "alias-bomb": (
        "line 19, column 6",
        "with its aliases written out, the data holds more than 100,000 values",
    ),
    "key-not-plain": ("line 9, column 5", "a key must be a plain value, not a list or a mapping"),
    "boolean-key": (
        "line 7, column 3",
        "the key 'on' is read as a boolean; quote it or use a field name",
    ),
    "long-value": (
        "description",
        f"String should have at most 300 characters (got '{'a' * 40}…' (10,000 characters))",
    ),
    "renewing-with-active-until": (
        "plan.active_until",
        "a subscription that renews has no end date; remove active_until",
    ),
    "yml-extension": (None, "fixtures are read from .yaml files only; rename it to hostile.yaml"),
    "symbolic-link": ("credits.total", "the total (500) is less than the balance (501)"),
    "no-owner": ("members", "a workspace has exactly one Owner (found none)"),
    "two-owners": ("members", "exactly one Owner (found maya.okafor@example.com, sam.lee@"),
    "invited-member": ("invitations", "Sam.Lee@example.com is already a member (members[1])"),
    "same-email-twice": ("members", "members[2]: sam.lee@example.com appears twice (members[1]"),
    "user-not-a-member": (
        "members",
        "the signed-in user (maya.okafor@example.com) is not among them, so the workspace "
        "belongs under Shared with Me",
    ),
    "invited-as-owner": ("invitations[0].role", "Input should be 'admin' or 'member'"),
    "email-without-domain": ("members[1].email", "'sam.lee' is not an email address"),
    "invited-tomorrow": ("invitations[0].sent_on", "2026-06-10 is after today (2026-05-20)"),
}
"""Case (the file's name less its suffix) → the field path, or ``line N, column M`` for YAML, or
None for a problem with the whole file; and a fragment of the reason."""

CASES = [pytest.param(case, id=case) for case in EXPECTED]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` by relative path: its bytes and modification time."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def corpus_file(case: str) -> Path:
    """The case's file: ``<case>.yaml``, or ``<case>.yml`` for a fixture saved under that name."""
    [path] = CORPUS.glob(f"{case}.*")
    return path


def source(case: str) -> str:
    """How the case's problem must name its file: ``fixtures/hostile`` and the file's suffix."""
    return f"fixtures/hostile{corpus_file(case).suffix}"


def assert_names_the_problem(problem: str, case: str) -> None:
    """``problem`` is ``fixtures/hostile.yaml: <where>: <reason>`` with the case's fragment, on
    a line of at most :data:`MAX_LINE` characters."""
    where, fragment = EXPECTED[case]
    head = f"{source(case)}: " if where is None else f"{source(case)}: {where}: "
    assert problem.startswith(head), f"expected {head!r}..., got {problem!r}"
    assert fragment in problem.removeprefix(head), f"expected {fragment!r} in {problem!r}"
    assert len(problem) <= MAX_LINE, problem


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's fixtures built once, to copy into each OUT a failed build must keep."""
    out = tmp_path_factory.mktemp("good-build") / "out"
    build(FIXTURES, out)
    return out


def project_with(tmp_path: Path, case: str) -> Path:
    """A folder holding a copy of ``fixtures/`` plus the case's file as ``hostile.yaml`` (or
    ``hostile.yml``): a copy, or for :data:`LINKED` cases a link to a copy in a subfolder."""
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    if case in LINKED:
        linked = tmp_path / "fixtures" / "linked"
        linked.mkdir()
        shutil.copyfile(corpus_file(case), linked / corpus_file(case).name)
        (tmp_path / source(case)).symlink_to(Path("linked", corpus_file(case).name))
    else:
        shutil.copyfile(corpus_file(case), tmp_path / source(case))
    return tmp_path


def test_every_file_of_the_corpus_has_its_expectation() -> None:
    assert sorted(path.stem for path in CORPUS.iterdir()) == sorted(EXPECTED)
    assert {path.suffix for path in CORPUS.iterdir()} == {".yaml", ".yml"}


@pytest.mark.parametrize("case", CASES)
def test_validate_names_the_file_the_field_and_the_reason(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project_with(tmp_path, case))
    assert main(["validate"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    *problems, summary = err.splitlines()
    assert len(problems) == 1, err
    assert_names_the_problem(problems[0], case)
    assert summary == "1 problem(s)"


@pytest.mark.parametrize("case", CASES)
def test_failed_build_leaves_the_previous_output_untouched(
    case: str,
    good_build: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = project_with(tmp_path, case)
    out = project / "out"
    shutil.copytree(good_build, out, copy_function=os.link)  # hard links: a fast, faithful copy
    before, folder = snapshot(out), out.stat().st_ino
    monkeypatch.chdir(project)
    assert main(["build", "out"]) == 1
    printed, err = capsys.readouterr()
    assert printed == ""
    assert "Traceback" not in err
    *problems, summary = err.splitlines()
    assert len(problems) == 1, err
    assert_names_the_problem(problems[0], case)
    assert summary == "1 problem(s); nothing was written"
    assert snapshot(out) == before
    assert out.stat().st_ino == folder, "OUT was replaced"
    assert sorted(path.name for path in project.iterdir()) == ["fixtures", "out"]


ODD_BUT_VALID: dict[str, Callable[[str], str]] = {
    "utf8-byte-order-mark": lambda text: "\ufeff" + text,
    "crlf-line-ends": lambda text: text.replace("\n", "\r\n"),
    "yaml-merge-key": lambda text: text.replace(
        'payment_method: {brand: visa, last4: "4242", ',
        'payment_method: {<<: {brand: visa, last4: "4242"}, ',
    ),
}
"""Ways to write ``flex-team.yaml`` that change nothing about the state it holds."""


@pytest.mark.parametrize("rewrite", ODD_BUT_VALID)
def test_odd_but_valid_file_loads_as_the_same_state(
    rewrite: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    path = tmp_path / "fixtures" / "flex-team.yaml"
    text = path.read_text(encoding="utf-8")
    rewritten = ODD_BUT_VALID[rewrite](text)
    assert rewritten != text
    path.write_bytes(rewritten.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    assert (
        load_fixture_set(Path("fixtures")).states["flex-team"] == (FIXTURE_SET.states["flex-team"])
    )


def test_command_line_build_with_a_hostile_fixture_end_to_end(
    good_build: Path, tmp_path: Path
) -> None:
    project = project_with(tmp_path, "balance-over-total")
    out = project / "out"
    shutil.copytree(good_build, out)
    before = snapshot(out)
    done = subprocess.run(
        [sys.executable, "-m", "prototype", "build", "out"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"{SOURCE}: credits.total: the total (500) is less than the balance (501)",
        "1 problem(s); nothing was written",
    ]
    assert snapshot(out) == before
    assert sorted(path.name for path in project.iterdir()) == ["fixtures", "out"]


def test_mkdocs_build_with_a_hostile_fixture_keeps_the_previous_site(
    site_copy: SiteCopy, built_site: Path
) -> None:
    site_copy.publish(built_site)
    before = snapshot(site_copy.site)
    shutil.copyfile(CORPUS / "boolean-as-number.yaml", site_copy.root / SOURCE)
    second = site_copy.build()
    log = second.stdout + second.stderr
    assert second.returncode != 0, log
    assert f"{SOURCE}: credits.balance: Input should be a valid integer (got True)" in log
    assert "Traceback" not in log
    assert snapshot(site_copy.site) == before
    assert sorted(path.name for path in site_copy.root.iterdir()) == [
        "docs",
        "fixtures",
        "mkdocs.yml",
        "site",
    ]
