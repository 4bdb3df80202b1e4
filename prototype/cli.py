"""``python -m prototype``: build, validate, schema. Bad input: one line a problem, exit 1."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from prototype.inputs.errors import InputError
from prototype.pages.build import DOCS_URL, build
from prototype.states.fixtures import load_fixture_set
from prototype.states.schema import schema_files

DEFAULT_FIXTURES = Path("fixtures")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m prototype", description="The Settings prototype."
    )
    parser.add_argument(
        "--fixtures", type=Path, default=DEFAULT_FIXTURES, help="fixtures folder (%(default)s)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="render the prototype into OUT")
    build_cmd.add_argument("out", type=Path, metavar="OUT")
    build_cmd.add_argument(
        "--docs-url", default=DOCS_URL, help="the docs root relative to OUT (%(default)s)"
    )
    commands.add_parser("validate", help="check every fixture and report each problem")
    schema_cmd = commands.add_parser("schema", help="write the JSON Schemas into the fixtures")
    schema_cmd.add_argument(
        "--check", action="store_true", help="fail if the committed schemas are out of date"
    )
    return parser


def _schema(fixtures: Path, check: bool) -> int:
    stale = []
    for name, text in schema_files().items():
        path = fixtures / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if check:
            stale.append(f"{path}: out of date; run: python -m prototype schema")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    for line in stale:
        print(line, file=sys.stderr)
    return 1 if stale else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "validate":
            fixture_set = load_fixture_set(args.fixtures)
            print(f"{len(fixture_set.states)} states valid in {args.fixtures}")
        elif args.command == "build":
            started = time.perf_counter()
            fixture_set = build(args.fixtures, args.out, args.docs_url)
            elapsed = time.perf_counter() - started
            print(f"built {len(fixture_set.states)} states into {args.out} in {elapsed:.2f}s")
        else:
            return _schema(args.fixtures, args.check)
    except InputError as error:
        for line in error.problems:
            print(line, file=sys.stderr)
        unchanged = "; nothing was written" if args.command != "validate" else ""
        print(f"{len(error.problems)} problem(s){unchanged}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0
