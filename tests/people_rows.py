"""people-flows.js's lookups done in Python: the rows a tab keeps, what an action leads to, and
the HTML the page then shows, so what the browser would show after any actions can be compared
with what Python renders for the state the actions lead to."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

Row = dict[str, str]
"""A row the tab keeps: its variant ``v``, and for a template its address ``e`` and key ``k``."""


def start(data: dict[str, Any]) -> list[Row]:
    """The fixture's rows."""
    return [dict(row) for row in data["fixture"]]


def key_of(data: dict[str, Any], row: Row) -> str:
    """A row's ``data-row``."""
    key: str = data["variants"][row["v"]]["key"]
    return key.replace(data["placeholders"]["key"], row["k"]) if "k" in row else key


def filled(data: dict[str, Any], html: str, row: Row) -> str:
    """A variant's HTML as the browser shows it: a template's key and address put in."""
    if "e" not in row:
        return html
    html = html.replace(data["placeholders"]["key"], str(escape(row["k"])))  # in attributes
    return html.replace("<bdi data-fill></bdi>", f"<bdi>{escape(row['e'])}</bdi>")


def shown(data: dict[str, Any], rows: list[Row]) -> tuple[str, str]:
    """The rows' HTML and their dialogs' HTML, in order."""
    variants = data["variants"]
    return (
        "".join(filled(data, variants[row["v"]]["row"], row) for row in rows),
        "".join(filled(data, variants[row["v"]]["dialogs"], row) for row in rows),
    )


def step(
    data: dict[str, Any], rows: list[Row], key: str, action: str, choice: str = ""
) -> tuple[list[Row], str]:
    """The rows after ``action`` with ``choice`` on the row ``key``, and what is announced."""
    index = next(i for i, row in enumerate(rows) if key_of(data, row) == key)
    row = rows[index]
    move = data["variants"][row["v"]]["actions"][action][choice]
    after = [*rows[:index], *([{**row, "v": move["to"]}] if move["to"] else []), *rows[index + 1 :]]
    done: str = move["done"]
    return after, done.replace(data["placeholders"]["email"], row["e"]) if "e" in row else done


def add(
    data: dict[str, Any], rows: list[Row], action: str, choice: str, typed: str
) -> tuple[list[Row], str]:
    """The rows after an invitation to the (already trimmed, accepted) address ``typed``."""
    move = data["add"][action][choice]
    done: str = move["done"]
    row = {"v": move["to"], "k": typed.lower(), "e": typed}
    return [*rows, row], done.replace(data["placeholders"]["email"], typed)


def moves(data: dict[str, Any], rows: list[Row]) -> list[tuple[str, str, str]]:
    """Every ``(row key, action, choice)`` the rows offer."""
    return [
        (key_of(data, row), action, choice)
        for row in rows
        for action, choices in data["variants"][row["v"]]["actions"].items()
        for choice in choices
    ]
