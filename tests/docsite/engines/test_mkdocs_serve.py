"""``python3 dev.py serve``: MkDocs's own server, rebuilding as soon as a fixture is saved."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from dev import SERVE_MODULE
from prototype.docsite.engines.mkdocs_serve import POLLING_INTERVAL, PromptLiveReloadServer
from tests.conftest import SiteCopy, mkdocs_env
from tests.expected import MOUNT
from tests.serving import free_port, page_text

PATIENCE = 60.0
"""Seconds a first build or a rebuild may take before the test gives up (a loaded machine)."""


def wait_for(url: str, text: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while text not in page_text(url):
        assert time.monotonic() < deadline, f"{url} never showed {text!r}"
        time.sleep(0.05)


@pytest.fixture
def served(site_copy: SiteCopy) -> Iterator[tuple[SiteCopy, str]]:
    """The copy served by the project's serve command: the copy and the site's address."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", SERVE_MODULE, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site_copy.root,
        env=mkdocs_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield site_copy, f"http://127.0.0.1:{port}{MOUNT}"
    finally:
        server.terminate()
        server.wait()


def test_a_saved_fixture_reaches_the_served_page(served: tuple[SiteCopy, str]) -> None:
    site_copy, site_url = served
    url = f"{site_url}prototype/w/flex-team/"
    wait_for(url, "Field Research Team")
    fixture = site_copy.root / "fixtures" / "flex-team.yaml"
    text = fixture.read_text(encoding="utf-8")
    fixture.write_text(text.replace("Field Research Team", "Field Research Crew"), "utf-8")
    wait_for(url, "Field Research Crew")


def test_the_server_looks_for_changes_more_often_than_mkdocs_does() -> None:
    server = PromptLiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=".")
    try:
        assert server.observer.timeout == POLLING_INTERVAL < 0.5
    finally:
        server.server_close()
