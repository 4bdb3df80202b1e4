"""Which Chromium the tests drive, and with what arguments."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Playwright

import dev
from tests.launch import chromium_launch_args, system_browser


@pytest.fixture
def browsers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Where the headless shell and the full browser would be, in a temporary folder."""
    named = {"shell": tmp_path / "chromium-headless-shell", "full": tmp_path / "chromium"}
    monkeypatch.setattr(dev, "SYSTEM_HEADLESS_SHELL", named["shell"])
    monkeypatch.setattr(dev, "SYSTEM_CHROMIUM", named["full"])
    return named


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
    browsers: dict[str, Path], present: set[str], headless: bool, chosen: str | None
) -> None:
    for name in present:
        browsers[name].touch()
    assert system_browser(headless) == (browsers[chosen] if chosen else None)


def test_launch_args_extend_what_they_are_given(playwright: Playwright) -> None:
    base = {"args": ["--lang=en-US"], "executable_path": "/opt/my-chromium", "slow_mo": 5}
    args = chromium_launch_args(playwright, base)
    assert args["executable_path"] == "/opt/my-chromium"
    assert args["slow_mo"] == 5
    assert args["args"][0] == "--lang=en-US"
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    assert ("--no-sandbox" in args["args"]) == as_root
    assert base["args"] == ["--lang=en-US"]


def test_launch_args_name_a_browser_that_exists(playwright: Playwright) -> None:
    args = chromium_launch_args(playwright, {})
    path = Path(args.get("executable_path", playwright.chromium.executable_path))
    assert path.exists(), "no Chromium: run `python -m playwright install chromium`"
