"""dev.py: the extras each command needs, what ``.venv`` holds, and getting a Chromium for the
browser tests (or saying once what is missing)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import dev
from prototype.docsite import build

DOWNLOAD_ERROR = "Error: connect ECONNREFUSED 127.0.0.1:443"


@pytest.fixture
def no_system_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No headless shell and no full Chromium where dev.py looks for them."""
    monkeypatch.setattr(dev, "SYSTEM_HEADLESS_SHELL", tmp_path / "chromium-headless-shell")
    monkeypatch.setattr(dev, "SYSTEM_CHROMIUM", tmp_path / "chromium")


def install_that(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Make ``playwright install chromium`` a Python snippet."""
    monkeypatch.setattr(dev, "INSTALL_CHROMIUM", (sys.executable, "-c", code))


FAILING_DOWNLOAD = (
    "import sys\n"
    "for _ in range(3):\n"
    "    print('Downloading Chrome for Testing...')\n"
    f"    print('{DOWNLOAD_ERROR}', file=sys.stderr)\n"
    "print('Failed to install browsers', file=sys.stderr)\n"
    "sys.exit(1)\n"
)


@pytest.mark.usefixtures("no_system_browser")
@pytest.mark.parametrize(
    ("args", "where"),
    [
        ([], "{shell} or {full}"),
        (["--headed"], "{full}"),
    ],
)
def test_no_chromium_anywhere_says_so_once_and_stops(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    where: str,
) -> None:
    install_that(monkeypatch, FAILING_DOWNLOAD)
    with pytest.raises(SystemExit) as stopped:
        dev.ensure_browser(args)
    assert stopped.value.code == 1
    out, err = capsys.readouterr()
    assert "Downloading" not in out + err, "Playwright's own output is not passed on"
    paths = where.format(shell=dev.SYSTEM_HEADLESS_SHELL, full=dev.SYSTEM_CHROMIUM)
    python = dev.PYTHON.relative_to(dev.ROOT)
    assert err.splitlines() == [
        f"No Chromium for the browser tests: none at {paths}, and Playwright could not "
        f"download its own ({DOWNLOAD_ERROR}).",
        "Get one either way, then run the tests again:",
        "  - Playwright's own, where its downloads are reachable: "
        f"{python} -m playwright install chromium",
        "  - the distribution's, as .ci/run installs them on Debian: "
        "sudo apt-get install chromium-headless-shell chromium",
    ]
    assert "Traceback" not in err


@pytest.mark.usefixtures("no_system_browser")
def test_playwright_download_is_used_when_it_works(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ran = tmp_path / "installed"
    install_that(monkeypatch, f"import pathlib; pathlib.Path({str(ran)!r}).touch()")
    dev.ensure_browser([])
    assert ran.exists()
    out, err = capsys.readouterr()
    assert "No Chromium" not in out + err


@pytest.mark.usefixtures("no_system_browser")
def test_system_chromium_needs_no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    dev.SYSTEM_HEADLESS_SHELL.touch()
    install_that(monkeypatch, "raise SystemExit(1)")
    dev.ensure_browser([])


def test_dev_knows_the_engines_the_build_knows() -> None:
    assert dev.ENGINES == build.ENGINES
    assert dev.DEFAULT_ENGINE == build.DEFAULT_ENGINE


@pytest.mark.parametrize(
    ("engine", "extras"),
    [("mkdocs", {"test"}), ("properdocs", {"test", "engines"}), ("zensical", {"test", "engines"})],
)
def test_other_engines_need_the_engines_extra(engine: str, extras: set[str]) -> None:
    assert dev.extras_for(engine) == extras


@pytest.fixture
def venv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in ``.venv`` with a Python in it; returns its stamp file."""
    python = tmp_path / "python"
    python.touch()
    monkeypatch.setattr(dev, "PYTHON", python)
    monkeypatch.setattr(dev, "STAMP", tmp_path / ".installed")
    return tmp_path / ".installed"


@pytest.mark.parametrize(
    ("stamp", "extras"),
    [
        (None, set()),
        ("abc test", {"test"}),
        ("abc engines,test", {"engines", "test"}),
        ("abc", set()),
        ("old test,engines", set()),
    ],
)
def test_installed_extras_hold_only_for_the_same_pyproject(
    venv: Path, stamp: str | None, extras: set[str]
) -> None:
    if stamp is not None:
        venv.write_text(stamp)
    assert dev.installed_extras("abc") == extras


@pytest.mark.parametrize(
    ("args", "switches"),
    [
        (["build"], ["--engine", "mkdocs"]),
        (["build", "--public"], ["--engine", "mkdocs", "--public"]),
        (["build", "--engine", "zensical", "--public"], ["--engine", "zensical", "--public"]),
    ],
)
def test_build_runs_the_one_entry_point_with_the_public_switch(
    monkeypatch: pytest.MonkeyPatch, args: list[str], switches: list[str]
) -> None:
    ran: list[tuple[str, ...]] = []
    monkeypatch.setattr(dev, "ensure_environment", lambda extras: None)
    monkeypatch.setattr(dev, "_run", lambda *command: ran.append(tuple(map(str, command))))
    monkeypatch.setattr(sys, "argv", ["dev.py", *args])
    dev.main()
    assert ran == [(str(dev.PYTHON), "-m", "prototype.docsite.build", *switches)]


def test_test_hands_pytest_its_arguments_and_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the workflow runs it: ``python3 dev.py test tests/docsite -m "not engines" --engine
    zensical``."""
    ran: list[tuple[str, ...]] = []
    monkeypatch.setattr(dev, "ensure_environment", lambda extras: None)
    monkeypatch.setattr(dev, "ensure_browser", lambda args: None)
    monkeypatch.setattr(dev, "_run", lambda *command: ran.append(tuple(map(str, command))))
    args = ["test", "tests/docsite", "-m", "not engines", "--engine", "zensical"]
    monkeypatch.setattr(sys, "argv", ["dev.py", *args])
    dev.main()
    pytest_args = ("--site-engine", "zensical", "tests/docsite", "-m", "not engines")
    assert ran == [(str(dev.PYTHON), "-m", "pytest", *pytest_args)]
