"""The Connected Apps page's ``actions.json``: each app's row, and revoking it, done with
:func:`prototype.states.user_actions.revoke_app`. The apps are the user's, the same on every
workspace's page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from prototype.pages.row_flows import Shown, Step, rows_data
from prototype.pages.settings_views import app_row
from prototype.states.actions import ActionError
from prototype.states.models import User
from prototype.states.user_actions import revoke_app

Macro = Callable[..., str]


@dataclass(frozen=True)
class AppsPage:
    """The Connected Apps list, for any state of the user's apps."""

    row_macro: Macro
    dialog_macro: Macro

    def rows(self, user: User) -> list[str]:
        """Each app's key, in the user's order."""
        return [app_row(app).key for app in user.connected_apps]

    def variant(self, user: User, key: str) -> str:
        """An app shows the same whatever else is connected."""
        return key

    def shown(self, user: User, key: str) -> Shown:
        """An app and its Revoke dialog."""
        row = next(app_row(app) for app in user.connected_apps if app_row(app).key == key)
        return Shown(key, self.row_macro(row), self.dialog_macro(row))

    def steps(self, user: User, key: str) -> Iterator[Step[User]]:
        """Revoking the app."""
        row = next(app_row(app) for app in user.connected_apps if app_row(app).key == key)
        try:
            after = revoke_app(user, row.name)
        except ActionError:
            return
        yield Step("revoke", "", after, f"Revoked {row.name}: it no longer reaches your account.")


def apps_data(page: AppsPage, user: User) -> dict[str, Any]:
    """The content of the Connected Apps page's ``actions.json``."""
    return rows_data(page, user)
