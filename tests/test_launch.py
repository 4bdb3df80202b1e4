"""Which Chromium the tests drive, and with what arguments."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Playwright

from tests.launch import chromium_launch_args, system_browser


@pytest.fixture
def browsers(tmp_path: Path) -> tuple[Path, Path]:
    """A headless shell and a full browser, as files in a temporary folder."""
    shell, full = tmp_path / "chromium-headless-shell", tmp_path / "chromium"
    return shell, full


@pytest.mark.parametrize(
    ("present", "headless", "chosen"),
    [
        ({"shell", "full"}, True, "shell"),
        ({"full"}, True, "full"),
        ({"shell"}, True, "shell"),
        ({"shell", "full"}, False, "full"),
        ({"shell"}, False, None),
        (set(), True, None),
    ],
)
def test_system_browser_prefers_the_headless_shell_for_headless_runs(
    browsers: tuple[Path, Path], present: set[str], headless: bool, chosen: str | None
) -> None:
    shell, full = browsers
    named = {"shell": shell, "full": full}
    for name in present:
        named[name].touch()
    expected = named[chosen] if chosen else None
    assert system_browser(headless, shell=shell, full=full) == expected


def test_launch_args_extend_what_they_are_given(playwright: Playwright) -> None:
    base = {"args": ["--lang=en-US"], "executable_path": "/opt/my-chromium", "slow_mo": 5}
    args = chromium_launch_args(playwright, base)
    assert args["executable_path"] == "/opt/my-chromium"
    assert args["slow_mo"] == 5
    assert args["args"][0] == "--lang=en-US"
    assert ("--no-sandbox" in args["args"]) == (os.geteuid() == 0)
    assert base["args"] == ["--lang=en-US"]


def test_launch_args_name_a_browser_that_exists(playwright: Playwright) -> None:
    args = chromium_launch_args(playwright, {})
    path = Path(args.get("executable_path", playwright.chromium.executable_path))
    assert path.exists(), "no Chromium: run `python -m playwright install chromium`"
