"""How this project launches Chromium, for the tests and the benchmarks alike."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from playwright.sync_api import Playwright

from dev import system_browsers


def system_browser(headless: bool) -> Path | None:
    """The system Chromium to drive: Debian's headless shell for a headless run, as Playwright's
    own headless runs take theirs, else the full browser, which a headed run always takes."""
    return next((path for path in system_browsers(headed=not headless) if path.exists()), None)


def chromium_launch_args(playwright: Playwright, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` extended: Playwright's own Chromium when installed, else a system one (as
    where ``playwright install`` cannot download); no sandbox when running as root."""
    args = dict(base)
    bundled = Path(playwright.chromium.executable_path)
    if "executable_path" not in args and not bundled.exists():
        headless = args.get("headless", True) and not os.environ.get("PWDEBUG")
        system = system_browser(headless)
        if system:
            args["executable_path"] = str(system)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args["args"] = [*args.get("args", []), "--no-sandbox"]
    return args
