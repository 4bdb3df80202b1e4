"""The Model and Integrations pages' ``actions.json``: every variant of their rows that an
action reaches, done with the rules of :mod:`prototype.states.workspace_actions`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from prototype.pages.row_flows import Shown, Step, rows_data
from prototype.pages.settings_views import INTEGRATIONS, integration_row, model_view
from prototype.states.actions import ActionError
from prototype.states.models import Member, WorkspaceState
from prototype.states.workspace_settings import (
    Integration,
    connect,
    current_model,
    disconnect,
    pick_model,
)

Macro = Callable[..., str]
MODEL_ROW = "model"
"""The Model page's one row: its section."""


@dataclass(frozen=True)
class ModelPage:
    """The Model page's section as ``viewer`` sees it, in any state of the workspace."""

    viewer: Member
    models: Sequence[str]
    today: dt.date
    section_macro: Macro
    dialog_macro: Macro

    def rows(self, state: WorkspaceState) -> list[str]:
        """The one row."""
        return [MODEL_ROW]

    def variant(self, state: WorkspaceState, key: str) -> str:
        """By the model the workspace uses."""
        return f"model:{current_model(state, self.models)}"

    def shown(self, state: WorkspaceState, key: str) -> Shown:
        """The section and its dialog."""
        model = model_view(state, self.viewer, self.models)
        return Shown(MODEL_ROW, self.section_macro(model), self.dialog_macro(model))

    def steps(self, state: WorkspaceState, key: str) -> Iterator[Step[WorkspaceState]]:
        """Picking each model the catalogue offers, when the viewer may pick."""
        for model in self.models:
            try:
                after = pick_model(state, self.viewer, model, self.models, self.today)
            except ActionError:
                continue
            yield Step(
                "pick-model", model, after, model_done(current_model(state, self.models), model)
            )


def model_done(before: str, model: str) -> str:
    """What the live region says once a model is picked: the new one, or that it stays."""
    if model == before:
        return f"The text interviewer model stays {model}: it was the one in use already."
    return f"The text interviewer model is now {model}."


@dataclass(frozen=True)
class IntegrationsPage:
    """The Integrations page's rows, in any state of the workspace."""

    viewer: Member
    today: dt.date
    row_macro: Macro
    dialogs_macro: Macro

    def rows(self, state: WorkspaceState) -> list[str]:
        """Every integration, in the docs' order."""
        return list(INTEGRATIONS)

    def variant(self, state: WorkspaceState, key: str) -> str:
        """By whether it is connected."""
        return f"{key}:{'on' if key in state.workspace.integrations else 'off'}"

    def shown(self, state: WorkspaceState, key: str) -> Shown:
        """An integration, connected or not."""
        row = integration_row(state.workspace, self.viewer, _integration(key))
        return Shown(key, self.row_macro(row), self.dialogs_macro(row))

    def steps(self, state: WorkspaceState, key: str) -> Iterator[Step[WorkspaceState]]:
        """Connecting or disconnecting it, whichever applies."""
        integration = _integration(key)
        label = INTEGRATIONS[integration]
        for action, do, said in [
            ("connect", connect, f"{label} is connected."),
            ("disconnect", disconnect, f"{label} is disconnected."),
        ]:
            try:
                after = do(state, self.viewer, integration, self.today)
            except ActionError:
                continue
            yield Step(action, "", after, said)


def _integration(key: str) -> Integration:
    return next(integration for integration in INTEGRATIONS if integration == key)


def model_data(page: ModelPage, state: WorkspaceState) -> dict[str, Any]:
    """The content of the Model page's ``actions.json`` for the page's viewer: the section with
    each model the catalogue offers, since every view shows the model an Owner or an Admin
    picked in this tab, a Member's too."""
    every = (
        state.model_copy(update={"workspace": state.workspace.model_copy(update=change)})
        for change in ({"interviewer_model": model} for model in page.models)
    )
    return rows_data(page, state, also=every)


def integrations_data(page: IntegrationsPage, state: WorkspaceState) -> dict[str, Any]:
    """The content of the Integrations page's ``actions.json``."""
    return rows_data(page, state)
