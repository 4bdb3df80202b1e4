"""``actions.json``: what a Settings page's people actions do, rendered ahead of time.

A people page (Members, Model, Integrations, Connected Apps) is a list of rows; each action acts
on one row, and what it allows and leads to depends on that row alone (and on who views the
page). So the build follows every action, with every choice, from each row of the fixture
state, and renders every variant of a row it reaches with the page's own macros: the row and
its dialogs. The browser keeps the tab's rows as a list of variant ids, looks a transition up,
and swaps the rows in (``people-flows.js``). Rows the browser adds (an invitation to any
address) come from a template variant whose address and key it fills in as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

S = TypeVar("S")


@dataclass(frozen=True)
class Shown:
    """One row as the page shows it."""

    key: str
    """The row's ``data-row``: stays the same whatever the row's variant."""
    row: str
    """The row's HTML."""
    dialogs: str
    """Its dialogs' HTML, in one element carrying the same ``data-row``; empty when none."""
    taken: dict[str, str] | None = None
    """For people: the address key (none in a template) and whether a member or invited."""


@dataclass(frozen=True)
class Step(Generic[S]):
    """An action with one choice, done on a row: the state it leads to and what is said."""

    action: str
    choice: str
    after: S
    done: str


class RowPage(Protocol[S]):
    """A people page's rows and the actions on them, for states of type ``S``."""

    def rows(self, state: S) -> list[str]:
        """The keys of the rows ``state`` shows, in page order."""
        ...

    def variant(self, state: S, key: str) -> str:
        """The variant id of the row ``key`` in ``state``: rows that show the same have the
        same."""
        ...

    def shown(self, state: S, key: str) -> Shown:
        """The row ``key`` as ``state`` shows it."""
        ...

    def steps(self, state: S, key: str) -> Iterator[Step[S]]:
        """Every action the row offers, with every choice, done."""
        ...


def _variants(page: RowPage[S], starts: Iterable[tuple[S, str]]) -> dict[str, Any]:
    """Every variant of the rows ``starts`` name that their actions reach, each with its
    transitions: action → choice → ``{"to": variant or None (removed), "done": text}``."""
    found: dict[str, Any] = {}
    queue = list(starts)
    while queue:
        state, key = queue.pop(0)
        variant = page.variant(state, key)
        if variant in found:
            continue
        shown = page.shown(state, key)
        moves: dict[str, dict[str, dict[str, Any]]] = {}
        for step in page.steps(state, key):
            to = page.variant(step.after, key) if key in page.rows(step.after) else None
            moves.setdefault(step.action, {})[step.choice] = {"to": to, "done": step.done}
            if to is not None and to not in found:
                queue.append((step.after, key))
        found[variant] = {
            "key": shown.key,
            "row": shown.row,
            "dialogs": shown.dialogs,
            "taken": shown.taken,
            "actions": moves,
        }
    return found


def rows_data(
    page: RowPage[S],
    state: S,
    adds: Iterable[Step[S]] = (),
    also: Iterable[S] = (),
    **extra: Any,
) -> dict[str, Any]:
    """The content of a page's ``actions.json``: the fixture's rows, every variant reached, and
    the actions that add a row (each leads to the variant of the row it adds, last). The rows
    of the states ``also`` are there too: states another view's actions lead to, which this
    view shows when the tab keeps one."""
    added: dict[str, dict[str, dict[str, Any]]] = {}
    starts = [(other, key) for other in (state, *also) for key in page.rows(other)]
    for step in adds:
        key = page.rows(step.after)[-1]
        added.setdefault(step.action, {})[step.choice] = {
            "to": page.variant(step.after, key),
            "done": step.done,
        }
        starts.append((step.after, key))
    return {
        "fixture": [{"v": page.variant(state, key)} for key in page.rows(state)],
        "variants": _variants(page, starts),
        "add": added,
        **extra,
    }
