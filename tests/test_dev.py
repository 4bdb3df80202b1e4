"""``dev.py``: which extras a command needs, and what ``.venv`` already holds."""

from __future__ import annotations

from pathlib import Path

import pytest

import dev
from prototype.docsite import build


def test_dev_knows_the_engines_the_build_knows() -> None:
    assert dev.ENGINES == build.ENGINES
    assert dev.DEFAULT_ENGINE == build.DEFAULT_ENGINE


@pytest.mark.parametrize(
    ("engine", "extras"),
    [("mkdocs", {"test"}), ("properdocs", {"test", "engines"}), ("zensical", {"test", "engines"})],
)
def test_other_engines_need_the_engines_extra(engine: str, extras: set[str]) -> None:
    assert dev.extras_for(engine) == extras


@pytest.fixture
def venv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in ``.venv`` with a Python in it; returns its stamp file."""
    python = tmp_path / "python"
    python.touch()
    monkeypatch.setattr(dev, "PYTHON", python)
    monkeypatch.setattr(dev, "STAMP", tmp_path / ".installed")
    return tmp_path / ".installed"


@pytest.mark.parametrize(
    ("stamp", "extras"),
    [
        (None, set()),
        ("abc test", {"test"}),
        ("abc engines,test", {"engines", "test"}),
        ("abc", set()),
        ("old test,engines", set()),
    ],
)
def test_installed_extras_hold_only_for_the_same_pyproject(
    venv: Path, stamp: str | None, extras: set[str]
) -> None:
    if stamp is not None:
        venv.write_text(stamp)
    assert dev.installed_extras("abc") == extras
