"""MkDocs and ProperDocs: the engines that run the project's hooks, straight from ``mkdocs.yml``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from prototype.docsite.review import PUBLIC_ENV

HOOKED_ENGINES = ("mkdocs", "properdocs")


def run_hooked(engine: str, config_file: Path, site_dir: Path | None, *, public: bool) -> int:
    """A strict build; the hooks check the input and publish the site (the public one, without
    the review section, when ``public``). Its exit status."""
    command = [sys.executable, "-m", engine, "build", "--strict", "-f", str(config_file)]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    env = {**os.environ, PUBLIC_ENV: "1" if public else "0"}
    return subprocess.run(command, env=env, check=False).returncode
