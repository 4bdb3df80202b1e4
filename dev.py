#!/usr/bin/env python3
"""Set up and run the project: ``python3 dev.py serve`` or ``python3 dev.py test``.

Standard library only, so it runs on a fresh machine with Python 3.11+. It keeps a virtual
environment in ``.venv`` in step with ``pyproject.toml`` (reinstalling only when that changes)
and, for the tests, makes sure Playwright has a Chromium to drive.
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


def _run(*command: str | Path) -> None:
    """Run a command in the project folder; stop with its exit status if it fails."""
    done = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if done.returncode != 0:
        sys.exit(done.returncode)


def ensure_environment() -> None:
    """Create ``.venv`` and install the project with its test extras when pyproject changes."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("installing the project and its test tools into .venv", flush=True)
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", ".[test]")
    STAMP.write_text(wanted)


def system_browsers(headed: bool) -> tuple[Path, ...]:
    """The system Chromium builds a run can take, in order of preference."""
    return (SYSTEM_CHROMIUM,) if headed else (SYSTEM_HEADLESS_SHELL, SYSTEM_CHROMIUM)


def ensure_browser(pytest_args: list[str]) -> None:
    """Use a system Chromium when there is one for this run; otherwise install Playwright's own."""
    headed = "--headed" in pytest_args or bool(os.environ.get("PWDEBUG"))
    if any(path.exists() for path in system_browsers(headed)):
        return
    _run(PYTHON, "-m", "playwright", "install", "chromium")


CONFORMANCE_TESTS = (
    "tests/conformance/test_claims_registry.py",
    "tests/conformance/test_billing_claims.py",
    "tests/conformance/test_billing_flows.py",
    "tests/conformance/test_settings_claims.py",
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
    commands.add_parser("build", help="build a static copy of the site into site/")
    commands.add_parser("test", help="run every test (pytest arguments may follow)")
    commands.add_parser("conformance", help="run only the doc-conformance checks")
    args, extra = parser.parse_known_args()
    ensure_environment()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.command == "serve":
        _run(PYTHON, "-m", "mkdocs", "serve", "--dev-addr", args.addr, *extra)
    elif args.command == "build":
        _run(PYTHON, "-m", "mkdocs", "build", "--strict", *extra)
    elif args.command == "conformance":
        ensure_browser(extra)
        _run(PYTHON, "-m", "pytest", *CONFORMANCE_ARGS, *extra)
    else:
        ensure_browser(extra)
        _run(PYTHON, "-m", "pytest", *extra)


if __name__ == "__main__":
    main()
