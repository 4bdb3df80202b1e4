"""How this project launches Chromium, for the tests and the benchmarks alike."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from playwright.sync_api import Playwright

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")


def chromium_launch_args(playwright: Playwright, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` extended: Playwright's own Chromium when installed, else the system one (as
    where ``playwright install`` cannot download); no sandbox when running as root."""
    args = dict(base)
    bundled = Path(playwright.chromium.executable_path)
    if "executable_path" not in args and not bundled.exists() and SYSTEM_CHROMIUM.exists():
        args["executable_path"] = str(SYSTEM_CHROMIUM)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args["args"] = [*args.get("args", []), "--no-sandbox"]
    return args
