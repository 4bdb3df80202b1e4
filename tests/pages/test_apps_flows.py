"""The Connected Apps page's ``actions.json``: each app revoked in any order leaves what Python
renders for the apps left, down to none."""

from __future__ import annotations

import itertools
import json
from typing import Any

from prototype.pages.apps_flows import AppsPage, apps_data
from prototype.pages.flows import macros
from prototype.pages.render import environment
from prototype.pages.settings_views import app_row
from prototype.states.models import User
from prototype.states.user_actions import revoke_app
from tests.expected import FIXTURE_SET
from tests.people_rows import moves, shown, start, step

PARTS = macros(environment(), "settings/apps_parts.html")
USER = FIXTURE_SET.user


def rendered(user: User) -> tuple[str, str]:
    rows = [app_row(app) for app in user.connected_apps]
    return "".join(PARTS("app_row", r) for r in rows), "".join(PARTS("app_dialog", r) for r in rows)


def data_of(user: User) -> dict[str, Any]:
    page = AppsPage(lambda r: PARTS("app_row", r), lambda r: PARTS("app_dialog", r))
    parsed: dict[str, Any] = json.loads(json.dumps(apps_data(page, user)))
    return parsed


def test_revoking_in_any_order_leaves_what_python_renders() -> None:
    data = data_of(USER)
    names = [app.name for app in USER.connected_apps]
    assert shown(data, start(data)) == rendered(USER)
    for order in itertools.permutations(names):
        rows, user = start(data), USER
        for name in order:
            [(key, action, choice)] = [
                m
                for m in moves(data, rows)
                if m[0] == app_row(next(a for a in user.connected_apps if a.name == name)).key
            ]
            rows, said = step(data, rows, key, action, choice)
            user = revoke_app(user, name)
            assert shown(data, rows) == rendered(user)
            assert said == f"Revoked {name}: it no longer reaches your account."
        assert rows == []


def test_app_keys_tell_names_apart() -> None:
    names = ["A b", "A_b", "A__b", "A  b", "A_ b"]
    keys = [app_row(USER.connected_apps[0].model_copy(update={"name": n})).key for n in names]
    assert len(set(keys)) == len(names)
    assert not [key for key in keys if " " in key]
