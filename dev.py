#!/usr/bin/env python3
"""Set up and run the project: ``python3 dev.py serve`` or ``python3 dev.py test``.

Standard library only, so it runs on a fresh machine with Python 3.11+. It keeps a virtual
environment in ``.venv`` in step with ``pyproject.toml`` (reinstalling only when that changes,
or when a command needs an extra that is not installed yet: ``--engine properdocs`` or
``--engine zensical`` installs the ``engines`` extra) and, for the tests, makes sure Playwright
has a Chromium to drive.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"
SYSTEM_HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
"""Debian's headless shell: headless runs take it, as Playwright's own headless runs take theirs."""
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
"""Debian's full Chromium: headed runs take it, and headless ones when there is no shell."""


SERVE_MODULE = "prototype.docsite.engines.mkdocs_serve"
"""``mkdocs serve``, looking for saved files every twentieth of a second instead of every half."""


def _run(*command: str | Path) -> None:
    """Run a command in the project folder; stop with its exit status if it fails."""
    done = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if done.returncode != 0:
        sys.exit(done.returncode)


ENGINES = ("mkdocs", "properdocs", "zensical")
"""The engines the site builds with; MkDocs is the default and pinned one. The others come with
the project's ``engines`` extra."""
DEFAULT_ENGINE = "mkdocs"
INSTALLED_ENGINES = ("mkdocs",)
"""The engines the project's own dependencies bring; the others are in the ``engines`` extra."""


def installed_extras(wanted_hash: str) -> set[str]:
    """The extras ``.venv`` holds for this ``pyproject.toml`` (none when it changed since)."""
    if not STAMP.exists() or not PYTHON.exists():
        return set()
    digest, _, extras = STAMP.read_text().partition(" ")
    return set(extras.split(",")) - {""} if digest == wanted_hash else set()


def ensure_environment(extras: frozenset[str] = frozenset({"test"})) -> None:
    """Create ``.venv`` and install the project with ``extras`` when pyproject changes or one is
    missing."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    installed = installed_extras(wanted)
    if extras <= installed:
        return
    if not PYTHON.exists():
        print("creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    names = ",".join(sorted(extras | installed))
    print(f"installing the project with its extras ({names}) into .venv", flush=True)
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    done = subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--editable", f".[{names}]"],
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(
            f"could not install .[{names}] into .venv (see pip's message above); "
            f"to try again by hand: {PYTHON} -m pip install --editable '.[{names}]'"
        )
    STAMP.write_text(f"{wanted} {names}")


def extras_for(engine: str) -> frozenset[str]:
    """What a command building with ``engine`` needs installed."""
    return frozenset({"test"} if engine in INSTALLED_ENGINES else {"test", "engines"})


def system_browsers(headed: bool) -> tuple[Path, ...]:
    """The system Chromium builds a run can take, in order of preference."""
    return (SYSTEM_CHROMIUM,) if headed else (SYSTEM_HEADLESS_SHELL, SYSTEM_CHROMIUM)


INSTALL_CHROMIUM: tuple[str | Path, ...] = (PYTHON, "-m", "playwright", "install", "chromium")
"""Playwright's download of its own Chromium."""


def no_browser_message(headed: bool, output: str) -> str:
    """What is missing when there is no Chromium to drive, why, and both ways to get one."""
    paths = " or ".join(str(path) for path in system_browsers(headed))
    errors = [line.strip() for line in output.splitlines() if line.startswith("Error")]
    reason = f" ({errors[0]})" if errors else ""
    return (
        f"No Chromium for the browser tests: none at {paths}, and Playwright could not "
        f"download its own{reason}.\n"
        "Get one either way, then run the tests again:\n"
        "  - Playwright's own, where its downloads are reachable: "
        f"{PYTHON.relative_to(ROOT)} -m playwright install chromium\n"
        "  - the distribution's, as .ci/run installs them on Debian: "
        "sudo apt-get install chromium-headless-shell chromium"
    )


def ensure_browser(pytest_args: list[str]) -> None:
    """Use a system Chromium when there is one for this run; otherwise install Playwright's own,
    and when that fails, say once what is missing and stop."""
    headed = "--headed" in pytest_args or bool(os.environ.get("PWDEBUG"))
    if any(path.exists() for path in system_browsers(headed)):
        return
    print("checking Playwright's Chromium (the first time, it downloads it)", flush=True)
    done = subprocess.run(
        [str(part) for part in INSTALL_CHROMIUM],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
    )
    if done.returncode != 0:
        print(no_browser_message(headed, done.stdout + done.stderr), file=sys.stderr)
        sys.exit(1)


CONFORMANCE_TESTS = (
    "tests/conformance/test_claims_registry.py",
    "tests/conformance/test_billing_claims.py",
    "tests/conformance/test_billing_flows.py",
    "tests/conformance/test_settings_claims.py",
    "tests/conformance/test_roles_claims.py",
    "tests/conformance/test_workspace_claims.py",
    "tests/conformance/test_workspace_flows.py",
    "tests/conformance/test_members_flows.py",
    "tests/conformance/test_settings_flows.py",
    "tests/conformance/test_role_table_claims.py",
    "tests/conformance/test_evidence.py",
)
"""The conformance run: every claim on every state, the report and the pictures."""
CONFORMANCE_ARGS = (*CONFORMANCE_TESTS, "-p", "no:hypothesispytest")
"""pytest's arguments for that run. No conformance test uses Hypothesis, and its plugin's end of
run summary imports it, which costs about a second."""


def main() -> None:
    """Parse the command and run it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="build the site and serve it with live reload")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="where to serve (%(default)s)")
    build = commands.add_parser("build", help="build a static copy of the site into site/")
    build.add_argument(
        "--public",
        action="store_true",
        help="the public site: the Settings guide without the review section",
    )
    test = commands.add_parser("test", help="run every test (pytest arguments may follow)")
    conformance = commands.add_parser("conformance", help="run only the doc-conformance checks")
    for command in (build, test, conformance):
        command.add_argument(
            "--engine",
            choices=ENGINES,
            default=DEFAULT_ENGINE,
            help="the engine that builds the site (%(default)s)",
        )
    args, extra = parser.parse_known_args()
    engine = getattr(args, "engine", DEFAULT_ENGINE)
    ensure_environment(extras_for(engine))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.command == "serve":
        _run(PYTHON, "-m", SERVE_MODULE, "--dev-addr", args.addr, *extra)
    elif args.command == "build":
        public = ("--public",) if args.public else ()
        _run(PYTHON, "-m", "prototype.docsite.build", "--engine", engine, *public, *extra)
    elif args.command == "conformance":
        ensure_browser(extra)
        _run(PYTHON, "-m", "pytest", *CONFORMANCE_ARGS, "--site-engine", engine, *extra)
    else:
        ensure_browser(extra)
        _run(PYTHON, "-m", "pytest", "--site-engine", engine, *extra)


if __name__ == "__main__":
    main()
