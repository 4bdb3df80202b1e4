"""``mkdocs.yml`` read as plain data, ``!ENV`` resolved as MkDocs resolves it."""

from __future__ import annotations

from pathlib import Path

import pytest

from prototype.docsite.engines.config_file import read_config, write_config
from tests.expected import ROOT

CONFIG = """\
site_name: Docs
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
repo: !ENV [REPO_A, REPO_B, "fallback"]
token: !ENV TOKEN
"""


def test_env_tags_take_the_first_variable_set_or_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(CONFIG, encoding="utf-8")
    for name in ("SITE_URL", "REPO_A", "REPO_B", "TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert read_config(path) == {
        "site_name": "Docs",
        "site_url": "http://127.0.0.1:8000/",
        "repo": "fallback",
        "token": None,
    }
    monkeypatch.setenv("SITE_URL", "https://docs.example.com/")
    monkeypatch.setenv("REPO_B", "b")
    monkeypatch.setenv("TOKEN", "t")
    assert read_config(path) == {
        "site_name": "Docs",
        "site_url": "https://docs.example.com/",
        "repo": "b",
        "token": "t",
    }


def test_the_projects_config_round_trips(tmp_path: Path) -> None:
    config = read_config(ROOT / "mkdocs.yml")
    assert "prototype.docsite.docs_markdown" in config["markdown_extensions"]
    write_config(config, tmp_path / "mkdocs.yml")
    assert read_config(tmp_path / "mkdocs.yml") == config
