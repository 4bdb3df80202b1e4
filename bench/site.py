"""Build-side benchmarks: the site against a plain MkDocs build, rendering, page weight."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from prototype.pages.build import write_prototype
from prototype.states.fixtures import FixtureSet, load_fixture_set
from tests.expected import PAGE_BUDGET
from tests.site_html import page_weight

ROOT = Path(__file__).resolve().parent.parent
BUILD_RATIO_GOAL = 1.5
PAGE_BUDGET_BYTES = PAGE_BUDGET


def _median_of(runs: int, action: Callable[[], None]) -> float:
    """The median wall time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _mkdocs_build(config: Path, site: Path, strict: bool) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [*command, *(["--strict"] if strict else [])], env=env, capture_output=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"mkdocs build failed ({config}):\n{done.stderr.decode()[-2000:]}")


def site_build_times(runs: int) -> tuple[float, float]:
    """Seconds for the project's strict build and for a plain build of the same docs and theme
    without the project's hooks and Markdown extension (so no prototype, front-matter or link
    handling)."""
    with tempfile.TemporaryDirectory() as scratch:
        config = yaml.safe_load(
            (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV [SITE_URL, ", "[")
        )
        config["site_url"] = "http://127.0.0.1:8000/"
        config.pop("hooks")
        config.pop("strict")
        config["markdown_extensions"] = [
            ext for ext in config["markdown_extensions"] if ext != "prototype.docsite.docs_markdown"
        ]
        config["docs_dir"] = str(ROOT / "docs")
        plain = Path(scratch) / "mkdocs.yml"
        plain.write_text(yaml.safe_dump(config), encoding="utf-8")
        project = _median_of(
            runs, lambda: _mkdocs_build(ROOT / "mkdocs.yml", Path(scratch) / "site", True)
        )
        bare = _median_of(runs, lambda: _mkdocs_build(plain, Path(scratch) / "plain", False))
    return project, bare


def render_time(fixture_set: FixtureSet, runs: int) -> float:
    """Seconds to render every page of ``fixture_set`` into a fresh folder."""

    def render() -> None:
        with tempfile.TemporaryDirectory() as out:
            write_prototype(fixture_set, Path(out))

    return _median_of(runs, render)


def heaviest_page(fixture_set: FixtureSet) -> tuple[str, int]:
    """The prototype page whose HTML plus the CSS and JS it loads weighs most, and its bytes (as
    the build test weighs them; scripts a page imports only when an action is done are not
    counted)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        write_prototype(fixture_set, out)
        pages = {}
        for page in out.rglob("*.html"):
            path = page.relative_to(out).as_posix()
            pages[path] = page_weight(out, path, page.read_text(encoding="utf-8"))
    name = max(pages, key=pages.__getitem__)
    return name, pages[name]


def project_fixtures() -> FixtureSet:
    return load_fixture_set(ROOT / "fixtures")
