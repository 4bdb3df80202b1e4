"""Benchmark the conformance run against a bare-browser floor measured in the same run.

``python -m bench.conformance`` runs every conformance check (all claims on all states, the
report and the screenshots) as ``python3 dev.py conformance`` does, then times the floor: one
Chromium page that sets its content and reads one element, in a loop. It prints the run's
wall time, its per-check cost and the floor side by side.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from playwright.sync_api import sync_playwright

from dev import CONFORMANCE_ARGS
from tests.launch import chromium_launch_args

ROOT = Path(__file__).resolve().parent.parent
RUN_BUDGET_SECONDS = 20.0


def run_conformance() -> tuple[float, int, float]:
    """Wall seconds of the conformance run, its number of checks, and their summed test time."""
    with tempfile.TemporaryDirectory() as scratch:
        junit = Path(scratch) / "junit.xml"
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", *CONFORMANCE_ARGS, "-q", f"--junitxml={junit}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"the conformance run failed:\n{done.stdout[-3000:]}")
        cases = ET.parse(junit).getroot().iter("testcase")
        times = [float(case.get("time", "0")) for case in cases]
    return wall, len(times), sum(times)


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


def main() -> None:
    """Run both measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor-iterations", type=int, default=200)
    args = parser.parse_args()
    wall, checks, test_time = run_conformance()
    floor = bare_floor(args.floor_iterations)
    per_check = wall / checks
    print(
        f"conformance run:     {wall:6.2f} s wall for {checks} checks "
        f"(budget {RUN_BUDGET_SECONDS:.0f} s: {'within' if wall < RUN_BUDGET_SECONDS else 'OVER'})"
    )
    print(f"per check, wall:     {per_check * 1000:6.1f} ms (start-up, build and report included)")
    print(f"per check, in tests: {test_time / checks * 1000:6.1f} ms")
    print(f"bare-browser floor:  {floor * 1000:6.1f} ms (set_content + read one element)")
    print(
        f"ratio to the floor:  {per_check / floor:6.1f}x wall, "
        f"{test_time / checks / floor:.1f}x in tests"
    )


if __name__ == "__main__":
    main()
