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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Error,
    Page,
    Playwright,
)

from prototype.docsite.build import DEFAULT_ENGINE, ENGINES
from prototype.states.fixtures import FixtureSet
from tests.expected import FIXTURE_SET, FIXTURES, MOUNT, ROOT
from tests.flows_ui import clear_changes
from tests.launch import chromium_launch_args
from tests.serving import serve
from tests.tabs import SessionTabs
from tests.work_log import WorkLog

pytest_plugins = ["tests.conformance_plugin", "pytester"]

VIEWPORT = {"width": 1280, "height": 800}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--site-engine",
        choices=ENGINES,
        default=os.environ.get("SITE_ENGINE", DEFAULT_ENGINE),
        help="the engine that builds the sites the tests read (%(default)s; or set SITE_ENGINE)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "engines: builds the site with every engine (needs the engines extra)"
    )


def mkdocs_env() -> dict[str, str]:
    """The environment an engine runs in: the site's address under ``MOUNT``, no MkDocs 2
    banner, and this project's package first on the path (also for a copy elsewhere)."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": f"http://127.0.0.1{MOUNT}",
        "PYTHONPATH": path,
    }


def site_engine(config: pytest.Config) -> str:
    """The engine the session's sites are built with (``--site-engine``)."""
    engine: str = config.getoption("--site-engine")
    return engine


def build_command(engine: str, *args: str) -> list[str]:
    """A strict build of ``mkdocs.yml`` in the working folder with ``engine``."""
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", *args]
    return [sys.executable, "-m", "prototype.docsite.build", "--engine", engine, *args]


@dataclass
class SiteCopy:
    """A copy of the project's site sources in a temporary folder, to break and build."""

    root: Path
    engine: str = DEFAULT_ENGINE

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
        """Run a strict build of the copy with the session's engine; the result holds its output."""
        return subprocess.run(
            build_command(self.engine, *args),
            cwd=self.root,
            env=mkdocs_env(),
            capture_output=True,
            text=True,
            check=False,
        )


def copy_site_sources(root: Path, engine: str = DEFAULT_ENGINE) -> SiteCopy:
    """``mkdocs.yml``, ``docs/`` and ``fixtures/`` copied into the folder ``root``, to build
    with ``engine``."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = (ROOT / "prototype" / "docsite" / "mkdocs_hooks.py").as_posix()
    (root / "mkdocs.yml").write_text(
        config.replace("prototype/docsite/mkdocs_hooks.py", hooks), encoding="utf-8"
    )
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(FIXTURES, root / "fixtures")
    return SiteCopy(root, engine)


@pytest.fixture
def site_copy(tmp_path: Path, pytestconfig: pytest.Config) -> SiteCopy:
    """``mkdocs.yml``, ``docs/`` and ``fixtures/`` copied into a temporary folder."""
    return copy_site_sources(tmp_path, site_engine(pytestconfig))


_site_build = pytest.StashKey[tuple["subprocess.Popen[str]", Path]]()


def _start_site_build(engine: str) -> tuple[subprocess.Popen[str], Path]:
    site = Path(tempfile.mkdtemp(prefix="built-site-")) / "site"
    process = subprocess.Popen(
        build_command(engine, "--site-dir", str(site)),
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
        session.config.stash[_site_build] = _start_site_build(site_engine(session.config))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Stop a site build no test waited for (``--collect-only``, ``-x``), and drop its folder."""
    started = session.config.stash.get(_site_build, None)
    if started and started[0].poll() is None:
        started[0].kill()
        started[0].communicate()
    if started:
        shutil.rmtree(started[1].parent, ignore_errors=True)


@pytest.fixture(scope="session")
def engine(pytestconfig: pytest.Config) -> str:
    """The engine that builds this session's sites: ``mkdocs``, ``properdocs`` or ``zensical``."""
    return site_engine(pytestconfig)


@pytest.fixture(scope="session")
def built_site(pytestconfig: pytest.Config) -> Path:
    """The project's site, built once per session by a real strict build (``--site-engine``)."""
    started = pytestconfig.stash.get(_site_build, None)
    process, site = started or _start_site_build(site_engine(pytestconfig))
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
    browser: Browser,
    browser_context_args: dict[str, Any],
    pytestconfig: pytest.Config,
    site_url: str,
) -> Iterator[BrowserContext]:
    """The one browser context of the session (its work recorded with ``BROWSER_WORK_LOG``)."""
    context = browser.new_context(**browser_context_args)
    work_log = os.environ.get("BROWSER_WORK_LOG")
    work = WorkLog(site_url) if work_log else None
    if work:
        work.watch(context)
    tracing = pytestconfig.getoption("--tracing") != "off"
    if tracing:
        snapshots = bool(os.environ.get("TRACE_SNAPSHOTS"))
        context.tracing.start(screenshots=snapshots, snapshots=snapshots, sources=snapshots)
    yield context
    if tracing:
        context.tracing.stop()
    context.close()
    if work and work_log:
        work.write(Path(work_log))


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


@dataclass
class Watched:
    """What a page did that it must not: alerts, console errors, uncaught errors."""

    page: Page
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def assert_quiet(self) -> None:
        assert self.dialogs == [], "a dialog fired"
        assert self.console_errors == []
        assert self.page_errors == []


@pytest.fixture
def watched(ui_page: Page) -> Iterator[Watched]:
    """The shared tab, recording every dialog (then dismissing it) and every error but the
    browser's own request for ``/favicon.ico``, which the prototype does not have."""
    found = Watched(ui_page)

    def on_dialog(dialog: Dialog) -> None:
        found.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and urlsplit(message.location["url"]).path != "/favicon.ico":
            found.console_errors.append(message.text)

    def on_page_error(error: Error) -> None:
        found.page_errors.append(str(error))

    ui_page.on("dialog", on_dialog)
    ui_page.on("console", on_console)
    ui_page.on("pageerror", on_page_error)
    yield found
    ui_page.remove_listener("dialog", on_dialog)
    ui_page.remove_listener("console", on_console)
    ui_page.remove_listener("pageerror", on_page_error)


@pytest.fixture
def flow_tab(ui_page: Page) -> Iterator[Page]:
    """The work tab, for a test that changes a state: no changed state is left behind."""
    yield ui_page
    clear_changes(ui_page)
