"""The rules of the user's own pages' actions: functions from one validated user to the next.

Connected Apps are the user's, in every workspace: the user reviews them and revokes any.
"""

from __future__ import annotations

from prototype.states.actions import ActionError
from prototype.states.models import User


def revoke_app(user: User, name: str) -> User:
    """The app called ``name`` no longer reaches the user's account: it is no longer listed."""
    apps = [app.model_dump() for app in user.connected_apps if app.name != name]
    if len(apps) == len(user.connected_apps):
        raise ActionError(f"no app called {name!r} is connected")
    return User.model_validate(user.model_dump() | {"connected_apps": apps})
