"""Revoking a connected app: it is no longer listed, and the others stay in their order."""

from __future__ import annotations

import pytest

from prototype.states.actions import ActionError
from prototype.states.user_actions import revoke_app
from tests.expected import FIXTURE_SET

USER = FIXTURE_SET.user


@pytest.mark.parametrize("app", [app.name for app in USER.connected_apps])
def test_revoking_an_app_leaves_the_others(app: str) -> None:
    after = revoke_app(USER, app)
    assert [a.name for a in after.connected_apps] == [
        a.name for a in USER.connected_apps if a.name != app
    ]
    assert after.model_copy(update={"connected_apps": USER.connected_apps}) == USER


def test_every_app_can_be_revoked_and_none_twice() -> None:
    user = USER
    for app in USER.connected_apps:
        user = revoke_app(user, app.name)
        with pytest.raises(ActionError):
            revoke_app(user, app.name)
    assert user.connected_apps == []
