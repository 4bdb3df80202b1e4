"""Every people page's ``actions.json``: the Members and Model pages as the user and as each
other role, the Integrations page, and the Connected Apps page of every workspace."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from prototype.pages.apps_flows import AppsPage, apps_data
from prototype.pages.flows import macros
from prototype.pages.members_flows import MembersPage, members_data
from prototype.pages.members_view import viewers_by_role
from prototype.pages.people_pages import CONNECTED_APPS, DATA_FILE, INTEGRATIONS
from prototype.pages.render import as_role_path
from prototype.pages.settings_flows import (
    IntegrationsPage,
    ModelPage,
    integrations_data,
    model_data,
)
from prototype.pages.settings_pages import MEMBERS, MODEL
from prototype.pages.views import workspace_path
from prototype.pages.workspaces import rendered_states
from prototype.states.fixtures import FixtureSet
from prototype.states.membership import viewer_of
from prototype.states.models import WorkspaceState


def people_files(env: Environment, fixture_set: FixtureSet) -> Iterator[tuple[str, Any]]:
    """``(path, data)`` of each people page's data, paths relative to the prototype root: the
    fixtures' workspaces and the added one."""
    for state_id, state in rendered_states(fixture_set):
        yield from state_people_files(env, fixture_set, state_id, state)


def state_people_files(
    env: Environment, fixture_set: FixtureSet, state_id: str, state: WorkspaceState
) -> Iterator[tuple[str, Any]]:
    """``(path, data)`` of the people pages' data of one state; it reads that state, the user,
    today and the catalogue's models, and nothing of the other states."""
    members = macros(env, "settings/members_parts.html")
    workspace = macros(env, "settings/workspace_parts.html")
    apps = macros(env, "settings/apps_parts.html")
    user, today = fixture_set.user, fixture_set.today
    models = fixture_set.catalogue.interviewer_models
    settings = f"{workspace_path(state_id)}settings/"
    apps_page = AppsPage(lambda r: apps("app_row", r), lambda r: apps("app_dialog", r))
    yield f"{settings}{CONNECTED_APPS}/{DATA_FILE}", apps_data(apps_page, user)
    me = viewer_of(state, user)
    if me is None:
        return  # only shared: its workspace pages are for members
    integrations = IntegrationsPage(
        me,
        today,
        lambda r: workspace("integration_row", r),
        lambda r: workspace("integration_dialogs", r),
    )
    yield f"{settings}{INTEGRATIONS}/{DATA_FILE}", integrations_data(integrations, state)
    for role, viewer in viewers_by_role(state, user).items():
        below = "" if viewer == me else as_role_path(role)
        people = MembersPage(
            user,
            viewer,
            today,
            lambda r: members("person_row", r),
            lambda r: members("person_dialogs", r),
        )
        yield f"{settings}{MEMBERS}/{below}{DATA_FILE}", members_data(people, state)
        model = ModelPage(
            viewer,
            models,
            today,
            lambda m: workspace("model_section", m),
            lambda m: workspace("model_dialog", m),
        )
        yield f"{settings}{MODEL}/{below}{DATA_FILE}", model_data(model, state)
