"""One error type for bad input, with one line per problem."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import ValidationError


class InputError(Exception):
    """Bad input (a fixture, a page's front matter): every problem, one line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


MAX_SHOWN = 80
"""The longest value a message shows whole; a longer one is cut to its first characters."""
SHOWN_START = 40
"""How many characters of a cut value a message shows."""


def cut(text: str, limit: int = MAX_SHOWN) -> str:
    """``text``, or when longer than ``limit`` its start, an ellipsis and its length."""
    if len(text) <= limit:
        return text
    return f"{text[:SHOWN_START]}… ({len(text):,} characters)"


def shown(value: object) -> str:
    """``value`` as a message quotes it: its repr, cut when long to ``'aaaa…' (1,000,000
    characters)``, so one line names a value of any size."""
    if isinstance(value, str) and len(value) > MAX_SHOWN:
        start = repr(value[:SHOWN_START])
        return f"{start[:-1]}…{start[-1]} ({len(value):,} characters)"
    return cut(repr(value))


def field_path(location: Iterable[int | str]) -> str:
    """Render a pydantic error location as a dotted path: ``invoices[3].amount.currency``."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            name = part if len(part) <= MAX_SHOWN else shown(part)
            path += f".{name}" if path else name
    return path or "(top level)"


_SCALARS = (str, int, float, bool)


def describe_validation_error(
    source: str, error: ValidationError, field_label: str = "{path}"
) -> list[str]:
    """One ``source: field: reason`` line per problem pydantic found.

    ``field_label`` frames the field path, e.g. ``"front matter '{path}'"``.
    """
    lines = []
    for problem in error.errors(include_url=False):
        reason = problem["msg"].removeprefix("Value error, ")
        value = problem.get("input")
        if problem["type"] != "value_error" and isinstance(value, _SCALARS):
            reason += f" (got {shown(value)})"
        label = field_label.format(path=field_path(problem["loc"]))
        lines.append(f"{source}: {label}: {reason}")
    return lines
