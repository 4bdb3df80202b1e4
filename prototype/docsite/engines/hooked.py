"""MkDocs and ProperDocs: the engines that run the project's hooks, straight from ``mkdocs.yml``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HOOKED_ENGINES = ("mkdocs", "properdocs")


def run_hooked(engine: str, config_file: Path, site_dir: Path | None) -> int:
    """A strict build; the hooks check the input and publish the site. Its exit status."""
    command = [sys.executable, "-m", engine, "build", "--strict", "-f", str(config_file)]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    return subprocess.run(command, check=False).returncode
