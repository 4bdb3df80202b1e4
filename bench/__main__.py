"""``python -m bench``: every benchmark in one run, with the project's goals beside them.

- the site build against a plain ``mkdocs build`` of the same docs and theme, no project hooks;
- rendering every fixture, and 1,000 generated states;
- the conformance run's per-check cost against a bare-browser floor measured in the same run;
- the heaviest prototype page (HTML plus the CSS and JavaScript it loads).
"""

from __future__ import annotations

import argparse
import time

from bench.conformance import (
    WORK_FLOOR_GOAL,
    at_least_one,
    bare_floor,
    time_conformance,
    work_floor_ratio,
)
from bench.feedback import (
    CHANGED_GOAL,
    RELOAD_GOAL_SECONDS,
    SUITE_GOAL_SECONDS,
    changed_only,
    live_reload,
    whole_suite,
)
from bench.site import (
    BUILD_RATIO_GOAL,
    PAGE_BUDGET_BYTES,
    heaviest_page,
    render_time,
    site_build_times,
)
from prototype.states.fixtures import FixtureSet
from tests.expected import FIXTURE_SET
from tests.strategies import batched_sets, draw_states

GENERATED = 1000
CHECK_RATIO_GOAL = 3.0


def generated_sets(count: int) -> list[FixtureSet]:
    """``count`` generated states, in fixture sets whose workspace names are unique."""
    found = draw_states(count, seed_value=20261127)
    return [fixture_set for _, fixture_set in batched_sets(found)]


def verdict(ok: bool) -> str:
    return "within the goal" if ok else "OVER the goal"


def main() -> None:
    """Run the benchmarks and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs",
        type=at_least_one,
        default=3,
        help="repeats per timing: the median, and for the conformance run the slowest too",
    )
    parser.add_argument("--suite", action="store_true", help="also time the whole test suite")
    args = parser.parse_args()

    project, plain = site_build_times(args.runs)
    ratio = project / plain
    print(
        f"site build:        {project:6.2f} s; plain mkdocs build {plain:.2f} s; "
        f"{ratio:.2f}x ({verdict(ratio <= BUILD_RATIO_GOAL)} of {BUILD_RATIO_GOAL}x)"
    )

    fixtures = FIXTURE_SET
    print(
        f"render fixtures:   {render_time(fixtures, args.runs) * 1000:6.0f} ms for "
        f"{len(fixtures.states)} states"
    )

    started = time.perf_counter()
    sets = generated_sets(GENERATED)
    drawn = sum(len(fixture_set.states) for fixture_set in sets)
    generating = time.perf_counter() - started
    rendering = sum(render_time(fixture_set, 1) for fixture_set in sets)
    print(
        f"render generated:  {rendering:6.2f} s for {drawn} states in {len(sets)} builds "
        f"({rendering / drawn * 1000:.1f} ms a state; drawing them took {generating:.1f} s)"
    )

    times = time_conformance(args.runs)
    floor = bare_floor(200)
    per_check = times.median / times.checks
    print(f"conformance run:   {times.summary()}")
    print(
        f"per check:         {per_check * 1000:6.1f} ms; bare-browser floor "
        f"{floor * 1000:.1f} ms; {per_check / floor:.1f}x "
        f"({verdict(per_check / floor <= CHECK_RATIO_GOAL)} of {CHECK_RATIO_GOAL:.0f}x)"
    )

    run, floor_wall, loads = work_floor_ratio()
    print(
        f"work floor:        run {run:.2f} s, bare replay of its browser work {floor_wall:.2f} s "
        f"({loads} page loads, the same dialogs, tabs and pictures); {run / floor_wall:.2f}x "
        f"({verdict(run / floor_wall <= WORK_FLOOR_GOAL)} of {WORK_FLOOR_GOAL}x)"
    )

    full, changed = changed_only()
    print(
        f"changed-only run:  {changed:6.2f} s after a one-sentence edit; full run {full:.2f} s; "
        f"{changed / full:.2f} of it ({verdict(changed / full <= CHANGED_GOAL)} of "
        f"{CHANGED_GOAL})"
    )
    reload = live_reload()
    print(
        f"live reload:       {reload:6.2f} s from saving a fixture to the served page "
        f"({verdict(reload <= RELOAD_GOAL_SECONDS)} of {RELOAD_GOAL_SECONDS:.0f} s)"
    )
    if args.suite:
        suite = whole_suite()
        print(
            f"whole suite:       {suite.wall:6.1f} s for {suite.tests} tests "
            f"({verdict(suite.wall <= SUITE_GOAL_SECONDS)} of {SUITE_GOAL_SECONDS:.0f} s); "
            "by part, the time inside its tests:"
        )
        for part, (count, seconds) in suite.parts.items():
            print(f"  {seconds:6.1f} s  {count:5d} tests  {part}")

    page, size = heaviest_page(fixtures)
    print(
        f"heaviest page:     {size / 1000:6.1f} KB ({page}; "
        f"{verdict(size <= PAGE_BUDGET_BYTES)} of {PAGE_BUDGET_BYTES // 1000} KB)"
    )


if __name__ == "__main__":
    main()
