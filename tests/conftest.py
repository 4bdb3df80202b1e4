"""Shared fixtures: the built site on a local HTTP server, the browser, the fixture set."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright

from prototype.fixtures import FixtureSet
from tests.expected import FIXTURE_SET, FIXTURES, ROOT

MOUNT = "/preview/"
"""The built site is served under a sub path, as a docs host may serve it."""
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
VIEWPORT = {"width": 1280, "height": 800}


def mkdocs_env() -> dict[str, str]:
    """The environment MkDocs runs in: without Material's MkDocs 2 banner."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class SiteCopy:
    """A copy of the project's site sources in a temporary folder, to break and build."""

    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def fixtures(self) -> Path:
        return self.root / "fixtures"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def build(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run ``mkdocs build --strict`` on the copy; the result holds its output."""
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
            cwd=self.root,
            env=mkdocs_env(),
            capture_output=True,
            text=True,
            check=False,
        )


@pytest.fixture
def site_copy(tmp_path: Path) -> SiteCopy:
    """``mkdocs.yml``, ``docs/`` and ``fixtures/`` copied into a temporary folder."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = (ROOT / "prototype" / "mkdocs_hooks.py").as_posix()
    (tmp_path / "mkdocs.yml").write_text(
        config.replace("prototype/mkdocs_hooks.py", hooks), encoding="utf-8"
    )
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    return SiteCopy(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site, built once per session by a real ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("built") / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return site


class _MountedHandler(SimpleHTTPRequestHandler):
    """Serves the site under :data:`MOUNT`; anything outside it is a 404."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(MOUNT):
            return str(Path(self.directory) / "__outside_the_mount__")
        return super().translate_path("/" + path.removeprefix(MOUNT))

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site on a threaded local HTTP server, e.g. ``http://127.0.0.1:PORT/preview/``."""
    handler = functools.partial(_MountedHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{MOUNT}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(site_url: str) -> str:
    """Pages open relative to the served site: ``page.goto("prototype/")``."""
    return site_url


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], playwright: Playwright
) -> dict[str, Any]:
    """Playwright's own Chromium when installed, else the system one; no sandbox as root."""
    args = dict(browser_type_launch_args)
    bundled = Path(playwright.chromium.executable_path)
    if "executable_path" not in args and not bundled.exists() and SYSTEM_CHROMIUM.exists():
        args["executable_path"] = str(SYSTEM_CHROMIUM)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args["args"] = [*args.get("args", []), "--no-sandbox"]
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A fixed viewport, locale and time zone, and no motion, for repeatable pages."""
    return {
        **browser_context_args,
        "viewport": VIEWPORT,
        "locale": "en-US",
        "timezone_id": "UTC",
        "reduced_motion": "reduce",
    }


@pytest.fixture(scope="session")
def fixture_set() -> FixtureSet:
    """The project's fixtures, loaded and validated."""
    return FIXTURE_SET


@pytest.fixture(scope="session")
def reading_context(
    browser: Browser, browser_context_args: dict[str, Any]
) -> Iterator[BrowserContext]:
    """One context for tests that only read a page, so each page is opened once."""
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


@pytest.fixture(scope="session")
def open_for_reading(reading_context: BrowserContext) -> Callable[[str], Page]:
    """Open a page once for every read-only test that looks at it; never click on these."""
    pages: dict[str, Page] = {}

    def open_page(url: str) -> Page:
        if url not in pages:
            page = reading_context.new_page()
            page.goto(url)
            pages[url] = page
        return pages[url]

    return open_page
