"""``rows_data``: the fixture's rows, every variant the actions reach from them once, and the
rows an action adds, on a page of counters small enough to check by hand."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from prototype.pages.row_flows import Shown, Step, rows_data

State = tuple[tuple[str, int], ...]
"""Named counters, in order; a row each."""


@dataclass(frozen=True)
class Counters:
    """A counter goes up to 2, and at 2 can only be dropped."""

    def rows(self, state: State) -> list[str]:
        return [name for name, _ in state]

    def variant(self, state: State, key: str) -> str:
        return f"{key}:{dict(state)[key]}"

    def shown(self, state: State, key: str) -> Shown:
        value = dict(state)[key]
        return Shown(key, f"<li>{value}</li>", "", {"as": str(value)})

    def steps(self, state: State, key: str) -> Iterator[Step[State]]:
        if dict(state)[key] < 2:
            bumped = tuple((name, value + (name == key)) for name, value in state)
            yield Step("bump", "", bumped, "bumped")
        else:
            yield Step("drop", "", tuple(pair for pair in state if pair[0] != key), "dropped")


def variant(key: str, value: int, action: str, to: str | None) -> dict[str, object]:
    done = {"bump": "bumped", "drop": "dropped"}[action]
    return {
        "key": key,
        "row": f"<li>{value}</li>",
        "dialogs": "",
        "taken": {"as": str(value)},
        "actions": {action: {"": {"to": to, "done": done}}},
    }


def test_every_variant_once_with_its_transitions() -> None:
    fixture = (("a", 0), ("b", 2))
    added: Step[State] = Step("add", "one", (*fixture, ("c", 1)), "added")
    data = rows_data(Counters(), fixture, [added])
    assert data["fixture"] == [{"v": "a:0"}, {"v": "b:2"}]
    assert data["add"] == {"add": {"one": {"to": "c:1", "done": "added"}}}
    assert data["variants"] == {
        "a:0": variant("a", 0, "bump", "a:1"),
        "b:2": variant("b", 2, "drop", None),
        "c:1": variant("c", 1, "bump", "c:2"),
        "a:1": variant("a", 1, "bump", "a:2"),
        "c:2": variant("c", 2, "drop", None),
        "a:2": variant("a", 2, "drop", None),
    }


def test_extra_data_is_passed_on() -> None:
    empty: State = ()
    assert rows_data(Counters(), empty, rules={"a": 1})["rules"] == {"a": 1}
