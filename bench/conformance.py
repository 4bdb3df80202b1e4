"""Benchmark the conformance run against a bare-browser floor measured in the same run.

``python -m bench.conformance`` runs every conformance check (all claims on all states, the
report and the screenshots) as ``python3 dev.py conformance`` does, then times the floor: one
Chromium page that sets its content and reads one element, in a loop. It prints the run's
wall time, its per-check cost and the floor side by side. This machine's speed wanders from
minute to minute, so it times several runs (``--runs``) and judges the slowest.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.floor import read_work, replay
from dev import CONFORMANCE_ARGS
from tests.launch import chromium_launch_args

ROOT = Path(__file__).resolve().parent.parent
RUN_BUDGET_SECONDS = 20.0
WORK_FLOOR_GOAL = 1.5
"""The run may cost at most this many times the work floor (``bench.floor``)."""


def run_conformance(
    cwd: Path = ROOT, extra: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> tuple[float, int, float]:
    """Wall seconds of the conformance run, its number of checks, and their summed test time;
    ``extra`` are more pytest arguments, ``env`` more environment variables."""
    with tempfile.TemporaryDirectory() as scratch:
        junit = Path(scratch) / "junit.xml"
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                *CONFORMANCE_ARGS,
                "-q",
                f"--junitxml={junit}",
                *extra,
            ],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, **(env or {})},
        )
        wall = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"the conformance run failed:\n{done.stdout[-3000:]}")
        cases = ET.parse(junit).getroot().iter("testcase")
        times = [float(case.get("time", "0")) for case in cases]
    return wall, len(times), sum(times)


@dataclass(frozen=True)
class ConformanceTimes:
    """Several conformance runs: their wall times, checks and median time inside the tests."""

    walls: tuple[float, ...]
    checks: int
    test_time: float

    @property
    def median(self) -> float:
        """The median run's wall time."""
        return statistics.median(self.walls)

    @property
    def slowest(self) -> float:
        """The slowest run's wall time, which the budget is judged on."""
        return max(self.walls)

    def summary(self) -> str:
        """The runs, their median and the slowest one against the budget."""
        runs = ", ".join(f"{wall:.2f}" for wall in self.walls)
        within = "within" if self.slowest < RUN_BUDGET_SECONDS else "OVER"
        return (
            f"{runs} s wall for {self.checks} checks; median {self.median:.2f} s, slowest "
            f"{self.slowest:.2f} s ({within} the {RUN_BUDGET_SECONDS:.0f} s budget)"
        )


def time_conformance(runs: int) -> ConformanceTimes:
    """Run the conformance run ``runs`` times, one after another; each must run every check."""
    if runs < 1:
        raise ValueError("time at least one conformance run")
    results = [run_conformance() for _ in range(runs)]
    checks = {count for _, count, _ in results}
    if len(checks) != 1:
        sys.exit(f"the runs ran different numbers of checks: {sorted(checks)}")
    return ConformanceTimes(
        walls=tuple(wall for wall, _, _ in results),
        checks=checks.pop(),
        test_time=statistics.median(test_time for _, _, test_time in results),
    )


def bare_floor(iterations: int) -> float:
    """Seconds per iteration of a bare Playwright loop: set a page's content, read one element."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**chromium_launch_args(playwright, {}))
        page = browser.new_page()
        page.set_content("<p id=claim>warm up</p>")
        started = time.perf_counter()
        for number in range(iterations):
            page.set_content(f"<main><p id=claim>check {number}</p></main>")
            page.locator("#claim").text_content()
        elapsed = time.perf_counter() - started
        browser.close()
    return elapsed / iterations


def at_least_one(text: str) -> int:
    """A count for ``--runs``: a whole number of at least one."""
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def work_floor_ratio() -> tuple[float, float, int]:
    """One conformance run that writes down its browser work, then the bare replay of that
    work: the run's wall seconds, the floor's, and the number of pages the run loaded."""
    with tempfile.TemporaryDirectory() as scratch:
        log = Path(scratch) / "work.json"
        wall, _, _ = run_conformance(env={"BROWSER_WORK_LOG": str(log)})
        work = read_work(log)
    return wall, replay(work), len(work["loads"])


def main() -> None:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=at_least_one, default=3, help="conformance runs to time (%(default)s)"
    )
    parser.add_argument("--floor-iterations", type=int, default=200)
    args = parser.parse_args()
    times = time_conformance(args.runs)
    run, floor_wall, loads = work_floor_ratio()
    floor = bare_floor(args.floor_iterations)
    per_check = times.median / times.checks
    in_tests = times.test_time / times.checks
    ratio = run / floor_wall
    print(f"conformance runs:    {times.summary()}")
    print(
        f"work floor:          run {run:.2f} s, floor {floor_wall:.2f} s ({loads} page loads, "
        f"same dialogs, tabs and pictures): {ratio:.2f}x (goal {WORK_FLOOR_GOAL}x: "
        f"{'met' if ratio <= WORK_FLOOR_GOAL else 'missed'})"
    )
    print(f"per check, wall:     {per_check * 1000:6.1f} ms (median run; start-up and report in)")
    print(f"per check, in tests: {in_tests * 1000:6.1f} ms")
    print(f"bare-browser floor:  {floor * 1000:6.1f} ms (set_content + read one element)")
    print(f"ratio to that floor: {per_check / floor:6.1f}x wall, {in_tests / floor:.1f}x in tests")


if __name__ == "__main__":
    main()
