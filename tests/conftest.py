"""Shared fixtures: the built site on a local HTTP server, the browser, the fixture set.

Browser tests share one context and its tabs (``tests/tabs.py``): ``ui_page`` is the work tab,
reused by every test that navigates (each starts with ``goto``); ``shared_page(url)`` opens a
page once for every test that reads it or opens and closes something on it, leaving it as it
found it; ``hand_over(ui_page)`` gives a walk's last page to its readers. A page a failing test
used is discarded, so one failure cannot leak into the next test. Per test, a trace chunk is
recorded and kept on failure, with a screenshot of each page the test used, following
pytest-playwright's ``--tracing`` and ``--screenshot`` options. Traces hold the actions, console
and network; DOM snapshots and a screencast, which slow every action, come with
``TRACE_SNAPSHOTS=1``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright

from prototype.states.fixtures import FixtureSet
from tests.expected import FIXTURE_SET, FIXTURES, MOUNT, ROOT
from tests.flows_ui import clear_changes
from tests.launch import chromium_launch_args
from tests.serving import serve
from tests.tabs import SessionTabs

pytest_plugins = ["tests.conformance_plugin", "pytester"]

VIEWPORT = {"width": 1280, "height": 800}


def mkdocs_env() -> dict[str, str]:
    """The environment MkDocs runs in: the site's address under ``MOUNT``, no MkDocs 2 banner."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1{MOUNT}"}


@dataclass
class SiteCopy:
    """A copy of the project's site sources in a temporary folder, to break and build."""

    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def publish(self, built: Path) -> None:
        """Put a good build of these sources in place, as the last good ``site/``."""
        shutil.copytree(built, self.site)

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
    hooks = (ROOT / "prototype" / "docsite" / "mkdocs_hooks.py").as_posix()
    (tmp_path / "mkdocs.yml").write_text(
        config.replace("prototype/docsite/mkdocs_hooks.py", hooks), encoding="utf-8"
    )
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    return SiteCopy(tmp_path)


_site_build = pytest.StashKey[tuple["subprocess.Popen[str]", Path]]()


def _start_site_build() -> tuple[subprocess.Popen[str], Path]:
    site = Path(tempfile.mkdtemp(prefix="built-site-")) / "site"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, site


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start building the site as soon as a collected test needs it, while the browser starts."""
    if any("built_site" in getattr(item, "fixturenames", ()) for item in session.items):
        session.config.stash[_site_build] = _start_site_build()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Stop a site build no test waited for (``--collect-only``, ``-x``), and drop its folder."""
    started = session.config.stash.get(_site_build, None)
    if started and started[0].poll() is None:
        started[0].kill()
        started[0].communicate()
    if started:
        shutil.rmtree(started[1].parent, ignore_errors=True)


@pytest.fixture(scope="session")
def built_site(pytestconfig: pytest.Config) -> Path:
    """The project's site, built once per session by a real ``mkdocs build --strict``."""
    process, site = pytestconfig.stash.get(_site_build, None) or _start_site_build()
    _, errors = process.communicate()
    assert process.returncode == 0, errors
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site on a threaded local HTTP server, e.g. ``http://127.0.0.1:PORT/preview/``."""
    with serve(built_site, MOUNT) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(site_url: str) -> str:
    """Pages open relative to the served site: ``page.goto("prototype/")``."""
    return site_url


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], playwright: Playwright
) -> dict[str, Any]:
    """Playwright's own Chromium when installed, else the system one; no sandbox as root."""
    return chromium_launch_args(playwright, browser_type_launch_args)


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


_phase_reports = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the test, so fixtures can tell whether it failed."""
    report = yield
    item.stash.setdefault(_phase_reports, {})[report.when] = report
    return report


def _failed(node: pytest.Item) -> bool:
    return any(report.failed for report in node.stash.get(_phase_reports, {}).values())


@pytest.fixture(scope="session")
def ui_context(
    browser: Browser, browser_context_args: dict[str, Any], pytestconfig: pytest.Config
) -> Iterator[BrowserContext]:
    """The one browser context of the session."""
    context = browser.new_context(**browser_context_args)
    tracing = pytestconfig.getoption("--tracing") != "off"
    if tracing:
        snapshots = bool(os.environ.get("TRACE_SNAPSHOTS"))
        context.tracing.start(screenshots=snapshots, snapshots=snapshots, sources=snapshots)
    yield context
    if tracing:
        context.tracing.stop()
    context.close()


@pytest.fixture(scope="session")
def _tabs(ui_context: BrowserContext, site_url: str) -> SessionTabs:
    """The work tab and the shared read-only pages of the session."""
    return SessionTabs(ui_context, site_url)


@pytest.fixture
def _artifacts(
    ui_context: BrowserContext,
    _tabs: SessionTabs,
    request: pytest.FixtureRequest,
    pytestconfig: pytest.Config,
    output_path: str,
) -> Iterator[list[Page]]:
    """The pages a test used; on failure, its trace and a screenshot of each are kept."""
    tracing = pytestconfig.getoption("--tracing")
    screenshot = pytestconfig.getoption("--screenshot")
    if tracing != "off":
        ui_context.tracing.start_chunk(title=request.node.nodeid)
    used: list[Page] = []
    yield used
    failed = _failed(request.node)
    out = Path(output_path)
    if tracing != "off":
        keep = tracing == "on" or (tracing == "retain-on-failure" and failed)
        ui_context.tracing.stop_chunk(path=out / "trace.zip" if keep else None)
    if screenshot == "on" or (screenshot == "only-on-failure" and failed):
        for number, page in enumerate(used, start=1):
            page.screenshot(path=out / f"test-failed-{number}.png", full_page=True)
    if failed:
        _tabs.forget(used)
    _tabs.close_the_rest()


def _in_front(page: Page, used: list[Page]) -> Page:
    page.bring_to_front()  # a background tab gets no animation frames, which clicks wait for
    used.append(page)
    return page


@pytest.fixture
def ui_page(_artifacts: list[Page], _tabs: SessionTabs) -> Page:
    """The work tab, for a test that clicks; start with ``goto``. New tabs close after."""
    return _in_front(_tabs.work(), _artifacts)


@pytest.fixture
def shared_page(_artifacts: list[Page], _tabs: SessionTabs) -> Callable[[str], Page]:
    """The page at ``url``, opened once for all tests that leave it as they found it."""
    return lambda url: _in_front(_tabs.shared(url), _artifacts)


@pytest.fixture
def hand_over(_tabs: SessionTabs) -> Callable[[Page], None]:
    """Give the work tab, left on a page as ``goto`` would leave it, to that page's readers."""
    return _tabs.hand_over


@pytest.fixture
def flow_tab(ui_page: Page) -> Iterator[Page]:
    """The work tab, for a test that changes a state: no changed state is left behind."""
    yield ui_page
    clear_changes(ui_page)
