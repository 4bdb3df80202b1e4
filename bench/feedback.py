"""How fast a writer hears back: a changed-only conformance run after a one-sentence edit, the
live reload after a fixture edit, and the whole suite.

Each measurement works on a copy of the project (its tracked and new files), never on the
checkout itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.conformance import ROOT, run_conformance
from dev import SERVE_MODULE
from tests.serving import free_port, page_text

CHANGED_GOAL = 0.25
"""A changed-only run after a one-sentence edit may take at most this share of a full run."""
RELOAD_GOAL_SECONDS = 1.0
SUITE_GOAL_SECONDS = 60.0
SENTENCE = "The Pro tier name when a tier is attached."
EDITED = "The Pro tier's name, when a tier is attached."


@contextmanager
def project_copy() -> Iterator[Path]:
    """The project's files (tracked, and new ones git does not ignore) in a temporary folder."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "project"
        for name in listed:
            source = ROOT / name
            if source.is_file():
                (copy / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, copy / name)
        subprocess.run(["git", "init", "-q"], cwd=copy, check=True)
        yield copy


def replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def changed_only() -> tuple[float, float]:
    """A full conformance run, then a one-sentence edit (page and claim) and ``--changed``:
    the wall seconds of each."""
    with project_copy() as copy:
        full, _, _ = run_conformance(cwd=copy)
        replace(copy / "docs" / "guide" / "settings" / "billing.md", SENTENCE, EDITED)
        replace(copy / "docs" / "claims.yaml", SENTENCE, EDITED)
        changed, _, _ = run_conformance(cwd=copy, extra=("--changed",))
    return full, changed


def live_reload(timeout: float = 60.0) -> float:
    """Seconds from saving a fixture to ``python3 dev.py serve`` serving the page that shows it."""
    with project_copy() as copy:
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", SERVE_MODULE, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=copy,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(copy)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/prototype/w/flex-team/"
        try:
            deadline = time.monotonic() + timeout
            while "Field Research Team" not in page_text(url):
                if time.monotonic() > deadline:
                    sys.exit("the server did not serve the prototype")
                time.sleep(0.05)
            time.sleep(1.0)  # let the watcher settle after the first build
            fixture = copy / "fixtures" / "flex-team.yaml"
            saved = time.perf_counter()
            replace(fixture, "Field Research Team", "Field Research Crew")
            while "Field Research Crew" not in page_text(url):
                if time.perf_counter() - saved > timeout:
                    sys.exit("the served page never showed the edit")
                time.sleep(0.02)
            return time.perf_counter() - saved
        finally:
            server.terminate()
            server.wait()


@dataclass(frozen=True)
class SuiteTimes:
    """The whole suite's wall time, and the time its tests spent, by part."""

    wall: float
    tests: int
    parts: dict[str, tuple[int, float]]
    """Part (a test folder, or a module at the top) → its tests and their summed seconds."""


def suite_part(test_id: str) -> str:
    """The part a test belongs to: ``tests/pages``, or ``tests/test_accessibility.py``."""
    path = test_id.split("::")[0]
    folder, _, _ = path.rpartition("/")
    return folder if folder != "tests" else path


def suite_parts(junit: Path) -> dict[str, tuple[int, float]]:
    """Tests and seconds by part, from a run's JUnit XML, the costliest first."""
    counts: dict[str, int] = {}
    seconds: dict[str, float] = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        module = case.get("classname", "").replace(".", "/")
        part = suite_part(f"{module}.py")
        counts[part] = counts.get(part, 0) + 1
        seconds[part] = seconds.get(part, 0.0) + float(case.get("time", "0"))
    ranked = sorted(seconds, key=lambda part: -seconds[part])
    return {part: (counts[part], seconds[part]) for part in ranked}


def whole_suite() -> SuiteTimes:
    """The README's test run, ``pytest`` on every test (browser found): its wall time and what
    each part of it cost."""
    with tempfile.TemporaryDirectory() as scratch:
        junit = Path(scratch) / "junit.xml"
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"the suite failed:\n{done.stdout[-3000:]}")
        parts = suite_parts(junit)
    return SuiteTimes(wall, sum(count for count, _ in parts.values()), parts)
