"""One error type for bad input, with one line per problem."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import ValidationError


class InputError(Exception):
    """Bad input (a fixture, a page's front matter): every problem, one line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def field_path(location: Iterable[int | str]) -> str:
    """Render a pydantic error location as a dotted path: ``invoices[3].amount.currency``."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
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
            reason += f" (got {value!r})"
        label = field_label.format(path=field_path(problem["loc"]))
        lines.append(f"{source}: {label}: {reason}")
    return lines
