"""How this project launches Chromium, for the tests and the benchmarks alike."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from playwright.sync_api import Playwright

SYSTEM_HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")


def system_browser(
    headless: bool, shell: Path = SYSTEM_HEADLESS_SHELL, full: Path = SYSTEM_CHROMIUM
) -> Path | None:
    """The system Chromium to drive: for a headless run Debian's headless shell, the build
    Playwright's own headless runs use, else the full browser; for a headed run the full one."""
    candidates = (shell, full) if headless else (full,)
    return next((path for path in candidates if path.exists()), None)


def chromium_launch_args(playwright: Playwright, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` extended: Playwright's own Chromium when installed, else a system one (as
    where ``playwright install`` cannot download); no sandbox when running as root."""
    args = dict(base)
    bundled = Path(playwright.chromium.executable_path)
    if "executable_path" not in args and not bundled.exists():
        system = system_browser(headless=args.get("headless", True))
        if system:
            args["executable_path"] = str(system)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args["args"] = [*args.get("args", []), "--no-sandbox"]
    return args
