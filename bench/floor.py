"""The work floor: a bare Playwright script doing a conformance run's browser work, no checks.

A conformance run started with ``BROWSER_WORK_LOG`` set writes down every page it loads, every
dialog it opens and every tab it opens (``tests/work_log.py``). The floor builds the same site,
starts the same browser, then loads those pages, opens those dialogs and tabs, and takes the
run's full-page pictures, in one tab and with nothing asserted. What the run costs above it is
the price of its checks and of pytest.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from tests.conformance.test_evidence import PAGES, URLS
from tests.conftest import VIEWPORT, mkdocs_env
from tests.expected import MOUNT
from tests.launch import chromium_launch_args
from tests.serving import serve

ROOT = Path(__file__).resolve().parent.parent
OPEN_AND_CLOSE = "id => { const d = document.getElementById(id); d.showModal(); d.close(); }"


def build_site(out: Path) -> None:
    """The strict site build the run starts with."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=mkdocs_env(),
        check=True,
        capture_output=True,
    )


def replay(work: dict[str, Any]) -> float:
    """Seconds to build the site, start the browser and do ``work`` (a work log's content)."""
    pictures = {URLS[kind](state_id) for state_id, kind in PAGES}
    dialogs: defaultdict[str, list[str]] = defaultdict(list)
    for url, dialog_id in work["dialogs"]:
        dialogs[url].append(dialog_id)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        build_site(site)
        with serve(site, MOUNT) as site_url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(**chromium_launch_args(playwright, {}))
            context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
            page = context.new_page()
            for _ in range(max(work["tabs"] - 1, 0)):
                context.new_page().close()
            for url in work["loads"]:
                page.goto(site_url + url)
                for dialog_id in dialogs.pop(url, []):
                    page.evaluate(OPEN_AND_CLOSE, dialog_id)
                if url in pictures:
                    pictures.discard(url)
                    page.screenshot(full_page=True, animations="disabled")
            for url in sorted(pictures):  # pictures of pages the log did not load
                page.goto(site_url + url)
                page.screenshot(full_page=True, animations="disabled")
            browser.close()
    return time.perf_counter() - started


def read_work(path: Path) -> dict[str, Any]:
    """A work log's content."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
